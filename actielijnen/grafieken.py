"""Plotly figures for the level views, built in Python and drawn by static/js/grafiek.js.

Each function returns a plain dict (the figure's JSON) for `json_script`; every template that shows one also
shows a caption and a data table with the same numbers (WCAG 1.1.1). The look (font, Dutch number formats,
colours, legend below the plot) is the house style of kern.grafiekstijl, shared by every chart.

The dicts are written directly in plotly's JSON form rather than through `plotly.graph_objects`: validating a
go.Figure and serialising it cost more than all the queries of the college page (about 10 ms a figure, where the
dict takes microseconds). tests/test_grafieken_als_dict.py checks them against go.Figure with the same layout.
"""

from datetime import date

from actielijnen.constants import RagStatus
from kern import grafiekstijl
from kern.notatie import format_getal, kwartaal_begin, kwartaal_einde

RAG_KLEUREN = grafiekstijl.STOPLICHT_KLEUREN
RAG_NAMEN = {**{rag.value: rag.label for rag in RagStatus}, "onbekend": "Onbekend: nog geen update"}
TIJDLIJN_BEGIN = date(2023, 1, 1)
TIJDLIJN_EINDE = date(2025, 12, 31)
PEILMOMENT = date(2025, 1, 1)  # §3: the uitvoeringsagenda's horizon, marked on the timeline
# An activity's name on the timeline's axis is cut here, so the bars keep most of a phone's width; the hover
# text and the table below the chart give the whole name.
LABEL_LENGTE = 22


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= LABEL_LENGTE else tekst[: LABEL_LENGTE - 1].rstrip() + "…"


def _labels(standen) -> dict[int, str]:
    """Each row's axis label: the name cut short, or whole where two cut names would read the same."""
    korte = [_kort(str(s.activiteit)) for s in standen]
    return {
        id(s): kort if korte.count(kort) == 1 else str(s.activiteit)
        for s, kort in zip(standen, korte, strict=True)
    }


def _kwartaal(dag: date) -> str:
    return f"Q{(dag.month - 1) // 3 + 1} {dag.year}"


def tijdlijn(standen) -> dict | None:
    """The planning of the activities on a quarter axis 2023–2025 with 1 January 2025 marked."""
    gepland = [s for s in standen if s.activiteit.geplande_start and s.activiteit.gepland_einde]
    if not gepland:
        return None
    labels = _labels(gepland)
    data = []
    for rag in ("groen", "oranje", "rood", "onbekend"):
        rijen = [s for s in gepland if s.rag_woord == rag]
        if not rijen:
            continue
        begin = [kwartaal_begin(s.activiteit.geplande_start) for s in rijen]
        einde = [kwartaal_einde(s.activiteit.gepland_einde) for s in rijen]
        data.append(
            {
                "type": "bar",
                "y": [labels[id(s)] for s in rijen],
                "x": [(e - b).days * 86_400_000 for b, e in zip(begin, einde, strict=True)],
                "base": [b.isoformat() for b in begin],
                "orientation": "h",
                # The legend names the colour, not the first row's label (which for an activity off the
                # agenda 2023 reads "Niet op de agenda 2023").
                "name": RAG_NAMEN[rag],
                "marker": {"color": RAG_KLEUREN[rag]},
                "customdata": [
                    [str(s.activiteit), f"{_kwartaal(b)} tot en met {_kwartaal(e)}"]
                    for s, b, e in zip(rijen, begin, einde, strict=True)
                ],
                "hovertemplate": "%{customdata[0]}<br>Gepland: %{customdata[1]}<br>"
                f"Stoplicht: {RAG_NAMEN[rag]}<extra></extra>",
            }
        )
    kwartalen = [date(j, m, 1) for j in (2023, 2024, 2025) for m in (1, 4, 7, 10)]
    peil = PEILMOMENT.isoformat()
    return grafiekstijl.figuur(
        data,
        shapes=[
            {
                "type": "line",
                "x0": peil,
                "x1": peil,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "y domain",
                "line": {"color": grafiekstijl.INKT, "dash": "dash", "width": 2},
            }
        ],
        annotations=[
            {
                "x": peil,
                "y": 1.02,
                "yref": "paper",
                "text": "1 januari 2025",
                "showarrow": False,
                # Left of the line: the quarters before 2025 leave it room, also on a phone.
                "xanchor": "right",
            }
        ],
        barmode="overlay",
        height=max(300, 28 * len(gepland) + 140),
        xaxis={
            "type": "date",
            "range": [TIJDLIJN_BEGIN.isoformat(), TIJDLIJN_EINDE.isoformat()],
            "tickmode": "array",
            "tickvals": [k.isoformat() for k in kwartalen],
            "ticktext": [_kwartaal(k) for k in kwartalen],
        },
        yaxis={"autorange": "reversed", "type": "category"},
    )


def _activiteiten(aantal: int) -> str:
    return "1 activiteit" if aantal == 1 else f"{format_getal(aantal)} activiteiten"


def voortgang_per_actielijn(voortgang) -> dict | None:
    """Stacked bars: per actielijn the number of activities per stoplicht colour."""
    if not voortgang:
        return None
    namen = [f"Actielijn {v.actielijn.nummer}" for v in voortgang]
    data = [
        {
            "type": "bar",
            "x": namen,
            "y": [getattr(v, rag) for v in voortgang],
            "name": RAG_NAMEN[rag],
            "marker": {"color": RAG_KLEUREN[rag]},
            "customdata": [_activiteiten(getattr(v, rag)) for v in voortgang],
            "hovertemplate": f"%{{x}}<br>Stoplicht: {RAG_NAMEN[rag]}<br>%{{customdata}}<extra></extra>",
        }
        for rag in ("groen", "oranje", "rood", "onbekend")
    ]
    return grafiekstijl.figuur(
        data,
        barmode="stack",
        height=340,
        yaxis={**grafiekstijl.as_aantallen("Aantal activiteiten"), "dtick": 1},
    )
