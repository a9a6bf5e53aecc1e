"""The import flow is monitoring.services' (issue 23): the page validates its forms and calls the services, which
check who acts and refuse in Dutch; the commit form is honoured (an invalid one starts nothing); an upload without a
file never commits the file still waiting."""

from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest
import tablib

from kern.models import Achtergrondtaak, Taaksoort
from monitoring import services
from monitoring.models import Import, Meting
from monitoring.resources import MetingResource
from tests.achtergrondtaken import import_proef, met_taken
from tests.monitoring.bestanden import csv_bestand

KOP = "indicator;periode;wijk;soort;waarde;bron"
GEEN_BESTAND = "Er staat geen bestand klaar; upload het bestand opnieuw."
NOG_BEZIG = "Het bestand wordt nog gecontroleerd; importeer het als het voorbeeld er staat."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def beheer_client(client, monitoring, beheerder):
    client.force_login(beheerder)
    return client


def commits() -> int:
    return Achtergrondtaak.objects.filter(soort=Taaksoort.IMPORT_DOORVOEREN).count()


def meldingen(antwoord) -> list[str]:
    return [str(m) for m in get_messages(antwoord.wsgi_request)]


@pytest.mark.django_db
def test_a_commit_with_an_invalid_choice_starts_no_job_and_says_why(beheer_client):
    """Skipping the invalid cells is a deliberate choice: a value the checkbox never sends is no yes."""
    import_proef(
        beheer_client, csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT", "onbekend;2023;;realisatie;1;KT"])
    )
    controle = Achtergrondtaak.objects.get(soort=Taaksoort.IMPORT_CONTROLEREN)
    antwoord = met_taken(
        lambda: beheer_client.post(
            reverse("monitoring:import"), {"doorvoeren": "1", "alleen_geldige": "misschien"}
        )
    )
    assert antwoord.status_code == 302
    assert antwoord.url == f"{reverse('monitoring:import')}?taak={controle.pk}"  # back to the preview
    assert commits() == 0 and Import.objects.count() == 0
    assert any("vink het vakje aan, of laat het leeg" in m for m in meldingen(antwoord))
    # Chosen as the page offers it, the same preview commits the valid values.
    antwoord = met_taken(
        lambda: beheer_client.post(reverse("monitoring:import"), {"doorvoeren": "1", "alleen_geldige": "on"})
    )
    assert commits() == 1 and Import.objects.get().alleen_geldige is True


@pytest.mark.django_db
def test_an_upload_without_a_file_never_commits_the_file_still_waiting(beheer_client):
    """ "Controleren" clicked without choosing a file sends no file; it used to commit the previewed one."""
    import_proef(beheer_client, csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT"]))
    antwoord = met_taken(lambda: beheer_client.post(reverse("monitoring:import"), {}))
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["bestand"]
    assert commits() == 0 and Import.objects.count() == 0


@pytest.mark.django_db
def test_a_commit_while_the_check_runs_gets_the_same_dutch_message(beheer_client):
    met_taken(
        lambda: beheer_client.post(
            reverse("monitoring:import"), {"bestand": csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT"])}
        ),
        uitvoeren=False,
    )
    antwoord = beheer_client.post(reverse("monitoring:import"), {"doorvoeren": "1"})
    assert (antwoord.status_code, antwoord.url) == (302, reverse("monitoring:import"))
    assert meldingen(antwoord) == [NOG_BEZIG] and commits() == 0


@pytest.mark.django_db
def test_the_import_services_refuse_who_may_not_import(monitoring, gebruiker, beheerder):
    manager = gebruiker("manager")
    with pytest.raises(PermissionDenied):
        services.import_aanbieden(bestand=csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT"]), door=manager)
    with pytest.raises(PermissionDenied):
        services.import_direct_doorvoeren(
            bestand=csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT"]), door=manager
        )
    with pytest.raises(PermissionDenied):
        services.import_doorvoeren_starten(controle=None, door=manager, alleen_geldige=False)
    record = Import.objects.create(gebruiker=beheerder, bestandsnaam="m.csv", sha256="0" * 64)
    with pytest.raises(PermissionDenied):
        services.import_ongedaan_maken_starten(import_record=record, door=manager)
    assert not Achtergrondtaak.objects.exists()


@pytest.mark.django_db
def test_the_commit_service_refuses_in_dutch_what_is_not_ready(
    monitoring, beheerder, gebruiker, django_user_model
):
    def weigering(**kwargs) -> list[str]:
        with pytest.raises(ValidationError) as fout:
            services.import_doorvoeren_starten(alleen_geldige=False, **kwargs)
        return fout.value.messages

    assert weigering(controle=None, door=beheerder) == [GEEN_BESTAND]
    taak = services.import_aanbieden(
        bestand=csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT"]), door=beheerder
    )
    assert weigering(controle=taak, door=beheerder) == [NOG_BEZIG]  # waiting for the worker
    collega = django_user_model.objects.create_user("collega", password="x" * 12)
    collega.groups.set(beheerder.groups.all())
    assert weigering(controle=taak, door=collega) == [GEEN_BESTAND]  # another user's check is not yours
    assert not Achtergrondtaak.objects.filter(soort=Taaksoort.IMPORT_DOORVOEREN).exists()


@pytest.mark.django_db
def test_the_resource_never_writes(monitoring):
    """The admin's preview resource is no write path: a commit through it is refused, nothing written."""
    dataset = tablib.Dataset(["6.1.1.1", "2023", "", "realisatie", "48", "KT"])
    dataset.headers = ["indicator", "periode", "wijk", "soort", "waarde", "bron"]
    aantal = Meting.objects.count()
    with pytest.raises(RuntimeError):
        MetingResource().import_data(dataset, dry_run=False)
    assert Meting.objects.count() == aantal
    assert not MetingResource().import_data(dataset, dry_run=True).has_errors()
