"""
The one palette of the monitor: every colour that the charts (plotly), the hand-drawn SVG of an edition and the
stylesheets use, each named once, with what it is for.

Python reads the colours from here (kern.grafiekstijl, rapportage.weergave.grafieken); the stylesheets read them as CSS
custom properties `--app-color-<naam>`, declared once in static/css/palet.css (WeasyPrint resolves `var()` too).
That file is `css_blok()`: after a change here, `python -m kern.palet > static/css/palet.css`. No other
stylesheet, nor a chart module, writes a colour as hex (tests/test_palet.py checks both).

Contrast (WCAG 2.1 AA, on white unless said otherwise):
- a colour of kind TEKST carries text: at least 4,5:1 (1.4.3);
- a colour of kind LIJN is a line or solid shape that carries meaning on its own: at least 3:1 (1.4.11);
- a colour of kind VLAK is a background, a fill with an ink outline or a decorative line (grid lines, card
  borders); it needs no contrast with white, but text on it does: `TEKST_OP_VLAK` lists every such pair, each
  at least 4,5:1. Colour never carries meaning alone: the stoplight is always a word too, and the SVG bars
  differ by pattern as well (1.4.1).

The NL Design System: the pages use the Utrecht components on the voorbeeld theme, whose tokens
(`--basis-color-…`, npm @nl-design-system-unstable/voorbeeld-design-tokens) colour everything those components
draw: links, buttons, focus rings, form fields. This palette holds only what the app draws itself. Where one of
its colours plays the role of a basis token, `nlds` names that token (positive, warning, negative, info …), so a
theme that sets those tokens knows what to follow; where the app already defers to the theme (the header rule),
its CSS writes `var(--basis-…, var(--app-color-…))`.

The stoplight (groen, oranje, rood, onbekend) has two variants per status, the same everywhere:
- `licht`: the fill: behind the status word in tables and badges, and the fill of the edition's SVG bars (with
  an ink outline and a pattern);
- `donker`: the text on that fill and on white, and the solid bars of the plotly charts.
Before issue 23 the stoplight was defined three times (app.css, the plotly style, the SVG) with different values;
the choice per role is explained at STOPLICHT below.
"""

from dataclasses import dataclass

TEKST = "tekst"  # carries text: at least 4,5:1 on white
LIJN = "lijn"  # a meaningful line or solid shape: at least 3:1 on white
VLAK = "vlak"  # a background, outlined fill or decorative line: text on it is checked in TEKST_OP_VLAK


@dataclass(frozen=True)
class Kleur:
    naam: str
    waarde: str  # "#rrggbb", lower case
    soort: str  # TEKST, LIJN or VLAK
    gebruik: str
    nlds: str = ""  # the NL Design System basis token with the same role, if there is one

    @property
    def token(self) -> str:
        """The CSS custom property: `--app-color-<naam>`."""
        return f"--app-color-{self.naam}"

    @property
    def css(self) -> str:
        """How a stylesheet writes it: `var(--app-color-<naam>)`."""
        return f"var({self.token})"


