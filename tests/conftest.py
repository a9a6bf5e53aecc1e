"""Shared fixtures. Test speed-ups live here, not in settings."""

import os
from datetime import date
from pathlib import Path

from django.db import transaction
from django.test import override_settings

import pytest

from accounts.models import User
from rapportage import services
from rapportage.programma_laden import laad_programma
from tests import programma_afdruk

# A fast hasher: password hashing would dominate the suite otherwise.
SNELLE_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _snelle_tests(settings):
    # A fast hasher: password hashing would dominate the suite otherwise.
    settings.PASSWORD_HASHERS = SNELLE_HASHERS
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


# Fixtures that need a database committed for real (a live server, a second connection): never inside the shared
# programme's open transaction.
_ECHTE_TRANSACTIES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def _deelt_programma(module: pytest.Module, items) -> bool:
    """True when every test of `module` uses the demo programme in a transaction that is rolled back: then the
    module loads it once and each test rolls back to it (a savepoint), instead of loading it anew per test."""
    eigen = [item for item in items if item.getparent(pytest.Module) is module]
    if not eigen:
        return False
    for item in eigen:
        namen = set(getattr(item, "fixturenames", ()))
        marker = item.get_closest_marker("django_db")
        if "programma" not in namen or namen & _ECHTE_TRANSACTIES:
            return False
        if marker is not None and (
            marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback")
        ):
            return False
    return True


_AFDRUKKEN: dict[str, programma_afdruk.Afdruk] = {}


def _demoprogramma():
    """The demo programme in the current transaction: put back from this worker's print of it (a few hundred
    milliseconds), taken on first use and again after a flush; PROGRAMMA_AFDRUK=0 loads it from fixtures/ each time."""
    if os.environ.get("PROGRAMMA_AFDRUK") == "0":
        with override_settings(PASSWORD_HASHERS=SNELLE_HASHERS):
            return laad_programma(demo=True)
    afdruk = _AFDRUKKEN.get("demo")
    if afdruk is None or not programma_afdruk.past(afdruk):
        # The demo passwords are hashed with the fast hasher the tests check them with.
        with override_settings(PASSWORD_HASHERS=SNELLE_HASHERS):
            afdruk = programma_afdruk.afdruk_maken(lambda: laad_programma(demo=True))
        if afdruk is None:  # pragma: no cover - only if loading ever changes rows that exist before it
            with override_settings(PASSWORD_HASHERS=SNELLE_HASHERS):
                return laad_programma(demo=True)
        _AFDRUKKEN["demo"] = afdruk
    programma_afdruk.terugzetten(afdruk)
    return afdruk.resultaat


@pytest.fixture(scope="module", autouse=True)
def _programma_per_module(request, django_db_blocker):
    """The demo programme loaded once per test module (per xdist worker), where every test of the module uses
    it; rolled back after the module. Module-scoped, so it is set up before any test's own transaction: each
    test's transaction is then a savepoint inside this one and rolls back to the freshly loaded programme.
    Putting it back from the worker's print costs a fraction of a load (tests/programma_afdruk.py); some 800
    tests use it."""
    # PROGRAMMA_PER_TEST=1: load it per test as before (to compare times, or to rule the sharing out).
    if os.environ.get("PROGRAMMA_PER_TEST") or not _deelt_programma(request.node, request.session.items):
        yield None
        return
    request.getfixturevalue("django_db_setup")
    # The function-scoped speed-ups (_snelle_tests) are not active yet: the demo passwords must be hashed with the
    # same fast hasher the tests check them with.
    with django_db_blocker.unblock(), transaction.atomic():
        resultaat = _demoprogramma()
        yield resultaat
        transaction.set_rollback(True)


@pytest.fixture
def programma(request, db):
    """The programme as `load_programma --demo` loads it (shared per module where every test uses it)."""
    gedeeld = request.getfixturevalue("_programma_per_module")
    return gedeeld if gedeeld is not None else _demoprogramma()


@pytest.fixture
def demo(programma):
    """The demo accounts by username (manager, college, raad, griffie, trekker, beheerder …)."""
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def maak_editie(demo):
    """maak_editie(peildatum=…, publiceren=True) → an edition made by the manager, set and published by the college."""

    def maak(*, peildatum=date(2024, 4, 30), publiceren=False, vaststellen=False, **velden):
        rapportage = services.rapportage_aanmaken(
            door=demo["manager"],
            pc_moment=velden.pop("pc_moment", "viermaandsrapportage"),
            jaar=velden.pop("jaar", peildatum.year),
            titel=velden.pop("titel", f"Viermaandsrapportage {peildatum.year}"),
            peildatum=peildatum,
            zaaknummer=velden.pop("zaaknummer", "3612345"),
            toelichtingen=velden.pop("toelichtingen", {"financien": "De besparingen lopen achter op Jeugd."}),
        )
        if vaststellen or publiceren:
            rapportage = services.vaststellen(rapportage=rapportage, door=demo["college"])
        if publiceren:
            rapportage = services.publiceren(rapportage=rapportage, door=demo["college"])
        return rapportage

    return maak


@pytest.fixture
def programma_zonder_demo(db):
    return laad_programma(demo=False)


# Browser tests: Playwright (Python) drives Debian's chromium; Playwright never downloads a browser here.
# Playwright's sync API runs an event loop in the test thread; without this Django refuses ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"De browsertests hebben {CHROMIUM} nodig: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    yield context.new_page()
    context.close()


@pytest.fixture
def axe():
    """Run axe-core (from npm) in a page; returns the violations as (id, impact, targets)."""
    source = AXE_JS.read_text(encoding="utf-8")

    def run(page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
        # Evaluated over the DevTools protocol, not as an inline <script>: the Content-Security-Policy
        # (script-src 'self') would refuse that, and the page runs under the real policy.
        page.evaluate(source)
        resultaat = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags)
        )
        return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in resultaat["violations"]]

    return run
