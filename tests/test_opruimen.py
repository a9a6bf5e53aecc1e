"""Issue 30: what the background jobs leave on disk and in the queue, and `manage.py opruimen` that tidies it.

- The uploaded file behind every Import is kept, content-addressed (MEDIA_ROOT/imports/<sha256>.<ext>), for as
  long as the Import exists; only uploads no Import references go, after IMPORT_BESTANDEN_BEWAARDAGEN.
- Files made for download (the XLSX export) go after EXPORT_BEWAARUREN; the job page then says so in Dutch.
- Progress files of long-ended jobs go.
- A job whose worker was killed is ended in the database: mislukt here, FAILED in django-tasks' queue.

Every job runs through the pages and the real queue (tests/achtergrondtaken.py); the command runs as
`call_command("opruimen")`, as cron would run it.
"""

import hashlib
import json
import os
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from bronnen.laden import Verslag
from kern import taken as kern_taken
from kern.models import Achtergrondtaak, Taaksoort, Taakstatus
from monitoring.laden import laad_monitoring
from monitoring.models import Import
from tests.achtergrondtaken import import_doorvoeren, import_proef, met_taken, taakpagina, werker_draaien
from tests.monitoring.bestanden import csv_bestand

KOP = "indicator;periode;wijk;soort;waarde;bron"


def regels(jaar: int, waarde: str) -> list[str]:
    """A small valid file; a different year or value gives different content, so a different sha256."""
    return [KOP, f"6.1.1.1;{jaar};;realisatie;{waarde}%;KT"]


def inhoud(regels_: list[str]) -> bytes:
    return csv_bestand(regels_).read()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def beheer_client(client, programma):
    laad_monitoring(Verslag())
    client.force_login(User.objects.get(username="beheerder"))
    return client


def committen(client, regels_):
    """Upload → check job → preview → "Importeren" → commit job; the Import it made."""
    assert import_proef(client, csv_bestand(regels_)).status_code == 200
    pagina = import_doorvoeren(client).content.decode()
    assert "Klaar" in pagina, pagina
    return Import.objects.order_by("-pk").first()


def verouderen(pad: Path, dagen: float) -> None:
    """Set a file's time `dagen` days back, as if it was last uploaded or written then."""
    tijd = time.time() - dagen * 24 * 3600
    os.utime(pad, (tijd, tijd))


def opruimen() -> str:
    uit = StringIO()
    call_command("opruimen", stdout=uit)
    return uit.getvalue()


# --- 1. Import evidence kept ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_committed_import_keeps_its_file_under_its_sha256(beheer_client, settings):
    bestanden = [regels(2021, "46"), regels(2022, "47,2"), regels(2023, "48,1")]
    imports = [committen(beheer_client, r) for r in bestanden]
    assert len({i.pk for i in imports}) == 3
    for record, regels_ in zip(imports, bestanden, strict=True):
        verwacht = inhoud(regels_)
        assert record.sha256 == hashlib.sha256(verwacht).hexdigest()
        # Content-addressed, and the Import names its own file.
        assert record.bestand == f"imports/{record.sha256}.csv"
        assert record.bestandspad == Path(settings.MEDIA_ROOT) / "imports" / f"{record.sha256}.csv"
        assert record.bestandspad.read_bytes() == verwacht
    assert len(list((Path(settings.MEDIA_ROOT) / "imports").iterdir())) == 3


@pytest.mark.django_db
def test_opruimen_removes_only_old_uploads_that_no_import_references(beheer_client, settings):
    map_ = Path(settings.MEDIA_ROOT) / "imports"
    gebruikt = committen(beheer_client, regels(2022, "47,2"))
    # Checked, never committed: one long ago, one today.
    import_proef(beheer_client, csv_bestand(regels(2020, "45")))
    import_proef(beheer_client, csv_bestand(regels(2019, "44")))
    naam_oud = f"{hashlib.sha256(inhoud(regels(2020, '45'))).hexdigest()}.csv"
    naam_nieuw = f"{hashlib.sha256(inhoud(regels(2019, '44'))).hexdigest()}.csv"
    dagen = settings.IMPORT_BESTANDEN_BEWAARDAGEN + 1
    verouderen(gebruikt.bestandspad, 10 * dagen)  # the evidence is kept however old it is
    verouderen(map_ / naam_oud, dagen)
    verouderen(map_ / naam_nieuw, settings.IMPORT_BESTANDEN_BEWAARDAGEN - 1)

    assert "1 ongebruikte upload(s) verwijderd" in opruimen()
    assert sorted(p.name for p in map_.iterdir()) == sorted([Path(gebruikt.bestand).name, naam_nieuw])
    assert gebruikt.bestandspad.read_bytes() == inhoud(regels(2022, "47,2"))


