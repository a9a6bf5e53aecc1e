"""Plotly figures for the monitoring pages, as dicts for `json_script` (drawn by static/js/grafiek.js)."""

import json

import plotly.graph_objects as go

from monitoring.constants import MetingSoort

_STIJL = {
    MetingSoort.PEILWAARDE: {"mode": "markers", "marker": {"symbol": "diamond", "size": 10}},
    MetingSoort.STREEFWAARDE: {"mode": "lines+markers", "line": {"dash": "dash"}},
    MetingSoort.REALISATIE: {"mode": "lines+markers", "line": {"width": 3}},
    MetingSoort.PROGNOSE: {"mode": "lines+markers", "line": {"dash": "dot"}},
}


def _als_dict(figuur: go.Figure) -> dict:
    figuur.update_layout(
        margin={"l": 50, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h"},
        separators=",.",
        font={"family": "Noto Sans, sans-serif"},
    )
    return json.loads(figuur.to_json())


def indicator_figuur(detail, verborgen) -> dict:
    """Baseline, targets, realisations and forecasts over time for Hengelo; realisations per wijk and benchmark.

    `verborgen(meting)` says whether a value must not be shown (a small count for this user): it is left out.
    """
    reeksen: dict[str, list] = {}
    for meting in detail.metingen:
        if verborgen(meting):
            continue
        if meting.wijk_id or meting.gebied_id:
            if meting.soort != MetingSoort.REALISATIE:
                continue
            naam = f"{meting.wijk or meting.gebied} (realisatie)"
        else:
            naam = f"Hengelo: {meting.get_soort_display().lower()}"
        reeksen.setdefault(naam, []).append(meting)
    figuur = go.Figure()
    for naam, metingen in reeksen.items():
        stijl = _STIJL.get(metingen[0].soort, {}) if naam.startswith("Hengelo") else {"mode": "lines+markers"}
        figuur.add_trace(
            go.Scatter(
                x=[m.periode_begin.isoformat() for m in metingen],
                y=[float(m.waarde) for m in metingen],
                name=naam,
                **stijl,
            )
        )
    figuur.update_layout(yaxis_title=detail.indicator.get_eenheid_display(), xaxis_title="Periode")
    return _als_dict(figuur)


def piramide_figuur(overzicht, aantal) -> dict:
    """Clients per layer per period; `aantal(n)` returns None for a value this user may not see."""
    figuur = go.Figure()
    for laag in overzicht.lagen:
        waarden = [aantal(overzicht.standen.get((p, laag.pk))) for p in overzicht.perioden]
        if any(w is not None for w in waarden):
            figuur.add_trace(go.Bar(x=overzicht.perioden, y=waarden, name=laag.naam))
    figuur.update_layout(barmode="group", yaxis_title="Aantal cliënten", xaxis_title="Periode")
    return _als_dict(figuur)


def financien_figuur(overzicht) -> dict:
    """The three scenarios' calculated savings (sum of the domains) beside the realised savings, per year."""
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
    return _als_dict(figuur)
