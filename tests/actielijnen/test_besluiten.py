"""The decision inbox ("Besluiten", issue 15): what waits for whose decision, and the opdrachtgever's decision on an
update that asked for one, through the real stack (test client, direct POSTs, history)."""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from accounts.constants import Rol
from actielijnen.constants import OpdrachtbeschrijvingStatus
from actielijnen.models import Besluit, Opdrachtbeschrijving, Planningswijziging
from tests.actielijnen.factories import ActiviteitFactory, VoortgangsrapportageFactory

pytestmark = pytest.mark.django_db

INBOX = "actielijnen:besluiten"


@pytest.fixture
def wachtend(activiteit, trekker):
    """An update of `activiteit` that asks its opdrachtgever for a decision, a planning change and an
    opdrachtbeschrijving offered for approval."""
    update = VoortgangsrapportageFactory(
        activiteit=activiteit,
        auteur=trekker,
        datum=datetime.date(2025, 3, 1),
        besluit_nodig=True,
        besluit_omschrijving="Extra formatie voor de wijkteams",
    )
    Planningswijziging.objects.create(
        activiteit=activiteit, aangevraagd_door=trekker, reden="Aanbesteding loopt uit", nieuw_einde="2026-Q4"
    )
    Opdrachtbeschrijving.objects.filter(activiteit=activiteit).update(
        status=OpdrachtbeschrijvingStatus.TER_GOEDKEURING
    )
    return update


def _inbox(client, user) -> str:
    client.force_login(user)
    antwoord = client.get(reverse(INBOX))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_the_opdrachtgever_sees_what_waits_for_their_decision(client, opdrachtgever, activiteit, wachtend):
    html = _inbox(client, opdrachtgever)
    assert "3 besluiten</strong> wachten op u" in html
    assert html.count('class="app-besluitpunt"') == 3
    assert "Extra formatie voor de wijkteams" in html
    assert reverse("actielijnen:besluit_nemen", args=[wachtend.pk]) in html
    wijziging = Planningswijziging.objects.get()
    assert reverse("actielijnen:planningswijziging_akkoord", args=[wijziging.pk]) in html
    assert f"{activiteit.get_absolute_url()}#opdrachtbeschrijving" in html


def test_the_opgavecoordinator_sees_only_the_planning_change(client, opgavecoordinator, wachtend):
    html = _inbox(client, opgavecoordinator)
    assert html.count('class="app-besluitpunt"') == 1
    assert "Aanbesteding loopt uit" in html and "Extra formatie" not in html


def test_others_see_an_empty_inbox_in_plain_dutch(client, trekker, andere_trekker, gebruiker, wachtend):
    ander = gebruiker(Rol.OPDRACHTGEVER, username="andere-opdrachtgever")
    for user in (trekker, andere_trekker, ander):
        html = _inbox(client, user)
        assert 'class="app-besluitpunt"' not in html
        assert "Er wacht nu niets op uw besluit." in html


def test_the_manager_reads_every_open_decision_but_takes_none(client, manager, wachtend):
    ActiviteitFactory()  # an activity without anything open changes nothing
    html = _inbox(client, manager)
    assert html.count('class="app-besluitpunt"') == 3
    assert "U leest mee" in html
    assert reverse("actielijnen:besluit_nemen", args=[wachtend.pk]) not in html
    assert "planningswijziging_akkoord" not in html and "/akkoord/" not in html


def test_the_opdrachtgever_finds_the_inbox_on_their_first_screen(client, opdrachtgever, wachtend):
    client.force_login(opdrachtgever)
    html = client.get(reverse("actielijnen:uitvoering")).content.decode()
    assert "Wacht op uw besluit (3)" in html
    assert reverse(INBOX) in html
    assert reverse("actielijnen:besluit_nemen", args=[wachtend.pk]) in html


def test_the_activity_page_shows_the_open_decision_to_its_opdrachtgever(
    client, opdrachtgever, trekker, wachtend
):
    pagina = wachtend.activiteit.get_absolute_url()
    client.force_login(opdrachtgever)
    assert "Dit besluit wacht op u." in client.get(pagina).content.decode()
    client.force_login(trekker)
    html = client.get(pagina).content.decode()
    assert "Wacht op het besluit van de opdrachtgever." in html
    assert reverse("actielijnen:besluit_nemen", args=[wachtend.pk]) not in html


