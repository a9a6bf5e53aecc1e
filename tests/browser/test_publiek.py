"""The public pages in a real browser (issue 15): the inwoners page, open data, the begrippenlijst and the
informatiepiramide (issue 24) reflow at 390 and 320 px and pass axe with no serious or critical findings; the
favicon loads."""

from datetime import date

from django.urls import reverse

import pytest

from accounts.models import User
from rapportage import services
from tests.browser.reflow import (
    DESKTOP,
    TELEFOON,
    WCAG_MINIMUM,
    assert_geen_zijwaarts_scrollen,
    breedte_zetten,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gepubliceerd(programma, monkeypatch, settings, tmp_path):
    """A published edition, made by the manager and published by the college (the PDF as a stand-in)."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%PDF-1.7 stempel")
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
    rapportage = services.vaststellen(rapportage=rapportage, door=college)
    return services.publiceren(rapportage=rapportage, door=college)


@pytest.mark.parametrize(
    "naam",
    ["rapportage:inwoners", "rapportage:open_data", "bronnen:begrippen", "monitoring:informatiepiramide"],
)
def test_openbare_paginas_op_telefoon_en_desktop(page, axe, gepubliceerd, naam):
    for breedte in (TELEFOON, WCAG_MINIMUM, DESKTOP):
        breedte_zetten(page, breedte)
        page.goto(reverse(naam))
        assert_geen_zijwaarts_scrollen(page, f"{naam} op {breedte} px")
        ernstig = [v for v in axe(page) if v[1] in ("serious", "critical")]
        assert ernstig == [], (naam, breedte, ernstig)


def test_inwonerspagina_zonder_editie_en_favicon(page, axe, programma):
    breedte_zetten(page, WCAG_MINIMUM)
    page.goto(reverse("rapportage:inwoners"))
    assert_geen_zijwaarts_scrollen(page, "inwoners zonder editie")
    assert [v for v in axe(page) if v[1] in ("serious", "critical")] == []
    icoon = page.locator('link[rel="icon"]').get_attribute("href")
    antwoord = page.request.get(icoon)
    assert antwoord.ok and "svg" in antwoord.headers["content-type"]
    assert page.request.get("/favicon.ico").ok  # follows the redirect to the icon
