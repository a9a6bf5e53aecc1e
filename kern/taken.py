"""
Background jobs with a progress bar: the API every app uses to run long work outside the request.

django-tasks with its database backend (`django_tasks_db`) queues and runs the work (`manage.py db_worker`);
`Achtergrondtaak` is the job as its user sees it. Three parts:

- `taak_starten` (in the request): creates the record and queues a django-tasks task with the record's id and
  JSON arguments, once the request's transaction has committed (so the worker never picks up a job whose record
  or file it cannot see yet, and a rolled-back request queues nothing).
- `uitvoering` (in the worker): a context manager around the task function. It marks the job bezig, hands out a
  `voortgang(gedaan, totaal)` callback and ends the job geslaagd, or mislukt with a Dutch message.
- `taak_stand` / `taken_van` (selectors for the progress page and the import page).
- Housekeeping, run by `manage.py opruimen` (scheduled): `dode_taken_afsluiten` ends the jobs of a killed worker
  in the database (here and in django-tasks' queue), `verlopen_bestanden_opruimen` removes the files jobs made for
  download after EXPORT_BEWAARUREN, `oude_taakbestanden_opruimen` the progress files of long-ended jobs.

Expensive kinds (the XLSX export, a concept's PDF) are started with `taak_starten_eenmalig`, the one place of the
rule: while the user's equal job still waits or runs, a second click follows that job instead of queueing another
(twenty clicks on the export once kept both workers busy for ten minutes).

Progress goes OUT OF BAND, to MEDIA_ROOT/taken/<id>.json (written atomically with os.replace), never to the
database: the services run in one transaction, and on SQLite a second writing connection from the same job would
wait for that transaction ("database is locked"); on PostgreSQL the rows would only be visible after the commit.
A heartbeat thread touches the same file while the job runs, so a job whose worker was killed is recognisable
(no heartbeat for TAKEN_HARTSLAG_MINUTEN) and shown as mislukt. Because each service is one transaction, a failed
or killed job has changed nothing.
"""

import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kern.models import Achtergrondtaak, Taakstatus

logger = logging.getLogger(__name__)

HARTSLAG_SECONDEN = 10
# The progress file is rewritten at most this often: a callback per chunk of a few thousand rows is cheap, but
# a callback per row (a small chunk size) should not become a file write per row.
MIN_INTERVAL_SECONDEN = 0.25
ONVERWACHTE_FOUT = (
    "De taak is mislukt door een fout op de server; er is niets gewijzigd. Probeer het opnieuw; blijft het "
    "misgaan, neem dan contact op met de beheerder."
)
ONDERBROKEN = (
    "De taak is onderbroken: de verwerking is gestopt voordat hij klaar was. Er is niets gewijzigd; start de "
    "taak opnieuw."
)
WACHT_OP_VERWERKER = "De taak wacht nog op de achtergrondverwerker. Draait die niet (manage.py db_worker), dan blijft hij wachten."
AL_GESTART = (
    "U had deze taak al gestart en hij is nog niet klaar; hier volgt u hem. Er is geen tweede taak gestart."
)
BESTAND_VERLOPEN = (
    "Het bestand is verwijderd: een gemaakt bestand wordt {uren} uur bewaard. Start de taak opnieuw als u het "
    "nog nodig hebt."
)


def map_exports() -> Path:
    """Where jobs write the files they make for download; `Achtergrondtaak.bestand` names them."""
    return Path(settings.MEDIA_ROOT) / "exports"


def map_taken() -> Path:
    return Path(settings.MEDIA_ROOT) / "taken"


def _voortgangsbestand(taak_pk: int) -> Path:
    return map_taken() / f"{int(taak_pk)}.json"


def _schrijf_voortgang(taak_pk: int, gedaan: int, totaal: int | None) -> None:
    """Write gedaan/totaal and a heartbeat atomically: a reader sees the old file or the new one, never half."""
    pad = _voortgangsbestand(taak_pk)
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f"{pad.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tijdelijk.write_text(json.dumps({"gedaan": gedaan, "totaal": totaal, "hartslag": time.time()}))
    os.replace(tijdelijk, pad)


def _lees_voortgang(taak_pk: int) -> dict | None:
    try:
        return json.loads(_voortgangsbestand(taak_pk).read_text())
    except (FileNotFoundError, ValueError):
        return None


# --- Starting (in the request) ----------------------------------------------------------------------------------


