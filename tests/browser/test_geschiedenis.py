"""The history pages in a real browser: reachable from the object's page, accessible, readable on a phone."""

from datetime import date

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from actielijnen.models import Activiteit, Mijlpaal
from tests.browser.sessie import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_activity_history_is_reachable_accessible_and_reflows_on_a_phone(page, programma, axe):
    activiteit = Activiteit.objects.filter(trekker__username="trekker").exclude(code="").first()
    mijlpaal = Mijlpaal.objects.create(
        activiteit=activiteit,
        omschrijving="Een mijlpaal met een heel lange omschrijving die op een telefoon moet kunnen afbreken",
        datum_gepland=date(2025, 3, 1),
    )
    for dag in range(2, 30):
        mijlpaal.datum_gepland = date(2025, 3, dag)
        mijlpaal.save()

    inloggen(page, "trekker")
    page.goto(activiteit.get_absolute_url())
    expect(page.get_by_role("heading", name="Laatste wijzigingen")).to_be_visible()
    page.get_by_role("link", name=f"Geschiedenis van {activiteit}").click()
    expect(page.get_by_role("heading", name=f"Geschiedenis van {activiteit}")).to_be_visible()
    nieuwste = page.get_by_role("main").get_by_role("listitem").first
    expect(nieuwste).to_contain_text("Gepland op")
    expect(nieuwste.get_by_role("definition")).to_have_text("van 28 maart 2025 → naar 29 maart 2025")
    paginering = page.get_by_role("navigation", name="Paginering")
    expect(paginering).to_contain_text("Pagina 1 van")
    assert axe(page) == []

    paginering.get_by_role("link", name="Volgende").click()
    expect(page.get_by_role("navigation", name="Paginering")).to_contain_text("Pagina 2 van")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel]))
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 390, breedte
    assert axe(page) == []


def test_the_indicator_history_is_accessible(page, programma, axe):
    inloggen(page, "manager")
    page.goto(reverse("monitoring:indicator_detail", args=["6.1.1.1"]))
    page.get_by_role("link", name="Geschiedenis van indicator 6.1.1.1").click()
    expect(page.get_by_role("heading", name="Geschiedenis van 6.1.1.1", exact=False)).to_be_visible()
    assert axe(page) == []