PALET: tuple[Kleur, ...] = (
    # --- text and lines ---------------------------------------------------------------------------------
    Kleur(
        "inkt",
        "#1a1a1a",
        TEKST,
        "Text of every chart (plotly's font, the SVG labels), the outlines, hatching and dots of the SVG bars, "
        "reference lines (the 1 January 2025 line of the timeline). 17,4:1.",
        "--basis-color-default-color-document",
    ),
    Kleur("zwart", "#000000", TEKST, "Text, rules and frames on paper (print.css, the edition's PDF). 21:1."),
    Kleur(
        "kantlijn",
        "#444444",
        TEKST,
        "The running title, section and status in the page margins of the edition's PDF. 9,7:1.",
    ),
    Kleur("tabellijn", "#555555", LIJN, "The cell lines of tables on paper (print.css, the PDF). 7,5:1."),
    Kleur(
        "as",
        "#595959",
        LIJN,
        "Axis lines, zero lines and ticks of the plotly charts; the bars of realised savings (monitoring); "
        "series colour 5. 7,0:1.",
    ),
    # --- white and neutral fills ------------------------------------------------------------------------
    Kleur(
        "wit",
        "#ffffff",
        VLAK,
        "Background of pages and charts, the boxes behind labels on SVG bars; the text on `accent`.",
        "--basis-color-default-bg-document",
    ),
    Kleur(
        "rand",
        "#cccccc",
        VLAK,
        "Borders of cards, counters, collapsible actielijnen, stacked table rows and the footer: they group, "
        "the text inside carries the meaning.",
        "--basis-color-default-border-subtle",
    ),
    Kleur(
        "raster",
        "#d9d9d9",
        VLAK,
        "Grid lines of the plotly charts; the planned bars of the procurement chart.",
    ),
    Kleur(
        "grijs",
        "#9a9a9a",
        VLAK,
        "The thin grid lines of the edition's SVG charts and the second layer of the SVG pyramid (outlined).",
    ),
    Kleur(
        "tabelkop", "#e6e6e6", VLAK, "Background of the header row of the PDF's tables (black text on it)."
    ),
    Kleur(
        "piramide-donker",
        "#5c5c5c",
        VLAK,
        "Top layer (maatwerk) of the SVG pyramid; outlined, labels on white.",
    ),
    Kleur("piramide-licht", "#d0d0d0", VLAK, "Third layer of the SVG pyramid; outlined, labels on white."),
    Kleur("piramide-lichtst", "#ececec", VLAK, "Fourth and lower layers of the SVG pyramid; outlined."),
    # --- accent and information -------------------------------------------------------------------------
    Kleur(
        "accent",
        "#1a5276",
        TEKST,
        "The house blue: fallback of the header rule (the theme's accent token comes first), the background of "
        "the user's own level in the pyramid menu (white text on it), the rule beside messages; series colour 1. "
        "8,4:1.",
        "--basis-color-accent-1-color-document",
    ),
    Kleur(
        "accent-vlak",
        "#eef4f8",
        VLAK,
        "Background of messages (after a save).",
        "--basis-color-info-bg-subtle",
    ),
    Kleur(
        "toelichting",
        "#1a4d8f",
        TEKST,
        "The rule beside the manager's commentary in an edition; series colour 6. 8,4:1.",
        "--basis-color-info-border-default",
    ),
    Kleur(
        "toelichting-vlak",
        "#eef3fa",
        VLAK,
        "Background of the manager's commentary in an edition.",
        "--basis-color-info-bg-default",
    ),
    # --- attention --------------------------------------------------------------------------------------
    Kleur(
        "aandacht",
        "#b35900",
        LIJN,
        "The orange rule beside what needs attention (data-quality notes, decisions waiting, late counters, an "
        "overspent budget, an overasked stakeholder); series colour 2. 4,8:1. Not the stoplight's oranje.",
        "--basis-color-warning-border-default",
    ),
    Kleur(
        "aandacht-vlak",
        "#fff6ea",
        VLAK,
        "Background of data-quality notes.",
        "--basis-color-warning-bg-subtle",
    ),
    Kleur(
        "te-laat-vlak",
        "#fff4f4",
        VLAK,
        "Background of a dashboard row whose update is late (its text says so).",
        "--basis-color-negative-bg-subtle",
    ),
    # --- the stoplight: `licht` fills, `donker` text and solid bars --------------------------------------
    Kleur(
        "groen-licht",
        "#e3f2e1",
        VLAK,
        "Stoplight groen (op koers) as a fill: status badges and cells, low risks, a procurement track on "
        "schedule, the SVG bars.",
        "--basis-color-positive-bg-default",
    ),
    Kleur(
        "groen-donker",
        "#1e5a1b",
        TEKST,
        "Stoplight groen as text and solid bars; a trend for the better; series colour 3. 8,3:1 (7,1:1 on its "
        "fill).",
        "--basis-color-positive-color-default",
    ),
    Kleur(
        "oranje-licht",
        "#fff0d9",
        VLAK,
        "Stoplight oranje (aandacht nodig) as a fill: badges, medium risks, a tight procurement track, SVG bars.",
        "--basis-color-warning-bg-default",
    ),
    Kleur(
        "oranje-donker",
        "#7a4100",
        TEKST,
        "Stoplight oranje as text and solid bars; an update due soon. 8,1:1 (7,2:1 on its fill).",
        "--basis-color-warning-color-default",
    ),
    Kleur(
        "rood-licht",
        "#fbe4e4",
        VLAK,
        "Stoplight rood (bijsturing nodig) as a fill: badges, high risks, late procurement steps, SVG bars.",
        "--basis-color-negative-bg-default",
    ),
    Kleur(
        "rood-donker",
        "#8a1414",
        TEKST,
        "Stoplight rood as text and solid bars; late, outdated, a trend for the worse; series colour 4. 9,6:1 "
        "(7,9:1 on its fill).",
        "--basis-color-negative-color-default",
    ),
    Kleur(
        "onbekend-licht",
        "#f0f0f0",
        VLAK,
        "No update yet (onbekend) as a fill: badges, an incomplete procurement track, SVG bars (dotted).",
        "--basis-color-default-bg-default",
    ),
    Kleur(
        "onbekend-donker",
        "#3d3d3d",
        TEKST,
        "No update yet as text and solid bars. 10,9:1 (9,5:1 on its fill).",
        "--basis-color-default-color-default",
    ),
    # --- edition charts ---------------------------------------------------------------------------------
    Kleur(
        "gepland", "#dbe7f3", VLAK, "Planned savings in the edition's SVG chart: hatched in ink, outlined."
    ),
    Kleur("gerealiseerd", "#4d4d4d", VLAK, "Realised savings in the edition's SVG chart: solid, outlined."),
)

