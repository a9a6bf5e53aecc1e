"""
Monitoring's background jobs: checking and committing an import, undoing one, the XLSX export.

The import jobs are started by monitoring.services.importstroom, which stores the upload and checks who may
import (the admin's confirmed import goes through that module too, committed in its request); here they run. They
take the services from their modules (monitoring.services.importeren, .ongedaan), so either side may load first.

Each is a django-tasks task run by `manage.py db_worker`; `kern.taken.uitvoering` marks the job and carries
its progress. The arguments are JSON (ids and file names): the worker is another process than the request.

Uploaded files are content-addressed: MEDIA_ROOT/imports/<sha256>.<ext>. A committed file is the evidence behind
its Import (`Import.bestand`) and is kept as long as the Import exists; `verweesde_uploads_opruimen` removes only
uploads no Import references, IMPORT_BESTANDEN_BEWAARDAGEN after their last upload.
"""

import os
import pickle
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from django_tasks import task

from kern.models import Achtergrondtaak, Taaksoort, Taakstatus
from kern.taken import TaakGeweigerd, map_exports, map_taken, uitvoering
from monitoring import export as exporteren
from monitoring.models import Import
from monitoring.services.importeren import ImportGeweigerd, Importresultaat, metingen_importeren
from monitoring.services.ongedaan import import_ongedaan_maken

XLSX_NAAM = "indicatoren-en-metingen.xlsx"
IMPORTMAP = "imports"
IMPORT_TAAKSOORTEN = (Taaksoort.IMPORT_CONTROLEREN, Taaksoort.IMPORT_DOORVOEREN)


def opslag() -> FileSystemStorage:
    """Uploaded files, named by their sha256: they wait here between the check and the commit, and a committed
    file stays as the evidence behind its Import. The worker reads them from here too.

    MEDIA_ROOT is not served over HTTP: only the application reads these files.
    """
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / IMPORTMAP)


def upload_bewaren(upload, naam: str) -> None:
    """Keep an upload under its content address `naam` (<sha256>.<ext>), once.

    The same content uploaded again is the same file; its time is renewed, because the retention of a file no
    Import references counts from its last upload (`verweesde_uploads_opruimen`).
    """
    if opslag().exists(naam):
        in_gebruik(naam)
    else:
        opslag().save(naam, upload)


def in_gebruik(naam: str) -> None:
    """Renew the file's time: it is about to be read (a commit), so the retention must not remove it now."""
    try:
        os.utime(opslag().path(naam))
    except FileNotFoundError:
        pass


def verweesde_uploads_opruimen() -> list[str]:
    """Remove uploads that no Import references and that were last uploaded IMPORT_BESTANDEN_BEWAARDAGEN ago.

    Such a file was checked but never committed. A file an Import references is never removed (it is the
    evidence behind the import, and backed up with MEDIA_ROOT), nor one a waiting or running import job reads.
    Returns the names removed.
    """
    map_ = Path(opslag().location)
    if not map_.is_dir():
        return []
    grens = time.time() - settings.IMPORT_BESTANDEN_BEWAARDAGEN * 24 * 3600
    bewaard = {Path(b).name for b in Import.objects.exclude(bestand="").values_list("bestand", flat=True)}
    # An Import from before `bestand` was recorded still has its sha256: its file (if any) is kept too.
    sha256 = set(Import.objects.filter(bestand="").values_list("sha256", flat=True))
    bewaard |= {
        str(b)
        for b in Achtergrondtaak.objects.filter(
            soort__in=IMPORT_TAAKSOORTEN, status__in=(Taakstatus.WACHTEND, Taakstatus.BEZIG)
        ).values_list("resultaat__bestand", flat=True)
        if b
    }
    verwijderd = []
    for pad in map_.iterdir():
        if not pad.is_file() or pad.name in bewaard or pad.name.split(".", 1)[0] in sha256:
            continue
        if pad.stat().st_mtime < grens:
            pad.unlink(missing_ok=True)
            verwijderd.append(pad.name)
    return verwijderd


def _voorbeeld_pad(taak_id: int) -> Path:
    """Beside the job's progress file (not among the uploads, which hold only the users' own files)."""
    return map_taken() / f"{int(taak_id)}.voorbeeld.pickle"


def voorbeeld_lezen(taak: Achtergrondtaak) -> Importresultaat | None:
    """The preview (Importresultaat) a finished check job stored, or None if it is gone.

    Pickle, because the preview is the service's own result object (analysis with its proposals) and the page
    renders it exactly as the request used to. Unpickling untrusted bytes would run code; these bytes are safe
    because only the worker writes them, under a name made from the job's id (never from the request), in
    MEDIA_ROOT, which is not served and not writable over HTTP.
    """
    if taak.soort != Taaksoort.IMPORT_CONTROLEREN or taak.status != Taakstatus.GESLAAGD:
        return None
    try:
        with _voorbeeld_pad(taak.pk).open("rb") as bestand:
            return pickle.load(bestand)  # noqa: S301 (server-written, see above)
    except FileNotFoundError:
        return None


