"""The Content-Security-Policy in a real browser: the chart pages, a form, the Inwoners page and the admin run
without a single violation, and the plotly charts still render (with plotly's styles from static/css/plotly.css)."""

from django.urls import reverse

import pytest

from actielijnen.models import Activiteit
from monitoring.models import Meting
from tests.browser import sessie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# Runs before any page script: collects every violation the browser reports on the page.
LUISTERAAR = """
window.__cspOvertredingen = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspOvertredingen.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile);
});
"""


@pytest.fixture
def bewaakte_pagina(page):
    """The page with a violation listener and a record of console errors saying 'Refused to …'."""
    page.add_init_script(LUISTERAAR)
    geweigerd = []
    page.on("console", lambda bericht: "Refused to" in bericht.text and geweigerd.append(bericht.text))
    page.on("pageerror", lambda fout: geweigerd.append(f"pageerror: {fout}"))
    page.geweigerd = geweigerd
    return page


def overtredingen(page) -> list[str]:
    return page.evaluate("window.__cspOvertredingen") + page.geweigerd


def inloggen(page, gebruikersnaam):
    sessie.inloggen(page, gebruikersnaam)
    page.wait_for_load_state()


def test_the_listener_sees_a_violation(bewaakte_pagina, programma):
    # Without this the test below could pass by seeing nothing: an inline style is refused and reported.
    page = bewaakte_pagina
    page.goto(reverse("login"))
    page.evaluate("""() => { const s = document.createElement('style'); s.textContent = 'body{}';
                              document.head.appendChild(s); }""")
    # The browser reports the violation as an event after the refusal: wait for the listener to have it.
    page.wait_for_function("() => window.__cspOvertredingen.some((r) => r.includes('style-src'))")
    assert any("style-src" in regel for regel in overtredingen(page))


def test_chart_pages_forms_inwoners_and_admin_run_without_violations(bewaakte_pagina, programma):
    page = bewaakte_pagina
    indicator = (
        Meting.objects.filter(soort="realisatie")
        .values_list("indicator__code", flat=True)
        .order_by("pk")
        .first()
    )
    activiteit = Activiteit.objects.exclude(code="").order_by("volgorde").first()
    # The dashboard draws its timeline only for planned activities.
    Activiteit.objects.filter(actielijn__nummer=1).update(geplande_start="2023-Q2", gepland_einde="2025-Q2")
    grafiekpaginas = [
        reverse("actielijnen:management"),
        reverse("monitoring:indicator_detail", args=[indicator]),
        reverse("monitoring:financien"),
        reverse("monitoring:transformatiepiramide"),
        reverse("rapportage:college"),
    ]
    andere_paginas = [
        reverse("actielijnen:voortgang_create", args=[activiteit.sleutel]),
        reverse("rapportage:inwoners"),
        reverse("admin:actielijnen_activiteit_change", args=[activiteit.pk]),
        reverse("admin:index"),
    ]

    inloggen(page, "beheerder")
    for url in grafiekpaginas:
        page.goto(url)
        grafiek = page.locator("svg.main-svg").first
        try:
            grafiek.wait_for(state="attached", timeout=15_000)
        except Exception as fout:
            raise AssertionError((url, overtredingen(page), page.locator("[data-grafiek]").count())) from fout
        # plotly's own rule ".js-plotly-plot .plotly .main-svg {position:absolute}" comes from plotly.css.
        assert grafiek.evaluate("e => getComputedStyle(e).position") == "absolute", url
        assert overtredingen(page) == [], url
    for url in andere_paginas:
        antwoord = page.goto(url)
        assert antwoord.status == 200, url
        page.wait_for_load_state("load")
        assert overtredingen(page) == [], url
