"""What a role owns, changed in the application at a phone's width (issue 15): no sideways scrolling, axe clean."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from actielijnen.models import Activiteit
from monitoring.models import Indicator
from tests.browser.reflow import TELEFOON, WCAG_MINIMUM, assert_geen_zijwaarts_scrollen, breedte_zetten
from tests.browser.sessie import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ernstig(axe, page) -> list:
    return [v for v in axe(page) if v[1] in ("serious", "critical")]


def test_manager_links_activities_to_an_indicator_on_a_phone(page, programma, axe):
    indicator = Indicator.objects.order_by("code").first()
    activiteit = Activiteit.objects.exclude(code="").order_by("actielijn__nummer", "volgorde").first()
    breedte_zetten(page, TELEFOON)
    inloggen(page, "manager")
    page.goto(indicator.get_absolute_url())
    page.get_by_role("link", name="Koppelingen wijzigen").click()
    expect(
        page.get_by_role("heading", name="Welke activiteiten moeten deze indicator bewegen?")
    ).to_be_visible()
    assert_geen_zijwaarts_scrollen(page, "koppelingen")
    assert _ernstig(axe, page) == []
    # Each actielijn is a group named by its legend; each activity a checkbox named by its label.
    groep = page.get_by_role("group", name=f"Actielijn {activiteit.actielijn}")
    groep.get_by_role("checkbox", name=str(activiteit)).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(
        page.get_by_text(f"De activiteiten bij indicator {indicator.code} zijn opgeslagen.")
    ).to_be_visible()
    assert list(indicator.activiteiten.all()) == [activiteit]
    assert_geen_zijwaarts_scrollen(page, "indicatorpagina")

    # The activity page shows the indicator it should move.
    page.get_by_role("link", name=str(activiteit)).click()
    sectie = page.get_by_role("region", name="Indicatoren die deze activiteit moet bewegen")
    expect(sectie.get_by_role("link", name=f"{indicator.code} {indicator.naam}")).to_be_visible()
    assert_geen_zijwaarts_scrollen(page, "activiteitpagina")
    assert _ernstig(axe, page) == []


@pytest.mark.parametrize("breedte", [TELEFOON, WCAG_MINIMUM])
def test_the_datakernteams_forms_reflow_and_pass_axe(page, programma, axe, breedte):
    indicator = Indicator.objects.order_by("code").first()
    activiteit = Activiteit.objects.exclude(code="").order_by("code").first()
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="", gepland_einde="")
    breedte_zetten(page, breedte)
    inloggen(page, "beheerder")
    for adres in (
        reverse("monitoring:fitgap"),
        reverse("monitoring:fitgap_bewerken", kwargs={"code": indicator.code}),
        reverse("monitoring:indicator_koppelingen", kwargs={"code": indicator.code}),
        reverse("actielijnen:planning_vastleggen", kwargs={"sleutel": activiteit.sleutel}),
    ):
        page.goto(adres)
        assert_geen_zijwaarts_scrollen(page, adres)
        assert _ernstig(axe, page) == [], adres

    # A wrong quarter: the Dutch message is shown, the page still reflows and passes axe.
    page.get_by_label("Geplande start").fill("2025-Q7")
    page.get_by_label("Gepland einde").fill("2026-Q2")
    page.get_by_role("button", name="Planning vastleggen").click()
    expect(page.get_by_text("Geef een kwartaal als 2023-Q2").first).to_be_visible()
    assert_geen_zijwaarts_scrollen(page, "planning met fout")
    assert _ernstig(axe, page) == []
    page.get_by_label("Geplande start").fill("2025-Q3")
    page.get_by_role("button", name="Planning vastleggen").click()
    expect(page.get_by_text("De planning is vastgelegd.")).to_be_visible()
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("2025-Q3", "2026-Q2")
