"""Every page for every role: 200, the Dutch 403, or a redirect to the login page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.constants import Rol
from actielijnen.constants import OpdrachtbeschrijvingStatus, PlanningswijzigingStatus
from actielijnen.models import Mijlpaal, Planningswijziging, Risico, Voortgangsrapportage
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import (
    ActiviteitFactory,
    MijlpaalFactory,
    RisicoFactory,
    VoortgangsrapportageFactory,
)

ROLLEN = [
    Rol.TREKKER,
    Rol.OPDRACHTGEVER,
    Rol.OPGAVECOORDINATOR,
    Rol.MANAGER,
    Rol.COLLEGE,
    Rol.RAAD,
    Rol.GRIFFIE,
    Rol.BEHEERDER,
]
UITVOERING = {Rol.TREKKER, Rol.OPDRACHTGEVER, Rol.OPGAVECOORDINATOR, Rol.MANAGER, Rol.BEHEERDER}
TOEGANG = {
    "actielijnen:uitvoering": UITVOERING,
    "actielijnen:management": {Rol.MANAGER, Rol.BEHEERDER},
    "activiteit_detail": UITVOERING,
}


def _token(client, url) -> str:
    """The hidden token of an edit form, as a browser sends it back (see tests/test_gelijktijdig.py)."""
    return client.get(url).context["form"]["origineel"].value()


def _url(naam, activiteit):
    if naam == "activiteit_detail":
        return activiteit.get_absolute_url()
    return reverse(naam)


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", list(TOEGANG))
@pytest.mark.parametrize("rol", ROLLEN)
def test_each_page_answers_each_role_with_200_or_the_dutch_403(client, pagina, rol):
    activiteit = ActiviteitFactory()
    client.force_login(UserFactory(rollen=[rol]))
    response = client.get(_url(pagina, activiteit))
    if rol in TOEGANG[pagina]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "Geen toegang" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("pagina", list(TOEGANG))
def test_anonymous_visitors_are_sent_to_login(client, pagina):
    response = client.get(_url(pagina, ActiviteitFactory()))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


UPDATE = {
    "periode": "2025-05",
    "rag": "oranje",
    "percentage_gereed": "35",
    "fase": "uitvoering",
    "status": "lopend",
    "toelichting": "De eerste wijkbijeenkomsten zijn gehouden.",
    "knelpunten": "Te weinig vrijwilligers.",
}


@pytest.mark.django_db
def test_trekker_saves_an_update_of_their_own_activity(client, trekker, activiteit):
    mijlpaal = MijlpaalFactory(activiteit=activiteit)
    client.force_login(trekker)
    url = reverse("actielijnen:voortgang_create", args=[activiteit.sleutel])
    assert client.get(url).status_code == 200
    response = client.post(url, {**UPDATE, "mijlpalen_bereikt": [mijlpaal.pk]})
    assert response.status_code == 302
    rapportage = Voortgangsrapportage.objects.get()
    assert rapportage.auteur == trekker
    assert rapportage.activiteit == activiteit
    activiteit.refresh_from_db()
    assert (activiteit.rag, activiteit.status) == ("oranje", "lopend")
    mijlpaal.refresh_from_db()
    assert mijlpaal.datum_bereikt == rapportage.datum


@pytest.mark.django_db
def test_trekker_cannot_open_the_update_form_of_another_trekkers_activity(client, trekker, andere_activiteit):
    client.force_login(trekker)
    response = client.get(reverse("actielijnen:voortgang_create", args=[andere_activiteit.sleutel]))
    assert response.status_code == 403


@pytest.mark.django_db
def test_trekker_cannot_post_an_update_to_another_trekkers_activity(client, trekker, andere_activiteit):
    client.force_login(trekker)
    response = client.post(reverse("actielijnen:voortgang_create", args=[andere_activiteit.sleutel]), UPDATE)
    assert response.status_code == 403
    assert not Voortgangsrapportage.objects.exists()
    andere_activiteit.refresh_from_db()
    assert andere_activiteit.rag == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "data"),
    [
        ("actielijnen:mijlpaal_create", {"omschrijving": "Klaar", "datum_gepland": "2025-06-01"}),
        ("actielijnen:risico_create", {"omschrijving": "Uitval", "kans": "3", "impact": "3"}),
        ("actielijnen:planningswijziging_create", {"nieuw_einde": "2025-Q4", "reden": "Later"}),
        ("actielijnen:jaarsamenvatting", {"jaar": "2024", "samenvatting": "Een goed jaar."}),
        ("actielijnen:opdrachtbeschrijving_update", {"beschrijving": "Anders"}),
    ],
)
def test_trekker_cannot_change_anything_of_another_trekkers_activity_by_posting(
    client, trekker, url_name, data
):
    andere = ActiviteitFactory(trekker=UserFactory(rollen=[Rol.TREKKER]), met_opdracht=True)
    client.force_login(trekker)
    response = client.post(reverse(url_name, args=[andere.sleutel]), data)
    assert response.status_code == 403
    assert not Mijlpaal.objects.exists()
    assert not Risico.objects.exists()
    assert not Planningswijziging.objects.exists()
    assert andere.jaarsamenvattingen.count() == 0
    andere.opdrachtbeschrijving.refresh_from_db()
    assert andere.opdrachtbeschrijving.beschrijving == ""


@pytest.mark.django_db
def test_trekker_cannot_change_a_risk_of_another_activity_through_their_own_url(client, trekker, activiteit):
    vreemd_risico = RisicoFactory()
    client.force_login(trekker)
    response = client.post(
        reverse("actielijnen:risico_update", args=[activiteit.sleutel, vreemd_risico.pk]),
        {"omschrijving": "x", "kans": "1", "impact": "1", "status": "actief", "reden": "x"},
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_an_invalid_update_shows_dutch_errors_next_to_the_fields_and_saves_nothing(
    client, trekker, activiteit
):
    client.force_login(trekker)
    response = client.post(
        reverse("actielijnen:voortgang_create", args=[activiteit.sleutel]),
        {**UPDATE, "percentage_gereed": "150", "besluit_nodig": "on", "besluit_omschrijving": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het formulier is niet opgeslagen" in html
    assert 'id="id_percentage_gereed_fout"' in html
    assert "hoogstens 100" in html
    assert "Beschrijf welk besluit nodig is." in html
    assert not Voortgangsrapportage.objects.exists()


@pytest.mark.django_db
def test_trekker_adds_and_changes_a_risk_of_their_own_activity(client, trekker, activiteit):
    client.force_login(trekker)
    client.post(
        reverse("actielijnen:risico_create", args=[activiteit.sleutel]),
        {"omschrijving": "Uitval van partners", "kans": "2", "impact": "4"},
    )
    risico = Risico.objects.get(activiteit=activiteit)
    url = reverse("actielijnen:risico_update", args=[activiteit.sleutel, risico.pk])
    response = client.post(
        url,
        {
            "origineel": _token(client, url),
            "omschrijving": risico.omschrijving,
            "kans": "4",
            "impact": "4",
            "status": "actief",
            "reden": "Twee partners stoppen.",
        },
    )
    assert response.status_code == 302
    risico.refresh_from_db()
    assert risico.score == 16
    assert [w.soort for w in risico.wijzigingen.all()] == ["groter", "nieuw"]


@pytest.mark.django_db
def test_trekker_adds_and_reaches_a_milestone_of_their_own_activity(client, trekker, activiteit):
    client.force_login(trekker)
    client.post(
        reverse("actielijnen:mijlpaal_create", args=[activiteit.sleutel]),
        {"omschrijving": "Plan klaar", "datum_gepland": "2025-03-01"},
    )
    mijlpaal = Mijlpaal.objects.get(activiteit=activiteit)
    url = reverse("actielijnen:mijlpaal_update", args=[activiteit.sleutel, mijlpaal.pk])
    client.post(
        url,
        {
            "origineel": _token(client, url),
            "omschrijving": "Plan klaar",
            "datum_gepland": "2025-03-01",
            "datum_bereikt": "2025-03-05",
        },
    )
    mijlpaal.refresh_from_db()
    assert str(mijlpaal.datum_bereikt) == "2025-03-05"


@pytest.mark.django_db
def test_planning_change_requested_in_the_browser_waits_for_the_three_roles(
    client, trekker, opdrachtgever, opdrachtnemer, opgavecoordinator, activiteit
):
    client.force_login(trekker)
    client.post(
        reverse("actielijnen:planningswijziging_create", args=[activiteit.sleutel]),
        {"nieuw_einde": "2025-Q4", "reden": "Aanbesteding duurt langer."},
    )
    wijziging = Planningswijziging.objects.get()
    url = reverse("actielijnen:planningswijziging_akkoord", args=[wijziging.pk])
    assert client.get(url).status_code == 403  # the trekker does not decide

    for persoon, rol in (
        (opdrachtgever, "opdrachtgever"),
        (opdrachtnemer, "opdrachtnemer"),
        (opgavecoordinator, "opgavecoordinator"),
    ):
        activiteit.refresh_from_db()
        assert activiteit.gepland_einde == "2024-Q4"
        client.force_login(persoon)
        assert client.post(url, {"rol": rol, "akkoord": "ja"}).status_code == 302
    activiteit.refresh_from_db()
    wijziging.refresh_from_db()
    assert activiteit.gepland_einde == "2025-Q4"
    assert wijziging.status == PlanningswijzigingStatus.AKKOORD


@pytest.mark.django_db
def test_an_opdrachtgever_of_another_activity_cannot_decide_on_its_planning(
    client, gebruiker, activiteit, trekker
):
    wijziging = Planningswijziging.objects.create(
        activiteit=activiteit, aangevraagd_door=trekker, reden="x", nieuw_einde="2025-Q4"
    )
    client.force_login(gebruiker(Rol.OPDRACHTGEVER))
    response = client.post(
        reverse("actielijnen:planningswijziging_akkoord", args=[wijziging.pk]),
        {"rol": "opdrachtgever", "akkoord": "ja"},
    )
    assert response.status_code == 403
    assert not wijziging.akkoorden.exists()


@pytest.mark.django_db
def test_only_the_activitys_own_opdrachtgever_approves_its_opdrachtbeschrijving(
    client, gebruiker, opdrachtgever, activiteit
):
    opdracht = activiteit.opdrachtbeschrijving
    opdracht.status = OpdrachtbeschrijvingStatus.TER_GOEDKEURING
    opdracht.save()
    url = reverse("actielijnen:opdrachtbeschrijving_vaststellen", args=[activiteit.sleutel])
    client.force_login(gebruiker(Rol.OPDRACHTGEVER))
    assert client.post(url, {"besluit": "vaststellen"}).status_code == 403
    opdracht.refresh_from_db()
    assert opdracht.status == OpdrachtbeschrijvingStatus.TER_GOEDKEURING

    client.force_login(opdrachtgever)
    assert client.post(url, {"besluit": "vaststellen"}).status_code == 302
    opdracht.refresh_from_db()
    assert opdracht.status == OpdrachtbeschrijvingStatus.VASTGESTELD
    assert opdracht.vastgesteld_door == opdrachtgever


@pytest.mark.django_db
def test_trekker_offers_a_complete_opdrachtbeschrijving_for_approval(client, trekker, activiteit):
    client.force_login(trekker)
    onderdelen = {
        naam: f"Tekst {naam}"
        for naam in ("beschrijving", "doelen", "resultaten", "aanpak", "projectorganisatie", "monitoring")
    }
    url = reverse("actielijnen:opdrachtbeschrijving_update", args=[activiteit.sleutel])
    response = client.post(url, {**onderdelen, "ter_goedkeuring": "1", "origineel": _token(client, url)})
    assert response.status_code == 302
    activiteit.opdrachtbeschrijving.refresh_from_db()
    assert activiteit.opdrachtbeschrijving.status == OpdrachtbeschrijvingStatus.TER_GOEDKEURING


@pytest.mark.django_db
def test_offering_an_incomplete_opdrachtbeschrijving_saves_nothing_and_says_what_is_missing(
    client, trekker, activiteit
):
    client.force_login(trekker)
    url = reverse("actielijnen:opdrachtbeschrijving_update", args=[activiteit.sleutel])
    response = client.post(
        url,
        {"beschrijving": "Alleen de beschrijving", "ter_goedkeuring": "1", "origineel": _token(client, url)},
    )
    assert response.status_code == 200
    assert "Vul eerst alle zes onderdelen in" in response.content.decode()
    activiteit.opdrachtbeschrijving.refresh_from_db()
    assert activiteit.opdrachtbeschrijving.beschrijving == ""  # the text did not half-save
    assert activiteit.opdrachtbeschrijving.status == OpdrachtbeschrijvingStatus.CONCEPT


@pytest.mark.django_db
def test_trekker_start_page_shows_their_activities_and_what_is_due(
    client, trekker, activiteit, andere_activiteit
):
    client.force_login(trekker)
    html = client.get(reverse("actielijnen:uitvoering")).content.decode()
    assert activiteit.naam in html
    assert andere_activiteit.naam not in html
    assert "te laat" in html  # planned start 2023-Q2 and no update since


@pytest.mark.django_db
def test_management_dashboard_filters_by_actielijn_and_rag(client, manager):
    eerste = ActiviteitFactory(naam="Wijkcentra openen")
    tweede = ActiviteitFactory(naam="Toegang vernieuwen", actielijn__nummer=4, actielijn__naam="Toegang")
    VoortgangsrapportageFactory(activiteit=eerste, rag="rood")
    client.force_login(manager)
    html = client.get(reverse("actielijnen:management"), {"actielijn": tweede.actielijn.pk}).content.decode()
    assert "Toegang vernieuwen" in html and "Wijkcentra openen" not in html
    html = client.get(reverse("actielijnen:management"), {"stoplicht": "rood"}).content.decode()
    assert "Wijkcentra openen" in html and "Toegang vernieuwen" not in html


@pytest.mark.django_db
def test_management_dashboard_shows_overdue_milestones_and_open_decisions(client, manager, activiteit):
    MijlpaalFactory(activiteit=activiteit, omschrijving="Te laat", datum_gepland="2024-01-01")
    MijlpaalFactory(activiteit=activiteit, datum_gepland="2024-01-01", datum_bereikt="2024-01-02")
    VoortgangsrapportageFactory(
        activiteit=activiteit, besluit_nodig=True, besluit_omschrijving="Budget ophogen"
    )
    client.force_login(manager)
    response = client.get(reverse("actielijnen:management"))
    (stand,) = response.context["rijen"]
    assert stand.mijlpalen_te_laat == 1
    assert stand.open_besluiten == 1
    assert "Budget ophogen" in response.content.decode()


def datum(jaar, maand, dag):
    import datetime

    return datetime.date(jaar, maand, dag)


@pytest.mark.django_db
def test_years_and_dates_are_written_the_dutch_way(client, manager, activiteit):
    VoortgangsrapportageFactory(activiteit=activiteit, datum=datum(2025, 1, 1))
    client.force_login(manager)
    html = client.get(reverse("actielijnen:management")).content.decode()
    assert "1 januari 2025" in html
    assert "2.025" not in html


@pytest.mark.django_db
def test_management_dashboard_says_vandaag_for_an_update_of_today_not_0_dagen_geleden(client, manager):
    """Issue 28 (nl-NL): an update of today reads "vandaag", one of yesterday "1 dag geleden"."""
    vandaag = ActiviteitFactory(naam="Vandaag bijgewerkt")
    gisteren = ActiviteitFactory(naam="Gisteren bijgewerkt", actielijn__nummer=2, actielijn__naam="Tweede")
    VoortgangsrapportageFactory(activiteit=vandaag, datum=timezone.localdate())
    VoortgangsrapportageFactory(activiteit=gisteren, datum=timezone.localdate() - timedelta(days=1))
    client.force_login(manager)
    html = client.get(reverse("actielijnen:management")).content.decode()
    assert "0 dagen geleden" not in html
    assert "vandaag" in html.split("Vandaag bijgewerkt", 1)[1].split("</tr>", 1)[0]
    assert "1 dag geleden" in html.split("Gisteren bijgewerkt", 1)[1].split("</tr>", 1)[0]
