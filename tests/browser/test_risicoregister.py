"""The risk register in a real browser: the manager opens it, scores a programme risk and finds the assessment on
the risk's page with its log; no page scrolls sideways on a phone or a desktop; axe finds nothing serious."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from actielijnen.models import Risico
from tests.browser.reflow import (
    DESKTOP,
    TELEFOON,
    WCAG_MINIMUM,
    assert_geen_zijwaarts_scrollen,
    breedte_zetten,
    opmaak_afwachten,
)
from tests.browser.sessie import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ernstig(axe, page) -> list:
    return [v for v in axe(page) if v[1] in ("serious", "critical")]


def _controleren(page, axe, omschrijving: str) -> None:
    """Reflow at a phone, WCAG's 320 px and a desktop, and axe without serious or critical findings."""
    for breedte in (TELEFOON, WCAG_MINIMUM, DESKTOP):
        breedte_zetten(page, breedte)
        opmaak_afwachten(page, breedte)
        assert_geen_zijwaarts_scrollen(page, f"{omschrijving} bij {breedte} px")
    assert _ernstig(axe, page) == [], omschrijving


def test_the_manager_scores_a_programme_risk_and_reads_its_log(page, live_server, programma, axe):
    risico = Risico.objects.get(code="1b")
    inloggen(page, "manager")
    page.wait_for_load_state()
    page.goto(reverse("actielijnen:risicoregister"))
    expect(page.get_by_role("heading", name="Risicoregister", level=1)).to_be_visible()
    _controleren(page, axe, "risicoregister")

    page.get_by_label("Soort").select_option("programma")
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator("#risico-telling")).to_contain_text("11 risico's")
    page.get_by_role("link", name=risico.omschrijving).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Risico 1b")
    _controleren(page, axe, "risicopagina")

    page.get_by_role("link", name="Risico beoordelen").click()
    # A mistake first: no toelichting gives the Dutch error and saves nothing.
    page.get_by_label("Kans (1–5)").select_option("4")
    page.get_by_label("Impact (1–5)").select_option("5")
    page.get_by_label("Eigenaar").select_option(label="Mira Manager")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    expect(page.get_by_text("Het formulier is niet opgeslagen").first).to_be_visible()
    _controleren(page, axe, "beoordelingsformulier met fout")
    risico.refresh_from_db()
    assert risico.kans is None

    page.get_by_label("Beheersmaatregel").fill("Kwartaalgesprek met aanbieders over de bekostiging.")
    page.get_by_label("Toelichting").fill("Aanbesteding loopt; bekostiging blijft spannend.")
    page.get_by_role("button", name="Beoordeling opslaan").click()

    expect(page.get_by_text("De beoordeling is opgeslagen")).to_be_visible()
    expect(page.get_by_text("hoog (20)").first).to_be_visible()
    log = page.locator(".app-risicolog")
    expect(log).to_contain_text("Beoordeling gewijzigd")
    expect(log).to_contain_text("Aanbesteding loopt; bekostiging blijft spannend.")
    expect(log).to_contain_text("door Mira Manager")
    _controleren(page, axe, "risicopagina na beoordeling")

    page.goto(reverse("actielijnen:risicoregister") + "?boven_drempel=1")
    expect(page.get_by_role("link", name=risico.omschrijving)).to_be_visible()
