"""The manager's dashboard and the opdrachtgever's decision inbox in a real browser (issue 15): no sideways scrolling
at 390 px and 320 px, the table fits its box at 1.280 px, and axe finds nothing serious or critical."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from accounts.models import User
from actielijnen.models import Activiteit
from actielijnen.services import voortgangsrapportage_create
from tests.browser.reflow import (
    DESKTOP,
    TELEFOON,
    WCAG_MINIMUM,
    assert_geen_zijwaarts_scrollen,
    breedte_zetten,
)
from tests.browser.sessie import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ernstig(bevindingen):
    return [b for b in bevindingen if b[1] in ("serious", "critical")]


@pytest.fixture
def besluit_gevraagd(programma):
    """An update of one of the opdrachtgever's activities that asks for a decision."""
    opdrachtgever = User.objects.get(username="opdrachtgever")
    activiteit = Activiteit.objects.filter(opdrachtgever=opdrachtgever, trekker__isnull=False).first()
    return voortgangsrapportage_create(
        activiteit=activiteit,
        auteur=activiteit.trekker,
        periode="2025-05",
        rag="oranje",
        percentage_gereed=30,
        fase="uitvoering",
        toelichting="De werving loopt achter.",
        besluit_nodig=True,
        besluit_omschrijving="Mag de werving extern worden uitbesteed?",
    )


def _alle_actielijnen_open(page):
    for details in page.locator("details.app-actielijn").all():
        details.evaluate("el => el.open = true")


def test_the_managers_dashboard_works_on_a_phone_and_fits_on_a_desktop(
    page, live_server, besluit_gevraagd, axe
):
    inloggen(page, "manager")
    page.goto(reverse("actielijnen:management"))
    expect(page.get_by_role("heading", name="Wat vraagt nu uw aandacht?")).to_be_visible()
    besluiten_link = page.locator(f'a.app-telling[href="{reverse("actielijnen:besluiten")}"]')
    expect(besluiten_link).to_contain_text(
        "wacht"
    )  # at least the one above: "1 besluit wacht", "3 besluiten wachten"
    aantal = int(besluiten_link.locator(".app-telling__aantal").inner_text())
    assert aantal >= 1

    breedte_zetten(page, DESKTOP)
    _alle_actielijnen_open(page)
    assert _ernstig(axe(page)) == []
    assert_geen_zijwaarts_scrollen(page, "dashboard op 1.280 px")
    # Every table fits its box: the last column's right edge is inside its wrapper (nothing cut off).
    uitsteken = page.evaluate(
        """() => [...document.querySelectorAll('.app-actielijn .app-tabel-wrapper')].map(w => {
              const cellen = w.querySelectorAll('thead th');
              return cellen[cellen.length - 1].getBoundingClientRect().right - w.getBoundingClientRect().right;
           })"""
    )
    assert uitsteken and all(px <= 0.5 for px in uitsteken), uitsteken

    for breedte in (TELEFOON, WCAG_MINIMUM):
        breedte_zetten(page, breedte)
        page.reload()
        _alle_actielijnen_open(page)
        assert_geen_zijwaarts_scrollen(page, f"dashboard op {breedte} px")
    assert _ernstig(axe(page)) == []

    # The summary link leads to the inbox, the manager reads but does not decide.
    besluiten_link.click()
    expect(page.get_by_text("U leest mee")).to_be_visible()
    assert page.locator(".app-besluitpunt").count() == aantal
    expect(page.get_by_role("link", name="Besluit nemen")).to_have_count(0)
    assert_geen_zijwaarts_scrollen(page, "besluiten van de manager op 320 px")
    assert _ernstig(axe(page)) == []


def test_the_opdrachtgever_finds_and_takes_the_decision(page, live_server, besluit_gevraagd, axe):
    breedte_zetten(page, TELEFOON)
    inloggen(page, "opdrachtgever")
    page.goto(reverse("actielijnen:uitvoering"))
    expect(page.get_by_role("heading", name="Wacht op uw besluit")).to_be_visible()
    assert_geen_zijwaarts_scrollen(page, "uitvoering van de opdrachtgever")
    page.get_by_role("link", name="Naar al uw besluiten").click()
    expect(page.get_by_text("Mag de werving extern worden uitbesteed?")).to_be_visible()
    assert_geen_zijwaarts_scrollen(page, "besluiten van de opdrachtgever")
    assert _ernstig(axe(page)) == []

    page.get_by_role("link", name=f"Besluit nemen over {besluit_gevraagd.activiteit}").click()
    page.get_by_role("button", name="Besluit vastleggen").click()  # empty: the Dutch message, nothing saved
    expect(page.get_by_text("Schrijf op wat u besluit.").first).to_be_visible()
    assert _ernstig(axe(page)) == []
    assert_geen_zijwaarts_scrollen(page, "besluitformulier met fout")
    page.get_by_label("Besluit", exact=True).fill("Ja, binnen het bestaande budget.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Uw besluit is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("heading", name="Besluiten", exact=True)).to_be_visible()
    expect(page.get_by_text("Mag de werving extern worden uitbesteed?")).to_have_count(0)