def taak_starten(
    *, taak, soort: str, omschrijving: str, gebruiker, kenmerk: dict | None = None, **argumenten: Any
) -> Achtergrondtaak:
    """Create the job record and queue `taak` (a django-tasks Task) as `taak(taak_id=<record id>, **argumenten)`.

    The arguments must be JSON (ids, paths, flags), never model instances or file objects: the worker is another
    process. The task is queued when the current transaction commits (at once outside a transaction).
    `kenmerk` (JSON) is the record's `resultaat` until the job ends: what the job is about (an edition, a file),
    so that pages and housekeeping can find the job while it waits or runs.
    """
    record = Achtergrondtaak.objects.create(
        soort=soort, omschrijving=omschrijving[:300], gebruiker=gebruiker, resultaat=dict(kenmerk or {})
    )

    def in_de_wachtrij() -> None:
        resultaat = taak.enqueue(taak_id=record.pk, **argumenten)
        Achtergrondtaak.objects.filter(pk=record.pk).update(taak_id=str(resultaat.id))

    transaction.on_commit(in_de_wachtrij)
    return record


def lopende_taak(*, gebruiker, soort: str, kenmerk: dict | None = None) -> Achtergrondtaak | None:
    """The user's job of this kind (and `kenmerk`) that still waits or runs, or None.

    A job whose worker was killed stays "bezig" in the database until `dode_taken_afsluiten` ends it; `taak_stand`
    recognises it by its silent heartbeat, and it does not count.
    """
    taken = Achtergrondtaak.objects.filter(
        gebruiker=gebruiker, soort=soort, status__in=(Taakstatus.WACHTEND, Taakstatus.BEZIG)
    )
    for sleutel, waarde in (kenmerk or {}).items():
        taken = taken.filter(**{f"resultaat__{sleutel}": waarde})
    for taak in taken:
        if not taak_stand(taak).is_afgelopen:
            return taak
    return None


@transaction.atomic
def taak_starten_eenmalig(
    *, taak, soort: str, omschrijving: str, gebruiker, kenmerk: dict | None = None, **argumenten: Any
) -> tuple[Achtergrondtaak, bool]:
    """`taak_starten`, unless the user's equal job (same kind and `kenmerk`) still waits or runs: then that one.

    Returns (job, started): `started` is False when an existing job is reused; the page then says `AL_GESTART`.
    The user's row is locked, so two clicks at the same moment start one job (on SQLite the write transaction
    already serialises them).
    """
    list(get_user_model().objects.select_for_update().filter(pk=gebruiker.pk).values_list("pk"))
    bestaand = lopende_taak(gebruiker=gebruiker, soort=soort, kenmerk=kenmerk)
    if bestaand is not None:
        return bestaand, False
    record = taak_starten(
        taak=taak, soort=soort, omschrijving=omschrijving, gebruiker=gebruiker, kenmerk=kenmerk, **argumenten
    )
    return record, True


# --- Running (in the worker) ------------------------------------------------------------------------------------


class TaakGeweigerd(Exception):
    """Raised by a task function when the work is refused for a reason the user can act on (Dutch message)."""


@dataclass
class Uitvoering:
    """What a task function gets from `uitvoering`: the record, the progress callback, its result to fill in."""

    taak: Achtergrondtaak
    resultaat: dict = field(default_factory=dict)
    melding: str = ""
    bestand: str = ""
    gedaan: int = 0
    totaal: int | None = None
    _laatst: float = 0.0

    def voortgang(self, gedaan: int, totaal: int | None = None) -> None:
        """The `voortgang` callback for the services: rows done so far (and the total when known)."""
        self.gedaan, self.totaal = int(gedaan), (None if totaal is None else int(totaal))
        nu = time.monotonic()
        if nu - self._laatst >= MIN_INTERVAL_SECONDEN or (
            self.totaal is not None and self.gedaan >= self.totaal
        ):
            self._laatst = nu
            _schrijf_voortgang(self.taak.pk, self.gedaan, self.totaal)


@contextmanager
def uitvoering(taak_id: int) -> Iterator[Uitvoering | None]:
    """Run the body as job `taak_id`: bezig → geslaagd, or mislukt with a Dutch message.

    Yields None when the job is not waiting any more (run twice, or already ended): the body must then do
    nothing. `TaakGeweigerd` ends the job mislukt with its own message; any other exception ends it mislukt with
    a general Dutch message and is raised again, so django-tasks records the traceback for the beheerder.
    """
    bijgewerkt = Achtergrondtaak.objects.filter(pk=taak_id, status=Taakstatus.WACHTEND).update(
        status=Taakstatus.BEZIG, gestart=timezone.now()
    )
    if not bijgewerkt:
        yield None
        return
    stap = Uitvoering(taak=Achtergrondtaak.objects.get(pk=taak_id))
    _schrijf_voortgang(taak_id, 0, None)
    gestopt = threading.Event()

    def hartslag() -> None:
        while not gestopt.wait(HARTSLAG_SECONDEN):
            _schrijf_voortgang(taak_id, stap.gedaan, stap.totaal)

    draad = threading.Thread(target=hartslag, name=f"hartslag-taak-{taak_id}", daemon=True)
    draad.start()
    status, melding, fout = Taakstatus.GESLAAGD, "", None
    try:
        yield stap
        melding = stap.melding
    except TaakGeweigerd as exc:
        status, melding = Taakstatus.MISLUKT, str(exc)
    except Exception as exc:
        logger.exception("Achtergrondtaak %s is mislukt", taak_id)
        status, melding, fout = Taakstatus.MISLUKT, ONVERWACHTE_FOUT, exc
    finally:
        gestopt.set()
        draad.join()
    _schrijf_voortgang(taak_id, stap.gedaan, stap.totaal)
    Achtergrondtaak.objects.filter(pk=taak_id).update(
        status=status,
        klaar=timezone.now(),
        melding=melding,
        resultaat=stap.resultaat,
        bestand=stap.bestand,
        gedaan=stap.gedaan,
        totaal=stap.totaal,
    )
    if fout is not None:
        raise fout