_WAARDE = {kleur.naam: kleur.waarde for kleur in PALET}
KLEUR = {kleur.naam: kleur for kleur in PALET}

INKT = _WAARDE["inkt"]
ZWART = _WAARDE["zwart"]
WIT = _WAARDE["wit"]
AS = _WAARDE["as"]
RASTER = _WAARDE["raster"]
GRIJS = _WAARDE["grijs"]
ACCENT = _WAARDE["accent"]
TOELICHTING = _WAARDE["toelichting"]
AANDACHT = _WAARDE["aandacht"]
GEPLAND = _WAARDE["gepland"]
GEREALISEERD = _WAARDE["gerealiseerd"]


@dataclass(frozen=True)
class Stoplicht:
    licht: str  # the fill: behind the status word, the SVG bars
    donker: str  # text on the fill or on white, solid chart bars


# One value per status and role. Where the three old definitions disagreed:
# - `donker`: app.css's text colours (#1e5a1b, #7a4100, #8a1414, #3d3d3d) replace the plotly bar colours
#   (#2e7d32, #b35900, #b71c1c, #757575). Only app.css's set reads as text on its own fill (7,1 to 9,5:1;
#   plotly's oranje, groen and onbekend gave 4,0 to 4,4:1 there, below AA), and all four pass 3:1 as bars.
#   Groen and rood were already series colours of the charts.
# - `licht`: app.css's tints (#e3f2e1, #fff0d9, #fbe4e4, #f0f0f0) replace the SVG's (#cfe8cc, #ffd9a0, #f2b8b8 and
#   white): the badge in the table beside an edition chart now has the very colour of its bar. The SVG bars need
#   no contrast from their fill (an ink outline and a pattern set them apart); "onbekend" is light grey and dotted
#   instead of white and dotted. The risk matrix's "laag" (#eef6ec, a third green) is groen-licht as well.
STOPLICHT: dict[str, Stoplicht] = {
    status: Stoplicht(_WAARDE[f"{status}-licht"], _WAARDE[f"{status}-donker"])
    for status in ("groen", "oranje", "rood", "onbekend")
}

# The plotly series, in order (colorway): each is a named colour above, all at least 3:1 on white.
REEKSEN: tuple[str, ...] = (
    ACCENT,
    AANDACHT,
    STOPLICHT["groen"].donker,
    STOPLICHT["rood"].donker,
    AS,
    TOELICHTING,
)

# The SVG pyramid's layers from the top (maatwerk) down; the lowest repeats for any further layer.
PIRAMIDE: tuple[str, ...] = (
    _WAARDE["piramide-donker"],
    GRIJS,
    _WAARDE["piramide-licht"],
    _WAARDE["piramide-lichtst"],
)

# Every place where the app puts text on a colour other than white: (text, background), each at least 4,5:1.
# Body text on the tinted backgrounds is the theme's document colour on screen and `zwart` on paper; `inkt`
# (the lighter of the app's two blacks) stands in for both.
TEKST_OP_VLAK: tuple[tuple[str, str], ...] = (
    *((f"{status}-donker", f"{status}-licht") for status in STOPLICHT),
    ("rood-donker", "te-laat-vlak"),  # "te laat" in a late row
    ("wit", "accent"),  # the own level in the pyramid menu
    ("inkt", "accent-vlak"),
    ("inkt", "toelichting-vlak"),
    ("inkt", "aandacht-vlak"),
    ("inkt", "te-laat-vlak"),
    *(("inkt", f"{status}-licht") for status in STOPLICHT),  # risk matrix cells, procurement rows
    ("zwart", "tabelkop"),
)


def css_blok() -> str:
    """The palette as CSS custom properties: static/css/palet.css, the one stylesheet with colour values.

    Every page links it before app.css and print.css (templates/base.html); the PDF reads it before
    rapportage_pdf.css (rapportage/export_pdf.py). `python -m kern.palet > static/css/palet.css` after a change."""
    regels = "\n".join(f"  {kleur.token}: {kleur.waarde};" for kleur in PALET)
    return (
        "/* The palette, written by `python -m kern.palet` from kern/palet.py: the only colour values of the\n"
        "   stylesheets; app.css, print.css and rapportage_pdf.css use them as var(--app-color-…). */\n"
        f":root {{\n{regels}\n}}\n"
    )


if __name__ == "__main__":
    print(css_blok(), end="")
