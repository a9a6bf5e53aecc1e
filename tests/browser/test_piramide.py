"""Real-browser tests: Playwright drives Debian's chromium against the live server (`make test`)."""

import re

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from actielijnen.models import Activiteit, Voortgangsrapportage
from tests.browser.edities import gepubliceerde_editie
from tests.browser.reflow import pagina_klaar
from tests.browser.sessie import inloggen, uitloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_trekkers_update_shows_on_the_management_dashboard_and_rolls_up_to_the_college_view(
    page, programma
):
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("volgorde").first()

    inloggen(page, "trekker")
    expect(page.get_by_role("heading", name="Mijn activiteiten")).to_be_visible()
    page.get_by_role("link", name=str(activiteit)).first.click()
    page.get_by_role("link", name="Voortgang rapporteren").click()
    page.get_by_label("Rood: bijsturing nodig").check()
    page.get_by_label("Percentage gereed").fill("45")
    page.get_by_label("Fase").select_option("uitvoering")
    page.get_by_label("Status van de activiteit").select_option("lopend")
    page.get_by_label("Toelichting", exact=True).fill("Wijkbijeenkomsten gestart; partners aangesloten.")
    page.get_by_role("button", name="Update opslaan").click()
    expect(page.get_by_text("De voortgang is opgeslagen.")).to_be_visible()
    rapportage = Voortgangsrapportage.objects.get()
    assert rapportage.auteur.username == "trekker"
    uitloggen(page)

    inloggen(page, "manager")
    expect(page.get_by_role("heading", name="Managementdashboard")).to_be_visible()
    # The summary at the top counts the red activity and links to exactly that row (the tables start folded).
    page.get_by_role("link", name="1 Rood: bijsturing nodig").click()
    expect(page).to_have_url(re.compile(r"stoplicht=rood"))
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name=str(activiteit))).first
    assert "Rood: bijsturing nodig" in rij.inner_text()
    assert "45%" in rij.inner_text()

    page.goto(reverse("rapportage:college"))
    tabel = page.get_by_role("table").filter(has_text="Activiteiten per actielijn naar stoplichtkleur")
    lijn = tabel.get_by_role("row").filter(has_text=str(activiteit.actielijn))
    assert lijn.get_by_role("cell").nth(4).inner_text() == "1"  # bijsturing nodig (rood)


def test_an_anonymous_visitor_opens_the_inwoners_page(page, programma):
    gepubliceerde_editie()
    page.goto("/")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    page.get_by_role("link", name="Inwoners").click()
    # The page in plain language (issue 15): what the gemeente does for inwoners and the newest figures.
    expect(page.get_by_role("heading", name="Hulp in Hengelo: wat doet de gemeente?")).to_be_visible()
    expect(page.get_by_role("heading", name="Wat vinden inwoners van de hulp?")).to_be_visible()
    expect(page.get_by_role("link", name="Download de cijfers als bestand")).to_be_visible()
    assert "stand op 31 december 2023" in page.content()
    assert "Risico" not in page.content()


def test_the_griffie_downloads_the_published_pdf_and_xlsx_exactly_as_stored(page, programma):
    rapportage = gepubliceerde_editie()
    inloggen(page, "griffie")
    page.get_by_role("link", name="Jaarstukken 2023").first.click()
    expect(page.get_by_role("heading", name="Jaarstukken 2023").first).to_be_visible()
    for soort, naam in (("pdf", "PDF"), ("xlsx", "Excel")):
        with page.expect_download() as download:
            page.get_by_role("link", name=naam, exact=False).first.click()
        pad = download.value.path()
        opgeslagen = rapportage.exportbestanden.get(soort=soort)
        assert open(pad, "rb").read() == bytes(opgeslagen.inhoud), soort
        assert download.value.suggested_filename.endswith(f".{soort}")


AXE_PAGINAS = [
    (None, "login"),
    (None, "rapportage:inwoners"),
    ("trekker", "actielijnen:uitvoering"),
    ("trekker", "activiteit_detail"),
    ("trekker", "voortgang_create"),
    ("manager", "actielijnen:management"),
    ("college", "rapportage:college"),
    ("raad", "rapportage:raad"),
    ("griffie", "rapportage:editie"),
    ("griffie", "rapportage:vergelijken"),
    ("griffie", "rapportage:motie_lijst"),
]


@pytest.mark.parametrize(("gebruiker", "pagina"), AXE_PAGINAS)
def test_main_pages_have_no_serious_or_critical_accessibility_violations(
    page, axe, programma, gebruiker, pagina
):
    # Planned quarters, so that the management timeline (a plotly chart) is on the page too.
    Activiteit.objects.filter(actielijn__nummer=1).update(geplande_start="2023-Q2", gepland_einde="2025-Q2")
    editie = gepubliceerde_editie()
    if gebruiker:
        inloggen(page, gebruiker)
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("volgorde").first()
    if pagina == "activiteit_detail":
        url = activiteit.get_absolute_url()
    elif pagina == "rapportage:editie":
        url = editie.get_absolute_url()
    elif pagina == "voortgang_create":
        url = reverse("actielijnen:voortgang_create", args=[activiteit.sleutel])
    else:
        url = reverse(pagina)
    page.goto(url)
    pagina_klaar(page)
    if pagina == "actielijnen:management":
        expect(page.locator("[data-grafiek] .main-svg").first).to_be_visible()
    ernstig = [v for v in axe(page) if v[1] in ("serious", "critical")]
    assert ernstig == []


def test_printing_an_edition_leaves_out_navigation_and_keeps_tables_within_the_page(page, programma):
    rapportage = gepubliceerde_editie()
    inloggen(page, "raad")
    page.goto(rapportage.get_absolute_url())
    navigatie = page.get_by_role("navigation", name="Hoofdmenu")
    expect(navigatie).to_be_visible()
    page.emulate_media(media="print")
    expect(navigatie).to_be_hidden()
    expect(page.get_by_role("navigation", name="Downloads")).to_be_hidden()
    expect(page.get_by_role("heading", name="Jaarstukken 2023").first).to_be_visible()
    # Nothing wider than the page: A4 minus the margins is about 680 CSS pixels.
    page.set_viewport_size({"width": 680, "height": 1000})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 680, breedte
