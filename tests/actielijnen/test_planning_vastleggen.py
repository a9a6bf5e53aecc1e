"""The first planning of an activity in the application (issue 15): the opdrachtgever decides, once.

Allowed roles save (with a history row), every other role gets the Dutch 403 or the login page also by direct
POST and nothing changes; bad input gives a Dutch message and saves nothing; once a planning exists, changes go
through a planningswijziging.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from accounts.models import User
from actielijnen import services
from actielijnen.models import Activiteit

pytestmark = pytest.mark.django_db


@pytest.fixture
def activiteit(programma):
    """An activity of the demo opdrachtgever (and trekker "trekker"), without a planning."""
    activiteit = (
        Activiteit.objects.filter(opdrachtgever__username="opdrachtgever", trekker__username="trekker")
        .exclude(code="")
        .order_by("code")
        .first()
    )
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="", gepland_einde="")
    activiteit.refresh_from_db()
    return activiteit


def _url(activiteit) -> str:
    return reverse("actielijnen:planning_vastleggen", kwargs={"sleutel": activiteit.sleutel})


def _als(client, naam):
    client.force_login(User.objects.get(username=naam))
    return client


def _token(client, activiteit) -> str:
    return client.get(_url(activiteit)).context["form"]["origineel"].value()


@pytest.mark.parametrize("naam", ["opdrachtgever", "beheerder"])
def test_opdrachtgever_and_datakernteam_record_the_first_planning_with_history(client, activiteit, naam):
    _als(client, naam)
    antwoord = client.post(
        _url(activiteit),
        {"geplande_start": "2025-Q2", "gepland_einde": "2026-Q4", "origineel": _token(client, activiteit)},
        follow=True,
    )
    assert antwoord.redirect_chain[-1][0] == activiteit.get_absolute_url()
    assert "De planning is vastgelegd." in antwoord.content.decode()
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("2025-Q2", "2026-Q4")
    laatste = activiteit.history.latest()
    assert laatste.history_change_reason == "Eerste planning vastgelegd"
    assert laatste.history_user.username == naam
    assert laatste.geplande_start == "2025-Q2"


@pytest.mark.parametrize(
    "naam", ["trekker", "trekker2", "opgavecoordinator", "manager", "college", "raad", "griffie"]
)
def test_other_roles_get_403_on_direct_post_and_nothing_changes(client, activiteit, naam):
    _als(client, naam)
    antwoord = client.post(_url(activiteit), {"geplande_start": "2025-Q2", "gepland_einde": "2026-Q4"})
    assert antwoord.status_code == 403
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("", "")


def test_anonymous_goes_to_login_and_nothing_changes(client, activiteit):
    antwoord = client.post(_url(activiteit), {"geplande_start": "2025-Q2", "gepland_einde": "2026-Q4"})
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))
    activiteit.refresh_from_db()
    assert activiteit.geplande_start == ""


def test_opdrachtgever_of_another_activity_may_not(client, activiteit):
    """The rule is per activity: the opdrachtgever of this one, not any opdrachtgever."""
    andere = User.objects.get(username="opgavecoordinator")
    Activiteit.objects.filter(pk=activiteit.pk).update(opdrachtgever=andere)
    _als(client, "opdrachtgever")
    assert client.post(_url(activiteit), {"geplande_start": "2025-Q2"}).status_code == 403


@pytest.mark.parametrize(
    ("start", "einde", "melding"),
    [
        ("2025-Q5", "2026-Q1", "Geef een kwartaal als 2023-Q2"),
        ("voorjaar", "2026-Q1", "Geef een kwartaal als 2023-Q2"),
        ("2026-Q1", "2025-Q4", "Het einde ligt vóór de start."),
        ("2025-Q1", "", "Geef een kwartaal als 2023-Q2."),
    ],
)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(client, activiteit, start, einde, melding):
    _als(client, "opdrachtgever")
    antwoord = client.post(
        _url(activiteit),
        {"geplande_start": start, "gepland_einde": einde, "origineel": _token(client, activiteit)},
    )
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("", "")


def test_an_existing_planning_is_not_changed_here(client, activiteit):
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="2024-Q1", gepland_einde="2024-Q4")
    _als(client, "opdrachtgever")
    antwoord = client.post(_url(activiteit), {"geplande_start": "2030-Q1", "gepland_einde": "2030-Q4"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "heeft al een planning" in html
    assert reverse("actielijnen:activiteit_detail", kwargs={"sleutel": activiteit.sleutel}) in html
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("2024-Q1", "2024-Q4")
    with pytest.raises(ValidationError, match="planningswijziging"):
        services.planning_vastleggen(
            activiteit=activiteit,
            gebruiker=activiteit.opdrachtgever,
            geplande_start="2030-Q1",
            gepland_einde="2030-Q4",
        )


def test_a_half_planning_is_completed_but_its_known_part_kept(client, activiteit):
    """A known start is shown disabled: a direct POST cannot move it, only the missing end is set."""
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="2024-Q1")
    _als(client, "opdrachtgever")
    token = _token(client, activiteit)
    client.post(
        _url(activiteit), {"geplande_start": "2030-Q1", "gepland_einde": "2025-Q4", "origineel": token}
    )
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("2024-Q1", "2025-Q4")


def test_a_stale_form_is_refused(client, activiteit):
    """Someone else recorded the planning after this form opened: nothing is overwritten."""
    _als(client, "opdrachtgever")
    token = _token(client, activiteit)
    services.planning_vastleggen(
        activiteit=activiteit,
        gebruiker=User.objects.get(username="beheerder"),
        geplande_start="2024-Q3",
        gepland_einde="2025-Q2",
    )
    client.post(
        _url(activiteit), {"geplande_start": "2025-Q1", "gepland_einde": "2026-Q1", "origineel": token}
    )
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("2024-Q3", "2025-Q2")


def test_activity_page_offers_the_button_only_to_who_may(client, activiteit):
    knop = _url(activiteit)
    assert knop in _als(client, "opdrachtgever").get(activiteit.get_absolute_url()).content.decode()
    assert knop not in _als(client, "trekker").get(activiteit.get_absolute_url()).content.decode()
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="2024-Q1", gepland_einde="2024-Q4")
    assert knop not in _als(client, "opdrachtgever").get(activiteit.get_absolute_url()).content.decode()
