"""Plotly figures for the monitoring pages, as dicts for `json_script` (drawn by static/js/grafiek.js)."""

import json

import plotly.graph_objects as go

from actielijnen.grafieken import figuur as plotly_json
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

    One point per year and series (`detail.jaarcijfers`: a year's latest monthly or quarterly value), so the
    figure stays the same size however many metingen there are. `verborgen(meting)` says whether a value must not
    be shown (a small count for this user): it is left out.
    """
    reeksen: dict[str, list] = {}
    for meting in detail.jaarcijfers:
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


# The layout _als_dict gives every figure, for the figures written directly as dicts.
_OPMAAK = {
    "margin": {"l": 50, "r": 20, "t": 30, "b": 40},
    "legend": {"orientation": "h"},
    "separators": ",.",
    "font": {"family": "Noto Sans, sans-serif"},
}


def piramide_figuur(overzicht, aantal) -> dict:
    """Clients per layer per period; `aantal(n)` returns None for a value this user may not see.

    Written as plotly JSON directly (see actielijnen/grafieken.py: go.Figure is the slow part of a page).
    """
    data = []
    for laag in overzicht.lagen:
        waarden = [aantal(overzicht.standen.get((p, laag.pk))) for p in overzicht.perioden]
        if any(w is not None for w in waarden):
            data.append({"type": "bar", "x": list(overzicht.perioden), "y": waarden, "name": laag.naam})
    return plotly_json(
        data,
        {
            **_OPMAAK,
            "barmode": "group",
            "yaxis": {"title": {"text": "Aantal cliënten"}},
            "xaxis": {"title": {"text": "Periode"}},
        },
    )


def financien_figuur(overzicht) -> dict:
    """The three scenarios' calculated savings (sum of the domains) beside the realised savings, per year."""
    jaren = list(overzicht.jaren)
    data = []
    for scenario in overzicht.scenarios:
        totalen = overzicht.scenario_totalen.get(scenario.nummer, {})
        data.append(
            {
                "type": "scatter",
                "x": jaren,
                "y": [float(totalen[j]) if j in totalen else None for j in jaren],
                "name": str(scenario),
                "mode": "lines+markers",
            }
        )
    data.append(
        {
            "type": "bar",
            "x": jaren,
            "y": [
                float(overzicht.gerealiseerd_totaal[j]) if j in overzicht.gerealiseerd_totaal else None
                for j in jaren
            ],
            "name": "Gerealiseerde besparing",
        }
    )
    return plotly_json(
        data,
        {
            **_OPMAAK,
            "yaxis": {"title": {"text": "Besparing (euro)"}},
            "xaxis": {"title": {"text": "Jaar"}, "dtick": 1},
        },
    )
