"""The timeline of the procurement tracks: per step its latest allowed window, its planned period and its expected
period, late and critical steps marked by colour, pattern and name. A plain plotly dict in the house style
(kern.grafiekstijl), drawn by static/js/grafiek.js; the page shows a table with the same dates beside it."""

from datetime import date

from kern import grafiekstijl, palet

LABEL_LENGTE = 26
DAG_MS = 86_400_000

# Colour AND pattern AND legend name tell the kinds apart (WCAG 1.4.1).
SOORTEN = (
    ("op_tijd", "Verwacht: op tijd", grafiekstijl.KLEUREN[0], ""),
    ("kritiek", "Verwacht: kritiek (speling kleiner dan de marge)", grafiekstijl.KLEUREN[1], "/"),
    ("te_laat", "Verwacht: te laat", grafiekstijl.KLEUREN[3], "x"),
)


def _label(traject, stap) -> str:
    tekst = f"{traject.naam} {stap.volgorde}. {stap.naam}"
    return tekst if len(tekst) <= LABEL_LENGTE else tekst[: LABEL_LENGTE - 1].rstrip() + "…"


def _datum(dag: date) -> str:
    return f"{dag.day}-{dag.month}-{dag.year}"


def _balk(naam, rijen, kleur, breedte, patroon="", lijn=None) -> dict:
    """A horizontal bar per (label, begin, einde, hovertekst)."""
    balk = {
        "type": "bar",
        "orientation": "h",
        "name": naam,
        "y": [r[0] for r in rijen],
        "base": [r[1].isoformat() for r in rijen],
        "x": [max((r[2] - r[1]).days, 1) * DAG_MS for r in rijen],
        "width": breedte,
        "marker": {"color": kleur, "pattern": {"shape": patroon, "fgcolor": palet.WIT} if patroon else {}},
        "customdata": [r[3] for r in rijen],
        "hovertemplate": "%{customdata}<extra></extra>",
    }
    if lijn:
        balk["marker"]["line"] = {"color": lijn, "width": 1}
    if not patroon:
        del balk["marker"]["pattern"]
    return balk


def tijdlijn(planningen) -> dict | None:
    """The figure, or None when no step has any computed or planned date yet."""
    venster, gepland, verwacht = [], [], {soort: [] for soort, *_ in SOORTEN}
    labels, data_datums = [], set()
    for plan in planningen:
        aantal_labels = len(labels)
        for stap, uitkomst in plan.rijen:
            label = _label(plan.traject, stap)
            naam = f"{plan.traject.naam}: {stap.volgorde}. {stap.naam}"
            getoond = False
            if uitkomst.uiterste_start and uitkomst.uiterste_einde:
                tekst = f"{naam}<br>Uiterlijk: {_datum(uitkomst.uiterste_start)} tot {_datum(uitkomst.uiterste_einde)}"
                venster.append((label, uitkomst.uiterste_start, uitkomst.uiterste_einde, tekst))
                getoond = True
            if stap.gepland_start and stap.gepland_einde:
                tekst = f"{naam}<br>Gepland: {_datum(stap.gepland_start)} tot {_datum(stap.gepland_einde)}"
                gepland.append((label, stap.gepland_start, stap.gepland_einde, tekst))
                getoond = True
            if uitkomst.verwacht_start and uitkomst.verwacht_einde:
                soort = "te_laat" if uitkomst.te_laat else "kritiek" if uitkomst.kritiek else "op_tijd"
                speling = (
                    "" if uitkomst.speling_dagen is None else f"<br>Speling: {uitkomst.speling_dagen} dagen"
                )
                tekst = (
                    f"{naam}<br>Verwacht: {_datum(uitkomst.verwacht_start)} tot "
                    f"{_datum(uitkomst.verwacht_einde)}{speling}"
                )
                verwacht[soort].append((label, uitkomst.verwacht_start, uitkomst.verwacht_einde, tekst))
                getoond = True
            if getoond:
                labels.append(label)
        if plan.traject.ingangsdatum and len(labels) > aantal_labels:
            data_datums.add(plan.traject.ingangsdatum)
    if not labels:
        return None
    data = []
    if venster:
        data.append(_balk("Uiterste venster (teruggerekend)", venster, palet.WIT, 0.8, lijn=grafiekstijl.AS))
    if gepland:
        data.append(_balk("Gepland", gepland, grafiekstijl.RASTER, 0.55))
    for soort, naam, kleur, patroon in SOORTEN:
        if verwacht[soort]:
            data.append(_balk(naam, verwacht[soort], kleur, 0.3, patroon))
    shapes = [
        {
            "type": "line",
            "x0": dag.isoformat(),
            "x1": dag.isoformat(),
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "y domain",
            "line": {"color": grafiekstijl.INKT, "dash": "dash", "width": 2},
        }
        for dag in sorted(data_datums)
    ]
    return grafiekstijl.figuur(
        data,
        shapes=shapes,
        barmode="overlay",
        height=max(320, 26 * len(labels) + 160),
        xaxis={"type": "date"},
        yaxis={
            "autorange": "reversed",
            "type": "category",
            "categoryorder": "array",
            "categoryarray": labels,
        },
    )
