"""
Loads the whole programme from `fixtures/` into the database (`manage.py load_programma`).

Each app loads its own fixtures; this module, on the top floor, only composes them: the loaders bottom-up
(bronnen → actielijnen → monitoring → participatie, each needs what the floor below loaded), then the data-quality notes of
every app (a note may concern any app's object, so they come last, with the apps' lookups merged), then the demo
accounts. One transaction: all or nothing. Idempotent (bronnen/laden.py): a second run changes nothing and writes
no history.
"""

from django.db import transaction

from actielijnen import programma_laden as actielijnen_laden
from bronnen import laden as bronnen_laden
from bronnen.laden import Verslag, datakwaliteit_laden, lees_fixture
from monitoring import laden as monitoring_laden
from participatie import laden as participatie_laden

# Apps whose fixtures carry data-quality notes: each names its files (DATAKWALITEIT) and its lookups (OPZOEKEN).
_MET_DATAKWALITEIT = (bronnen_laden, actielijnen_laden, monitoring_laden, participatie_laden)


@transaction.atomic
def laad_programma(*, demo: bool = False) -> Verslag:
    """Load every fixture file; with demo=True also the demo accounts. All or nothing."""
    verslag = Verslag()
    bronnen_laden.laad_bronnen(verslag)
    actielijnen_laden.laad_actielijnen(verslag)
    monitoring_laden.laad_monitoring(verslag)
    participatie_laden.laad_participatie(verslag)
    opzoeken = _opzoeken()
    for app in _MET_DATAKWALITEIT:
        for pad in app.DATAKWALITEIT:
            datakwaliteit_laden(verslag, lees_fixture(pad).get("datakwaliteit", []), opzoeken)
    if demo:
        actielijnen_laden.laad_demo_gebruikers(verslag)
    return verslag


def _opzoeken() -> dict:
    """The apps' lookups by `onderwerp` kind, merged; a kind claimed by two apps is a programming error."""
    samen: dict = {}
    for app in _MET_DATAKWALITEIT:
        dubbel = samen.keys() & app.OPZOEKEN.keys()
        if dubbel:
            raise ValueError(f"Onderwerpsoort in meer dan één app: {', '.join(sorted(dubbel))}")
        samen.update(app.OPZOEKEN)
    return samen
