"""One Dutch house style for every plotly chart (kern.grafiekstijl), drawn with the small plotly.js bundle from npm.

The browser half (ticks as drawn, the Dutch locale loaded, no CSP violations, axe, reflow) is in
tests/browser/test_grafieken.py.
"""

import json
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

import pytest

from actielijnen import grafieken as actielijn_grafieken
from hengelo_sd.plotly_stijl import LOCALE_PAD
from kern import grafiekstijl, palet
from kern.grafiekstijl import bedrag_kort
from monitoring import grafieken as monitoring_grafieken
from rapportage.weergave import grafieken as editie_grafieken

ROOT = Path(settings.BASE_DIR)
KLEIN_BUNDEL = "vendor/plotly/plotly-basic.min.js"
# Plotly's SI suffixes ("8M", "1.5k") and English number formats may not reach a tick.
SI_OF_ENGELS = re.compile(r"\d[kMGT]\b|\d,\d{3}\b(?!\.)|\d\.\d{1,2}\b")


def _meting(jaar, waarde, soort="realisatie", **extra):
    return SimpleNamespace(
        periode_begin=date(jaar, 1, 1),
        waarde=Decimal(waarde),
        soort=soort,
        wijk_id=extra.get("wijk_id"),
        gebied_id=None,
        wijk=extra.get("wijk"),
        gebied=None,
        get_soort_display=lambda: {"realisatie": "Realisatie", "streef": "Streefwaarde"}[soort],
    )


def _indicator(eenheid, metingen):
    labels = {"percentage": "Percentage", "bedrag": "Bedrag in euro", "aantal": "Aantal"}
    indicator = SimpleNamespace(eenheid=eenheid, get_eenheid_display=lambda: labels[eenheid])
    return monitoring_grafieken.indicator_figuur(
        SimpleNamespace(indicator=indicator, jaarcijfers=metingen), lambda m: False
    )


class _Activiteit:
    geplande_start, gepland_einde = "2023-Q2", "2025-Q2"

    def __str__(self):
        return "1.1 Kostenbewustzijn"


@pytest.fixture
def financien():
    return SimpleNamespace(
        jaren=[2023, 2024, 2025, 2026],
        scenarios=[SimpleNamespace(nummer=1), SimpleNamespace(nummer=2)],
        scenario_totalen={
            1: {2023: Decimal("1500000"), 2026: Decimal("6800000")},
            2: {2023: Decimal("1100000"), 2026: Decimal("8100000")},
        },
        gerealiseerd_totaal={2023: Decimal("1269000")},
    )


@pytest.fixture
def figuren(financien):
    """Every figure builder's output, by name."""
    lagen = [SimpleNamespace(pk=1, naam="Maatwerk"), SimpleNamespace(pk=2, naam="Sociale basis")]
    piramide = SimpleNamespace(lagen=lagen, perioden=["2023"], standen={("2023", 1): 6744, ("2023", 2): 2890})
    stand = SimpleNamespace(activiteit=_Activiteit(), rag_woord="rood")
    voortgang = [
        SimpleNamespace(actielijn=SimpleNamespace(nummer=1), groen=1, oranje=0, rood=2, onbekend=1605)
    ]
    return {
        "tijdlijn": actielijn_grafieken.tijdlijn([stand]),
        "voortgang": actielijn_grafieken.voortgang_per_actielijn(voortgang),
        "piramide": monitoring_grafieken.piramide_figuur(piramide, lambda n: n),
        "financien": monitoring_grafieken.financien_figuur(financien),
        "indicator": _indicator("percentage", [_meting(2022, "47.3"), _meting(2023, "48.1")]),
    }


