"""The plotly figures written as dicts are the figures plotly's go.Figure builds, without go.Figure.

The oracle below builds each figure with go.Figure and go.Bar/go.Scatter in the house style
(kern.grafiekstijl); go.Figure validates every property, so a misspelt key or an invalid value in the
dicts fails here. The JSON must be equal key for key (traces, data, layout, Dutch labels), apart from plotly's
default template, which the house style replaces.
"""

import json
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest

from actielijnen import grafieken as actielijn_grafieken
from kern import grafiekstijl
from kern.notatie import kwartaal_begin, kwartaal_einde
from monitoring import grafieken as monitoring_grafieken

RAG_KLEUREN = actielijn_grafieken.RAG_KLEUREN


def _plotly(figuur: go.Figure) -> dict:
    """What go.Figure writes, without the default template it adds (the house style replaces plotly's look)."""
    uitkomst = json.loads(figuur.to_json())
    uitkomst["layout"].pop("template", None)
    return uitkomst


def _huis(**layout) -> go.Layout:
    """The house layout as go.Layout: plotly validates every key and value of it."""
    return go.Layout(grafiekstijl.opmaak(**layout))


def oud_piramide(overzicht, aantal):
    figuur = go.Figure(
        layout=_huis(
            barmode="group",
            height=420,
            yaxis=grafiekstijl.as_aantallen("Aantal cliënten"),
            xaxis={"title": {"text": "Periode"}, "type": "category"},
        )
    )
    for laag in overzicht.lagen:
        waarden = [aantal(overzicht.standen.get((p, laag.pk))) for p in overzicht.perioden]
        if any(w is not None for w in waarden):
            figuur.add_trace(
                go.Bar(
                    x=overzicht.perioden, y=waarden, name=laag.naam, hovertemplate="%{x}: %{y:,~f} cliënten"
                )
            )
    return _plotly(figuur)


def oud_financien(overzicht):
    jaren = overzicht.jaren
    traces = []
    for i, scenario in enumerate(overzicht.scenarios):
        totalen = overzicht.scenario_totalen.get(scenario.nummer, {})
        waarden = [float(totalen[j]) if j in totalen else None for j in jaren]
        traces.append(
            go.Scatter(
                x=jaren,
                y=waarden,
                name=str(scenario),
                mode="lines+markers",
                line_dash=grafiekstijl.STREEPJES[i],
                customdata=[grafiekstijl.bedrag_vol(w) for w in waarden],
                hovertemplate="%{x}: %{customdata}",
            )
        )
    gerealiseerd = [
        float(overzicht.gerealiseerd_totaal[j]) if j in overzicht.gerealiseerd_totaal else None for j in jaren
    ]
    traces.append(
        go.Bar(
            x=jaren,
            y=gerealiseerd,
            name="Gerealiseerde besparing",
            marker_color=grafiekstijl.AS,
            customdata=[grafiekstijl.bedrag_vol(w) for w in gerealiseerd],
            hovertemplate="%{x}: %{customdata}",
        )
    )
    alle = [w for trace in traces for w in trace.y]
    figuur = go.Figure(
        traces,
        layout=_huis(
            height=420,
            yaxis=grafiekstijl.as_bedragen(alle, "Besparing"),
            xaxis={"title": {"text": "Jaar"}, "dtick": 1, "tickformat": "d"},
        ),
    )
    return _plotly(figuur)


def oud_voortgang(voortgang):
    namen = [f"Actielijn {v.actielijn.nummer}" for v in voortgang]
    fig = go.Figure(
        layout=_huis(
            barmode="stack",
            height=340,
            yaxis={**grafiekstijl.as_aantallen("Aantal activiteiten"), "dtick": 1},
        )
    )
    for rag in ("groen", "oranje", "rood", "onbekend"):
        naam = actielijn_grafieken.RAG_NAMEN[rag]
        fig.add_trace(
            go.Bar(
                x=namen,
                y=[getattr(v, rag) for v in voortgang],
                name=naam,
                marker_color=RAG_KLEUREN[rag],
                customdata=[
                    f"{getattr(v, rag)} activiteit{'' if getattr(v, rag) == 1 else 'en'}" for v in voortgang
                ],
                hovertemplate=f"%{{x}}<br>Stoplicht: {naam}<br>%{{customdata}}<extra></extra>",
            )
        )
    return _plotly(fig)


