"""Real-browser tests: Playwright drives Debian's chromium against the live server (`make test`)."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from actielijnen.models import Activiteit, Voortgangsrapportage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "Hengelo-demo-2025"


def inloggen(page, gebruikersnaam):
    page.goto(reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_a_trekkers_update_shows_on_the_management_dashboard_and_rolls_up_to_the_college_view(
    page, programma
):
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("volgorde").first()

    inloggen(page, "trekker")
    assert page.get_by_role("heading", name="Mijn activiteiten").is_visible()
    page.get_by_role("link", name=str(activiteit)).first.click()
    page.get_by_role("link", name="Voortgang rapporteren").click()
    page.get_by_label("Rood: bijsturing nodig").check()
    page.get_by_label("Percentage gereed").fill("45")
    page.get_by_label("Fase").select_option("uitvoering")
    page.get_by_label("Status van de activiteit").select_option("lopend")
    page.get_by_label("Toelichting", exact=True).fill("Wijkbijeenkomsten gestart; partners aangesloten.")
    page.get_by_role("button", name="Update opslaan").click()
    assert page.get_by_text("De voortgang is opgeslagen.").is_visible()
    rapportage = Voortgangsrapportage.objects.get()
    assert rapportage.auteur.username == "trekker"
    uitloggen(page)

    inloggen(page, "manager")
    assert page.get_by_role("heading", name="Managementdashboard").is_visible()
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name=str(activiteit))).first
    assert "Rood: bijsturing nodig" in rij.inner_text()
    assert "45%" in rij.inner_text()

    page.goto(reverse("actielijnen:college"))
    tabel = page.get_by_role("table").filter(has_text="Activiteiten per actielijn naar RAG-status")
    lijn = tabel.get_by_role("row").filter(has_text=str(activiteit.actielijn))
    assert lijn.get_by_role("cell").nth(4).inner_text() == "1"  # bijsturing nodig (rood)


def test_an_anonymous_visitor_opens_the_inwoners_page(page, programma):
    page.goto("/")
    assert page.get_by_role("heading", name="Inloggen").is_visible()
    page.get_by_role("link", name="Inwoners").click()
    assert page.get_by_role("heading", name="Wat doet Hengelo in het sociaal domein?").is_visible()
    assert page.get_by_role("heading", name="Het Nieuw Hengelo's Model").is_visible()
    # The chart is drawn by static/js/grafiek.js from the json_script (no inline script, no CDN).
    expect(page.locator("[data-grafiek] .main-svg").first).to_be_visible()
    assert "Risico" not in page.content()


AXE_PAGINAS = [
    (None, "login"),
    (None, "inwoners"),
    ("trekker", "actielijnen:uitvoering"),
    ("trekker", "activiteit_detail"),
    ("trekker", "voortgang_create"),
    ("manager", "actielijnen:management"),
    ("college", "actielijnen:college"),
    ("raad", "actielijnen:raad"),
]


@pytest.mark.parametrize(("gebruiker", "pagina"), AXE_PAGINAS)
def test_main_pages_have_no_serious_or_critical_accessibility_violations(
    page, axe, programma, gebruiker, pagina
):
    # Planned quarters, so that the management timeline (a plotly chart) is on the page too.
    Activiteit.objects.filter(actielijn__nummer=1).update(geplande_start="2023-Q2", gepland_einde="2025-Q2")
    if gebruiker:
        inloggen(page, gebruiker)
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("volgorde").first()
    if pagina == "activiteit_detail":
        url = activiteit.get_absolute_url()
    elif pagina == "voortgang_create":
        url = reverse("actielijnen:voortgang_create", args=[activiteit.sleutel])
    else:
        url = reverse(pagina)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if pagina == "actielijnen:management":
        expect(page.locator("[data-grafiek] .main-svg").first).to_be_visible()
    ernstig = [v for v in axe(page) if v[1] in ("serious", "critical")]
    assert ernstig == []
