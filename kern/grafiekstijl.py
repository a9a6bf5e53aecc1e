"""
The one Dutch house style of every plotly chart: layout defaults, colours and axis formats, as plain dicts.

Every figure builder (actielijnen.grafieken, monitoring.grafieken) starts from `opmaak()`, so the charts share
one look: Noto Sans like the pages, decimal comma and thousands dot (`separators`), a white background with
light grid lines, the legend in a row below the plot (its own place, never over an axis title), and margins
that leave a 320 px wide phone most of its width. Amounts read "€ 8,1 mln" or "€ 800.000", never plotly's
"8.1M"; percentages "47,3%"; counts "1.605". Month names come from the Dutch plotly locale that
static/js/grafiek.js registers (`locale: "nl"`): "jan 2024", "mrt", "okt".

It lives in kern, the lowest app, so every app may use it; it needs nothing from plotly itself. Its colours come
from kern.palet, like those of the edition charts (rapportage.weergave.grafieken, hand-written SVG, which also use
`bedrag_kort` for their axes) and of the stylesheets.
"""

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from kern import palet
from kern.notatie import format_getal

LETTERTYPE = "Noto Sans, sans-serif"  # the font base.html loads from npm (@fontsource/noto-sans)

# The colours are kern.palet's, the one palette of charts, SVG and stylesheets; these names are the charts' roles.
INKT = palet.INKT
RASTER = palet.RASTER
AS = palet.AS

# Series colours; each has at least 3:1 contrast on white (WCAG 1.4.11).
KLEUREN = palet.REEKSEN

# Stoplicht colours of solid bars: the dark variant, the colour of the status word in the tables (the CSS classes
# app-rag--* and the edition's SVG bars use the light variant as the fill behind it).
STOPLICHT_KLEUREN = {status: kleuren.donker for status, kleuren in palet.STOPLICHT.items()}

# Lines differ by dash as well as colour, so a series is recognisable in black and white (WCAG 1.4.1).
STREEPJES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")

MILJOEN = Decimal(1_000_000)


def opmaak(**extra) -> dict:
    """The house layout, with `extra` laid over it (nested dicts merged, so a chart can add an axis title)."""
    basis = {
        "font": {"family": LETTERTYPE, "size": 13, "color": INKT},
        "separators": ",.",
        "colorway": list(KLEUREN),
        "paper_bgcolor": palet.WIT,
        "plot_bgcolor": palet.WIT,
        # Small fixed margins; the axes' automargin makes room for their labels, so a phone keeps its width.
        "margin": {"l": 8, "r": 8, "t": 24, "b": 8},
        # In rows at the bottom of the whole figure (yref container) below the x-axis title, never over it; from
        # the figure's left edge (xref container), so a long series name has the whole width of a phone.
        "legend": {
            "orientation": "h",
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",
            # In the order of the traces, also for stacked bars (plotly reverses those by default).
            "traceorder": "normal",
            "font": {"size": 12},
        },
        "hoverlabel": {"font": {"family": LETTERTYPE, "size": 13}, "align": "left"},
        "xaxis": _as(),
        "yaxis": _as(),
    }
    return _samenvoegen(basis, extra)


def _as() -> dict:
    return {
        "automargin": True,
        "gridcolor": RASTER,
        "linecolor": AS,
        "zerolinecolor": AS,
        "tickcolor": AS,
        "title": {"standoff": 12},
    }


def _samenvoegen(basis: dict, extra: dict) -> dict:
    uitkomst = dict(basis)
    for sleutel, waarde in extra.items():
        if isinstance(waarde, dict) and isinstance(uitkomst.get(sleutel), dict):
            uitkomst[sleutel] = _samenvoegen(uitkomst[sleutel], waarde)
        else:
            uitkomst[sleutel] = waarde
    return uitkomst


def figuur(data: list[dict], **layout) -> dict:
    """A figure in plotly's JSON form: traces (each with its "type") and the house layout plus `layout`."""
    return {"data": data, "layout": opmaak(**layout)}


# --- axis formats ---------------------------------------------------------------------------------------

# d3-format with plotly's `separators`: "~" drops trailing zeros, so 47,3 and 1.605 (not 1,605.00 or 1.6k).
GETAL_FORMAAT = ",~f"


