"""College and raad see the logged changes in risks and measures; the raad only those of its published edition."""

from datetime import date

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_college_sees_the_risk_changes_the_jaarstukken_2023_report(client, demo):
    client.force_login(demo["college"])
    pagina = client.get(reverse("rapportage:college")).content.decode()
    assert "Risicobeheersing: wijzigingen in risico" in pagina
    assert "Risico kleiner geworden" in pagina  # 3c, Hervormingsagenda Jeugd
    assert "Onzekerheid reikwijdte hervormingsagenda Jeugd" in pagina
    assert "Niet meer apart gevolgd" in pagina  # 3b, onvoldoende rijksbijdrage


@pytest.mark.parametrize(("peildatum", "zichtbaar"), [(date(2023, 6, 30), False), (date(2024, 1, 31), True)])
def test_raad_sees_risk_changes_only_up_to_the_peildatum_of_the_published_edition(
    client, demo, maak_editie, peildatum, zichtbaar
):
    maak_editie(peildatum=peildatum, publiceren=True)
    client.force_login(demo["raad"])
    pagina = client.get(reverse("rapportage:raad")).content.decode()
    assert ("Risico kleiner geworden" in pagina) is zichtbaar
    assert ("Er zijn in deze periode geen wijzigingen in risico" in pagina) is not zichtbaar