def test_every_figure_has_the_house_layout(figuren):
    for naam, figuur in figuren.items():
        layout = figuur["layout"]
        assert layout["separators"] == ",.", naam  # decimal comma, thousands dot
        assert layout["font"]["family"].startswith("Noto Sans"), naam
        # Legend in a row at the bottom of the whole figure, below the x-axis title, not over it.
        assert layout["legend"]["orientation"] == "h", naam
        assert layout["legend"]["xref"] == "container" and layout["legend"]["x"] == 0, naam
        assert (layout["legend"]["yref"], layout["legend"]["y"], layout["legend"]["yanchor"]) == (
            "container",
            0,
            "bottom",
        ), naam
        assert layout["xaxis"]["automargin"] and layout["yaxis"]["automargin"], naam
        assert layout["margin"]["l"] <= 10 and layout["margin"]["r"] <= 10, naam  # room on a 320 px phone
        # plotly's default look (its "plotly" template: blue-grey plot area, its colourway) is gone.
        assert "template" not in layout, naam
        assert layout["plot_bgcolor"] == palet.WIT, naam
        assert layout["colorway"] == list(grafiekstijl.KLEUREN), naam
        tekst = json.dumps(figuur, ensure_ascii=False)
        assert "RAG" not in tekst, naam
        # No SI or English number format anywhere ("~s" would give "8M").
        assert not re.search(r'"(tick|hover)format": "[^"]*s"', tekst), naam


def test_financien_axis_reads_euros_in_millions(figuren):
    yas = figuren["financien"]["layout"]["yaxis"]
    assert yas["ticktext"] == [
        "€\xa00",
        "€\xa02,5\xa0mln",
        "€\xa05\xa0mln",
        "€\xa07,5\xa0mln",
        "€\xa010\xa0mln",
    ]
    assert yas["tickvals"] == [0, 2_500_000, 5_000_000, 7_500_000, 10_000_000]
    assert yas["range"][0] <= 0 and yas["range"][1] >= 8_100_000  # every value on the axis
    assert not any(SI_OF_ENGELS.search(t) for t in yas["ticktext"])
    assert yas["title"]["text"] == "Besparing"
    # Hover texts in the same notation, in full.
    scenario2 = figuren["financien"]["data"][1]
    assert scenario2["customdata"] == ["€\xa01.100.000", "", "", "€\xa08.100.000"]
    assert "%{customdata}" in scenario2["hovertemplate"]


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [
        (8_000_000, "€\xa08\xa0mln"),
        (8_100_000, "€\xa08,1\xa0mln"),
        (1_506_000, "€\xa01,51\xa0mln"),
        (-1_500_000, "€\xa0-1,5\xa0mln"),
        (800_000, "€\xa0800.000"),
        (0, "€\xa00"),
        (Decimal("1114000.50"), "€\xa01,11\xa0mln"),
    ],
)
def test_amounts_on_an_axis(bedrag, tekst):
    assert bedrag_kort(bedrag) == tekst


def test_an_axis_below_a_million_stays_in_euros():
    yas = grafiekstijl.as_bedragen([120_000, 640_000])
    assert yas["ticktext"] == ["€\xa00", "€\xa0200.000", "€\xa0400.000", "€\xa0600.000", "€\xa0800.000"]


def test_axes_per_unit_use_dutch_formats():
    percentage = _indicator("percentage", [_meting(2023, "47.3")])["layout"]["yaxis"]
    assert (percentage["ticksuffix"], percentage["tickformat"]) == ("%", ",~f")
    aantal = _indicator("aantal", [_meting(2023, "1605")])["layout"]["yaxis"]
    assert aantal["tickformat"] == ",~f" and "ticksuffix" not in aantal
    bedrag = _indicator("bedrag", [_meting(2023, "8100000")])["layout"]["yaxis"]
    assert "€\xa08\xa0mln" in bedrag["ticktext"] or "€\xa010\xa0mln" in bedrag["ticktext"]
    figuur = _indicator("percentage", [_meting(2023, "47.3")])
    assert figuur["data"][0]["customdata"] == ["47,3%"]
    assert figuur["layout"]["xaxis"]["hoverformat"] == "%b %Y"  # "mrt 2024" with the Dutch locale


