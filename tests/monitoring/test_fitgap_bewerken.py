"""Fit-gap in the application (issue 15, §5.1): the datakernteam and the indicator's own owner change it.

Allowed roles save (with a history row on the indicator's history page); everyone else gets the Dutch 403 or the
login page, also by direct POST, and nothing changes; bad input gives a Dutch message and saves nothing.
"""

from django.urls import reverse

import pytest

from accounts.models import User
from monitoring.constants import FitGap
from monitoring.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(programma):
    indicator = Indicator.objects.order_by("code").first()
    Indicator.objects.filter(pk=indicator.pk).update(fitgap="", fitgap_toelichting="", fitgap_eigenaar=None)
    indicator.refresh_from_db()
    return indicator


def _url(indicator) -> str:
    return reverse("monitoring:fitgap_bewerken", kwargs={"code": indicator.code})


def _als(client, naam):
    client.force_login(User.objects.get(username=naam))
    return client


def _token(client, indicator) -> str:
    return client.get(_url(indicator)).context["form"]["origineel"].value()


def test_datakernteam_sets_status_toelichting_and_owner_with_history(client, indicator):
    eigenaar = User.objects.get(username="trekker")
    _als(client, "beheerder")
    overzicht = client.get(reverse("monitoring:fitgap")).content.decode()
    assert f'href="{_url(indicator)}"' in overzicht  # a link per row
    antwoord = client.post(
        _url(indicator),
        {
            "fitgap": FitGap.ORANJE,
            "fitgap_toelichting": "Koppeling met de jeugdhulpregistratie nodig.",
            "fitgap_eigenaar": eigenaar.pk,
            "origineel": _token(client, indicator),
        },
        follow=True,
    )
    assert antwoord.redirect_chain[-1][0] == reverse("monitoring:fitgap")
    assert f"De fit-gap van indicator {indicator.code} is opgeslagen." in antwoord.content.decode()
    indicator.refresh_from_db()
    assert indicator.fitgap == FitGap.ORANJE
    assert indicator.fitgap_toelichting == "Koppeling met de jeugdhulpregistratie nodig."
    assert indicator.fitgap_eigenaar == eigenaar
    laatste = indicator.history.latest()
    assert laatste.history_user.username == "beheerder"
    assert laatste.history_change_reason == "Fit-gap gewijzigd in de applicatie"
    geschiedenis = client.get(
        reverse("monitoring:indicator_geschiedenis", kwargs={"code": indicator.code})
    ).content.decode()
    assert "Oranje: beschikbaar, bewerking nodig" in geschiedenis


def test_the_owner_changes_status_and_toelichting_but_not_the_owner(client, indicator):
    trekker = User.objects.get(username="trekker")
    Indicator.objects.filter(pk=indicator.pk).update(fitgap_eigenaar=trekker)
    _als(client, "trekker")
    assert f'href="{_url(indicator)}"' in client.get(indicator.get_absolute_url()).content.decode()
    antwoord = client.post(
        _url(indicator),
        {
            "fitgap": FitGap.GROEN,
            "fitgap_toelichting": "Nu beschikbaar via CBS.",
            # A direct POST trying to hand the indicator to someone else: ignored (the field is disabled).
            "fitgap_eigenaar": User.objects.get(username="manager").pk,
            "origineel": _token(client, indicator),
        },
    )
    # The trekker cannot open the fit-gap overview, so goes back to the indicator.
    assert antwoord.status_code == 302 and antwoord["Location"] == indicator.get_absolute_url()
    indicator.refresh_from_db()
    assert indicator.fitgap == FitGap.GROEN
    assert indicator.fitgap_eigenaar == trekker


@pytest.mark.parametrize(
    "naam",
    ["trekker", "trekker2", "opdrachtgever", "opgavecoordinator", "manager", "college", "raad", "griffie"],
)
def test_others_get_403_on_direct_post_and_nothing_changes(client, indicator, naam):
    _als(client, naam)
    assert client.get(_url(indicator)).status_code == 403
    antwoord = client.post(_url(indicator), {"fitgap": FitGap.ROOD, "fitgap_toelichting": "x"})
    assert antwoord.status_code == 403
    indicator.refresh_from_db()
    assert (indicator.fitgap, indicator.fitgap_toelichting) == ("", "")


def test_anonymous_goes_to_login(client, indicator):
    antwoord = client.post(_url(indicator), {"fitgap": FitGap.ROOD})
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))
    indicator.refresh_from_db()
    assert indicator.fitgap == ""


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("fitgap", "paars", "Selecteer een geldige keuze"),
        ("fitgap_eigenaar", "999999", "Selecteer een geldige keuze"),
        ("fitgap_toelichting", "x" * 2001, "niet meer dan 2000 tekens"),
    ],
)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(client, indicator, veld, waarde, melding):
    _als(client, "beheerder")
    data = {"fitgap": FitGap.GROEN, "fitgap_toelichting": "", "origineel": _token(client, indicator)}
    data[veld] = waarde
    antwoord = client.post(_url(indicator), data)
    assert antwoord.status_code == 200
    assert melding in " ".join(antwoord.context["form"].errors[veld])
    assert melding in antwoord.content.decode()
    indicator.refresh_from_db()
    assert indicator.fitgap == ""


def test_a_forged_token_saves_nothing(client, indicator):
    _als(client, "beheerder")
    antwoord = client.post(_url(indicator), {"fitgap": FitGap.ROOD, "origineel": "vals"})
    assert antwoord.status_code == 200
    assert "Er is niets opgeslagen" in antwoord.content.decode()
    indicator.refresh_from_db()
    assert indicator.fitgap == ""


def test_unknown_indicator_is_404(client, programma):
    _als(client, "beheerder")
    assert client.get(reverse("monitoring:fitgap_bewerken", kwargs={"code": "9.9.9"})).status_code == 404