def oud_tijdlijn(standen):
    gepland = [s for s in standen if s.activiteit.geplande_start and s.activiteit.gepland_einde]
    kwartalen = [date(j, m, 1) for j in (2023, 2024, 2025) for m in (1, 4, 7, 10)]
    peil = actielijn_grafieken.PEILMOMENT.isoformat()
    fig = go.Figure(
        layout=_huis(
            barmode="overlay",
            height=max(300, 28 * len(gepland) + 140),
            xaxis={
                "type": "date",
                "range": ["2023-01-01", "2025-12-31"],
                "tickmode": "array",
                "tickvals": [k.isoformat() for k in kwartalen],
                "ticktext": [f"Q{(k.month - 1) // 3 + 1} {k.year}" for k in kwartalen],
            },
            yaxis={"autorange": "reversed", "type": "category"},
        )
    )
    for rag in ("groen", "oranje", "rood", "onbekend"):
        rijen = [s for s in gepland if s.rag_woord == rag]
        if not rijen:
            continue
        begin = [kwartaal_begin(s.activiteit.geplande_start) for s in rijen]
        einde = [kwartaal_einde(s.activiteit.gepland_einde) for s in rijen]
        fig.add_trace(
            go.Bar(
                y=[
                    str(s.activiteit)
                    if len(str(s.activiteit)) <= 22
                    else str(s.activiteit)[:21].rstrip() + "…"
                    for s in rijen
                ],
                x=[(e - b).days * 86_400_000 for b, e in zip(begin, einde, strict=True)],
                base=[b.isoformat() for b in begin],
                orientation="h",
                name=actielijn_grafieken.RAG_NAMEN[rag],
                marker_color=RAG_KLEUREN[rag],
                customdata=[
                    [
                        str(s.activiteit),
                        f"Q{(b.month - 1) // 3 + 1} {b.year} tot en met Q{(e.month - 1) // 3 + 1} {e.year}",
                    ]
                    for s, b, e in zip(rijen, begin, einde, strict=True)
                ],
                hovertemplate="%{customdata[0]}<br>Gepland: %{customdata[1]}<br>"
                f"Stoplicht: {actielijn_grafieken.RAG_NAMEN[rag]}<extra></extra>",
            )
        )
    fig.add_vline(x=peil, line_width=2, line_dash="dash", line_color=grafiekstijl.INKT)
    fig.add_annotation(x=peil, y=1.02, yref="paper", text="1 januari 2025", showarrow=False, xanchor="right")
    return _plotly(fig)


def oud_indicator(detail):
    """The go.Figure code indicator_figuur replaced, in the house style (a percentage indicator)."""
    figuur = go.Figure(
        layout=_huis(
            yaxis=grafiekstijl.as_percentages(detail.indicator.get_eenheid_display()),
            xaxis=grafiekstijl.as_datums("Periode"),
            height=420,
        )
    )
    reeksen = {}
    for meting in detail.jaarcijfers:
        naam = (
            f"{meting.wijk} (realisatie)"
            if meting.wijk_id
            else f"Hengelo: {meting.get_soort_display().lower()}"
        )
        reeksen.setdefault(naam, []).append(meting)
    stijlen = {
        "peil": {"mode": "markers", "marker": {"symbol": "diamond", "size": 10}},
        "streef": {"mode": "lines+markers", "line": {"dash": "dash"}},
        "realisatie": {"mode": "lines+markers", "line": {"width": 3}},
    }
    for naam, metingen in reeksen.items():
        stijl = stijlen[metingen[0].soort] if naam.startswith("Hengelo") else {"mode": "lines+markers"}
        figuur.add_trace(
            go.Scatter(
                x=[m.periode_begin.isoformat() for m in metingen],
                y=[float(m.waarde) for m in metingen],
                name=naam,
                customdata=[f"{m.waarde}%".replace(".", ",") for m in metingen],
                hovertemplate="%{x}: %{customdata}",
                **stijl,
            )
        )
    return _plotly(figuur)