# --- Reading (the progress page, the import page) ---------------------------------------------------------------


def taken_van(user, *, soorten=None, aantal: int = 10) -> list[Achtergrondtaak]:
    """The user's most recent jobs (of the given kinds), running or not, with their current state merged in."""
    taken = Achtergrondtaak.objects.filter(gebruiker=user)
    if soorten:
        taken = taken.filter(soort__in=soorten)
    return [taak_stand(taak) for taak in taken[:aantal]]


def taak_stand(taak: Achtergrondtaak) -> Achtergrondtaak:
    """The job with its live progress merged in from the progress file, and a killed job shown as mislukt.

    Reads a file, never writes: a job whose worker died stays "bezig" in the database (nothing is left to end
    it), and this is where it is recognised by its silent heartbeat.
    """
    if taak.is_afgelopen:
        return taak
    stand = _lees_voortgang(taak.pk)
    if stand is not None:
        taak.gedaan, taak.totaal = stand.get("gedaan") or 0, stand.get("totaal")
    grens = timedelta(minutes=settings.TAKEN_HARTSLAG_MINUTEN)
    if taak.status == Taakstatus.BEZIG:
        laatst = stand["hartslag"] if stand else (taak.gestart or taak.aangemaakt).timestamp()
        if time.time() - laatst > grens.total_seconds():
            taak.status, taak.melding = Taakstatus.MISLUKT, ONDERBROKEN
    elif taak.status == Taakstatus.WACHTEND and timezone.now() - taak.aangemaakt > timedelta(minutes=1):
        taak.melding = WACHT_OP_VERWERKER
    return taak


def taak_als_json(taak: Achtergrondtaak) -> dict:
    """What the polling script needs: status, counts, the Dutch texts; the result link is in the page itself."""
    return {
        "status": taak.status,
        "status_tekst": taak.get_status_display(),
        "afgelopen": taak.status in (Taakstatus.GESLAAGD, Taakstatus.MISLUKT),
        "gedaan": taak.gedaan,
        "totaal": taak.totaal,
        "eenheid": taak.eenheid,
        "melding": taak.melding,
    }


# --- Housekeeping (manage.py opruimen, scheduled) ---------------------------------------------------------------


class TaakOnderbroken(Exception):
    """Recorded in django-tasks' queue for a job whose worker stopped (the beheerder sees it in the admin)."""


def _hartslag_verstreken(taak: Achtergrondtaak) -> bool:
    # taak_stand also merges in the last progress from the file, which is then stored with the ended job.
    return taak.status == Taakstatus.BEZIG and taak_stand(taak).status == Taakstatus.MISLUKT