def test_the_opdrachtgever_records_the_decision(client, opdrachtgever, trekker, manager, wachtend):
    client.force_login(opdrachtgever)
    adres = reverse("actielijnen:besluit_nemen", args=[wachtend.pk])
    antwoord = client.post(adres, {"besluit": "Akkoord, twee fte tot eind 2025.", "datum": "2025-03-10"})
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse(INBOX)
    besluit = Besluit.objects.get(voortgangsrapportage=wachtend)
    assert (besluit.besluit, besluit.datum, besluit.genomen_door) == (
        "Akkoord, twee fte tot eind 2025.",
        datetime.date(2025, 3, 10),
        opdrachtgever,
    )
    assert besluit.history.count() == 1  # simple_history: who recorded it, when
    # Handled: off the inbox and the dashboard's count, on the activity page for the trekker.
    assert "Extra formatie" not in client.get(reverse(INBOX)).content.decode()
    client.force_login(manager)
    (stand,) = client.get(reverse("actielijnen:management")).context["rijen"]
    assert stand.open_besluiten == 2  # the planning change and the opdrachtbeschrijving remain
    client.force_login(trekker)
    assert (
        "Akkoord, twee fte tot eind 2025."
        in client.get(wachtend.activiteit.get_absolute_url()).content.decode()
    )
    # A second decision on the same update is refused, nothing saved.
    client.force_login(opdrachtgever)
    antwoord = client.post(adres, {"besluit": "Toch niet", "datum": "2025-03-11"})
    assert antwoord.status_code == 200 and "al besloten" in antwoord.content.decode()
    assert Besluit.objects.count() == 1


@pytest.mark.parametrize("rol", ["trekker", "andere_trekker", "manager", "opgavecoordinator"])
def test_no_one_else_may_decide_also_not_by_direct_post(client, request, rol, wachtend):
    client.force_login(request.getfixturevalue(rol))
    adres = reverse("actielijnen:besluit_nemen", args=[wachtend.pk])
    assert client.get(adres).status_code == 403
    antwoord = client.post(adres, {"besluit": "Ik beslis", "datum": "2025-03-10"})
    assert antwoord.status_code == 403
    assert not Besluit.objects.exists()


def test_raad_and_anonymous_are_kept_out(client, gebruiker, wachtend):
    adres = reverse("actielijnen:besluit_nemen", args=[wachtend.pk])
    antwoord = client.post(adres, {"besluit": "Anoniem", "datum": "2025-03-10"})
    assert antwoord.status_code == 302 and reverse("login") in antwoord["Location"]
    assert client.get(reverse(INBOX)).status_code == 302
    client.force_login(gebruiker(Rol.RAAD))
    assert client.post(adres, {"besluit": "Raad", "datum": "2025-03-10"}).status_code == 403
    assert client.get(reverse(INBOX)).status_code == 403
    assert not Besluit.objects.exists()


def test_an_update_without_a_decision_asked_has_nothing_to_decide(client, opdrachtgever, activiteit, trekker):
    update = VoortgangsrapportageFactory(activiteit=activiteit, auteur=trekker)
    client.force_login(opdrachtgever)
    assert client.get(reverse("actielijnen:besluit_nemen", args=[update.pk])).status_code == 404


def test_the_form_is_csrf_protected(opdrachtgever, wachtend):
    client = Client(enforce_csrf_checks=True)
    client.force_login(opdrachtgever)
    adres = reverse("actielijnen:besluit_nemen", args=[wachtend.pk])
    assert "csrfmiddlewaretoken" in client.get(adres).content.decode()
    assert client.post(adres, {"besluit": "Zonder token", "datum": "2025-03-10"}).status_code == 403
    assert not Besluit.objects.exists()


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [
        ({"besluit": "   ", "datum": "2025-03-10"}, "Schrijf op wat u besluit."),
        ({"besluit": "Akkoord", "datum": ""}, "Vul de datum van het besluit in."),
        ({"besluit": "Akkoord", "datum": "31-02-2025"}, "Vul een geldige datum in."),
        ({"besluit": "Akkoord", "datum": "2025-02-01"}, "Het besluit kan niet vóór de update liggen."),
        ({"besluit": "Akkoord", "datum": "2999-01-01"}, "Een besluit ligt niet in de toekomst."),
    ],
)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(
    client, opdrachtgever, wachtend, gegevens, melding
):
    client.force_login(opdrachtgever)
    antwoord = client.post(reverse("actielijnen:besluit_nemen", args=[wachtend.pk]), gegevens)
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert not Besluit.objects.exists()


def _queries(client, adres) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(adres).status_code == 200
    return len(context)


def _meer_werk(aantal, opdrachtgever, trekker):
    for i in range(aantal):
        activiteit = ActiviteitFactory(opdrachtgever=opdrachtgever, trekker=trekker, met_opdracht=True)
        VoortgangsrapportageFactory(
            activiteit=activiteit, auteur=trekker, besluit_nodig=True, besluit_omschrijving=f"Besluit {i}"
        )
        Planningswijziging.objects.create(
            activiteit=activiteit, aangevraagd_door=trekker, reden="Later", nieuw_einde="2026-Q4"
        )


