"""Periods in an edition and on the college page read the Dutch way: "2e kwartaal 2023", not "2023-Q2"."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

import pytest

from monitoring.models import Indicator, Meting

pytestmark = pytest.mark.django_db


def test_a_quarterly_realisation_is_shown_as_a_dutch_quarter_in_the_edition_and_on_the_college_page(
    client, demo, maak_editie, pdf_als_stempel
):
    indicator = Indicator.objects.get(code="6.2.3.3")
    Meting.objects.create(indicator=indicator, periode="2023-Q2", soort="realisatie", waarde=Decimal("210"))
    rapportage = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    client.force_login(demo["raad"])
    html = client.get(rapportage.get_absolute_url()).content.decode()
    assert "(2e kwartaal 2023)" in html and "(2023-Q2)" not in html
    client.force_login(demo["college"])
    html = client.get(reverse("rapportage:college")).content.decode()
    assert "(2e kwartaal 2023)" in html and "(2023-Q2)" not in html
