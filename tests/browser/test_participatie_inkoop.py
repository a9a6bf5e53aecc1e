"""The procurement tracks in a real browser: the manager opens the timeline with its tables (the demo's Jeugd is
"krap", Wmo "op schema"), edits a step and sees the path computed again; no sideways scrolling at 390, 320 and
1.280 px; axe finds nothing serious."""

from datetime import date

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from ontwikkeling.voorbeelden import inkoop as voorbeeld
from tests.browser.reflow import (
    DESKTOP,
    TELEFOON,
    WCAG_MINIMUM,
    assert_geen_zijwaarts_scrollen,
    breedte_zetten,
    pagina_klaar,
)
from tests.browser.sessie import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class _Verslag:
    def tel(self, naam, aantal=1):
        pass


def _controleren(page, axe, omschrijving: str) -> None:
    for breedte in (TELEFOON, WCAG_MINIMUM, DESKTOP):
        # Set the width and load the page at it, as a phone would: plotly sizes its SVG when it draws.
        breedte_zetten(page, breedte)
        page.reload()
        pagina_klaar(page)
        assert_geen_zijwaarts_scrollen(page, f"{omschrijving} bij {breedte} px")
    assert [v for v in axe(page) if v[1] in ("serious", "critical")] == [], omschrijving


def test_manager_ziet_tijdlijn_en_bewerkt_een_stap(page, live_server, programma, axe):
    gebruikers = {u.username: u for u in get_user_model().objects.all()}
    voorbeeld.laden(gebruikers, date.today(), _Verslag())
    inloggen(page, "manager")
    page.wait_for_load_state()
    page.goto(reverse("participatie:inkoop"))
    expect(page.get_by_role("heading", name="Inkoop: zakelijk partnerschap", level=1)).to_be_visible()
    # The chart is drawn (plotly's SVG) and the table says the same in text.
    expect(page.locator(".app-grafiek__vlak .main-svg").first).to_be_attached()
    stand = page.get_by_role("region", name="Stand per inkooptraject")
    expect(stand.get_by_role("row", name="Jeugd")).to_contain_text("Krap")
    expect(stand.get_by_role("row", name="Wmo")).to_contain_text("Op schema")
    _controleren(page, axe, "inkoopoverzicht")

    page.get_by_role("link", name="Jeugd", exact=True).click()
    expect(page.get_by_role("heading", name="Inkooptraject Jeugd", level=1)).to_be_visible()
    _controleren(page, axe, "inkooptraject")
    page.get_by_role("link", name="Bewerken stap 8").click()
    page.get_by_label("Werkelijk einde").fill("")
    page.get_by_label("Werkelijk einde").fill("2025-03-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De stap is bijgewerkt")).to_be_visible()
    # Contracting now ends 1 maart 2025: the track no longer makes 1 januari 2025.
    expect(
        page.get_by_text("Dit traject haalt 1 januari 2025 niet: verwacht gereed 1 maart 2025.")
    ).to_be_visible()
    _controleren(page, axe, "inkooptraject na bewerken")