@pytest.mark.django_db
def test_uploading_the_same_file_again_renews_its_retention(beheer_client, settings):
    """The retention counts from the last upload: an old copy of a file uploaded again today is not removed."""
    map_ = Path(settings.MEDIA_ROOT) / "imports"
    import_proef(beheer_client, csv_bestand(regels(2020, "45")))
    (pad,) = map_.iterdir()
    verouderen(pad, settings.IMPORT_BESTANDEN_BEWAARDAGEN + 1)
    import_proef(beheer_client, csv_bestand(regels(2020, "45")))
    opruimen()
    assert pad.exists()


@pytest.mark.django_db
def test_the_file_of_a_waiting_commit_is_not_removed(beheer_client, settings):
    """ "Importeren" on an old preview: the file the queued commit job will read stays, and is committed."""
    import_proef(beheer_client, csv_bestand(regels(2020, "45")))
    (pad,) = (Path(settings.MEDIA_ROOT) / "imports").iterdir()
    verouderen(pad, settings.IMPORT_BESTANDEN_BEWAARDAGEN + 1)
    antwoord = met_taken(
        lambda: beheer_client.post(reverse("monitoring:import"), {"doorvoeren": "1"}), uitvoeren=False
    )
    verouderen(pad, settings.IMPORT_BESTANDEN_BEWAARDAGEN + 1)  # even when its time was not renewed
    opruimen()
    assert pad.exists()
    werker_draaien()
    assert "Klaar" in taakpagina(beheer_client, antwoord).content.decode()
    assert Import.objects.get().bestandspad == pad


# --- 2. Exports expire ------------------------------------------------------------------------------------------


@pytest.fixture
def manager_client(client, programma):
    laad_monitoring(Verslag())
    client.force_login(User.objects.get(username="manager"))
    return client


def exporteren(client) -> Achtergrondtaak:
    pagina = taakpagina(client, met_taken(lambda: client.post(reverse("monitoring:export"))))
    taak = pagina.context["taak"]
    assert taak.status == Taakstatus.GESLAAGD and taak.bestand
    return taak


@pytest.mark.django_db
def test_an_export_expires_after_export_bewaaruren_and_its_page_says_so(manager_client, settings):
    oud, vers = exporteren(manager_client), exporteren(manager_client)
    oud_pad, vers_pad = (Path(settings.MEDIA_ROOT) / t.bestand for t in (oud, vers))
    assert oud_pad.is_file() and vers_pad.is_file()
    Achtergrondtaak.objects.filter(pk=oud.pk).update(
        klaar=timezone.now() - timedelta(hours=settings.EXPORT_BEWAARUREN, minutes=1)
    )
    # A file no job names (a worker killed while writing it), older than the retention: it goes too.
    wees = Path(settings.MEDIA_ROOT) / "exports" / "99999-afgebroken.xlsx"
    wees.write_bytes(b"half")
    verouderen(wees, 2)

    uitvoer = opruimen()
    assert "2 verlopen export(s)" in uitvoer
    assert not oud_pad.exists() and not wees.exists()
    assert vers_pad.is_file()  # within its hours: kept and still downloadable
    assert manager_client.get(reverse("kern:taak_bestand", args=[vers.pk])).status_code == 200

    pagina = manager_client.get(reverse("kern:taak", args=[oud.pk]))
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert f"een gemaakt bestand wordt {settings.EXPORT_BEWAARUREN} uur bewaard" in html
    assert 'id="taak-bestand"' not in html  # no download link to a file that is gone
    # An old download link leads to that page, not to a 404 or 500.
    download = manager_client.get(reverse("kern:taak_bestand", args=[oud.pk]), follow=True)
    assert download.redirect_chain == [(reverse("kern:taak", args=[oud.pk]), 302)]
    assert "Het bestand is verwijderd" in download.content.decode()