def as_aantallen(titel: str = "") -> dict:
    """A y-axis of counts: 1.605, no "1.6k"."""
    return {"tickformat": GETAL_FORMAAT, "hoverformat": GETAL_FORMAAT, "rangemode": "tozero", **_titel(titel)}


def as_percentages(titel: str = "") -> dict:
    """A y-axis of percentages as the sources write them (47,3 means 47,3%)."""
    return {"tickformat": GETAL_FORMAAT, "hoverformat": GETAL_FORMAAT, "ticksuffix": "%", **_titel(titel)}


def as_datums(titel: str = "") -> dict:
    """A date x-axis; with the Dutch locale month ticks read "jan 2024" and hovers "mrt 2024"."""
    return {"type": "date", "hoverformat": "%b %Y", **_titel(titel)}


def as_bedragen(waarden, titel: str = "") -> dict:
    """A y-axis of euro amounts with ticks "€ 0", "€ 2 mln", "€ 4 mln" (or "€ 800.000" below a million).

    Plotly's own formats can only write "8M" or "8.000.000"; the ticks are therefore computed here on a
    'nice' scale that includes 0, and the range is fixed to it.
    """
    getallen = [Decimal(str(w)) for w in waarden if w is not None]
    # At least € 0 to € 4: an axis of only zeros still gets whole-euro ticks.
    onder, boven, stap = nette_schaal(min(getallen + [Decimal(0)]), max(getallen + [Decimal(4)]))
    ticks = []
    tick = onder
    while tick <= boven:
        ticks.append(tick)
        tick += stap
    in_miljoenen = max(abs(onder), abs(boven)) >= MILJOEN
    marge = float(boven - onder) * 0.04  # room for a marker on the highest tick
    return {
        "tickmode": "array",
        "tickvals": [float(t) for t in ticks],
        "ticktext": [bedrag_kort(t, in_miljoenen) for t in ticks],
        "range": [float(onder) - (marge if onder < 0 else 0), float(boven) + marge],
        **_titel(titel),
    }


def _titel(titel: str) -> dict:
    return {"title": {"text": titel}} if titel else {}


def nette_schaal(laagste: Decimal, hoogste: Decimal, stappen: int = 4) -> tuple[Decimal, Decimal, Decimal]:
    """A 'nice' axis from `laagste` to `hoogste`: its low end, high end and step (1, 2 or 5 times a power of 10)."""
    laagste, hoogste = Decimal(laagste), Decimal(hoogste)
    bereik = (hoogste - laagste) or Decimal(1)
    ruwe_stap = bereik / stappen
    macht = Decimal(10) ** ruwe_stap.adjusted()
    stap = next(f * macht for f in (1, 2, Decimal("2.5"), 5, 10) if f * macht >= ruwe_stap)
    onder = (laagste / stap).to_integral_value(rounding=ROUND_FLOOR) * stap
    boven = (hoogste / stap).to_integral_value(rounding=ROUND_CEILING) * stap
    return onder, (boven if boven > onder else onder + stap), stap


def bedrag_kort(bedrag, in_miljoenen: bool | None = None) -> str:
    """An amount for an axis: "€ 8 mln", "€ 1,5 mln", "€ 800.000", "€ 0"; non-breaking after the € sign.

    `in_miljoenen` None: millions from a million up; an axis passes one choice for all its ticks.
    """
    bedrag = Decimal(bedrag)
    if in_miljoenen is None:
        in_miljoenen = abs(bedrag) >= MILJOEN
    if not bedrag:
        return "€\u00a00"
    if in_miljoenen:
        miljoenen = (bedrag / MILJOEN).quantize(Decimal("0.01")).normalize()
        return f"€\u00a0{format_getal(miljoenen)}\u00a0mln"
    return format_getal(bedrag.quantize(Decimal(1)), "bedrag")


def bedrag_vol(bedrag) -> str:
    """An amount in full for a hover text: "€ 1.114.001"."""
    if bedrag is None:
        return ""
    return format_getal(Decimal(str(bedrag)).quantize(Decimal(1)), "bedrag")