def test_stoplicht_words_in_legend_and_hover(figuren):
    for figuur in (figuren["tijdlijn"], figuren["voortgang"]):
        namen = [trace["name"] for trace in figuur["data"]]
        assert set(namen) <= {
            "Groen: op koers",
            "Oranje: aandacht nodig",
            "Rood: bijsturing nodig",
            "Onbekend: nog geen update",
        }
        assert all("Stoplicht: " in trace["hovertemplate"] for trace in figuur["data"])
    onbekend = figuren["voortgang"]["data"][3]
    assert onbekend["customdata"] == ["1.605 activiteiten"]
    groen = figuren["voortgang"]["data"][0]
    assert groen["customdata"] == ["1 activiteit"]  # never "1 activiteiten"


def test_the_edition_svg_uses_the_same_amounts_on_its_axis():
    financien = {
        "jaren": [2023],
        "rijen": [{"domein": "jeugd", "jaar": 2023, "taakstelling": "4000000", "gerealiseerd": "1269000"}],
        "gerealiseerd_totaal": {"2023": "1269000"},
    }
    svg = str(editie_grafieken.besparingen(financien))
    assert "€\xa02\xa0mln" in svg and "€\xa04\xa0mln" in svg
    assert "€\xa01.269.000" in svg  # the bars keep their amounts in full


@pytest.mark.django_db
def test_chart_pages_load_the_small_bundle_and_the_dutch_locale(client, programma, django_user_model):
    client.force_login(django_user_model.objects.get(username="manager"))
    for url in (reverse("monitoring:financien"), reverse("monitoring:transformatiepiramide")):
        html = client.get(url).content.decode()
        scripts = re.findall(r'<script src="([^"]+)"', html)
        assert [Path(s).name for s in scripts if "plotly" in s] == [
            "plotly-basic.min.js",
            "plotly-locale-nl.js",
        ]
        assert "plotly.min.js" not in html


def test_the_served_bundle_is_small_and_the_full_one_is_not_served():
    pad = finders.find(KLEIN_BUNDEL)
    assert pad is not None and Path(pad).is_relative_to(ROOT / "node_modules")
    assert Path(pad).stat().st_size < 1_500_000
    assert finders.find("vendor/plotly/plotly.min.js") is None
    # Nothing collectstatic would copy is a full plotly bundle (4,7 MB).
    for finder in finders.get_finders():
        for pad_, opslag in finder.list([]):
            if "plotly" in pad_ and pad_.endswith(".js"):
                assert opslag.size(pad_) < 1_500_000, pad_


def test_package_lock_pins_the_partial_bundle_and_the_locales():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for naam in ("plotly.js-basic-dist-min", "plotly.js-locales"):
        versie = package["dependencies"][naam]
        assert re.fullmatch(r"\d+\.\d+\.\d+", versie), naam  # exact, as `npm ci` installs it
        vastgelegd = lock["packages"][f"node_modules/{naam}"]
        assert vastgelegd["version"] == versie and vastgelegd["integrity"].startswith("sha512-"), naam
        geinstalleerd = json.loads(
            (ROOT / "node_modules" / naam / "package.json").read_text(encoding="utf-8")
        )
        assert geinstalleerd["version"] == versie, naam


def test_the_locale_script_registers_dutch_months():
    pad = finders.find(LOCALE_PAD)
    assert pad is not None
    bron = Path(pad).read_text(encoding="utf-8")
    assert "Plotly.register(module.exports)" in bron
    node = shutil.which("node")
    if node is None:  # npm ci needs node, so CI has it; without node only the text is checked
        assert "'mrt'" in bron
        return
    uitvoer = subprocess.run(
        [
            node,
            "-e",
            "global.Plotly = {register: m => console.log(JSON.stringify(m))};"
            f"require('vm').runInThisContext(require('fs').readFileSync({json.dumps(pad)}, 'utf8'));",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    locale = json.loads(uitvoer)
    assert locale["name"] == "nl" and locale["moduleType"] == "locale"
    assert locale["format"]["shortMonths"][2] == "mrt"
    assert (locale["format"]["decimal"], locale["format"]["thousands"]) == (",", ".")
