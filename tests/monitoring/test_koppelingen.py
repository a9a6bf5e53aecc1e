"""Indicator ↔ activity links in the application (issue 15): goal → activity → effect.

The manager and the datakernteam choose the activities that should move an indicator; the change is one history
row shown on the indicator's history page; other roles get the Dutch 403 (or the login page) also by direct
POST; the activity page shows its indicators, the indicator page its activities, in a fixed number of queries.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.models import User
from actielijnen.models import Actielijn, Activiteit
from monitoring.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(programma):
    return Indicator.objects.order_by("code").first()


def _url(indicator) -> str:
    return reverse("monitoring:indicator_koppelingen", kwargs={"code": indicator.code})


def _als(client, naam):
    client.force_login(User.objects.get(username=naam))
    return client


def _token(client, indicator) -> str:
    return client.get(_url(indicator)).context["form"]["origineel"].value()


def _activiteiten(aantal: int) -> list[Activiteit]:
    return list(Activiteit.objects.exclude(code="").order_by("actielijn__nummer", "volgorde")[:aantal])


@pytest.mark.parametrize("naam", ["manager", "beheerder"])
def test_manager_and_datakernteam_link_activities_logged_in_history(client, indicator, naam):
    eerste, tweede = _activiteiten(2)
    _als(client, naam)
    formulier = client.get(_url(indicator)).content.decode()
    # Grouped per actielijn in a fieldset with a legend, each activity a labelled checkbox.
    assert (
        formulier.count("<fieldset")
        == Actielijn.objects.filter(activiteiten__isnull=False).distinct().count()
    )
    assert f'utrecht-form-label">Actielijn {eerste.actielijn}</legend>' in formulier
    assert f'for="id_activiteiten_{eerste.pk}"' in formulier
    voor = indicator.history.count()
    antwoord = client.post(
        _url(indicator),
        {"activiteiten": [eerste.pk, tweede.pk], "origineel": _token(client, indicator)},
        follow=True,
    )
    assert antwoord.redirect_chain[-1][0] == indicator.get_absolute_url()
    assert f"De activiteiten bij indicator {indicator.code} zijn opgeslagen." in antwoord.content.decode()
    assert set(indicator.activiteiten.all()) == {eerste, tweede}
    # One history row for the whole change (not one per add or remove), by whom, with the linked activities.
    assert indicator.history.count() == voor + 1
    laatste = indicator.history.latest()
    assert laatste.history_user.username == naam
    assert laatste.history_change_reason == "Koppeling met activiteiten gewijzigd"
    assert {r.activiteit_id for r in laatste.activiteiten.all()} == {eerste.pk, tweede.pk}
    geschiedenis = client.get(
        reverse("monitoring:indicator_geschiedenis", kwargs={"code": indicator.code})
    ).content.decode()
    assert "Koppeling met activiteiten gewijzigd" in geschiedenis
    assert str(eerste) in geschiedenis

    # Unticking everything removes the links, again as one logged change.
    client.post(_url(indicator), {"origineel": _token(client, indicator)})
    assert not indicator.activiteiten.exists()
    assert indicator.history.count() == voor + 2


@pytest.mark.parametrize(
    "naam", ["trekker", "opdrachtgever", "opgavecoordinator", "college", "raad", "griffie"]
)
def test_other_roles_get_403_on_direct_post_and_nothing_changes(client, indicator, naam):
    eerste = _activiteiten(1)[0]
    _als(client, naam)
    assert client.get(_url(indicator)).status_code == 403
    assert client.post(_url(indicator), {"activiteiten": [eerste.pk]}).status_code == 403
    assert not indicator.activiteiten.exists()


def test_anonymous_goes_to_login(client, indicator):
    antwoord = client.post(_url(indicator), {"activiteiten": [_activiteiten(1)[0].pk]})
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))
    assert not indicator.activiteiten.exists()


@pytest.mark.parametrize("waarde", ["999999", "geen-getal"])
def test_an_unknown_activity_gives_a_dutch_message_and_saves_nothing(client, indicator, waarde):
    eerste = _activiteiten(1)[0]
    _als(client, "manager")
    antwoord = client.post(
        _url(indicator), {"activiteiten": [eerste.pk, waarde], "origineel": _token(client, indicator)}
    )
    assert antwoord.status_code == 200
    assert "Kies alleen activiteiten uit de lijst" in antwoord.content.decode()
    assert not indicator.activiteiten.exists()


def test_a_stale_form_is_refused(client, indicator):
    eerste, tweede = _activiteiten(2)
    _als(client, "manager")
    token = _token(client, indicator)
    indicator.activiteiten.add(tweede)
    antwoord = client.post(_url(indicator), {"activiteiten": [eerste.pk], "origineel": token})
    assert antwoord.status_code == 200
    assert "iemand anders heeft dit intussen gewijzigd" in antwoord.content.decode()
    assert set(indicator.activiteiten.all()) == {tweede}


def test_activity_page_shows_its_indicators_and_indicator_page_its_activities(client, indicator):
    activiteit = _activiteiten(1)[0]
    indicator.activiteiten.add(activiteit)
    _als(client, "trekker")
    pagina = client.get(activiteit.get_absolute_url()).content.decode()
    assert "Indicatoren die deze activiteit moet bewegen" in pagina
    assert f'href="{indicator.get_absolute_url()}"' in pagina
    assert str(indicator.doel) in pagina
    detail = client.get(indicator.get_absolute_url()).content.decode()
    assert f'href="{activiteit.get_absolute_url()}"' in detail
    assert _url(indicator) not in detail  # a trekker does not set the links
    assert _url(indicator) in _als(client, "manager").get(indicator.get_absolute_url()).content.decode()


def test_activity_page_queries_do_not_grow_with_its_indicators(client, programma):
    activiteit = _activiteiten(1)[0]
    _als(client, "trekker")

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(activiteit.get_absolute_url()).status_code == 200
        return len(context)

    Indicator.objects.order_by("code").first().activiteiten.add(activiteit)
    met_een = queries()
    for indicator in Indicator.objects.order_by("code")[:15]:
        indicator.activiteiten.add(activiteit)
    assert queries() == met_een
