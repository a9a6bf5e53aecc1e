"""Wat is er met de inbreng gedaan in a real browser: the trekker records and processes a contribution on the
trajectory page, the overview and the form reflow at 390 and 320 px and pass axe, and "u zei, wij deden" on the
public page (from a published edition) does too, without the person's name."""

from datetime import date

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from accounts.models import User
from actielijnen.models import Activiteit
from participatie.models import Participatietraject, Stakeholder
from participatie.services import inbreng as inbreng_module
from rapportage import services
from tests.browser.reflow import TELEFOON, WCAG_MINIMUM, assert_geen_zijwaarts_scrollen, breedte_zetten
from tests.browser.sessie import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSOON = "Annemiek Tuinstra"
LANG = "Een heel lange inbreng zonder spaties: " + "wijkgerichtwerkenindeonderwijsketen" * 4


def _ernstig(axe, page):
    return [v for v in axe(page) if v[1] in ("serious", "critical")]


def _controleren(page, axe, omschrijving):
    for breedte in (TELEFOON, WCAG_MINIMUM):
        breedte_zetten(page, breedte)
        page.reload()
        assert_geen_zijwaarts_scrollen(page, f"{omschrijving} op {breedte} px")
        assert _ernstig(axe, page) == [], (omschrijving, breedte)


@pytest.fixture
def traject(programma):
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("pk").first()
    traject = Participatietraject.objects.create(naam="Klankbordgroep toegang", activiteit=activiteit)
    traject.stakeholders.add(Stakeholder.objects.get_or_create(naam="Testadviesraad")[0])
    return traject


def test_trekker_legt_vast_en_verwerkt_op_een_telefoon(page, axe, traject):
    breedte_zetten(page, TELEFOON)
    inloggen(page, "trekker")
    page.goto(reverse("participatie:traject", args=[traject.pk]))
    page.get_by_role("link", name="Inbreng vastleggen").click()
    _controleren(page, axe, "inbreng vastleggen")
    page.get_by_label("Ingebracht door (organisatie of groep)").select_option(label="Testadviesraad")
    page.get_by_label("Naam van de inbrenger").fill(PERSOON)
    page.get_by_label("Wat is ingebracht").fill(f"{LANG}. Vraag ook Tuinstra.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("body")).to_contain_text("Noem geen namen van personen")
    _controleren(page, axe, "inbreng vastleggen met fout")
    page.get_by_label("Wat is ingebracht").fill(LANG)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("body")).to_contain_text("De inbreng is vastgelegd.")

    page.get_by_role("link", name="Verwerking vastleggen").first.click()
    page.get_by_label("Deels overgenomen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("body")).to_contain_text("Schrijf wat er met de inbreng is gedaan en waarom.")
    page.get_by_label("Onderbouwing: wat is ermee gedaan en waarom").fill("Twee van de vier avonden.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("body")).to_contain_text("Vastgelegd wat er met de inbreng is gedaan.")
    expect(page.locator("body")).to_contain_text("Deels overgenomen")
    _controleren(page, axe, "trajectpagina met inbreng")

    page.goto(reverse("participatie:inbreng_overzicht"))
    assert PERSOON in page.content()
    _controleren(page, axe, "inbreng-overzicht")


def test_u_zei_wij_deden_op_de_publieke_pagina(page, axe, traject, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%PDF-1.7 stempel")
    trekker = User.objects.get(username="trekker")
    for n in range(3):
        rij = inbreng_module.inbreng_toevoegen(
            traject=traject, door=trekker, persoon=PERSOON, datum=date(2024, 2, 1), inbreng=f"{LANG} {n}"
        )
        inbreng_module.inbreng_verwerken(
            inbreng=rij, door=trekker, verwerking="overgenomen", reactie="Gedaan.", vandaag=date(2024, 3, 1)
        )
    manager, college = User.objects.get(username="manager"), User.objects.get(username="college")
    rapportage = services.rapportage_aanmaken(
        door=manager,
        pc_moment="viermaandsrapportage",
        jaar=2024,
        titel="Viermaandsrapportage 2024",
        peildatum=date(2024, 4, 30),
        zaaknummer="3612345",
        toelichtingen={},
    )
    services.publiceren(rapportage=services.vaststellen(rapportage=rapportage, door=college), door=college)
    page.goto(reverse("rapportage:inwoners"))
    assert page.get_by_role("heading", name="U zei, wij deden").is_visible()
    assert page.locator(".app-u-zei-wij-deden li").count() == 3
    assert "Tuinstra" not in page.content()
    _controleren(page, axe, "inwoners met u zei, wij deden")
