"""Background jobs (issue 14): queued with django-tasks-db, run by its worker, followed on the progress page.

Every job here goes through the pages (upload, "Importeren", "Ongedaan maken", export) and the real database
queue; tests/achtergrondtaken.py explains how the worker runs inside a test.
"""

import io
import json
import time
from decimal import Decimal

from django.urls import reverse
from django.utils import dateformat, timezone

import openpyxl
import pytest
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from bronnen.laden import Verslag
from kern import taken as kern_taken
from kern.models import Achtergrondtaak, Taakstatus
from monitoring.laden import laad_monitoring
from monitoring.models import Import, Meting
from tests.achtergrondtaken import met_taken, taakpagina, werker_draaien
from tests.monitoring.bestanden import csv_bestand

KOP = "indicator;periode;wijk;soort;waarde;bron"
REGELS = [KOP, "6.1.1.1;2023;;realisatie;48,1%;KT", "6.1.1.1;2021;;realisatie;46%;KT"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def gegevens(programma):
    """The demo programme with its users, plus monitoring's figures (as tests/monitoring/conftest.py loads them)."""
    laad_monitoring(Verslag())


def gebruiker(naam):
    return User.objects.get(username=naam)


@pytest.fixture
def beheer_client(client, gegevens):
    client.force_login(gebruiker("beheerder"))
    return client


def uploaden(client, regels, **kwargs):
    return met_taken(
        lambda: client.post(reverse("monitoring:import"), {"bestand": csv_bestand(regels)}), **kwargs
    )


def stand(client, taak):
    return client.get(reverse("kern:taak_stand", args=[taak.pk])).json()


@pytest.mark.django_db
def test_upload_queues_a_job_that_the_worker_runs_and_the_page_follows(beheer_client):
    beheerder = gebruiker("beheerder")
    antwoord = uploaden(beheer_client, REGELS, uitvoeren=False)
    taak = Achtergrondtaak.objects.get()
    assert antwoord.url == reverse("kern:taak", args=[taak.pk])
    assert (taak.gebruiker, taak.status, taak.soort) == (beheerder, "wachtend", "import_controleren")
    assert DBTaskResult.objects.get().status == "READY"
    pagina = beheer_client.get(antwoord.url).content.decode()
    assert "Wacht op verwerking" in pagina and "Vernieuwen" in pagina and "<progress" in pagina
    assert stand(beheer_client, taak)["afgelopen"] is False

    werker_draaien()
    taak.refresh_from_db()
    assert taak.status == "geslaagd" and DBTaskResult.objects.get().status == "SUCCESSFUL"
    pagina = beheer_client.get(antwoord.url)
    assert stand(beheer_client, taak) == {
        "status": "geslaagd",
        "status_tekst": "Klaar",
        "afgelopen": True,
        "gedaan": 2,
        "totaal": taak.totaal,
        "eenheid": "rijen",
        "melding": "metingen.csv is gecontroleerd; bekijk het voorbeeld.",
    }
    assert "Bekijk het voorbeeld" in pagina.content.decode()
    voorbeeld = beheer_client.get(pagina.context["taak"].resultaat["url"])
    assert voorbeeld.context["resultaat"].analyse.aantal_rijen == 2
    assert "Importeren" in voorbeeld.content.decode()
    # The import page lists the job, so the user can come back to it.
    assert (
        reverse("kern:taak", args=[taak.pk])
        in beheer_client.get(reverse("monitoring:import")).content.decode()
    )
    assert Meting.objects.filter(periode="2023", indicator__code="6.1.1.1", soort="realisatie").count() == 0


@pytest.mark.django_db
def test_the_progress_json_counts_up_while_the_job_runs(beheer_client, monkeypatch):
    monkeypatch.setattr(kern_taken, "MIN_INTERVAL_SECONDEN", 0)
    # 12.000 rows (unknown indicators: cheap to check), so the service reports several chunks.
    regels = [KOP] + [f"9.9.{i};2023;;realisatie;1;" for i in range(12_000)]
    uploaden(beheer_client, regels, uitvoeren=False)
    taak = Achtergrondtaak.objects.get()
    gezien = []
    schrijven = kern_taken._schrijf_voortgang

    def en_vraag_de_pagina(taak_pk, gedaan, totaal):
        schrijven(taak_pk, gedaan, totaal)
        # What the browser's poll would get at this moment, through the real view.
        gezien.append(stand(beheer_client, taak))

    monkeypatch.setattr(kern_taken, "_schrijf_voortgang", en_vraag_de_pagina)
    werker_draaien()
    lopend = [s["gedaan"] for s in gezien if s["status"] == "bezig"]
    assert len(set(lopend)) >= 3, lopend
    assert lopend == sorted(lopend) and lopend[-1] == 12_000
    taak.refresh_from_db()
    assert taak.status == "geslaagd" and taak.gedaan == 12_000


@pytest.mark.django_db
def test_a_job_that_fails_midway_leaves_the_data_as_it_was_and_says_so_in_dutch(beheer_client, monkeypatch):
    uploaden(beheer_client, REGELS)
    metingen, historie = Meting.objects.count(), Meting.history.count()

    def stuk(self, gedaan, totaal=None):
        if self.taak.soort == "import_doorvoeren" and gedaan:
            raise RuntimeError("schijf vol")  # after the first chunk was analysed and written

    monkeypatch.setattr(kern_taken.Uitvoering, "voortgang", stuk)
    pagina = taakpagina(
        beheer_client,
        met_taken(lambda: beheer_client.post(reverse("monitoring:import"), {"doorvoeren": "1"})),
    )
    taak = Achtergrondtaak.objects.get(soort="import_doorvoeren")
    assert taak.status == "mislukt" and taak.melding == kern_taken.ONVERWACHTE_FOUT
    assert "er is niets gewijzigd" in pagina.content.decode() and 'role="alert"' in pagina.content.decode()
    assert (Meting.objects.count(), Meting.history.count(), Import.objects.count()) == (metingen, historie, 0)
    assert (
        DBTaskResult.objects.get(id=taak.taak_id).status == "FAILED"
    )  # with the traceback, for the beheerder
    assert stand(beheer_client, taak)["status"] == "mislukt"


@pytest.mark.django_db
def test_a_job_whose_worker_was_killed_shows_as_failed(beheer_client, settings):
    uploaden(beheer_client, REGELS, uitvoeren=False)
    taak = Achtergrondtaak.objects.get()
    Achtergrondtaak.objects.filter(pk=taak.pk).update(status=Taakstatus.BEZIG)
    kern_taken._schrijf_voortgang(taak.pk, 1, 2)
    assert stand(beheer_client, taak)["status"] == "bezig"  # a fresh heartbeat: still running
    pad = kern_taken._voortgangsbestand(taak.pk)
    oud = time.time() - 60 * settings.TAKEN_HARTSLAG_MINUTEN - 1
    pad.write_text(json.dumps({"gedaan": 1, "totaal": 2, "hartslag": oud}))
    json_stand = stand(beheer_client, taak)
    assert (json_stand["status"], json_stand["melding"]) == ("mislukt", kern_taken.ONDERBROKEN)
    assert (
        "De taak is onderbroken" in beheer_client.get(reverse("kern:taak", args=[taak.pk])).content.decode()
    )


@pytest.mark.django_db
def test_a_refused_undo_ends_failed_with_the_services_dutch_reason(beheer_client):
    uploaden(beheer_client, REGELS)
    taakpagina(
        beheer_client,
        met_taken(lambda: beheer_client.post(reverse("monitoring:import"), {"doorvoeren": "1"})),
    )
    record = Import.objects.get()
    url = reverse("monitoring:import_ongedaan_maken", args=[record.pk])
    # Two clicks before the worker runs: both pass the page's check (nothing undone yet), so both jobs queue. The
    # first undoes the import; the service refuses the second inside its job, which ends failed with its reason.
    eerste, tweede = met_taken(lambda: (beheer_client.post(url), beheer_client.post(url)))
    assert "is ongedaan gemaakt" in taakpagina(beheer_client, eerste).content.decode()
    pagina = taakpagina(beheer_client, tweede).content.decode()
    assert "Deze import is al ongedaan gemaakt." in pagina and "Mislukt" in pagina
    # Once undone, the page itself refuses a further POST with the same reason (409) and queues no job.
    taken_voor = Achtergrondtaak.objects.count()
    derde = met_taken(lambda: beheer_client.post(url))
    assert derde.status_code == 409 and "Deze import is al ongedaan gemaakt." in derde.content.decode()
    assert Achtergrondtaak.objects.count() == taken_voor


@pytest.mark.django_db
def test_only_who_started_a_job_and_the_beheerder_see_it(client, gegevens):
    manager, beheerder, trekker = gebruiker("manager"), gebruiker("beheerder"), gebruiker("trekker")
    client.force_login(manager)
    met_taken(lambda: client.post(reverse("monitoring:export")))
    taak = Achtergrondtaak.objects.get()
    assert (taak.gebruiker, taak.status) == (manager, "geslaagd")
    adressen = [
        reverse(naam, args=[taak.pk]) for naam in ("kern:taak", "kern:taak_stand", "kern:taak_bestand")
    ]
    assert [client.get(a).status_code for a in adressen] == [200, 200, 200]
    client.force_login(trekker)
    assert [client.get(a).status_code for a in adressen] == [404, 404, 404]
    client.force_login(beheerder)  # sees the job, to help; the file itself stays the manager's
    assert [client.get(a).status_code for a in adressen] == [200, 200, 404]
    client.logout()
    assert all(client.get(a).status_code == 302 for a in adressen)


@pytest.mark.django_db
def test_the_xlsx_export_is_made_by_a_job_and_downloaded_when_ready(client, gegevens):
    client.force_login(gebruiker("manager"))
    pagina = client.get(reverse("monitoring:export"))
    assert pagina.status_code == 200 and "Excel-bestand maken" in pagina.content.decode()
    pagina = taakpagina(client, met_taken(lambda: client.post(reverse("monitoring:export"))))
    taak = pagina.context["taak"]
    assert taak.totaal and taak.gedaan == taak.totaal
    download = client.get(reverse("kern:taak_bestand", args=[taak.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="indicatoren-en-metingen.xlsx"'
    blad = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))["Metingen"]
    assert blad.max_row - 1 == Meting.objects.count()


@pytest.mark.django_db
def test_the_csv_export_streams_without_a_job(client, gegevens):
    client.force_login(gebruiker("manager"))
    antwoord = client.get(reverse("monitoring:export"), {"formaat": "csv"})
    assert antwoord.streaming and b"".join(antwoord.streaming_content).decode().startswith("\ufeff")
    assert not Achtergrondtaak.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_job_is_queued_by_the_real_commit_and_run_by_the_worker(client, gegevens):
    """No captured callbacks here: the request commits for real, on_commit queues, the worker sees the rows."""
    client.force_login(gebruiker("beheerder"))
    antwoord = client.post(reverse("monitoring:import"), {"bestand": csv_bestand(REGELS)})
    taak = Achtergrondtaak.objects.get()
    assert taak.taak_id == str(DBTaskResult.objects.get().id)  # queued after the commit
    werker_draaien()
    taak.refresh_from_db()
    assert taak.status == "geslaagd"
    assert "Bekijk het voorbeeld" in client.get(antwoord.url).content.decode()
    met_taken(lambda: client.post(reverse("monitoring:import"), {"doorvoeren": "1"}))
    assert Meting.objects.get(
        indicator__code="6.1.1.1", periode="2023", soort="realisatie", wijk=None, gebied=None
    ).waarde == Decimal("48.1")


def _tijdstip(moment) -> str:
    """As the job page writes a moment: "7 december 2026 om 17:23"."""
    return dateformat.format(timezone.localtime(moment), r"j F Y \o\m H:i")


@pytest.mark.django_db
def test_a_waiting_job_says_it_waits_for_the_verwerker_and_when_it_was_made(beheer_client):
    """Issue 30: a job the worker has not picked up has not started; its page must not say "gestart op"."""
    antwoord = uploaden(beheer_client, REGELS, uitvoeren=False)
    taak = Achtergrondtaak.objects.get()
    html = beheer_client.get(antwoord.url).content.decode()
    assert f"aangemaakt op {_tijdstip(taak.aangemaakt)}; wacht op de verwerker" in html
    assert "gestart op" not in html
    werker_draaien()
    taak.refresh_from_db()
    html = beheer_client.get(antwoord.url).content.decode()
    assert f"gestart op {_tijdstip(taak.gestart)}" in html
    assert "wacht op de verwerker" not in html


@pytest.mark.django_db
def test_a_second_export_click_follows_the_running_export_instead_of_queueing_another(client, gegevens):
    """Issue 30: 20 clicks on the XLSX export took both workers for 10 minutes; now one job per user at a time."""
    manager = gebruiker("manager")
    client.force_login(manager)
    url = reverse("monitoring:export")
    eerste, tweede = met_taken(lambda: (client.post(url), client.post(url, follow=True)), uitvoeren=False)
    taak = Achtergrondtaak.objects.get()
    assert DBTaskResult.objects.count() == 1
    assert eerste.url == reverse("kern:taak", args=[taak.pk])
    assert tweede.redirect_chain == [(eerste.url, 302)]
    assert kern_taken.AL_GESTART in tweede.content.decode()
    # Another user's export is their own job.
    client.force_login(gebruiker("beheerder"))
    met_taken(lambda: client.post(url), uitvoeren=False)
    assert Achtergrondtaak.objects.filter(gebruiker=manager).count() == 1
    assert Achtergrondtaak.objects.count() == 2
    # Once the job has ended, a new click makes a new export (with today's figures).
    werker_draaien()
    client.force_login(manager)
    derde = met_taken(lambda: client.post(url), uitvoeren=False)
    assert Achtergrondtaak.objects.filter(gebruiker=manager).count() == 2
    assert derde.url != eerste.url
