"""One full walk through participation steps I–IV in a real browser (§4.1, issue 16): the trekker submits the
advice on a phone, the opdrachtgever finds it under "Besluiten" and agrees, the trekker submits the plan, the
opdrachtgever approves it, the trekker adds a trajectory with a stakeholder (step III, the betrokkenen form) and an
evaluation (step IV). On every page: no sideways scrolling and axe without serious or critical findings."""

import re

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from accounts.constants import Rol
from participatie.models import Participatieadvies, Participatieplan, Stakeholder
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActiviteitFactory
from tests.browser.reflow import TELEFOON, WCAG_MINIMUM, assert_geen_zijwaarts_scrollen, breedte_zetten

ERNSTIG = ("serious", "critical")


def _inloggen(page, gebruikersnaam):
    page.context.clear_cookies()
    page.goto(reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill("Hengelo-test-2025")
    page.get_by_role("button", name="Inloggen").click()


def _controleren(page, axe, omschrijving):
    """No sideways scrolling at a phone's width and at WCAG's 320 px, and axe clean."""
    for breedte in (TELEFOON, WCAG_MINIMUM):
        breedte_zetten(page, breedte)
        assert_geen_zijwaarts_scrollen(page, omschrijving)
    assert [v for v in axe(page) if v[1] in ERNSTIG] == [], omschrijving
    breedte_zetten(page, TELEFOON)


@pytest.mark.browser
def test_a_walk_through_steps_one_to_four(page, live_server, transactional_db, axe):
    trekker = UserFactory(rollen=[Rol.TREKKER], username="tessa")
    opdrachtgever = UserFactory(rollen=[Rol.OPDRACHTGEVER], username="olga")
    activiteit = ActiviteitFactory(trekker=trekker, opdrachtgever=opdrachtgever, met_opdracht=True)
    Stakeholder.objects.create(naam="Adviesraad sociaal domein")
    stappen_url = reverse("participatie:activiteit", kwargs={"sleutel": activiteit.sleutel})

    # Step I: the trekker, on a phone.
    breedte_zetten(page, TELEFOON)
    _inloggen(page, "tessa")
    page.goto(reverse("participatie:overzicht"))
    _controleren(page, axe, "participatie-overzicht")
    page.get_by_role("link", name=str(activiteit)).click()
    expect(page.locator("#stap-1")).to_contain_text("Nog geen advies")
    _controleren(page, axe, "stappen van de activiteit")
    page.get_by_role("link", name="Participatie-advies opstellen").click()
    _controleren(page, axe, "adviesformulier")
    page.get_by_label("Check op randvoorwaarden voor bewonersparticipatie").fill(
        "Inwoners zijn direct geraakt."
    )
    page.get_by_label("Check op traject van zakelijk partnerschap").fill("Geen lopend inkooptraject.")
    page.get_by_role("group", name="Is participatie zinvol?").get_by_label("Ja").check()
    page.get_by_label("Afweging en onderbouwing").fill("Wie de regeling gebruikt, weet waar zij knelt.")
    page.get_by_role("button", name="Advies indienen").click()
    expect(page.get_by_text("Het participatie-advies is ingediend.")).to_be_visible()
    expect(page.locator("#stap-1")).to_contain_text("Wacht op besluit van de opdrachtgever")

    # The opdrachtgever finds it under "Besluiten" and agrees.
    _inloggen(page, "olga")
    page.goto(reverse("actielijnen:besluiten"))
    _controleren(page, axe, "besluiten")
    page.get_by_role("link", name=re.compile(r"Besluit nemen\W+Participatie-advies \(stap I\)")).click()
    _controleren(page, axe, "besluit over het advies")
    page.get_by_label("Akkoord", exact=True).check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(
        page.get_by_text("Uw besluit over het participatie-advies is vastgelegd: akkoord.")
    ).to_be_visible()
    assert Participatieadvies.objects.get().status == "akkoord"

    # Step II: the trekker submits the plan van aanpak.
    _inloggen(page, "tessa")
    page.goto(stappen_url)
    expect(page.locator("#stap-1")).to_contain_text("Akkoord: wel participatie")
    page.get_by_role("link", name="Plan van aanpak opstellen").click()
    _controleren(page, axe, "planformulier")
    page.get_by_label("Doel van de participatie").fill("Samen de toegang verbeteren.")
    page.get_by_label("Doelgroep en belanghebbenden").fill("Cliëntenraden.")
    page.get_by_label("Aanpak en middelen").fill("Drie werksessies.")
    page.get_by_label("Planning").fill("Tweede kwartaal.")
    page.get_by_role("button", name="Plan indienen").click()
    expect(page.get_by_text("Het plan van aanpak is ingediend.")).to_be_visible()

    # The opdrachtgever approves it.
    _inloggen(page, "olga")
    page.goto(reverse("actielijnen:besluiten"))
    page.get_by_role(
        "link", name=re.compile(r"Besluit nemen\W+Plan van aanpak participatie \(stap II\)")
    ).click()
    page.get_by_label("Akkoord", exact=True).check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Uw besluit over het plan van aanpak is vastgelegd: akkoord.")).to_be_visible()
    assert Participatieplan.objects.get().status == "akkoord"

    # Step III: the trekker adds a trajectory with a stakeholder (the betrokkenen helper's form).
    _inloggen(page, "tessa")
    page.goto(stappen_url)
    expect(page.locator("#stap-2")).to_contain_text("Akkoord")
    page.get_by_role("link", name=f"Traject toevoegen voor {activiteit}").click()
    _controleren(page, axe, "trajectformulier")
    page.get_by_label("Naam", exact=True).fill("Werksessies toegang")
    page.get_by_role("group", name="Stakeholders").get_by_label("Adviesraad sociaal domein").check()
    page.get_by_role("button", name="Traject opslaan").click()
    expect(page.get_by_text("Het traject is opgeslagen.")).to_be_visible()

    # Step IV: an evaluation.
    page.goto(stappen_url)
    expect(page.locator("#stap-3")).to_contain_text("1 traject met 1 stakeholder")
    page.get_by_role("link", name="Evaluatie toevoegen").click()
    _controleren(page, axe, "evaluatieformulier")
    page.get_by_label("Datum").fill("2024-03-01")
    page.get_by_label("Bevindingen").fill("Goede opkomst, jongeren ontbraken.")
    page.get_by_label("Bijstellingen").fill("Een extra sessie via het jongerenwerk.")
    page.get_by_role("button", name="Evaluatie opslaan").click()
    expect(page.get_by_text("De evaluatie is opgeslagen.")).to_be_visible()
    expect(page.locator("#stap-4")).to_contain_text("1 evaluatie, de laatste op 1 maart 2024")
    _controleren(page, axe, "stappen na stap IV")
