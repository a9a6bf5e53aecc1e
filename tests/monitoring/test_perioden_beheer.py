"""Every period typed in the admin is a year, quarter or month, refused in Dutch otherwise (issue 12)."""

from django.urls import reverse

import pytest

from actielijnen.models import Modellaag
from kern.notatie import OngeldigePeriode, Periode
from monitoring.models import Kerncijfer, Piramidestand

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("tekst", ["vorige maand", "0000", "2023-13", "9999", ""])
def test_a_period_that_is_no_year_quarter_or_month_is_refused_in_dutch(tekst):
    with pytest.raises(OngeldigePeriode, match="periode"):
        Periode.parse(tekst)


def _fout_bij_periode(antwoord) -> str:
    assert antwoord.status_code == 200  # the form again, not a redirect and not a 500
    return str(antwoord.context["adminform"].form.errors.get("periode"))


def test_the_admin_refuses_a_loosely_written_period_for_a_piramidestand_and_saves_nothing(
    client, programma, django_user_model
):
    client.force_login(django_user_model.objects.get(username="beheerder"))
    aantal = Piramidestand.objects.count()
    antwoord = client.post(
        reverse("admin:monitoring_piramidestand_add"),
        {"modellaag": Modellaag.objects.first().pk, "periode": "Q2 2025", "aantal_clienten": "100"},
    )
    assert "geen periode" in _fout_bij_periode(antwoord)
    assert Piramidestand.objects.count() == aantal


def test_the_admin_refuses_year_0000_for_a_kerncijfer_and_saves_nothing(client, programma, django_user_model):
    kerncijfer = Kerncijfer.objects.order_by("pk").first()
    client.force_login(django_user_model.objects.get(username="beheerder"))
    antwoord = client.post(
        reverse("admin:monitoring_kerncijfer_change", args=[kerncijfer.pk]),
        {
            "sleutel": kerncijfer.sleutel,
            "onderwerp": kerncijfer.onderwerp,
            "naam": kerncijfer.naam,
            "domein": kerncijfer.domein,
            "periode": "0000",
            "waarde": "1",
            "eenheid": kerncijfer.eenheid,
            "volgorde": kerncijfer.volgorde,
            "bron": kerncijfer.bron,
        },
    )
    assert "geen periode" in _fout_bij_periode(antwoord)
    kerncijfer.refresh_from_db()
    assert kerncijfer.periode != "0000"