def dode_taken_afsluiten() -> list[int]:
    """End the jobs of a killed worker: mislukt (ONDERBROKEN) here, FAILED in django-tasks' queue.

    A job is dead when it is "bezig" and its heartbeat is older than TAKEN_HARTSLAG_MINUTEN (as `taak_stand` shows
    it), or when it still waits here while its queue row has been RUNNING that long (the worker died between
    claiming it and starting it). Nothing else ends such a job, and the queue would show it as running forever.
    Because every service writes in one transaction, the data of a dead job is unchanged. Returns the ended ids.
    """
    grens = timezone.now() - timedelta(minutes=settings.TAKEN_HARTSLAG_MINUTEN)
    dood = [
        taak for taak in Achtergrondtaak.objects.filter(status=Taakstatus.BEZIG) if _hartslag_verstreken(taak)
    ]
    wachtend = {
        taak.taak_id: taak
        for taak in Achtergrondtaak.objects.filter(status=Taakstatus.WACHTEND).exclude(taak_id="")
    }
    if wachtend:
        geclaimd = DBTaskResult.objects.filter(
            id__in=list(wachtend), status=TaskResultStatus.RUNNING, started_at__lt=grens
        ).values_list("id", flat=True)
        dood += [wachtend[str(taak_id)] for taak_id in geclaimd]
    afgesloten = []
    for taak in dood:
        nu = timezone.now()
        with transaction.atomic():
            # Only while still unfinished: a worker that was merely slow and has just ended the job wins.
            bijgewerkt = Achtergrondtaak.objects.filter(
                pk=taak.pk, status__in=(Taakstatus.WACHTEND, Taakstatus.BEZIG)
            ).update(
                status=Taakstatus.MISLUKT,
                melding=ONDERBROKEN,
                klaar=nu,
                gedaan=taak.gedaan,
                totaal=taak.totaal,
            )
            if not bijgewerkt:
                continue
            if taak.taak_id:
                DBTaskResult.objects.filter(
                    id=taak.taak_id, status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING)
                ).update(
                    status=TaskResultStatus.FAILED,
                    finished_at=nu,
                    return_value=None,
                    exception_class_path=f"{TaakOnderbroken.__module__}.{TaakOnderbroken.__qualname__}",
                    traceback=(
                        f"Geen hartslag sinds meer dan {settings.TAKEN_HARTSLAG_MINUTEN} minuten: de verwerker is "
                        "gestopt. Afgesloten door manage.py opruimen."
                    ),
                )
        afgesloten.append(taak.pk)
        logger.warning("Achtergrondtaak %s afgesloten: de verwerker was gestopt", taak.pk)
    return afgesloten


def _binnen_media(relatief: str) -> Path | None:
    """MEDIA_ROOT/relatief, or None if it points outside MEDIA_ROOT (never delete anything there)."""
    basis = Path(settings.MEDIA_ROOT).resolve()
    pad = (basis / relatief).resolve()
    return pad if basis in pad.parents else None


def verlopen_bestanden_opruimen() -> int:
    """Remove the files jobs made for download (exports, concept PDFs) EXPORT_BEWAARUREN after the job ended.

    The record is updated first (no file, the Dutch `BESTAND_VERLOPEN` as its message, `resultaat["verlopen"]`),
    so the job page never offers a download that is gone. Files in MEDIA_ROOT/exports that no job names (a job
    killed while writing) go after the same time, counted from their last change. Returns the number removed.
    """
    grens = timezone.now() - timedelta(hours=settings.EXPORT_BEWAARUREN)
    melding = BESTAND_VERLOPEN.format(uren=settings.EXPORT_BEWAARUREN)
    verwijderd = 0
    for taak in Achtergrondtaak.objects.filter(klaar__lt=grens).exclude(bestand=""):
        bijgewerkt = Achtergrondtaak.objects.filter(pk=taak.pk, bestand=taak.bestand).update(
            bestand="", melding=melding, resultaat={**taak.resultaat, "verlopen": True}
        )
        pad = _binnen_media(taak.bestand)
        if bijgewerkt and pad is not None and pad.is_file():
            pad.unlink(missing_ok=True)
            verwijderd += 1
    map_ = map_exports()
    if map_.is_dir():
        genoemd = set(Achtergrondtaak.objects.exclude(bestand="").values_list("bestand", flat=True))
        for pad in map_.iterdir():
            relatief = str(pad.relative_to(settings.MEDIA_ROOT))
            if pad.is_file() and relatief not in genoemd and pad.stat().st_mtime < grens.timestamp():
                pad.unlink(missing_ok=True)
                verwijderd += 1
    return verwijderd


def oude_taakbestanden_opruimen(ouder_dan: timedelta) -> int:
    """Remove the progress files (and previews) in MEDIA_ROOT/taken of jobs that ended longer than `ouder_dan` ago.

    Files are named after their job (`<id>.json`, `<id>.voorbeeld.pickle`); a file whose job is gone, or a left-over
    temporary file, goes when it has not changed for `ouder_dan`. A running job's file is never touched. Returns the
    number removed.
    """
    map_ = map_taken()
    if not map_.is_dir():
        return 0
    grens = timezone.now() - ouder_dan
    bestanden: dict[int, list[Path]] = {}
    los = []
    for pad in map_.iterdir():
        if not pad.is_file():
            continue
        begin = pad.name.split(".", 1)[0]
        if begin.isdigit() and not pad.name.endswith(".tmp"):
            bestanden.setdefault(int(begin), []).append(pad)
        else:
            los.append(pad)
    klaar_op = dict(Achtergrondtaak.objects.filter(pk__in=list(bestanden)).values_list("pk", "klaar"))
    weg = []
    for taak_pk, paden in bestanden.items():
        if taak_pk not in klaar_op:
            los.extend(paden)
        elif klaar_op[taak_pk] is not None and klaar_op[taak_pk] < grens:
            weg.extend(paden)
    weg += [pad for pad in los if pad.stat().st_mtime < grens.timestamp()]
    for pad in weg:
        pad.unlink(missing_ok=True)
    return len(weg)
