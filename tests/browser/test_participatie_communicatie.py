"""The communication page and its form in a real browser at a phone's width: no sideways scrolling, no serious
or critical axe findings, and an action added through the form."""

from datetime import date

from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import expect

from participatie.models import Communicatieactie, Communicatielijn
from tests.browser.reflow import TELEFOON, WCAG_MINIMUM, assert_geen_zijwaarts_scrollen, breedte_zetten
from tests.browser.sessie import inloggen

pytestmark = pytest.mark.browser


def _ernstig(bevindingen):
    return [b for b in bevindingen if b[1] in ("serious", "critical")]


def test_communication_page_and_form_at_phone_width(page, axe, programma):
    manager = get_user_model().objects.get(username="manager")
    Communicatieactie.objects.create(
        naam="Nieuwsbrief transformatie sociaal domein met een lange naam die moet afbreken",
        middel="nieuwsbrief",
        communicatielijn=Communicatielijn.objects.get(sleutel="partner"),
        eigenaar=manager,
        gepland_op=date(2023, 2, 15),
        uitgevoerd_op=date(2023, 2, 15),
    )
    breedte_zetten(page, TELEFOON)
    inloggen(page, "manager")
    page.goto("/participatie/communicatie/")
    assert "zonder nieuwsbrief" in page.inner_text("#nieuwsbrief")
    for breedte in (TELEFOON, WCAG_MINIMUM):
        breedte_zetten(page, breedte)
        assert_geen_zijwaarts_scrollen(page)
    assert _ernstig(axe(page)) == []

    page.click("text=Communicatieactie toevoegen")
    breedte_zetten(page, TELEFOON)
    assert_geen_zijwaarts_scrollen(page)
    assert _ernstig(axe(page)) == []
    page.fill("#id_naam", "Informatiemarkt Hasseler Es")
    page.select_option("#id_middel", "informatiemarkt")
    page.select_option("#id_communicatielijn", label="Inwonerscommunicatie")
    page.fill("#id_gepland_op", "2024-06-01")
    page.fill("#id_kosten", "-3")
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator("body")).to_contain_text("De kosten kunnen niet negatief zijn.")
    assert _ernstig(axe(page)) == []
    page.fill("#id_kosten", "1.250,50")
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator("body")).to_contain_text("De communicatieactie is toegevoegd.")
    assert Communicatieactie.objects.filter(naam="Informatiemarkt Hasseler Es", kosten="1250.50").exists()
