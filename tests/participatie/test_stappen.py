"""Participation steps I, II and IV per activity (§4.1, issue 16), through the real stack: the trekker's forms,
the opdrachtgever's decisions, who may (also by direct POST), the order of the steps, the history, the decision
inbox and the dashboard count, and fixed query counts."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from accounts.constants import Rol
from actielijnen.besluitvorming import Uitkomst
from participatie.models import (
    Evaluatie,
    Participatieadvies,
    ParticipatieadviesBesluit,
    Participatieplan,
    ParticipatieplanBesluit,
)
from participatie.selectors import stappen as stappenselectors
from participatie.services import stappen
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActiviteitFactory

pytestmark = pytest.mark.django_db

ADVIES = {
    "check_randvoorwaarden": "Bewoners zijn direct geraakt en er is ruimte voor invloed.",
    "check_zakelijk_partnerschap": "Geen lopend inkooptraject.",
    "participatie_zinvol": "ja",
    "onderbouwing": "Inwoners weten het best wat werkt in de wijk.",
}
PLAN = {
    "doel": "Samen met inwoners de toegang verbeteren.",
    "doelgroep": "Cliëntenraden, adviesraad sociaal domein.",
    "aanpak": "Drie werksessies en een enquête.",
    "planning": "Tweede en derde kwartaal.",
}
EVALUATIE = {"datum": "2024-03-01", "bevindingen": "Goede opkomst.", "bijstellingen": "Meer jongeren."}


@pytest.fixture
def rollen(db):
    maak = lambda naam, *r: UserFactory(username=naam, rollen=list(r))  # noqa: E731
    return {
        "trekker": maak("tessa", Rol.TREKKER),
        "trekker2": maak("tom", Rol.TREKKER),
        "opdrachtgever": maak("olga", Rol.OPDRACHTGEVER),
        "opdrachtgever2": maak("otto", Rol.OPDRACHTGEVER),
        "opgavecoordinator": maak("oscar", Rol.OPGAVECOORDINATOR),
        "manager": maak("mira", Rol.MANAGER),
        "raad": maak("rik", Rol.RAAD),
        "beheerder": maak("bea", Rol.BEHEERDER),
    }


@pytest.fixture
def act(rollen):
    return ActiviteitFactory(
        trekker=rollen["trekker"], opdrachtgever=rollen["opdrachtgever"], met_opdracht=True
    )


def _post(client, user, naam, data, **kwargs):
    client.force_login(user)
    return client.post(reverse(f"participatie:{naam}", kwargs=kwargs), data)


def _advies(act, rollen, zinvol=True, beslis=None):
    advies = stappen.advies_indienen(
        activiteit=act,
        gebruiker=rollen["trekker"],
        check_randvoorwaarden="a",
        check_zakelijk_partnerschap="b",
        participatie_zinvol=zinvol,
        onderbouwing="c",
    )
    if beslis is not None:
        stappen.advies_besluiten(
            advies=advies, gebruiker=rollen["opdrachtgever"], akkoord=beslis, toelichting="Omdat."
        )
    return advies


def _html(client, user, url):
    client.force_login(user)
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


# --- The walk through steps I, II and IV ---------------------------------------------------------------------


def test_trekker_and_opdrachtgever_walk_steps_one_two_and_four(client, rollen, act):
    pagina = reverse("participatie:activiteit", kwargs={"sleutel": act.sleutel})
    assert "Nog geen advies" in _html(client, rollen["trekker"], pagina)

    antwoord = _post(client, rollen["trekker"], "advies_indienen", ADVIES, sleutel=act.sleutel)
    assert antwoord.status_code == 302
    advies = Participatieadvies.objects.get()
    assert advies.status == Uitkomst.OPEN and advies.participatie_zinvol is True
    assert "Wacht op besluit van de opdrachtgever" in _html(client, rollen["trekker"], pagina)

    antwoord = _post(client, rollen["opdrachtgever"], "advies_besluiten", {"akkoord": "ja"}, pk=advies.pk)
    assert antwoord.status_code == 302
    advies.refresh_from_db()
    assert advies.status == Uitkomst.AKKOORD
    html = _html(client, rollen["trekker"], pagina)
    assert "Akkoord: wel participatie" in html and "Nog geen plan van aanpak" in html

    assert _post(client, rollen["trekker"], "plan_indienen", PLAN, sleutel=act.sleutel).status_code == 302
    plan = Participatieplan.objects.get()
    assert (
        _post(client, rollen["opdrachtgever"], "plan_besluiten", {"akkoord": "ja"}, pk=plan.pk).status_code
        == 302
    )
    plan.refresh_from_db()
    assert plan.status == Uitkomst.AKKOORD

    assert (
        _post(client, rollen["trekker"], "evaluatie_toevoegen", EVALUATIE, sleutel=act.sleutel).status_code
        == 302
    )
    html = _html(client, rollen["trekker"], pagina)
    assert "1 evaluatie, de laatste op 1 maart 2024" in html
    assert "Goede opkomst." in html
    # Step II links the opdrachtbeschrijving it is part of; step III the betrokkenen helper's form.
    assert f"{act.get_absolute_url()}#opdrachtbeschrijving" in html
    assert f"{reverse('participatie:traject_toevoegen')}?activiteit={act.sleutel}" in html


def test_every_step_is_in_the_history(client, rollen, act):
    advies = _advies(act, rollen, beslis=True)
    plan = stappen.plan_indienen(
        activiteit=act, gebruiker=rollen["trekker"], doel="d", doelgroep="g", aanpak="a", planning="p"
    )
    stappen.plan_besluiten(
        plan=plan, gebruiker=rollen["opdrachtgever"], akkoord=False, toelichting="Te vaag."
    )
    stappen.evaluatie_toevoegen(
        activiteit=act,
        gebruiker=rollen["trekker"],
        datum=datetime.date(2024, 1, 5),
        bevindingen="b",
        bijstellingen="s",
    )
    assert advies.history.count() == 2  # submitted, decided
    assert advies.history.first().history_user == rollen["opdrachtgever"]
    assert ParticipatieadviesBesluit.history.count() == 1
    assert plan.history.count() == 2
    assert ParticipatieplanBesluit.history.get().toelichting == "Te vaag."
    assert Evaluatie.history.count() == 1
    html = _html(
        client, rollen["manager"], reverse("participatie:activiteit", kwargs={"sleutel": act.sleutel})
    )
    regels = stappenselectors.stappengeschiedenis(act, per_pagina=25).object_list
    assert len(regels) == 7
    assert "Geschiedenis van de stappen" in html and "Te vaag." in html


# --- Who may ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("wie", ["trekker2", "opdrachtgever", "opgavecoordinator", "manager", "raad"])
def test_only_the_trekker_submits_an_advice_also_by_direct_post(client, rollen, act, wie):
    antwoord = _post(client, rollen[wie], "advies_indienen", ADVIES, sleutel=act.sleutel)
    assert antwoord.status_code == 403
    assert not Participatieadvies.objects.exists()


def test_anonymous_goes_to_login_and_nothing_is_saved(client, act):
    for naam, kwargs, data in (
        ("advies_indienen", {"sleutel": act.sleutel}, ADVIES),
        ("plan_indienen", {"sleutel": act.sleutel}, PLAN),
        ("evaluatie_toevoegen", {"sleutel": act.sleutel}, EVALUATIE),
        ("evaluatie_geheel_toevoegen", {}, EVALUATIE),
    ):
        antwoord = client.post(reverse(f"participatie:{naam}", kwargs=kwargs), data)
        assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/")
    assert not Participatieadvies.objects.exists() and not Evaluatie.objects.exists()


def test_the_datakernteam_may_submit_for_any_activity(client, rollen, act):
    assert (
        _post(client, rollen["beheerder"], "advies_indienen", ADVIES, sleutel=act.sleutel).status_code == 302
    )
    assert Participatieadvies.objects.get().opgesteld_door == rollen["beheerder"]


@pytest.mark.parametrize("wie", ["trekker", "trekker2", "opdrachtgever2", "manager", "beheerder", "raad"])
def test_only_the_own_opdrachtgever_decides_also_by_direct_post(client, rollen, act, wie):
    advies = _advies(act, rollen)
    assert _post(client, rollen[wie], "advies_besluiten", {"akkoord": "ja"}, pk=advies.pk).status_code == 403
    plan = Participatieplan.objects.create(
        activiteit=act, doel="d", doelgroep="g", aanpak="a", planning="p", opgesteld_door=rollen["trekker"]
    )
    assert _post(client, rollen[wie], "plan_besluiten", {"akkoord": "ja"}, pk=plan.pk).status_code == 403
    assert not ParticipatieadviesBesluit.objects.exists() and not ParticipatieplanBesluit.objects.exists()
    advies.refresh_from_db()
    assert advies.status == Uitkomst.OPEN


def test_evaluation_of_one_activity_by_its_trekker_of_the_whole_by_the_programme(client, rollen, act):
    assert (
        _post(client, rollen["trekker2"], "evaluatie_toevoegen", EVALUATIE, sleutel=act.sleutel).status_code
        == 403
    )
    assert _post(client, rollen["trekker"], "evaluatie_geheel_toevoegen", EVALUATIE).status_code == 403
    assert not Evaluatie.objects.exists()
    assert (
        _post(client, rollen["opgavecoordinator"], "evaluatie_geheel_toevoegen", EVALUATIE).status_code == 302
    )
    assert Evaluatie.objects.get().activiteit is None
    html = _html(client, rollen["trekker"], reverse("participatie:evaluaties") + "?activiteit=geheel")
    assert "Goede opkomst." in html and "het geheel" in html


def test_college_and_raad_do_not_read_participatie(client, rollen, act):
    client.force_login(rollen["raad"])
    assert client.get(reverse("participatie:overzicht")).status_code == 403
    assert client.get(reverse("participatie:activiteit", kwargs={"sleutel": act.sleutel})).status_code == 403


# --- The rules of the steps ----------------------------------------------------------------------------------


def test_niet_akkoord_needs_a_toelichting_and_saves_nothing_without_it(client, rollen, act):
    advies = _advies(act, rollen)
    antwoord = _post(client, rollen["opdrachtgever"], "advies_besluiten", {"akkoord": "nee"}, pk=advies.pk)
    assert antwoord.status_code == 200
    assert "Licht toe waarom u niet akkoord gaat." in antwoord.content.decode()
    advies.refresh_from_db()
    assert advies.status == Uitkomst.OPEN and not advies.besluiten.exists()


def test_a_decided_proposal_cannot_be_decided_again(client, rollen, act):
    advies = _advies(act, rollen)
    _post(
        client,
        rollen["opdrachtgever"],
        "advies_besluiten",
        {"akkoord": "nee", "toelichting": "Nee."},
        pk=advies.pk,
    )
    antwoord = _post(client, rollen["opdrachtgever"], "advies_besluiten", {"akkoord": "ja"}, pk=advies.pk)
    assert antwoord.status_code == 200
    assert "Over dit participatie-advies is al besloten" in antwoord.content.decode()
    # By whom and when, as the other decision pages say it (issue 30).
    besluit = advies.besluiten.get()
    wanneer = date_format(timezone.localtime(besluit.datum), "j F Y")
    assert f", door {rollen['opdrachtgever'].weergavenaam()} op {wanneer}." in antwoord.content.decode()
    advies.refresh_from_db()
    assert advies.status == Uitkomst.AFGEWEZEN and advies.besluiten.count() == 1
    with pytest.raises(ValidationError):
        stappen.advies_besluiten(advies=advies, gebruiker=rollen["opdrachtgever"], akkoord=True)


def test_one_open_advice_at_a_time_and_a_new_one_after_afgewezen(client, rollen, act):
    advies = _advies(act, rollen)
    antwoord = _post(client, rollen["trekker"], "advies_indienen", ADVIES, sleutel=act.sleutel)
    assert antwoord.status_code == 200
    assert "Er staat al een participatie-advies open" in antwoord.content.decode()
    assert Participatieadvies.objects.count() == 1
    stappen.advies_besluiten(
        advies=advies, gebruiker=rollen["opdrachtgever"], akkoord=False, toelichting="Onvoldoende."
    )
    assert _post(client, rollen["trekker"], "advies_indienen", ADVIES, sleutel=act.sleutel).status_code == 302
    assert Participatieadvies.objects.count() == 2


def test_step_two_is_refused_before_step_one_is_akkoord_also_by_direct_post(client, rollen, act):
    antwoord = _post(client, rollen["trekker"], "plan_indienen", PLAN, sleutel=act.sleutel)
    assert antwoord.status_code == 200
    assert "Stap II kan pas als de opdrachtgever akkoord is" in antwoord.content.decode()
    _advies(act, rollen)  # open: still refused
    assert _post(client, rollen["trekker"], "plan_indienen", PLAN, sleutel=act.sleutel).status_code == 200
    assert not Participatieplan.objects.exists()


def test_no_participation_makes_steps_two_and_three_not_applicable(client, rollen, act):
    _advies(act, rollen, zinvol=False, beslis=True)
    antwoord = _post(client, rollen["trekker"], "plan_indienen", PLAN, sleutel=act.sleutel)
    assert "stap II is niet van toepassing" in antwoord.content.decode()
    assert not Participatieplan.objects.exists()
    html = _html(client, rollen["trekker"], reverse("participatie:overzicht"))
    assert "Akkoord: geen participatie" in html
    assert html.count("Niet van toepassing") == 2  # steps II and III of this activity
    assert reverse("participatie:plan_indienen", kwargs={"sleutel": act.sleutel}) not in _html(
        client, rollen["trekker"], reverse("participatie:activiteit", kwargs={"sleutel": act.sleutel})
    )


def test_an_evaluation_in_the_future_is_refused_in_dutch(client, rollen, act):
    morgen = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    antwoord = _post(
        client, rollen["trekker"], "evaluatie_toevoegen", {**EVALUATIE, "datum": morgen}, sleutel=act.sleutel
    )
    assert "Een evaluatie ligt niet in de toekomst." in antwoord.content.decode()
    antwoord = _post(
        client,
        rollen["trekker"],
        "evaluatie_toevoegen",
        {**EVALUATIE, "datum": "31-02-2024"},
        sleutel=act.sleutel,
    )
    assert "Vul een geldige datum in" in antwoord.content.decode()
    assert not Evaluatie.objects.exists()


# --- Inbox, dashboard and activity page ---------------------------------------------------------------------


def test_the_inbox_and_the_dashboard_count_the_same_open_decisions(client, rollen, act):
    _advies(act, rollen)
    tweede = ActiviteitFactory(trekker=rollen["trekker2"], opdrachtgever=rollen["opdrachtgever2"])
    Participatieplan.objects.create(
        activiteit=tweede,
        doel="Plan twee",
        doelgroep="g",
        aanpak="a",
        planning="p",
        opgesteld_door=rollen["trekker2"],
    )
    html = _html(client, rollen["opdrachtgever"], reverse("actielijnen:besluiten"))
    assert "Participatie-advies (stap I)" in html and "Plan twee" not in html
    assert (
        reverse("participatie:advies_besluiten", kwargs={"pk": Participatieadvies.objects.get().pk}) in html
    )

    client.force_login(rollen["manager"])
    inbox = client.get(reverse("actielijnen:besluiten"))
    assert len(inbox.context["lijst"].elders) == 2
    assert not any(p.mag_beslissen for p in inbox.context["lijst"].elders)
    dashboard = client.get(reverse("actielijnen:management"))
    per_activiteit = {stand.activiteit.pk: stand.open_besluiten for stand in dashboard.context["rijen"]}
    assert per_activiteit[act.pk] == 1 and per_activiteit[tweede.pk] == 1
    assert sum(stappenselectors.open_besluiten_per_activiteit().values()) == len(
        inbox.context["lijst"].elders
    )


def test_the_activity_page_links_to_its_participation(client, rollen, act):
    html = _html(client, rollen["opdrachtgever"], act.get_absolute_url())
    assert "Participatie: stappen I–IV" in html
    assert reverse("participatie:activiteit", kwargs={"sleutel": act.sleutel}) in html
    assert stappenselectors.koppelingen(act, rollen["raad"]) == []


# --- Fixed query counts -------------------------------------------------------------------------------------


def _vul(rollen, aantal):
    for _ in range(aantal):
        a = ActiviteitFactory(trekker=rollen["trekker"], opdrachtgever=rollen["opdrachtgever"])
        advies = _advies(a, rollen, beslis=True)
        plan = stappen.plan_indienen(
            activiteit=a, gebruiker=rollen["trekker"], doel="d", doelgroep="g", aanpak="a", planning="p"
        )
        assert advies and plan
        stappen.evaluatie_toevoegen(
            activiteit=a,
            gebruiker=rollen["trekker"],
            datum=datetime.date(2024, 1, 5),
            bevindingen="b",
            bijstellingen="s",
        )


@pytest.mark.parametrize("aantal", [1, 6])
def test_pages_and_hooks_run_a_fixed_number_of_queries(
    client, rollen, act, aantal, django_assert_max_num_queries
):
    _vul(rollen, aantal)
    _advies(act, rollen, beslis=True)
    for _ in range(aantal):
        stappen.evaluatie_toevoegen(
            activiteit=act,
            gebruiker=rollen["trekker"],
            datum=datetime.date(2024, 1, 5),
            bevindingen="b",
            bijstellingen="s",
        )
    client.force_login(rollen["opdrachtgever"])
    client.get(reverse("participatie:overzicht"))  # warm the session and permission caches
    with django_assert_max_num_queries(8):
        assert client.get(reverse("participatie:overzicht")).status_code == 200
    with django_assert_max_num_queries(23):
        assert (
            client.get(reverse("participatie:activiteit", kwargs={"sleutel": act.sleutel})).status_code == 200
        )
    with django_assert_max_num_queries(9):
        assert client.get(reverse("participatie:evaluaties")).status_code == 200
    with django_assert_max_num_queries(2):
        assert len(stappenselectors.besluitpunten(rollen["opdrachtgever"], True)) == aantal
    with django_assert_max_num_queries(2):
        assert sum(stappenselectors.open_besluiten_per_activiteit().values()) == aantal


# --- Demo ------------------------------------------------------------------------------------------------------


def test_the_demo_shows_activities_at_different_steps(client, programma):
    from django.contrib.auth import get_user_model

    from ontwikkeling.voorbeeldgeschiedenis import voorbeeldgeschiedenis_laden

    verslag = voorbeeldgeschiedenis_laden()
    assert verslag.aantallen["participatie-adviezen"] == 3
    manager = get_user_model().objects.get(username="manager")
    html = _html(client, manager, reverse("participatie:overzicht"))
    for stand in (
        "Wacht op besluit van de opdrachtgever",
        "Akkoord: wel participatie",
        "Akkoord: geen participatie",
    ):
        assert stand in html, stand
    assert Participatieplan.objects.filter(
        status=Uitkomst.AKKOORD, doel__startswith="Voorbeeld (demo):"
    ).exists()
    assert Evaluatie.objects.filter(activiteit=None, bevindingen__startswith="Voorbeeld (demo):").exists()
    assert Evaluatie.objects.exclude(activiteit=None).exists()
    # The demo leaves the first activities untouched, so a walk through the steps can start from scratch.
    assert "Nog geen advies" in html
