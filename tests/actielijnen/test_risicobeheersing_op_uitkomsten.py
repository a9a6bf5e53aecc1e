"""College and raad see the logged changes in risks and measures; the raad only up to the released peildatum."""

from datetime import date

from django.urls import reverse

import pytest

from actielijnen.models import Vrijgave

pytestmark = pytest.mark.django_db


def test_college_sees_the_risk_changes_the_jaarstukken_2023_report(client, programma, django_user_model):
    client.force_login(django_user_model.objects.get(username="college"))
    pagina = client.get(reverse("actielijnen:college")).content.decode()
    assert "Risicobeheersing: wijzigingen in risico" in pagina
    assert "Risico kleiner geworden" in pagina  # 3c, Hervormingsagenda Jeugd
    assert "Onzekerheid reikwijdte hervormingsagenda Jeugd" in pagina
    assert "Niet meer apart gevolgd" in pagina  # 3b, onvoldoende rijksbijdrage


@pytest.mark.parametrize(("peildatum", "zichtbaar"), [(date(2023, 6, 30), False), (date(2024, 1, 31), True)])
def test_raad_sees_risk_changes_only_up_to_the_released_peildatum(
    client, programma, django_user_model, peildatum, zichtbaar
):
    Vrijgave.objects.create(
        peildatum=peildatum, vrijgegeven_door=django_user_model.objects.get(username="college")
    )
    client.force_login(django_user_model.objects.get(username="raad"))
    pagina = client.get(reverse("actielijnen:raad")).content.decode()
    assert ("Risico kleiner geworden" in pagina) is zichtbaar
    assert ("Er zijn nog geen wijzigingen in risico" in pagina) is not zichtbaar
