"""Forms in a real browser (issue 15): the checkbox label wraps as text at 320 px, the error summary takes the
focus and its links move the focus to the field, no sideways scrolling, axe without serious findings."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from accounts.constants import Rol
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActiviteitFactory
from tests.browser.reflow import DESKTOP, WCAG_MINIMUM, assert_geen_zijwaarts_scrollen, breedte_zetten

ERNSTIG = ("serious", "critical")


def _inloggen(page, gebruikersnaam):
    page.goto(reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill("Hengelo-test-2025")
    page.get_by_role("button", name="Inloggen").click()


@pytest.fixture
def formulier(page, live_server, transactional_db):
    """A trekker signed in, on the update form of their own activity."""
    trekker = UserFactory(rollen=[Rol.TREKKER], username="tessa")
    activiteit = ActiviteitFactory(trekker=trekker, met_opdracht=True)
    _inloggen(page, "tessa")
    page.goto(reverse("actielijnen:voortgang_create", args=[activiteit.sleutel]))
    return page


@pytest.mark.browser
@pytest.mark.parametrize("breedte", [WCAG_MINIMUM, DESKTOP])
def test_a_checkbox_label_wraps_beside_its_box_on_at_most_two_lines(formulier, breedte, axe):
    page = formulier
    breedte_zetten(page, breedte)
    label = page.locator('label[for="id_besluit_nodig"]')
    expect(label).to_have_text("Er is een besluit nodig")
    maat = label.evaluate(
        "el => ({hoogte: el.getBoundingClientRect().height,"
        " regel: parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.5})"
    )
    assert maat["hoogte"] < 3 * maat["regel"], maat
    # The label stands to the right of its box, not under it.
    vak = page.locator("#id_besluit_nodig").bounding_box()
    assert label.bounding_box()["x"] >= vak["x"] + vak["width"]
    assert_geen_zijwaarts_scrollen(page, "voortgangsformulier")
    assert [v for v in axe(page) if v[1] in ERNSTIG] == []


@pytest.mark.browser
def test_the_error_summary_is_focused_and_its_links_move_focus_to_the_field(formulier, axe):
    page = formulier
    breedte_zetten(page, WCAG_MINIMUM)
    page.get_by_label("Toelichting").fill("")
    page.get_by_label("Percentage gereed").fill("150")
    page.get_by_role("button", name="Update opslaan").click()

    samenvatting = page.locator("#foutmeldingen")
    expect(samenvatting).to_be_focused()
    assert page.title().startswith("Fout: ")
    samenvatting.get_by_role("link", name="Percentage gereed:").click()
    expect(page.locator("#id_percentage_gereed")).to_be_focused()
    samenvatting.get_by_role("link", name="Toelichting:").click()
    expect(page.locator("#id_toelichting")).to_be_focused()
    assert_geen_zijwaarts_scrollen(page, "voortgangsformulier met fouten")
    assert [v for v in axe(page) if v[1] in ERNSTIG] == []
