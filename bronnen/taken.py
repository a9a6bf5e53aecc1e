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
from django.db import transaction
from django.utils import timezone

from bronnen.models import Achtergrondtaak, Taakstatus

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


def taak_starten(*, taak, soort: str, omschrijving: str, gebruiker, **argumenten: Any) -> Achtergrondtaak:
    """Create the job record and queue `taak` (a django-tasks Task) as `taak(taak_id=<record id>, **argumenten)`.

    The arguments must be JSON (ids, paths, flags), never model instances or file objects: the worker is another
    process. The task is queued when the current transaction commits (at once outside a transaction).
    """
    record = Achtergrondtaak.objects.create(soort=soort, omschrijving=omschrijving[:300], gebruiker=gebruiker)

    def in_de_wachtrij() -> None:
        resultaat = taak.enqueue(taak_id=record.pk, **argumenten)
        Achtergrondtaak.objects.filter(pk=record.pk).update(taak_id=str(resultaat.id))

    transaction.on_commit(in_de_wachtrij)
    return record


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


def mag_taak_zien(user, taak: Achtergrondtaak) -> bool:
    """Only who started the job, and the beheerder (who sees every job), may see it."""
    return taak.gebruiker_id == user.pk or user.has_perm("bronnen.view_achtergrondtaak")


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