@task()
def import_controleren(*, taak_id: int, bestand: str, bestandsnaam: str) -> None:
    """The dry run of an uploaded file: analyse it and keep the preview for the import page."""
    with uitvoering(taak_id) as stap:
        if stap is None:
            return
        with opslag().open(bestand, "rb") as inhoud:
            resultaat = metingen_importeren(
                bestand=inhoud,
                bestandsnaam=bestandsnaam,
                gebruiker=stap.taak.gebruiker,
                voortgang=stap.voortgang,
            )
        pad = _voorbeeld_pad(taak_id)
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = pad.with_suffix(".tmp")
        with tijdelijk.open("wb") as uit:
            pickle.dump(resultaat, uit, protocol=pickle.HIGHEST_PROTOCOL)
        tijdelijk.replace(pad)
        stap.resultaat = {
            "url": f"{reverse('monitoring:import')}?taak={taak_id}",
            "link_tekst": "Bekijk het voorbeeld",
            "bestand": bestand,
            "bestandsnaam": bestandsnaam,
        }
        stap.melding = (
            resultaat.bestandsfout or f"{resultaat.bestandsnaam} is gecontroleerd; bekijk het voorbeeld."
        )


@task()
def import_doorvoeren(
    *, taak_id: int, bestand: str, bestandsnaam: str, alleen_geldige: bool, controle_taak_id: int
) -> None:
    """Commit a checked file (one transaction in the service: a failure leaves the data as it was)."""
    with uitvoering(taak_id) as stap:
        if stap is None:
            return
        terug = f"{reverse('monitoring:import')}?taak={int(controle_taak_id)}"
        stap.resultaat = {"terug_url": terug, "terug_tekst": "Terug naar het voorbeeld"}
        if not opslag().exists(bestand):
            raise TaakGeweigerd("Het bestand staat niet meer klaar; upload het opnieuw.")
        in_gebruik(bestand)
        with opslag().open(bestand, "rb") as inhoud:
            resultaat = metingen_importeren(
                bestand=inhoud,
                bestandsnaam=bestandsnaam,
                gebruiker=stap.taak.gebruiker,
                doorvoeren=True,
                alleen_geldige=alleen_geldige,
                voortgang=stap.voortgang,
                bewaard_als=f"{IMPORTMAP}/{bestand}",
            )
        if not resultaat.doorgevoerd:
            raise TaakGeweigerd(" ".join([resultaat.bestandsfout, *resultaat.meldingen]).strip())
        # The file stays: it is the evidence behind the Import (Import.bestand). Only the preview goes.
        _voorbeeld_pad(controle_taak_id).unlink(missing_ok=True)
        stap.resultaat = {
            "import": resultaat.import_record.pk,
            "terug_url": reverse("monitoring:import"),
            "terug_tekst": "Naar de importpagina",
        }
        stap.melding = " ".join(resultaat.meldingen)


@task()
def import_ongedaan_maken_taak(*, taak_id: int, import_id: int) -> None:
    """Undo an import (set-based, one transaction in the service)."""
    with uitvoering(taak_id) as stap:
        if stap is None:
            return
        stap.resultaat = {"terug_url": reverse("monitoring:import"), "terug_tekst": "Naar de importpagina"}
        record = Import.objects.get(pk=import_id)
        try:
            import_ongedaan_maken(
                import_record=record, gebruiker=stap.taak.gebruiker, voortgang=stap.voortgang
            )
        except ImportGeweigerd as exc:
            raise TaakGeweigerd(str(exc)) from exc
        stap.melding = f"De import van {record.bestandsnaam} is ongedaan gemaakt."


@task()
def export_xlsx(*, taak_id: int) -> None:
    """The monitoring export as XLSX, written to a file (constant memory) and downloaded when ready."""
    with uitvoering(taak_id) as stap:
        if stap is None:
            return
        # An unguessable name: the download goes through the job page's access check, but the name is no hint.
        pad = map_exports() / f"{int(taak_id)}-{secrets.token_hex(8)}.xlsx"
        pad.parent.mkdir(parents=True, exist_ok=True)
        exporteren.xlsx_schrijven(stap.taak.gebruiker, pad, voortgang=stap.voortgang)
        # Removed EXPORT_BEWAARUREN after the job by `manage.py opruimen` (kern.taken.verlopen_bestanden_opruimen).
        stap.bestand = str(pad.relative_to(settings.MEDIA_ROOT))
        stap.resultaat = {"bestandsnaam": XLSX_NAAM, "terug_url": reverse("monitoring:export")}
        stap.melding = "Het bestand is klaar."