@pytest.fixture
def indicator():
    def meting(jaar, waarde, soort="realisatie", wijk=None):
        return SimpleNamespace(
            periode_begin=date(jaar, 1, 1),
            waarde=Decimal(waarde),
            soort=soort,
            wijk_id=1 if wijk else None,
            wijk=wijk,
            gebied_id=None,
            gebied=None,
            get_soort_display=lambda: {
                "peil": "Peilwaarde",
                "streef": "Streefwaarde",
                "realisatie": "Realisatie",
            }[soort],
        )

    return SimpleNamespace(
        indicator=SimpleNamespace(eenheid="percentage", get_eenheid_display=lambda: "Percentage"),
        jaarcijfers=[
            meting(2019, "11.6", "peil"),
            meting(2022, "11", "streef"),
            meting(2024, "11.2", "streef"),
            meting(2021, "10.9"),
            meting(2021, "12.5", wijk="Hasseler Es"),
        ],
    )


def _json(figuur):
    """What json_script sends to the browser, with keys sorted so only content counts."""
    return json.dumps(figuur, sort_keys=True)


@pytest.fixture
def voortgang():
    return [
        SimpleNamespace(actielijn=SimpleNamespace(nummer=n), groen=n, oranje=1, rood=0, onbekend=2)
        for n in (1, 2, 3)
    ]


@pytest.fixture
def piramide():
    lagen = [
        SimpleNamespace(pk=i, naam=naam) for i, naam in enumerate(["Maatwerk", "Basis", "Sociale basis"])
    ]
    perioden = ["2022", "2023", "2024"]
    standen = {(p, laag.pk): 100 * laag.pk + j for j, p in enumerate(perioden) for laag in lagen}
    standen[("2023", 0)] = 4
    return SimpleNamespace(lagen=lagen, perioden=perioden, standen=standen)


@pytest.fixture
def financien():
    return SimpleNamespace(
        jaren=[2023, 2024, 2025],
        scenarios=[
            SimpleNamespace(nummer=1, naam="Scenario 1"),
            SimpleNamespace(nummer=2, naam="Scenario 2"),
        ],
        scenario_totalen={1: {2023: Decimal("1114000.50"), 2024: Decimal(5)}, 2: {2025: Decimal("-3")}},
        gerealiseerd_totaal={2023: Decimal("840000")},
    )


@pytest.fixture
def standen():
    def stand(naam, rag, start, einde):
        return SimpleNamespace(activiteit=_Activiteit(naam, start, einde), rag_woord=rag)

    return [
        stand("1.1 Wijkteams", "groen", "2023-Q1", "2024-Q4"),
        stand("1.2 Sport & <spel>", "rood", "2024-Q2", "2025-Q3"),
        stand("1.3 Een heel lange naam van een activiteit in de wijk", "rood", "2024-Q1", "2024-Q4"),
        stand("2.1 Zonder planning", "oranje", None, None),
        stand("2.2 Nog niets", "onbekend", "2025-Q1", "2025-Q4"),
    ]


class _Activiteit:
    def __init__(self, naam, start, einde):
        self.naam, self.geplande_start, self.gepland_einde = naam, start, einde

    def __str__(self):
        return self.naam


def test_figures_equal_what_plotly_built(voortgang, piramide, financien, standen, indicator):
    def aantal(n):
        return None if n is not None and n < 10 else n

    assert _json(actielijn_grafieken.voortgang_per_actielijn(voortgang)) == _json(oud_voortgang(voortgang))
    assert _json(actielijn_grafieken.tijdlijn(standen)) == _json(oud_tijdlijn(standen))
    assert _json(monitoring_grafieken.piramide_figuur(piramide, aantal)) == _json(
        oud_piramide(piramide, aantal)
    )
    assert _json(monitoring_grafieken.financien_figuur(financien)) == _json(oud_financien(financien))
    assert _json(monitoring_grafieken.indicator_figuur(indicator, lambda m: False)) == _json(
        oud_indicator(indicator)
    )


def test_no_figure_goes_through_plotly_graph_objects(
    voortgang, piramide, financien, standen, indicator, monkeypatch
):
    """Validating a go.Figure cost ~10 ms per chart (more than all queries of the college page); the page figures
    must not build one. How fast they are is measured by `manage.py benchmark`, not asserted here."""

    def geweigerd(*args, **kwargs):
        raise AssertionError("go.Figure gebruikt")

    monkeypatch.setattr(go, "Figure", geweigerd)
    actielijn_grafieken.voortgang_per_actielijn(voortgang)
    actielijn_grafieken.tijdlijn(standen)
    monitoring_grafieken.piramide_figuur(piramide, lambda n: n)
    monitoring_grafieken.financien_figuur(financien)
    monitoring_grafieken.indicator_figuur(indicator, lambda m: False)