def test_inbox_and_dashboard_do_not_grow_in_queries_with_the_data(client, opdrachtgever, trekker, manager):
    _meer_werk(2, opdrachtgever, trekker)
    client.force_login(opdrachtgever)
    inbox_klein = _queries(client, reverse(INBOX))
    uitvoering_klein = _queries(client, reverse("actielijnen:uitvoering"))
    client.force_login(manager)
    dashboard_klein = _queries(client, reverse("actielijnen:management"))
    manager_inbox_klein = _queries(client, reverse(INBOX))

    _meer_werk(20, opdrachtgever, trekker)
    client.force_login(opdrachtgever)
    assert _queries(client, reverse(INBOX)) == inbox_klein
    assert _queries(client, reverse("actielijnen:uitvoering")) == uitvoering_klein
    client.force_login(manager)
    assert _queries(client, reverse("actielijnen:management")) == dashboard_klein
    assert _queries(client, reverse(INBOX)) == manager_inbox_klein


# --- A decision that was already taken answers in words, not with a bare 403 (issue 30) -----------------------


def _akkoord(client, wijziging, **data):
    return client.post(reverse("actielijnen:planningswijziging_akkoord", args=[wijziging.pk]), data)


@pytest.fixture
def wijziging(activiteit, trekker):
    return Planningswijziging.objects.create(
        activiteit=activiteit, aangevraagd_door=trekker, reden="Aanbesteding loopt uit", nieuw_einde="2026-Q4"
    )


def test_a_second_akkoord_says_that_you_already_decided_and_changes_nothing(client, opdrachtgever, wijziging):
    client.force_login(opdrachtgever)
    assert _akkoord(client, wijziging, rol="opdrachtgever", akkoord="ja").status_code == 302
    for antwoord in (
        client.get(reverse("actielijnen:planningswijziging_akkoord", args=[wijziging.pk])),
        _akkoord(client, wijziging, rol="opdrachtgever", akkoord="nee", toelichting="Toch niet"),
    ):
        assert antwoord.status_code == 200
        html = antwoord.content.decode()
        assert "U heeft al besloten over deze planningswijziging" in html
        assert "Opdrachtnemer" in html and "Opgavecoördinator" in html  # what it still waits for
        assert f"<strong>akkoord</strong>, door {opdrachtgever.weergavenaam()}" in html
        assert '<form method="post" class="utrecht-form"' not in html
    assert list(wijziging.akkoorden.values_list("rol", "akkoord")) == [("opdrachtgever", True)]


def test_after_a_rejection_the_others_read_who_rejected_it_and_when(
    client, opdrachtgever, opdrachtnemer, wijziging
):
    client.force_login(opdrachtnemer)
    _akkoord(client, wijziging, rol="opdrachtnemer", akkoord="nee", toelichting="Past niet in de capaciteit")
    wijziging.refresh_from_db()
    assert wijziging.status == "afgewezen"
    besluit = wijziging.akkoorden.get()
    client.force_login(opdrachtgever)
    antwoord = _akkoord(client, wijziging, rol="opdrachtgever", akkoord="ja")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Over deze planningswijziging is al besloten: <strong>afgewezen</strong>" in html
    assert (
        f"<strong>niet akkoord</strong>, door {opdrachtnemer.weergavenaam()} op {datum(besluit.datum)}"
        in html
    )
    assert "Past niet in de capaciteit" in html
    assert wijziging.akkoorden.count() == 1


def test_who_holds_no_role_in_the_planning_change_still_gets_the_403(client, trekker, manager, wijziging):
    for gebruiker in (trekker, manager):
        client.force_login(gebruiker)
        assert _akkoord(client, wijziging, rol="opdrachtgever", akkoord="ja").status_code == 403
    assert not wijziging.akkoorden.exists()


def test_a_second_vaststellen_of_an_opdrachtbeschrijving_says_who_set_it_and_when(
    client, opdrachtgever, activiteit
):
    Opdrachtbeschrijving.objects.filter(activiteit=activiteit).update(
        status=OpdrachtbeschrijvingStatus.TER_GOEDKEURING
    )
    client.force_login(opdrachtgever)
    url = reverse("actielijnen:opdrachtbeschrijving_vaststellen", args=[activiteit.sleutel])
    client.post(url, {"besluit": "vaststellen"})
    opdracht = Opdrachtbeschrijving.objects.get(activiteit=activiteit)
    assert opdracht.status == OpdrachtbeschrijvingStatus.VASTGESTELD
    antwoord = client.post(url, {"besluit": "terug"}, follow=True)
    assert antwoord.status_code == 200
    verwacht = (
        "Over deze opdrachtbeschrijving is al besloten: zij is vastgesteld door "
        f"{opdrachtgever.weergavenaam()} op {datum(opdracht.vastgesteld_op)}."
    )
    assert verwacht in [str(m) for m in antwoord.context["messages"]]
    opdracht.refresh_from_db()
    assert opdracht.status == OpdrachtbeschrijvingStatus.VASTGESTELD


def datum(moment) -> str:
    """A moment as the pages write it: 7 december 2025."""
    return date_format(timezone.localtime(moment), "j F Y")
