"""The admin writes only through the rules the pages follow: no deletes, no revert from history, no planning
past the three-role approval, no vastgesteld opdrachtbeschrijving changed, and imports that can never be deleted."""

from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

import pytest

from accounts.constants import Rol
from actielijnen.constants import OpdrachtbeschrijvingStatus
from actielijnen.models import Activiteit, Opdrachtbeschrijving
from monitoring.models import Import, ImportVerwijderen, Meting
from tests.achtergrondtaken import import_doorvoeren, import_ongedaan_maken, import_proef
from tests.monitoring.bestanden import csv_bestand

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(programma, django_user_model):
    """A beheerder as daily work has them: staff, the beheerder role, not a superuser."""
    gebruiker = django_user_model.objects.create_user(
        "dagelijks-beheer", password="x" * 12, is_staff=True, first_name="Daan", last_name="Beheer"
    )
    gebruiker.groups.add(Group.objects.get(name=Rol.BEHEERDER))
    return gebruiker


@pytest.fixture
def superuser(programma, django_user_model):
    return django_user_model.objects.create_superuser("root", password="x" * 12)


@pytest.fixture
def import_record(client, programma, beheerder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(beheerder)
    bestand = csv_bestand(["indicator;periode;wijk;soort;waarde;bron", "6.1.1.1;2023;;realisatie;48,1%;Test"])
    import_proef(client, bestand)
    import_doorvoeren(client)
    return Import.objects.get()


def _admin_formulier(antwoord) -> dict:
    """The admin form's own POST data, as the browser would send it back unchanged."""
    form = antwoord.context["adminform"].form
    data = {}
    for naam in form.fields:
        waarde = form[naam].value()
        if waarde is None:
            continue
        if isinstance(waarde, list | tuple):
            data[naam] = [str(w) for w in waarde]
        elif isinstance(waarde, bool):
            if waarde:
                data[naam] = "on"
        else:
            data[naam] = str(waarde)
    for formset in antwoord.context["inline_admin_formsets"]:
        data.update({k: v for k, v in formset.formset.management_form.initial.items()})
        prefix = formset.formset.prefix
        for sleutel, waarde in formset.formset.management_form.initial.items():
            data[f"{prefix}-{sleutel}"] = waarde
        for i, inline_form in enumerate(formset.formset.forms):
            for naam in inline_form.fields:
                waarde = inline_form[naam].value()
                if waarde not in (None, False):
                    data[f"{prefix}-{i}-{naam}"] = "on" if waarde is True else str(waarde)
    return data


def test_an_import_is_never_deleted_not_in_the_admin_and_not_in_code(client, import_record, superuser):
    client.force_login(superuser)  # not even a superuser
    verwijderen = client.post(
        reverse("admin:monitoring_import_delete", args=[import_record.pk]), {"post": "yes"}
    )
    assert verwijderen.status_code == 403
    lijst = client.post(
        reverse("admin:monitoring_import_changelist"),
        {"action": "delete_selected", "_selected_action": [import_record.pk], "post": "yes"},
    )
    assert lijst.status_code in (200, 302)
    with pytest.raises(ImportVerwijderen):
        import_record.delete()
    with pytest.raises(ImportVerwijderen):
        Import.objects.all().delete()
    assert Import.objects.filter(pk=import_record.pk).exists()
    # The metingen it wrote keep their link: the database refuses to cut it.
    assert Meting.objects.filter(via_import=import_record).exists()


def test_the_admin_import_of_metingen_ends_where_the_import_page_ends(client, beheerder, settings, tmp_path):
    """One write path (issue 23): the admin's confirmed import is committed by the page's service, so it leaves an
    Import record with the file as its evidence, history tagged with it, and is undone on the import history page;
    a bad row gets the page's own message in the admin's preview, and nothing can be confirmed."""
    settings.MEDIA_ROOT = tmp_path
    client.force_login(beheerder)
    kop = "indicator;periode;wijk;soort;waarde;bron"

    def admin_upload(bestand):
        return client.post(
            reverse("admin:monitoring_meting_import"),
            {"import_file": bestand, "format": "0", "resource": "0"},
        )

    fout = [kop, "6.1.1.1;2030;;realisatie;147%;KT", "onbekend;2023;;realisatie;1;KT"]
    redenen = {f.reden for f in import_proef(client, csv_bestand(fout)).context["resultaat"].analyse.fouten}
    voorvertoning = admin_upload(csv_bestand(fout))
    assert len(redenen) == 2 and all(escape(reden) in voorvertoning.content.decode() for reden in redenen)
    assert "confirm_form" not in voorvertoning.context

    regels = [kop, "6.1.1.1;2023;;realisatie;48,1%;KT"]
    voorvertoning = admin_upload(csv_bestand(regels))
    bevestigd = client.post(
        reverse("admin:monitoring_meting_process_import"), voorvertoning.context["confirm_form"].initial
    )
    assert bevestigd.status_code == 302
    record = Import.objects.get()
    assert (record.gebruiker, record.bestandsnaam, record.aantal_nieuw) == (beheerder, "metingen.csv", 1)
    assert record.bestand == f"imports/{record.sha256}.csv"
    assert record.bestandspad.read_bytes() == csv_bestand(regels).read()
    meting = Meting.objects.get(via_import=record)
    assert list(meting.history.values_list("history_change_reason", "history_user")) == [
        (record.wijzigingsreden, beheerder.pk)
    ]
    # Undone like every import: offered on the import history page, taken back by the undo job.
    url = reverse("monitoring:import_ongedaan_maken", args=[record.pk])
    assert url in client.get(reverse("monitoring:import_historie")).content.decode()
    assert "is ongedaan gemaakt" in import_ongedaan_maken(client, record.pk).content.decode()
    record.refresh_from_db()
    assert record.ongedaan_op and not Meting.objects.filter(pk=meting.pk).exists()
    # The same file through the import page: the same evidence, the same record.
    import_proef(client, csv_bestand(regels))
    import_doorvoeren(client)
    pagina = Import.objects.latest("pk")
    assert (pagina.sha256, pagina.bestand, pagina.aantal_nieuw) == (record.sha256, record.bestand, 1)


def test_no_programme_record_is_deleted_through_the_admin(client, superuser):
    client.force_login(superuser)
    activiteit = Activiteit.objects.get(code="2.5")
    aantal = Activiteit.objects.count()
    antwoord = client.post(
        reverse("admin:actielijnen_activiteit_delete", args=[activiteit.pk]), {"post": "yes"}
    )
    assert antwoord.status_code == 403
    assert Activiteit.objects.count() == aantal
    # Every registered model admin refuses deletes.
    aanvraag = client.get(reverse("admin:index")).wsgi_request
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label == "axes":
            continue  # failed logins are not programme data: removing them is how the beheerder unlocks
        assert not model_admin.has_delete_permission(aanvraag), model
    # No "verwijderen" box on the inline rows either.
    pagina = client.get(reverse("admin:actielijnen_activiteit_change", args=[activiteit.pk])).content.decode()
    assert "-DELETE" not in pagina


def test_no_revert_from_the_history_past_the_services(client, superuser):
    client.force_login(superuser)
    activiteit = Activiteit.objects.get(code="2.5")
    oude_naam = activiteit.naam
    activiteit.naam = "Nieuwe naam via de pagina"
    activiteit.save()
    oud = activiteit.history.order_by("history_id").first()
    url = reverse("admin:actielijnen_activiteit_simple_history", args=[activiteit.pk, oud.history_id])
    assert client.get(url).status_code == 200  # reading the old version is fine
    antwoord = client.post(url, {"naam": oude_naam})
    assert antwoord.status_code == 403
    activiteit.refresh_from_db()
    assert activiteit.naam == "Nieuwe naam via de pagina"


def test_the_planning_of_an_activity_changes_only_by_an_approved_planningswijziging(client, beheerder):
    client.force_login(beheerder)
    activiteit = Activiteit.objects.get(code="2.5")
    activiteit.geplande_start, activiteit.gepland_einde = "2023-Q1", "2024-Q4"
    activiteit.save()
    url = reverse("admin:actielijnen_activiteit_change", args=[activiteit.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "geplande_start" not in pagina.context["adminform"].form.fields
    data = _admin_formulier(pagina)
    data.update({"geplande_start": "2026-Q1", "gepland_einde": "2027-Q4"})
    client.post(url, data)
    activiteit.refresh_from_db()
    assert (activiteit.geplande_start, activiteit.gepland_einde) == ("2023-Q1", "2024-Q4")


def test_the_status_of_an_opdrachtbeschrijving_is_not_set_in_the_admin(client, beheerder):
    client.force_login(beheerder)
    opdracht = Opdrachtbeschrijving.objects.select_related("activiteit").first()
    assert opdracht.status != OpdrachtbeschrijvingStatus.VASTGESTELD
    url = reverse("admin:actielijnen_opdrachtbeschrijving_change", args=[opdracht.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "status" not in pagina.context["adminform"].form.fields
    data = _admin_formulier(pagina)
    data["status"] = OpdrachtbeschrijvingStatus.VASTGESTELD
    client.post(url, data)
    opdracht.refresh_from_db()
    assert opdracht.status != OpdrachtbeschrijvingStatus.VASTGESTELD
    assert opdracht.vastgesteld_door is None


def test_a_vastgestelde_opdrachtbeschrijving_is_read_only_in_the_admin(client, beheerder):
    client.force_login(beheerder)
    opdracht = Opdrachtbeschrijving.objects.first()
    opdracht.status = OpdrachtbeschrijvingStatus.VASTGESTELD
    opdracht.save()
    pagina = client.get(reverse("admin:actielijnen_opdrachtbeschrijving_change", args=[opdracht.pk]))
    assert not any(
        naam in pagina.context["adminform"].form.fields for naam in Opdrachtbeschrijving.ONDERDELEN
    )


def test_updates_are_a_log_not_edited_in_the_admin(client, beheerder, programma):
    from actielijnen.services import voortgangsrapportage_create

    activiteit = Activiteit.objects.get(code="2.5")
    update = voortgangsrapportage_create(
        activiteit=activiteit,
        auteur=activiteit.trekker,
        periode="2025-05",
        rag="groen",
        percentage_gereed=40,
        fase="uitvoering",
        toelichting="Op koers.",
    )
    client.force_login(beheerder)
    url = reverse("admin:actielijnen_voortgangsrapportage_change", args=[update.pk])
    assert client.get(url).status_code == 200  # readable
    client.post(url, {"toelichting": "Achteraf mooier gemaakt", "rag": "groen"})
    update.refresh_from_db()
    assert update.toelichting == "Op koers."
    assert client.get(reverse("admin:actielijnen_voortgangsrapportage_add")).status_code == 403


def test_a_beheerder_cannot_make_anyone_superuser(client, beheerder, django_user_model):
    client.force_login(beheerder)
    collega = django_user_model.objects.get(username="trekker")
    url = reverse("admin:accounts_user_change", args=[collega.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    velden = pagina.context["adminform"].form.fields
    assert "is_superuser" not in velden and "user_permissions" not in velden
    data = _admin_formulier(pagina)
    data["is_superuser"] = "on"
    client.post(url, data)
    collega.refresh_from_db()
    assert not collega.is_superuser
    assert (
        client.post(reverse("admin:accounts_user_delete", args=[collega.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert django_user_model.objects.filter(pk=collega.pk).exists()


def test_a_risk_changed_in_the_admin_gets_its_log_entry_with_the_reason(client, beheerder):
    from actielijnen.models import Risico, RisicoWijziging

    client.force_login(beheerder)
    risico = Risico.objects.basisrisicos().first()
    risico.kans, risico.impact = 2, 2
    risico.save()
    url = reverse("admin:actielijnen_risico_change", args=[risico.pk])
    data = _admin_formulier(client.get(url))
    data.update({"kans": "4", "impact": "5"})
    zonder_reden = client.post(url, data)
    assert zonder_reden.status_code == 200
    assert "Geef de reden van de wijziging" in zonder_reden.content.decode()
    risico.refresh_from_db()
    assert (risico.kans, risico.impact) == (2, 2)

    data = _admin_formulier(client.get(url))
    data.update({"kans": "4", "impact": "5", "reden": "Signalen uit de wijkteams"})
    assert client.post(url, data).status_code == 302
    risico.refresh_from_db()
    assert (risico.kans, risico.impact) == (4, 5)
    log = RisicoWijziging.objects.filter(risico=risico).latest("pk")
    assert (log.soort, log.toelichting, log.kans, log.impact, log.auteur) == (
        "groter",
        "Signalen uit de wijkteams",
        4,
        5,
        beheerder,
    )


def test_an_opdrachtbeschrijving_text_changed_in_the_admin_goes_back_to_concept(client, beheerder):
    client.force_login(beheerder)
    opdracht = Opdrachtbeschrijving.objects.first()
    opdracht.status = OpdrachtbeschrijvingStatus.TER_GOEDKEURING
    opdracht.save()
    url = reverse("admin:actielijnen_opdrachtbeschrijving_change", args=[opdracht.pk])
    data = _admin_formulier(client.get(url))
    eerste = Opdrachtbeschrijving.ONDERDELEN[0]
    data[eerste] = "Een nieuwe tekst, na het aanbieden."
    assert client.post(url, data).status_code == 302
    opdracht.refresh_from_db()
    assert getattr(opdracht, eerste) == "Een nieuwe tekst, na het aanbieden."
    assert opdracht.status == OpdrachtbeschrijvingStatus.CONCEPT


def test_a_beheerder_cannot_take_over_a_superuser(client, beheerder, superuser):
    client.force_login(beheerder)
    wachtwoord = client.post(
        reverse("admin:auth_user_password_change", args=[superuser.pk]),
        {"password1": "Overgenomen-2026!", "password2": "Overgenomen-2026!"},
    )
    assert wachtwoord.status_code == 403
    url = reverse("admin:accounts_user_change", args=[superuser.pk])
    assert client.get(url).status_code == 200  # readable, not changeable
    client.post(url, {"username": "root", "email": "overgenomen@example.org", "is_active": "on"})
    superuser.refresh_from_db()
    assert not superuser.check_password("Overgenomen-2026!")
    assert superuser.email != "overgenomen@example.org"
