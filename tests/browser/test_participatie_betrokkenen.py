"""Step III and wijkgericht werken in a real browser: a trekker reads the stakeholder register with the demo's
overvraagde stakeholder, adds a trajectory to their own activity and reads it back, and the manager reads the
programme per wijk. No page scrolls sideways at 390 or 320 px; axe finds nothing serious or critical."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from actielijnen.models import Activiteit
from ontwikkeling.voorbeelden import betrokkenen as voorbeeld
from tests.browser.reflow import (
    DESKTOP,
    TELEFOON,
    WCAG_MINIMUM,
    assert_geen_zijwaarts_scrollen,
    breedte_zetten,
    opmaak_afwachten,
)
from tests.browser.sessie import inloggen, uitloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class _Verslag:
    def tel(self, naam, aantal=1):
        pass


def _controleren(page, axe, omschrijving: str) -> None:
    for breedte in (TELEFOON, WCAG_MINIMUM, DESKTOP):
        breedte_zetten(page, breedte)
        opmaak_afwachten(page, breedte)
        assert_geen_zijwaarts_scrollen(page, f"{omschrijving} bij {breedte} px")
    ernstig = [v for v in axe(page) if v[1] in ("serious", "critical")]
    assert ernstig == [], omschrijving


def test_register_trajectory_and_wijk_view_on_a_phone(page, live_server, programma, axe):
    gebruikers = {u.username: u for u in get_user_model().objects.all()}
    voorbeeld.laden(gebruikers, timezone.localdate(), _Verslag())
    eigen = Activiteit.objects.filter(trekker__username="trekker").order_by("pk").first()

    inloggen(page, "trekker")
    page.wait_for_load_state()
    breedte_zetten(page, TELEFOON)
    page.goto(reverse("participatie:stakeholders"))
    expect(page.get_by_role("heading", name="Stakeholders", level=1)).to_be_visible()
    rij = page.get_by_role("row").filter(has=page.get_by_role("link", name="Wijkkracht", exact=True))
    expect(rij).to_contain_text("Overvraagd")
    _controleren(page, axe, "stakeholderregister")

    page.goto(reverse("participatie:traject_toevoegen") + f"?activiteit={eigen.sleutel}")
    breedte_zetten(page, TELEFOON)
    page.get_by_label("Naam", exact=True).fill("Wijkgesprekken")
    page.get_by_label("Start").fill("2026-01-05")
    page.get_by_label("Einde").fill("2025-12-31")
    page.get_by_role("group", name="Stakeholders").get_by_label("Cliëntenraden").check()
    page.get_by_role("group", name="Wijken").get_by_label("Voorbeeldwijk Noord (demo)").check()
    page.get_by_role("button", name="Traject opslaan").click()
    expect(page.get_by_text("Het einde ligt vóór de start.").first).to_be_visible()
    _controleren(page, axe, "trajectformulier met fout")
    page.get_by_label("Einde").fill("2026-12-31")
    page.get_by_role("button", name="Traject opslaan").click()
    expect(page.get_by_text("Het traject is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Wijkgesprekken", level=1)).to_be_visible()
    expect(page.get_by_text("5 januari 2026").first).to_be_visible()
    expect(page.get_by_role("link", name="Cliëntenraden")).to_be_visible()
    _controleren(page, axe, "trajectpagina")
    uitloggen(page)

    inloggen(page, "manager")
    page.wait_for_load_state()
    page.goto(reverse("participatie:wijken"))
    expect(page.get_by_role("heading", name="Voorbeeldwijk Noord (demo)", exact=True)).to_be_visible()
    noord = page.locator("section").filter(
        has=page.get_by_role("heading", name="Voorbeeldwijk Noord (demo)", exact=True)
    )
    expect(noord).to_contain_text("Wijkgesprekken")
    _controleren(page, axe, "programma per wijk")
