"""An edition shows the scenario totals as the document prints them beside the sum of the domains (issue 12)."""

from datetime import date

import pytest

from monitoring.models import Scenariototaal

pytestmark = pytest.mark.django_db


def _euro(bedrag) -> str:
    """€ 1.506.000, written independently of the code under test."""
    return "€\u00a0" + f"{int(bedrag):,}".replace(",", ".")


def test_the_raad_edition_shows_each_differing_printed_total_beside_the_sum(
    client, demo, maak_editie, pdf_als_stempel
):
    afwijkend = list(Scenariototaal.objects.filter(wijkt_af=True).select_related("scenario"))
    assert afwijkend, "the scenarios document prints totals that differ from the sum of their domains"
    rapportage = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    client.force_login(demo["raad"])
    html = client.get(rapportage.get_absolute_url()).content.decode()
    assert "Totalen zoals gedrukt in de Scenario" in html
    for totaal in afwijkend:
        assert totaal.cel.replace("€ ", "€\u00a0") in html, totaal
        assert _euro(totaal.som_van_de_domeinen) in html, totaal
    gedrukt = [t for s in rapportage.inhoud["financien"]["scenarios"] for t in s["gedrukte_totalen"]]
    assert len(gedrukt) == Scenariototaal.objects.count()
