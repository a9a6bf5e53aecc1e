"""Editions through the pages: concept → vastgesteld → gepubliceerd, who may do what, corrections."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from actielijnen.models import Activiteit, Voortgangsrapportage
from rapportage import services
from rapportage.constants import RapportageStatus
from rapportage.models import Rapportage
from tests.achtergrondtaken import met_taken, taakpagina

pytestmark = pytest.mark.django_db


def _post_actie(client, rapportage, actie):
    return client.post(reverse("rapportage:editie_actie", args=[rapportage.pk, actie]))


def _publiceren(client, rapportage):
    """ "Publiceren" → the publish job runs in the worker → its job page (status, message, result link)."""
    return taakpagina(client, met_taken(lambda: _post_actie(client, rapportage, "publiceren")))


def test_manager_creates_college_sets_and_publishes_raad_reads_it(client, demo):
    activiteit = Activiteit.objects.filter(code="1.1").get()
    Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        datum=date(2024, 3, 1),
        auteur=demo["trekker"],
        periode="2024-03",
        rag="oranje",
        percentage_gereed=35,
        fase="uitvoering",
        status="lopend",
        toelichting="Eerste wijkteams gestart.",
    )
    client.force_login(demo["manager"])
    antwoord = client.post(
        reverse("rapportage:editie_nieuw"),
        {
            "pc_moment": "viermaandsrapportage",
            "jaar": "2024",
            "titel": "Eerste viermaandsrapportage 2024",
            "peildatum": "2024-04-30",
            "zaaknummer": "3698765",
            "toelichting_voortgang": "Actielijn 1 loopt, met aandacht voor de wijkteams.",
        },
    )
    rapportage = Rapportage.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == rapportage.get_absolute_url()
    assert rapportage.status == RapportageStatus.CONCEPT
    assert rapportage.toelichtingen == {"voortgang": "Actielijn 1 loopt, met aandacht voor de wijkteams."}

    client.force_login(demo["raad"])  # a concept does not exist for the raad
    assert client.get(rapportage.get_absolute_url()).status_code == 404

    client.force_login(demo["college"])
    assert _post_actie(client, rapportage, "vaststellen").status_code == 302
    taak = _publiceren(client, rapportage).context["taak"]
    assert (taak.status, taak.resultaat["url"]) == ("geslaagd", rapportage.get_absolute_url()), taak.melding
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.GEPUBLICEERD
    assert [(o.van, o.naar, o.door.username) for o in rapportage.statusovergangen.all()] == [
        ("", "concept", "manager"),
        ("concept", "vastgesteld", "college"),
        ("vastgesteld", "gepubliceerd", "college"),
    ]
    assert sorted(rapportage.exportbestanden.values_list("soort", flat=True)) == ["pdf", "xlsx"]

    client.force_login(demo["raad"])
    pagina = client.get(reverse("rapportage:raad")).content.decode()
    assert "Eerste viermaandsrapportage 2024" in pagina
    assert "30 april 2024" in pagina
    assert "3698765" in pagina
    assert "Actielijn 1 loopt, met aandacht voor de wijkteams." in pagina
    assert "Oranje: aandacht nodig" in pagina  # the activity's status as of the peildatum


@pytest.mark.parametrize("gebruiker", ["trekker", "college", "raad", "griffie"])
def test_only_managers_create_concepts(client, demo, gebruiker):
    client.force_login(demo[gebruiker])
    antwoord = client.post(
        reverse("rapportage:editie_nieuw"),
        {"pc_moment": "begroting", "jaar": "2024", "titel": "X", "peildatum": "2024-01-01"},
    )
    assert antwoord.status_code in (302, 403)
    if antwoord.status_code == 302:  # anonymous-like redirect never happens for a logged-in user
        pytest.fail(f"{gebruiker} werd doorgestuurd naar {antwoord['Location']}")
    assert not Rapportage.objects.exists()


@pytest.mark.parametrize("gebruiker", ["manager", "raad", "griffie", "trekker"])
def test_only_the_college_sets_and_publishes(client, demo, maak_editie, gebruiker):
    rapportage = maak_editie()
    client.force_login(demo[gebruiker])
    _post_actie(client, rapportage, "vaststellen")
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.CONCEPT
    with pytest.raises(PermissionDenied):
        services.vaststellen(rapportage=rapportage, door=demo[gebruiker])


def test_a_published_edition_is_never_edited_and_a_correction_replaces_it(client, demo, maak_editie):
    rapportage = maak_editie(publiceren=True)
    client.force_login(demo["manager"])
    assert client.get(reverse("rapportage:editie_bewerken", args=[rapportage.pk])).status_code == 403
    with pytest.raises(ValidationError):
        services.concept_bijwerken(rapportage=rapportage, door=demo["manager"], titel="Anders")
    rapportage.titel = "Stiekem anders"
    with pytest.raises(ValidationError):
        rapportage.save()
    with pytest.raises(ValidationError):
        Rapportage.objects.get(pk=rapportage.pk).delete()

    assert _post_actie(client, rapportage, "corrigeren").status_code == 302
    correctie = Rapportage.objects.get(vervangt=rapportage)
    assert (correctie.versie, correctie.status, correctie.peildatum) == (2, "concept", rapportage.peildatum)
    assert correctie.toelichtingen == rapportage.toelichtingen
    client.force_login(demo["college"])
    _post_actie(client, correctie, "vaststellen")
    assert _publiceren(client, correctie).context["taak"].status == "geslaagd"
    rapportage.refresh_from_db()
    correctie.refresh_from_db()
    assert rapportage.status == RapportageStatus.VERVANGEN
    assert correctie.status == RapportageStatus.GEPUBLICEERD

    client.force_login(demo["raad"])
    oud = client.get(rapportage.get_absolute_url()).content.decode()
    assert "vervangen door een correctie" in oud
    assert "(versie 2)" in client.get(reverse("rapportage:raad")).content.decode()
    lijst = client.get(reverse("rapportage:editie_lijst")).content.decode()
    assert "Vervangen door een correctie" in lijst and "Gepubliceerd" in lijst


def test_college_can_send_a_set_edition_back_and_concepts_can_be_changed_and_refreshed(
    client, demo, maak_editie
):
    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo["college"])
    _post_actie(client, rapportage, "terug-naar-concept")
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.CONCEPT

    activiteit = Activiteit.objects.get(code="2.1")
    Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        datum=date(2024, 4, 1),
        auteur=demo["trekker"],
        periode="2024-04",
        rag="rood",
        percentage_gereed=10,
        fase="uitvoering",
        status="lopend",
        toelichting="x",
    )
    client.force_login(demo["manager"])
    url = reverse("rapportage:editie_bewerken", args=[rapportage.pk])
    antwoord = client.post(
        url,
        {
            "origineel": client.get(url).context["form"]["origineel"].value(),
            "pc_moment": "viermaandsrapportage",
            "jaar": "2024",
            "titel": "Viermaandsrapportage 2024 (herzien)",
            "peildatum": "2024-04-30",
            "zaaknummer": "3612345",
            "toelichting_risicobeheersing": "Nieuwe tekst.",
            "cijfers_vernieuwen": "on",
        },
    )
    assert antwoord.status_code == 302
    rapportage.refresh_from_db()
    assert rapportage.titel == "Viermaandsrapportage 2024 (herzien)"
    assert rapportage.toelichtingen == {"risicobeheersing": "Nieuwe tekst."}
    rij = next(a for a in rapportage.inhoud["voortgang"]["activiteiten"] if a["code"] == "2.1")
    assert (rij["rag"], rij["percentage"]) == ("rood", 10)


def test_bad_input_gets_a_dutch_message_and_saves_nothing(client, demo):
    client.force_login(demo["manager"])
    antwoord = client.post(
        reverse("rapportage:editie_nieuw"),
        {"pc_moment": "viermaandsrapportage", "jaar": "2024", "titel": "Toekomst", "peildatum": "2999-01-01"},
    )
    assert antwoord.status_code == 200
    assert "De peildatum kan niet in de toekomst liggen." in antwoord.content.decode()
    assert not Rapportage.objects.exists()
    antwoord = client.post(reverse("rapportage:editie_nieuw"), {"pc_moment": "weet-ik-veel", "jaar": "twee"})
    assert antwoord.status_code == 200
    assert not Rapportage.objects.exists()


def test_an_unknown_action_or_export_is_a_404(client, demo, maak_editie):
    rapportage = maak_editie(publiceren=True)
    client.force_login(demo["college"])
    assert _post_actie(client, rapportage, "wissen").status_code == 404
    client.force_login(demo["raad"])
    assert client.get(reverse("rapportage:editie_download", args=[rapportage.pk, "docx"])).status_code == 404
    assert client.get(reverse("rapportage:editie_csv", args=[rapportage.pk, "geheim"])).status_code == 404


def test_an_edition_cannot_have_a_peildatum_in_the_future(demo):
    with pytest.raises(ValidationError, match="toekomst"):
        services.rapportage_aanmaken(
            door=demo["manager"],
            pc_moment="viermaandsrapportage",
            jaar=2030,
            titel="Te vroeg",
            peildatum=timezone.localdate() + timedelta(days=1),
        )
    assert not Rapportage.objects.exists()


def test_the_admin_only_shows_editions_and_cannot_revert_one_from_its_history(client, demo, maak_editie):
    rapportage = maak_editie(publiceren=True)
    versie = rapportage.history.order_by("history_date").first()
    client.force_login(demo["beheerder"])
    assert client.get(reverse("admin:rapportage_rapportage_change", args=[rapportage.pk])).status_code == 200
    for url in (
        reverse("admin:rapportage_rapportage_change", args=[rapportage.pk]),
        reverse("admin:rapportage_rapportage_simple_history", args=[rapportage.pk, versie.history_id]),
    ):
        assert client.post(url, {"titel": "Anders", "status": "concept"}).status_code == 403, url
    rapportage.refresh_from_db()
    assert (rapportage.titel, rapportage.status) == (
        "Viermaandsrapportage 2024",
        RapportageStatus.GEPUBLICEERD,
    )
