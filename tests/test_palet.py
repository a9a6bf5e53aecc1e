"""One palette (kern.palet) for the plotly charts, the edition's SVG and the stylesheets (issue 23).

The stylesheets declare the palette once, as `--app-color-…` custom properties in a `:root` block, and write every
other colour as `var(--app-color-…)`; the chart modules take their colours from kern.palet. Every colour that
carries text or a meaningful line meets WCAG 2.1 AA.
"""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings

import pytest
from weasyprint import CSS, HTML

from actielijnen import grafieken as actielijn_grafieken
from kern import grafiekstijl, palet
from rapportage.weergave import grafieken as editie_grafieken

ROOT = Path(settings.BASE_DIR)
STIJLBLADEN = ["static/css/app.css", "static/css/print.css", "static/css/rapportage_pdf.css"]
PALET_CSS = "static/css/palet.css"
MODULES = [
    "kern/grafiekstijl.py",
    "rapportage/weergave/grafieken.py",
    "hengelo_sd/plotly_stijl.py",
    "monitoring/koers.py",
]
THEMA = ROOT / "node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"

HEX = re.compile(r"#[0-9a-fA-F]{3,8}(?![-\w])")
KLEURFUNCTIE = re.compile(r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.IGNORECASE)
# The CSS colour keywords a hand might write instead of a hex value.
KLEURWOORDEN = frozenset(
    "black white red green blue orange yellow purple gray grey silver maroon navy teal olive lime aqua fuchsia "
    "pink brown darkgray darkgrey lightgray lightgrey darkred darkgreen darkblue darkorange gold".split()
)
KLEURWOORD = re.compile(r"(?<![-\w])(" + "|".join(sorted(KLEURWOORDEN)) + r")(?![-\w])", re.IGNORECASE)
COMMENTAAR = re.compile(r"/\*.*?\*/", re.DOTALL)
ROOT_BLOK = re.compile(r":root\s*\{([^{}]*)\}")
# A declaration `eigenschap: waarde` ends at ";" or "}"; selectors (`a:hover {`) and media queries do not match.
DECLARATIE = re.compile(r"([-\w]+)\s*:\s*([^;{}]+?)\s*(?=[;}])")
VERWIJZING = re.compile(r"var\(\s*(--app-color-[-\w]+)")
SVG_KLEUR = re.compile(r'\b(?:fill|stroke)="([^"]+)"')


def _css(pad: str) -> str:
    return COMMENTAAR.sub("", (ROOT / pad).read_text(encoding="utf-8"))


def _root_kleuren(tekst: str) -> dict[str, str]:
    """The colour declarations of the :root blocks, by property."""
    kleuren = {}
    for blok in ROOT_BLOK.findall(tekst):
        for eigenschap, waarde in DECLARATIE.findall(blok + ";"):
            if eigenschap.startswith("--app-color-") or any(
                patroon.search(waarde) for patroon in (HEX, KLEURFUNCTIE, KLEURWOORD)
            ):
                kleuren[eigenschap] = waarde
    return kleuren


def _losse_kleuren(tekst: str) -> list[str]:
    """Every colour written outside a :root block as a value (hex, rgb()/hsl()…, a colour keyword)."""
    zonder_root = ROOT_BLOK.sub("", COMMENTAAR.sub("", tekst))
    los = []
    for eigenschap, waarde in DECLARATIE.findall(zonder_root):
        if eigenschap == "content":  # generated text, not a colour
            continue
        los += [f"{eigenschap}: {m.group(0)}" for m in HEX.finditer(waarde)]
        los += [f"{eigenschap}: {m.group(0)}" for m in KLEURFUNCTIE.finditer(waarde)]
        los += [f"{eigenschap}: {m.group(0)}" for m in KLEURWOORD.finditer(waarde)]
    return los


