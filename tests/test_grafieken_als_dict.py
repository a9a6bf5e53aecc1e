"""The plotly figures written as dicts are the figures plotly's go.Figure built before, without go.Figure.

The oracle below is the go.Figure code these functions replaced; the JSON must be equal key for key (traces,
data, layout, Dutch labels and plotly's default template), so the charts in the browser look the same.
"""

import json
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest

from actielijnen import grafieken as actielijn_grafieken
from actielijnen.kwartaal import kwartaal_begin, kwartaal_einde
from monitoring import grafieken as monitoring_grafieken

RAG_KLEUREN = actielijn_grafieken.RAG_KLEUREN


def _oud_monitoring(figuur):
    figuur.update_layout(
        margin={"l": 50, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h"},
        separators=",.",
        font={"family": "Noto Sans, sans-serif"},
    )
    return json.loads(figuur.to_json())


def oud_piramide(overzicht, aantal):
    figuur = go.Figure()
    for laag in overzicht.lagen:
        waarden = [aantal(overzicht.standen.get((p, laag.pk))) for p in overzicht.perioden]
        if any(w is not None for w in waarden):
            figuur.add_trace(go.Bar(x=overzicht.perioden, y=waarden, name=laag.naam))
    figuur.update_layout(barmode="group", yaxis_title="Aantal cliënten", xaxis_title="Periode")
    return _oud_monitoring(figuur)


def oud_financien(overzicht):
    figuur = go.Figure()
    jaren = overzicht.jaren
    for scenario in overzicht.scenarios:
        totalen = overzicht.scenario_totalen.get(scenario.nummer, {})
        figuur.add_trace(
            go.Scatter(
                x=jaren,
                y=[float(totalen[j]) if j in totalen else None for j in jaren],
                name=str(scenario),
                mode="lines+markers",
            )
        )
    figuur.add_trace(
        go.Bar(
            x=jaren,
            y=[
                float(overzicht.gerealiseerd_totaal[j]) if j in overzicht.gerealiseerd_totaal else None
                for j in jaren
            ],
            name="Gerealiseerde besparing",
        )
    )
    figuur.update_layout(yaxis_title="Besparing (euro)", xaxis_title="Jaar", xaxis={"dtick": 1})
    return _oud_monitoring(figuur)


def oud_voortgang(voortgang):
    namen = [f"Actielijn {v.actielijn.nummer}" for v in voortgang]
    fig = go.Figure()
    for rag, label in (
        ("groen", "Op koers"),
        ("oranje", "Aandacht nodig"),
        ("rood", "Bijsturing nodig"),
        ("onbekend", "Nog geen update"),
    ):
        fig.add_trace(
            go.Bar(x=namen, y=[getattr(v, rag) for v in voortgang], name=label, marker_color=RAG_KLEUREN[rag])
        )
    fig.update_layout(
        **actielijn_grafieken._LAYOUT,
        barmode="stack",
        height=320,
        yaxis={"title": {"text": "aantal activiteiten"}, "dtick": 1},
        legend={"orientation": "h", "y": -0.2},
    )
    return json.loads(fig.to_json())


def oud_tijdlijn(standen):
    gepland = [s for s in standen if s.activiteit.geplande_start and s.activiteit.gepland_einde]
    fig = go.Figure()
    for rag in ("groen", "oranje", "rood", "onbekend"):
        rijen = [s for s in gepland if s.rag_woord == rag]
        if not rijen:
            continue
        begin = [kwartaal_begin(s.activiteit.geplande_start) for s in rijen]
        einde = [kwartaal_einde(s.activiteit.gepland_einde) for s in rijen]
        fig.add_trace(
            go.Bar(
                y=[str(s.activiteit) for s in rijen],
                x=[(e - b).days * 86_400_000 for b, e in zip(begin, einde, strict=True)],
                base=[b.isoformat() for b in begin],
                orientation="h",
                name=actielijn_grafieken.RAG_NAMEN[rag],
                marker_color=RAG_KLEUREN[rag],
                hovertemplate="%{y}<extra></extra>",
            )
        )
    kwartalen = [date(j, m, 1) for j in (2023, 2024, 2025) for m in (1, 4, 7, 10)]
    peil = actielijn_grafieken.PEILMOMENT.isoformat()
    fig.add_vline(x=peil, line_width=2, line_dash="dash", line_color="#1a1a1a")
    fig.add_annotation(x=peil, y=1.02, yref="paper", text="1 januari 2025", showarrow=False, xanchor="left")
    fig.update_layout(
        **actielijn_grafieken._LAYOUT,
        barmode="overlay",
        height=max(300, 28 * len(gepland) + 120),
        xaxis={
            "type": "date",
            "range": ["2023-01-01", "2025-12-31"],
            "tickvals": [k.isoformat() for k in kwartalen],
            "ticktext": [f"Q{(k.month - 1) // 3 + 1} {k.year}" for k in kwartalen],
        },
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "y": -0.15},
    )
    return json.loads(fig.to_json())


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
        stand("2.1 Zonder planning", "oranje", None, None),
        stand("2.2 Nog niets", "onbekend", "2025-Q1", "2025-Q4"),
    ]


class _Activiteit:
    def __init__(self, naam, start, einde):
        self.naam, self.geplande_start, self.gepland_einde = naam, start, einde

    def __str__(self):
        return self.naam


def test_figures_equal_what_plotly_built(voortgang, piramide, financien, standen):
    def aantal(n):
        return None if n is not None and n < 10 else n

    assert _json(actielijn_grafieken.voortgang_per_actielijn(voortgang)) == _json(oud_voortgang(voortgang))
    assert _json(actielijn_grafieken.tijdlijn(standen)) == _json(oud_tijdlijn(standen))
    assert _json(monitoring_grafieken.piramide_figuur(piramide, aantal)) == _json(
        oud_piramide(piramide, aantal)
    )
    assert _json(monitoring_grafieken.financien_figuur(financien)) == _json(oud_financien(financien))


def test_no_figure_goes_through_plotly_graph_objects(voortgang, piramide, financien, standen, monkeypatch):
    """Validating a go.Figure cost ~10 ms per chart (more than all queries of the college page); the page figures
    must not build one. How fast they are is measured by `manage.py benchmark`, not asserted here."""

    def geweigerd(*args, **kwargs):
        raise AssertionError("go.Figure gebruikt")

    monkeypatch.setattr(go, "Figure", geweigerd)
    actielijn_grafieken.voortgang_per_actielijn(voortgang)
    actielijn_grafieken.tijdlijn(standen)
    monitoring_grafieken.piramide_figuur(piramide, lambda n: n)
    monitoring_grafieken.financien_figuur(financien)
