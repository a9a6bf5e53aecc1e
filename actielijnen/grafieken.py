"""Plotly figures for the level views, built in Python and drawn by static/js/grafiek.js.

Each function returns a plain dict (the figure's JSON) for `json_script`; every template that shows one also
shows a caption and a data table with the same numbers (WCAG 1.1.1).

The dicts are written directly in plotly's JSON form rather than through `plotly.graph_objects`: validating a
go.Figure and serialising it cost more than all the queries of the college page (about 10 ms a figure, where the
dict takes microseconds). The result is the same JSON go.Figure(...).to_json() gives, including the default
template, which tests/test_grafieken_snelheid.py checks against plotly itself.
"""

from datetime import date
from functools import cache

import plotly.io as pio

from actielijnen.constants import RagStatus
from actielijnen.kwartaal import kwartaal_begin, kwartaal_einde

RAG_KLEUREN = {"groen": "#2e7d32", "oranje": "#b35900", "rood": "#b71c1c", "onbekend": "#757575"}
RAG_NAMEN = {**{rag.value: rag.label for rag in RagStatus}, "onbekend": "Onbekend: nog geen update"}
TIJDLIJN_BEGIN = date(2023, 1, 1)
TIJDLIJN_EINDE = date(2025, 12, 31)
PEILMOMENT = date(2025, 1, 1)  # §3: the uitvoeringsagenda's horizon, marked on the timeline

_LAYOUT = {
    "font": {"family": "Noto Sans, sans-serif", "size": 13},
    "margin": {"l": 10, "r": 10, "t": 30, "b": 40},
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "separators": ",.",
}


@cache
def _sjabloon() -> dict:
    """Plotly's default template as go.Figure writes it into every figure's layout; computed once.

    Shared between figures: nothing changes a figure dict after it is built, json_script only reads it.
    """
    return pio.templates[pio.templates.default].to_plotly_json()


def figuur(data: list[dict], layout: dict) -> dict:
    """A figure in plotly's JSON form: traces (each with its "type") and layout, plus plotly's default template."""
    return {"data": data, "layout": {"template": _sjabloon(), **layout}}


def tijdlijn(standen) -> dict | None:
    """The planning of the activities on a quarter axis 2023–2025 with 1 January 2025 marked."""
    gepland = [s for s in standen if s.activiteit.geplande_start and s.activiteit.gepland_einde]
    if not gepland:
        return None
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
                "y": [str(s.activiteit) for s in rijen],
                "x": [(e - b).days * 86_400_000 for b, e in zip(begin, einde, strict=True)],
                "base": [b.isoformat() for b in begin],
                "orientation": "h",
                # The legend names the colour, not the first row's label (which for an activity off the
                # agenda 2023 reads "Niet op de agenda 2023").
                "name": RAG_NAMEN[rag],
                "marker": {"color": RAG_KLEUREN[rag]},
                "hovertemplate": "%{y}<extra></extra>",
            }
        )
    kwartalen = [date(j, m, 1) for j in (2023, 2024, 2025) for m in (1, 4, 7, 10)]
    peil = PEILMOMENT.isoformat()
    return figuur(
        data,
        {
            **_LAYOUT,
            "shapes": [
                {
                    "type": "line",
                    "x0": peil,
                    "x1": peil,
                    "xref": "x",
                    "y0": 0,
                    "y1": 1,
                    "yref": "y domain",
                    "line": {"color": "#1a1a1a", "dash": "dash", "width": 2},
                }
            ],
            "annotations": [
                {
                    "x": peil,
                    "y": 1.02,
                    "yref": "paper",
                    "text": "1 januari 2025",
                    "showarrow": False,
                    "xanchor": "left",
                }
            ],
            "barmode": "overlay",
            "height": max(300, 28 * len(gepland) + 120),
            "xaxis": {
                "type": "date",
                "range": [TIJDLIJN_BEGIN.isoformat(), TIJDLIJN_EINDE.isoformat()],
                "tickvals": [k.isoformat() for k in kwartalen],
                "ticktext": [f"Q{(k.month - 1) // 3 + 1} {k.year}" for k in kwartalen],
            },
            "yaxis": {"autorange": "reversed", "automargin": True},
            "legend": {"orientation": "h", "y": -0.15},
        },
    )


def voortgang_per_actielijn(voortgang) -> dict | None:
    """Stacked bars: per actielijn the number of activities per RAG status."""
    if not voortgang:
        return None
    namen = [f"Actielijn {v.actielijn.nummer}" for v in voortgang]
    data = [
        {
            "type": "bar",
            "x": namen,
            "y": [getattr(v, rag) for v in voortgang],
            "name": label,
            "marker": {"color": RAG_KLEUREN[rag]},
        }
        for rag, label in (
            ("groen", "Op koers"),
            ("oranje", "Aandacht nodig"),
            ("rood", "Bijsturing nodig"),
            ("onbekend", "Nog geen update"),
        )
    ]
    return figuur(
        data,
        {
            **_LAYOUT,
            "barmode": "stack",
            "height": 320,
            "yaxis": {"title": {"text": "aantal activiteiten"}, "dtick": 1},
            "legend": {"orientation": "h", "y": -0.2},
        },
    )