def _luminantie(kleur: str) -> float:
    """WCAG 2.1 relative luminance of "#rrggbb"."""
    kanalen = [int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineair = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    return 0.2126 * lineair[0] + 0.7152 * lineair[1] + 0.0722 * lineair[2]


def _contrast(een: str, ander: str) -> float:
    licht, donker = sorted((_luminantie(een), _luminantie(ander)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


# --- the palette itself ----------------------------------------------------------------------------------


def test_the_palette_names_each_colour_once_as_lower_case_hex():
    namen = [kleur.naam for kleur in palet.PALET]
    waarden = [kleur.waarde for kleur in palet.PALET]
    assert len(set(namen)) == len(namen)
    assert len(set(waarden)) == len(waarden), "a colour with two names: give it one, describe both uses"
    for kleur in palet.PALET:
        assert re.fullmatch(r"#[0-9a-f]{6}", kleur.waarde), kleur
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", kleur.naam), kleur
        assert kleur.soort in (palet.TEKST, palet.LIJN, palet.VLAK), kleur
        assert kleur.gebruik, kleur
    rollen = [palet.INKT, palet.WIT, *palet.REEKSEN, *palet.PIRAMIDE]
    rollen += [v for s in palet.STOPLICHT.values() for v in (s.licht, s.donker)]
    assert set(rollen) <= set(waarden)


def test_the_nl_design_system_tokens_it_maps_onto_exist_in_the_theme():
    thema = THEMA.read_text(encoding="utf-8")
    for kleur in palet.PALET:
        if kleur.nlds:
            assert re.search(re.escape(kleur.nlds) + r"\s*:", thema), kleur


def test_the_css_block_is_the_palette():
    assert _root_kleuren(palet.css_blok()) == {kleur.token: kleur.waarde for kleur in palet.PALET}


# --- (a) one stylesheet declares the palette, the others use it ---------------------------------------


def test_palet_css_is_the_palette_as_written_by_kern_palet():
    assert (ROOT / PALET_CSS).read_text(encoding="utf-8") == palet.css_blok(), (
        f"run `python -m kern.palet > {PALET_CSS}`"
    )


@pytest.mark.parametrize("pad", STIJLBLADEN)
def test_no_other_stylesheet_declares_a_colour_of_its_own(pad):
    assert _root_kleuren(_css(pad)) == {}


def test_every_page_and_the_pdf_read_the_palette_before_the_stylesheets_that_use_it():
    basis = (ROOT / "templates/base.html").read_text(encoding="utf-8")
    assert basis.index("css/palet.css") < basis.index("css/app.css") < basis.index("css/print.css")
    from rapportage import export_pdf

    assert export_pdf.PALET == "css/palet.css"


@pytest.mark.parametrize("pad", STIJLBLADEN)
def test_every_colour_the_stylesheet_uses_is_a_palette_token(pad):
    tekst = ROOT_BLOK.sub("", _css(pad))
    gebruikt = set(VERWIJZING.findall(tekst))
    assert gebruikt, pad
    assert gebruikt <= {kleur.token for kleur in palet.PALET}, gebruikt - {k.token for k in palet.PALET}


# --- (b) no loose colour outside the palette ------------------------------------------------------------


@pytest.mark.parametrize("pad", STIJLBLADEN)
def test_no_loose_colour_in_the_stylesheet(pad):
    assert _losse_kleuren((ROOT / pad).read_text(encoding="utf-8")) == []


def test_the_check_finds_a_loose_colour():
    blok = palet.css_blok()
    assert _losse_kleuren(blok + ".a { color: var(--app-color-inkt); }") == []
    assert _losse_kleuren(blok + ".a { border: 1px solid #ccc; }") == ["border: #ccc"]
    assert _losse_kleuren(".a { background: rgb(0 0 0); color: White; }") == [
        "background: rgb(",
        "color: White",
    ]
    assert _losse_kleuren("@page { @top-left { color: #444; } }") == ["color: #444"]
    assert _losse_kleuren("#abc, a:hover { white-space: nowrap; }") == []  # selectors are not colours
    assert _root_kleuren(":root { --app-color-x: #123456; --app-max: 72rem; }") == {
        "--app-color-x": "#123456"
    }


def _kleuren_in_bron(bron: str) -> list[str]:
    """Hex literals anywhere in a module's source, and strings that are a colour keyword or function."""
    gevonden = HEX.findall(bron)
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            waarde = knoop.value.strip()
            if waarde.lower() in KLEURWOORDEN or KLEURFUNCTIE.match(waarde):
                gevonden.append(waarde)
    return gevonden


@pytest.mark.parametrize("pad", MODULES)
def test_no_colour_literal_in_the_chart_modules(pad):
    assert _kleuren_in_bron((ROOT / pad).read_text(encoding="utf-8")) == []


def test_the_check_finds_a_colour_literal_in_python():
    assert _kleuren_in_bron('KLEUR = "#1a1a1a"\n') == ["#1a1a1a"]
    assert _kleuren_in_bron('vulling = "white"\n') == ["white"]
    assert _kleuren_in_bron('f"url(#{pid})"\n') == []


# --- (c) contrast ---------------------------------------------------------------------------------------


def test_contrast_is_computed_as_wcag_does():
    assert round(_contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(_contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes for text


def test_text_colours_meet_aa_on_white():
    for kleur in palet.PALET:
        if kleur.soort == palet.TEKST:
            assert _contrast(kleur.waarde, palet.WIT) >= 4.5, kleur
        elif kleur.soort == palet.LIJN:
            assert _contrast(kleur.waarde, palet.WIT) >= 3, kleur


def test_text_on_a_fill_meets_aa():
    for voorgrond, achtergrond in palet.TEKST_OP_VLAK:
        contrast = _contrast(palet.KLEUR[voorgrond].waarde, palet.KLEUR[achtergrond].waarde)
        assert contrast >= 4.5, (voorgrond, achtergrond, round(contrast, 2))


def test_chart_series_and_stoplight_bars_stand_out_from_white():
    for kleur in (*palet.REEKSEN, *grafiekstijl.STOPLICHT_KLEUREN.values(), grafiekstijl.AS):
        assert _contrast(kleur, palet.WIT) >= 3, kleur


# --- (d) the charts and the stylesheet show the stoplight in the palette's colours ----------------------


def _voortgang_svg() -> str:
    lijn = {
        "nummer": 1,
        "naam": "Sociale basis",
        "aantal": 8,
        "groen": 2,
        "oranje": 2,
        "rood": 2,
        "onbekend": 2,
    }
    return str(editie_grafieken.voortgang({"actielijnen": [lijn]}))


def test_the_edition_svg_fills_its_stoplight_bars_with_the_palettes_light_variant():
    svg = _voortgang_svg()
    wortel = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    patronen = {p.get("id"): p.find(f"{ns}rect").get("fill") for p in wortel.iter(f"{ns}pattern")}
    legenda = [r.get("fill") for r in wortel.findall(f"{ns}rect")][:4]
    vullingen = [patronen[f[5:-1]] if f.startswith("url(#") else f for f in legenda]
    assert vullingen == [palet.STOPLICHT[s].licht for s in ("groen", "oranje", "rood", "onbekend")]
    assert {sleutel: kleur for sleutel, _, kleur, _ in editie_grafieken.RAG_REEKSEN} == {
        status: kleuren.licht for status, kleuren in palet.STOPLICHT.items()
    }


def test_every_colour_in_the_edition_svg_is_the_palettes():
    financien = {
        "jaren": [2023],
        "rijen": [{"domein": "jeugd", "jaar": 2023, "taakstelling": "4000000", "gerealiseerd": "1269000"}],
        "gerealiseerd_totaal": {"2023": "1269000"},
    }
    piramide = {
        "perioden": ["2023"],
        "lagen": [{"naam": n, "volgorde": i} for i, n in enumerate(("A", "B", "C", "D", "E"))],
        "standen": [{"periode": "2023", "laag": n, "aantal": 500 * (i + 1)} for i, n in enumerate("ABCDE")],
    }
    waarden = {kleur.waarde for kleur in palet.PALET}
    for svg in (
        _voortgang_svg(),
        editie_grafieken.besparingen(financien),
        editie_grafieken.piramide(piramide),
    ):
        kleuren = {k for k in SVG_KLEUR.findall(str(svg)) if not k.startswith("url(")}
        assert kleuren and kleuren <= waarden, kleuren - waarden


def test_the_plotly_stoplight_bars_use_the_palettes_dark_variant():
    voortgang = [SimpleNamespace(actielijn=SimpleNamespace(nummer=1), groen=1, oranje=1, rood=1, onbekend=1)]
    figuur = actielijn_grafieken.voortgang_per_actielijn(voortgang)
    assert [trace["marker"]["color"] for trace in figuur["data"]] == [
        palet.STOPLICHT[s].donker for s in ("groen", "oranje", "rood", "onbekend")
    ]


def _plotly_kleuren(waarde, sleutel: str = "") -> set[str]:
    """Every value under a key that names a colour ("color", "bgcolor", "gridcolor", "colorway" …)."""
    if isinstance(waarde, dict):
        return set().union(*(_plotly_kleuren(w, k) for k, w in waarde.items()))
    if isinstance(waarde, list | tuple):
        return set().union(*(_plotly_kleuren(w, sleutel) for w in waarde))
    return {waarde} if "color" in sleutel and isinstance(waarde, str) else set()


def test_every_colour_in_the_plotly_layout_is_the_palettes():
    gevonden = _plotly_kleuren(grafiekstijl.opmaak())
    assert palet.INKT in gevonden and set(palet.REEKSEN) <= gevonden
    assert gevonden and gevonden <= {kleur.waarde for kleur in palet.PALET}, gevonden


def test_the_stylesheet_colours_the_status_words_with_the_stoplight_tokens():
    tekst = _css("static/css/app.css")
    for status in palet.STOPLICHT:
        regel = re.search(r"\.app-rag--" + status + r"\s*\{([^}]*)\}", tekst)
        assert regel is not None, status
        declaraties = dict(DECLARATIE.findall(regel.group(1) + ";"))
        assert declaraties["background"] == palet.KLEUR[f"{status}-licht"].css, status
        assert declaraties["color"] == palet.KLEUR[f"{status}-donker"].css, status


def test_weasyprint_resolves_the_palette_in_the_pdf_stylesheet():
    """The PDF (WeasyPrint) reads the custom properties: the table header and page margins keep their colours."""
    stijlen = [CSS(filename=str(ROOT / PALET_CSS)), CSS(filename=str(ROOT / "static/css/rapportage_pdf.css"))]
    document = HTML(string="<table><thead><tr><th>Kop</th></tr></thead></table>").render(stylesheets=stijlen)
    pagina = document.pages[0]._page_box

    def rgb(kleur) -> str:
        return "#" + "".join(f"{round(c * 255):02x}" for c in tuple(kleur)[:3])

    def dozen(doos):
        yield doos
        for kind in getattr(doos, "children", ()):
            yield from dozen(kind)

    kop = next(d for d in dozen(pagina) if getattr(d, "element_tag", "") == "th")
    assert rgb(kop.style["background_color"]) == palet.KLEUR["tabelkop"].waarde
    assert rgb(kop.style["border_left_color"]) == palet.KLEUR["tabellijn"].waarde
    assert rgb(kop.style["color"]) == palet.ZWART
    marge = next(d for d in pagina.children if getattr(d, "at_keyword", "") == "@bottom-left")
    assert rgb(marge.style["color"]) == palet.KLEUR["kantlijn"].waarde
