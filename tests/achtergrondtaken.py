"""Running background jobs in tests: the real django-tasks-db queue and its real worker, in this process.

pytest-django runs a test inside a transaction that is rolled back, so `transaction.on_commit` (where
kern.taken.taak_starten queues a job) never fires by itself. `met_taken` therefore captures the on-commit
callbacks of one request and runs them, exactly what the commit at the end of a real request would do, and then
runs the worker (`db_worker --batch`'s own Worker class) on this test's connection: it claims the queued rows,
runs the task functions and records their results, all visible to the test because it is one connection.
The worker's `close_old_connections` is skipped here: inside the test's transaction it would close the
connection (in production the worker process owns its connection). tests/test_achtergrondtaken.py also runs one
job through a real commit (`transaction=True`).
"""

from unittest import mock

from django.test import TestCase
from django.urls import reverse

from django_tasks_db.management.commands.db_worker import Worker


def werker_draaien() -> None:
    """Process every queued job, then stop (`manage.py db_worker --batch --no-startup-delay --interval 0`)."""
    werker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-werker",
        excluded_queue_names=[],
    )
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        werker.run()


def met_taken(verzoek, *, uitvoeren: bool = True):
    """Make a request (a callable), queue its jobs as its commit would, run them, and return its response."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        antwoord = verzoek()
    if uitvoeren:
        werker_draaien()
    return antwoord


def taakpagina(client, antwoord):
    """The job page a request redirected to (its jobs have run): status, message and the result links."""
    assert antwoord.status_code == 302 and antwoord.url.startswith("/taken/"), (
        antwoord.status_code,
        getattr(antwoord, "url", None),
    )
    return client.get(antwoord.url)


# --- The import page's steps, each through its background job ---------------------------------------------------


def import_proef(client, bestand):
    """Upload → the check job runs → the import page with its preview (or the form's refusal, no job)."""
    antwoord = met_taken(lambda: client.post(reverse("monitoring:import"), {"bestand": bestand}))
    if antwoord.status_code != 302:
        return antwoord
    taak = taakpagina(client, antwoord).context["taak"]
    assert taak.status == "geslaagd", taak.melding  # a check reports a bad file in its preview, never fails
    return client.get(taak.resultaat["url"])


def import_doorvoeren(client, **extra):
    """ "Importeren" → the commit job runs → its job page with the result (or refusal) message."""
    return taakpagina(
        client, met_taken(lambda: client.post(reverse("monitoring:import"), {"doorvoeren": "1", **extra}))
    )


def import_ongedaan_maken(client, pk):
    """ "Ja, maak ongedaan" → the undo job runs → its job page with the result message (or the refusal)."""
    url = reverse("monitoring:import_ongedaan_maken", args=[pk])
    antwoord = met_taken(lambda: client.post(url))
    if antwoord.status_code != 302:
        return antwoord  # refused before any job: the confirmation page with the Dutch reason (409)
    return taakpagina(client, antwoord)