@pytest.mark.django_db
def test_progress_files_of_long_ended_jobs_are_removed(manager_client, settings):
    oud, vers = exporteren(manager_client), exporteren(manager_client)
    map_ = Path(settings.MEDIA_ROOT) / "taken"
    assert {p.name for p in map_.iterdir()} == {f"{oud.pk}.json", f"{vers.pk}.json"}
    Achtergrondtaak.objects.filter(pk=oud.pk).update(
        klaar=timezone.now() - timedelta(days=settings.IMPORT_BESTANDEN_BEWAARDAGEN + 1)
    )
    opruimen()
    assert {p.name for p in map_.iterdir()} == {f"{vers.pk}.json"}


# --- 4. Dead jobs swept -----------------------------------------------------------------------------------------


def _als_gestopte_werker(taak: Achtergrondtaak, *, minuten: float) -> None:
    """What a worker killed `minuten` ago leaves: the job bezig, its queue row RUNNING, a silent heartbeat."""
    gestart = timezone.now() - timedelta(minutes=minuten + 1)
    Achtergrondtaak.objects.filter(pk=taak.pk).update(status=Taakstatus.BEZIG, gestart=gestart)
    DBTaskResult.objects.filter(id=taak.taak_id).update(status="RUNNING", started_at=gestart)
    pad = kern_taken._voortgangsbestand(taak.pk)
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(json.dumps({"gedaan": 1, "totaal": 2, "hartslag": time.time() - minuten * 60}))


@pytest.mark.django_db
def test_a_job_whose_worker_was_killed_is_ended_here_and_in_the_queue(manager_client, settings):
    exporteren_ = lambda: manager_client.post(reverse("monitoring:export"))  # noqa: E731
    met_taken(exporteren_, uitvoeren=False)
    dood = Achtergrondtaak.objects.get()
    _als_gestopte_werker(dood, minuten=settings.TAKEN_HARTSLAG_MINUTEN + 1)
    met_taken(exporteren_, uitvoeren=False)  # the dead job does not hold the user's export: a new one queues
    levend = Achtergrondtaak.objects.exclude(pk=dood.pk).get()
    _als_gestopte_werker(levend, minuten=0)  # a fresh heartbeat: still running

    assert "1 onderbroken taak/taken afgesloten" in opruimen()
    dood.refresh_from_db()
    levend.refresh_from_db()
    assert (dood.status, dood.melding) == (Taakstatus.MISLUKT, kern_taken.ONDERBROKEN)
    assert dood.klaar is not None and dood.gedaan == 1
    rij = DBTaskResult.objects.get(id=dood.taak_id)
    assert rij.status == "FAILED" and rij.finished_at is not None
    assert rij.exception_class_path == "kern.taken.TaakOnderbroken"
    assert levend.status == Taakstatus.BEZIG
    assert DBTaskResult.objects.get(id=levend.taak_id).status == "RUNNING"
    # Running it again changes nothing more.
    assert "0 onderbroken" in opruimen()


@pytest.mark.django_db
def test_a_job_claimed_by_a_worker_that_died_before_starting_it_is_ended(manager_client, settings):
    met_taken(lambda: manager_client.post(reverse("monitoring:export")), uitvoeren=False)
    taak = Achtergrondtaak.objects.get()
    assert taak.soort == Taaksoort.EXPORT_XLSX and taak.status == Taakstatus.WACHTEND
    DBTaskResult.objects.filter(id=taak.taak_id).update(
        status="RUNNING",
        started_at=timezone.now() - timedelta(minutes=settings.TAKEN_HARTSLAG_MINUTEN + 1),
    )
    assert kern_taken.dode_taken_afsluiten() == [taak.pk]
    taak.refresh_from_db()
    assert (taak.status, taak.melding) == (Taakstatus.MISLUKT, kern_taken.ONDERBROKEN)
    assert DBTaskResult.objects.get(id=taak.taak_id).status == "FAILED"
