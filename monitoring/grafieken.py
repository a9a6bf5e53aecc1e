"""Plotly figures for the monitoring pages, as dicts for `json_script` (drawn by static/js/grafiek.js).

Written as plotly JSON directly (see actielijnen/grafieken.py: go.Figure is the slow part of a page), in the
house style of kern.grafiekstijl: Dutch number formats, "€ 8 mln" on money axes, legend below the plot.
"""

from kern import grafiekstijl
from kern.notatie import format_getal
from monitoring.constants import Eenheid, MetingSoort

_STIJL = {
    MetingSoort.PEILWAARDE: {"mode": "markers", "marker": {"symbol": "diamond", "size": 10}},
    MetingSoort.STREEFWAARDE: {"mode": "lines+markers", "line": {"dash": "dash"}},
    MetingSoort.REALISATIE: {"mode": "lines+markers", "line": {"width": 3}},
    MetingSoort.PROGNOSE: {"mode": "lines+markers", "line": {"dash": "dot"}},
}


def _y_as(eenheid: str, titel: str, waarden) -> dict:
    """The y-axis for an indicator's unit: percentages "47,3%", amounts "€ 1,2 mln", counts "1.605"."""
    if eenheid == Eenheid.PERCENTAGE:
        return grafiekstijl.as_percentages(titel)
    if eenheid == Eenheid.BEDRAG:
        return grafiekstijl.as_bedragen(waarden, titel)
    if eenheid == Eenheid.AANTAL:
        return grafiekstijl.as_aantallen(titel)
    return {
        "tickformat": grafiekstijl.GETAL_FORMAAT,
        "hoverformat": grafiekstijl.GETAL_FORMAAT,
        "title": {"text": titel},
    }


def _waarde_tekst(waarde, eenheid: str) -> str:
    if eenheid == Eenheid.BEDRAG:
        return grafiekstijl.bedrag_vol(waarde)
    return format_getal(waarde, "percentage" if eenheid == Eenheid.PERCENTAGE else "")


def indicator_figuur(detail, verborgen) -> dict:
    """Baseline, targets, realisations and forecasts over time for Hengelo; realisations per wijk and benchmark.

    One point per year and series (`detail.jaarcijfers`: a year's latest monthly or quarterly value), so the
    figure stays the same size however many metingen there are. `verborgen(meting)` says whether a value must not
    be shown (a small count for this user): it is left out.
    """
    eenheid = detail.indicator.eenheid
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
    data = []
    for naam, metingen in reeksen.items():
        stijl = _STIJL.get(metingen[0].soort, {}) if naam.startswith("Hengelo") else {"mode": "lines+markers"}
        data.append(
            {
                "type": "scatter",
                "x": [m.periode_begin.isoformat() for m in metingen],
                "y": [float(m.waarde) for m in metingen],
                "name": naam,
                "customdata": [_waarde_tekst(m.waarde, eenheid) for m in metingen],
                "hovertemplate": "%{x}: %{customdata}",
                **stijl,
            }
        )
    alle = [w for trace in data for w in trace["y"]]
    return grafiekstijl.figuur(
        data,
        yaxis=_y_as(eenheid, detail.indicator.get_eenheid_display(), alle),
        xaxis=grafiekstijl.as_datums("Periode"),
        height=420,
    )


def piramide_figuur(overzicht, aantal) -> dict:
    """Clients per layer per period; `aantal(n)` returns None for a value this user may not see."""
    data = []
    for laag in overzicht.lagen:
        waarden = [aantal(overzicht.standen.get((p, laag.pk))) for p in overzicht.perioden]
        if any(w is not None for w in waarden):
            data.append(
                {
                    "type": "bar",
                    "x": list(overzicht.perioden),
                    "y": waarden,
                    "name": laag.naam,
                    "hovertemplate": "%{x}: %{y:,~f} cliënten",
                }
            )
    return grafiekstijl.figuur(
        data,
        barmode="group",
        height=420,
        yaxis=grafiekstijl.as_aantallen("Aantal cliënten"),
        xaxis={"title": {"text": "Periode"}, "type": "category"},
    )


def financien_figuur(overzicht) -> dict:
    """The three scenarios' calculated savings (sum of the domains) beside the realised savings, per year."""
    jaren = list(overzicht.jaren)
    data = []
    for i, scenario in enumerate(overzicht.scenarios):
        totalen = overzicht.scenario_totalen.get(scenario.nummer, {})
        waarden = [float(totalen[j]) if j in totalen else None for j in jaren]
        data.append(
            {
                "type": "scatter",
                "x": jaren,
                "y": waarden,
                "name": str(scenario),
                "mode": "lines+markers",
                "line": {"dash": grafiekstijl.STREEPJES[i % len(grafiekstijl.STREEPJES)]},
                "customdata": [grafiekstijl.bedrag_vol(w) for w in waarden],
                "hovertemplate": "%{x}: %{customdata}",
            }
        )
    gerealiseerd = [
        float(overzicht.gerealiseerd_totaal[j]) if j in overzicht.gerealiseerd_totaal else None for j in jaren
    ]
    data.append(
        {
            "type": "bar",
            "x": jaren,
            "y": gerealiseerd,
            "name": "Gerealiseerde besparing",
            "marker": {"color": grafiekstijl.AS},
            "customdata": [grafiekstijl.bedrag_vol(w) for w in gerealiseerd],
            "hovertemplate": "%{x}: %{customdata}",
        }
    )
    alle = [w for trace in data for w in trace["y"]]
    return grafiekstijl.figuur(
        data,
        height=420,
        yaxis=grafiekstijl.as_bedragen(alle, "Besparing"),
        xaxis={"title": {"text": "Jaar"}, "dtick": 1, "tickformat": "d"},
    )
