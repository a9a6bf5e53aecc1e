"""The worker's print of the demo programme (tests/programma_afdruk.py) puts back what a load makes."""

from django.db import connection, transaction
from django.test import override_settings

import pytest

from accounts.models import User
from actielijnen.models import Activiteit
from monitoring.models import Meting
from rapportage.programma_laden import laad_programma
from tests import programma_afdruk
from tests.conftest import SNELLE_HASHERS

pytestmark = pytest.mark.django_db


def _aantallen() -> dict[str, int]:
    """Rows per table (ids and history times differ between two loads; how many rows there are may not)."""
    with connection.cursor() as cursor:
        return {t: len(programma_afdruk._rijen(cursor, t)[1]) for t in programma_afdruk._tabellen(cursor)}


def _kenmerken() -> tuple:
    return (
        sorted(Activiteit.objects.values_list("code", "naam", "status")),
        sorted(User.objects.values_list("username", "is_active")),
        sorted(map(str, Meting.objects.values_list("indicator__code", "periode", "soort", "waarde"))),
    )


def test_a_restored_print_equals_a_load():
    with override_settings(PASSWORD_HASHERS=SNELLE_HASHERS):
        with transaction.atomic():
            laad_programma(demo=True)
            geladen, kenmerken = _aantallen(), _kenmerken()
            transaction.set_rollback(True)
        afdruk = programma_afdruk.afdruk_maken(lambda: laad_programma(demo=True))
    assert afdruk is not None and programma_afdruk.past(afdruk)
    assert _aantallen() != geladen  # rolled back: the print is not in the database yet
    programma_afdruk.terugzetten(afdruk)
    assert _aantallen() == geladen
    assert _kenmerken() == kenmerken
    # The database goes on as after a load: a demo password checks, and a new row gets a key of its own.
    with override_settings(PASSWORD_HASHERS=SNELLE_HASHERS):
        assert User.objects.get(username="manager").check_password("Hengelo-demo-2025")
    nieuw = User.objects.create(username="nieuwe-collega")
    assert nieuw.pk > max(User.objects.exclude(pk=nieuw.pk).values_list("pk", flat=True))
