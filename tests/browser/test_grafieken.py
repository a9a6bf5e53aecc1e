"""The charts in a real browser: drawn with the small plotly bundle, in the Dutch house style, no console errors or
CSP violations, accessible (axe) and without sideways scrolling on a phone."""

import re

from django.urls import reverse

import pytest

from tests.browser import sessie
from tests.browser.reflow import (
    DESKTOP,
    TELEFOON,
    WCAG_MINIMUM,
    assert_geen_zijwaarts_scrollen,
    breedte_zetten,
    opmaak_afwachten,
    pagina_klaar,
)
from tests.browser.test_csp import LUISTERAAR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Plotly's own SI suffixes ("8M", "1.5k", "2G") may never reach an axis.
SI_ACHTERVOEGSEL = re.compile(r"\d\s*[kMGT]$")


@pytest.fixture
def grafiekpagina(page, programma):
    """The page with a record of console errors, uncaught errors, CSP violations and loaded scripts."""
    page.add_init_script(LUISTERAAR)
    page.fouten = []
    page.scripts = []
    page.on("console", lambda bericht: bericht.type == "error" and page.fouten.append(bericht.text))
    page.on("pageerror", lambda fout: page.fouten.append(f"pageerror: {fout}"))
    page.on("request", lambda verzoek: verzoek.resource_type == "script" and page.scripts.append(verzoek.url))
    sessie.inloggen(page, "manager")
    page.wait_for_load_state()
    return page


def _openen(page, url: str, breedte: int) -> None:
    breedte_zetten(page, breedte)
    page.goto(url)
    page.locator("[data-grafiek] svg.main-svg").first.wait_for(state="visible", timeout=15_000)
    pagina_klaar(page)


def _teksten(page, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_text_contents() if t.strip()]


def _kader(page, selector: str) -> dict | None:
    element = page.locator(selector).first
    return element.bounding_box() if element.count() else None


def _overlappen(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def _controleer_vormgeving(page, url: str) -> None:
    """The legend below the x-axis title inside the chart, and the chart named for assistive technology."""
    legenda, titel, vlak = (
        _kader(page, "[data-grafiek] g.legend"),
        _kader(page, "[data-grafiek] .g-xtitle"),
        _kader(page, "[data-grafiek]"),
    )
    assert legenda is not None and titel is not None, url
    assert not _overlappen(legenda, titel), (url, legenda, titel)
    assert legenda["y"] >= titel["y"] + titel["height"] - 1, (url, legenda, titel)
    assert legenda["y"] + legenda["height"] <= vlak["y"] + vlak["height"] + 1, (url, legenda, vlak)
    container = page.locator("[data-grafiek]").first
    assert container.get_attribute("role") == "img", url
    naam_id = container.get_attribute("aria-labelledby")
    assert naam_id and page.locator(f"#{naam_id}").text_content().strip(), url


def test_financien_axis_reads_euros_in_millions_in_dutch(grafiekpagina, programma, axe):
    page = grafiekpagina
    url = reverse("monitoring:financien")
    for breedte in (DESKTOP, TELEFOON):
        _openen(page, url, breedte)
        ticks = _teksten(page, "[data-grafiek] .ytick text")
        assert ticks, breedte
        assert all(t.startswith("€") for t in ticks), ticks
        assert any(t.endswith("mln") for t in ticks), ticks
        assert not any(SI_ACHTERVOEGSEL.search(t) for t in ticks), ticks
        # Decimal commas only: "€ 2,5 mln", never "2.5".
        assert not any(re.search(r"\d\.\d(?!\d\d)", t) for t in ticks), ticks
        _controleer_vormgeving(page, url)
        assert_geen_zijwaarts_scrollen(page, f"{url} bij {breedte} px")
    breedte_zetten(page, WCAG_MINIMUM)
    opmaak_afwachten(page, WCAG_MINIMUM)
    assert_geen_zijwaarts_scrollen(page, f"{url} bij {WCAG_MINIMUM} px")
    assert [v for v in axe(page) if v[1] in ("serious", "critical")] == []
    assert page.evaluate("window.__cspOvertredingen") == []
    assert page.fouten == []
    assert any(s.endswith("/vendor/plotly/plotly-basic.min.js") for s in page.scripts), page.scripts
    assert not any(s.endswith("/plotly.min.js") for s in page.scripts), page.scripts


def test_transformatiepiramide_counts_in_dutch(grafiekpagina, programma, axe):
    page = grafiekpagina
    url = reverse("monitoring:transformatiepiramide")
    for breedte in (DESKTOP, TELEFOON):
        _openen(page, url, breedte)
        ticks = _teksten(page, "[data-grafiek] .ytick text")
        assert ticks and all(re.fullmatch(r"\d{1,3}(\.\d{3})*", t) for t in ticks), ticks
        _controleer_vormgeving(page, url)
        assert_geen_zijwaarts_scrollen(page, f"{url} bij {breedte} px")
    breedte_zetten(page, WCAG_MINIMUM)
    opmaak_afwachten(page, WCAG_MINIMUM)
    assert_geen_zijwaarts_scrollen(page, f"{url} bij {WCAG_MINIMUM} px")
    assert [v for v in axe(page) if v[1] in ("serious", "critical")] == []
    assert page.evaluate("window.__cspOvertredingen") == []
    assert page.fouten == []
    assert any(s.endswith("/vendor/plotly/plotly-basic.min.js") for s in page.scripts), page.scripts


def test_the_dutch_locale_is_registered_so_months_read_dutch(grafiekpagina, programma):
    # Month ticks of a date axis drawn with the page's own config (locale "nl"): without the registered
    # locale plotly falls back to English ("Mar", "May", "Oct").
    page = grafiekpagina
    _openen(page, reverse("monitoring:financien"), DESKTOP)
    maanden = page.evaluate(
        """async () => {
          const vlak = document.createElement('div');
          vlak.style.width = '900px';
          document.body.appendChild(vlak);
          await Plotly.newPlot(vlak, [{type: 'scatter', x: ['2024-01-01', '2024-12-01'], y: [1, 2]}],
                               {xaxis: {dtick: 'M1', tickformat: '%b'}}, {locale: 'nl'});
          return Array.from(vlak.querySelectorAll('.xtick text')).map(t => t.textContent);
        }"""
    )
    assert {"mrt", "mei", "okt"} <= set(maanden), maanden
    assert not {"Mar", "May", "Oct"} & set(maanden), maanden
