"""Editions cost the same number of SQL queries whatever the programme's size or the number of editions."""

import datetime
import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.constants import Rol
from rapportage import services
from tests.accounts.factories import UserFactory
from tests.actielijnen.test_queries import _activiteiten, _updates

pytestmark = pytest.mark.django_db

PEILDATUM = datetime.date(2025, 1, 31)
_dag = itertools.count()


def _peildatum() -> datetime.date:
    """A different day for every edition: one edition per moment, year, version and peildatum."""
    return PEILDATUM - datetime.timedelta(days=next(_dag))


def _queries(functie) -> int:
    with CaptureQueriesContext(connection) as context:
        functie()
    return len(context)


def _publiceer(manager, college, titel):
    rapportage = services.rapportage_aanmaken(
        door=manager, pc_moment="viermaandsrapportage", jaar=2025, titel=titel, peildatum=_peildatum()
    )
    services.vaststellen(rapportage=rapportage, door=college)
    return services.publiceren(rapportage=rapportage, door=college)


def test_making_a_snapshot_needs_the_same_queries_for_25_or_250_activities(pdf_als_stempel):
    trekker, manager = UserFactory(rollen=[Rol.TREKKER]), UserFactory(rollen=[Rol.MANAGER])
    activiteiten = _activiteiten(25, trekker=trekker, opdrachtgever=trekker)
    _updates(10, activiteiten=activiteiten, auteur=trekker)

    def maak():
        services.rapportage_aanmaken(
            door=manager, pc_moment="begroting", jaar=2025, titel="Meting", peildatum=_peildatum()
        )

    maak()  # warm per-process caches
    klein = _queries(maak)
    activiteiten += _activiteiten(225, trekker=trekker, opdrachtgever=trekker)
    _updates(990, activiteiten=activiteiten, auteur=trekker)
    assert _queries(maak) == klein


@pytest.mark.parametrize(
    ("rol", "pagina"),
    [
        (Rol.RAAD, "rapportage:raad"),
        (Rol.RAAD, "rapportage:editie_lijst"),
        (Rol.RAAD, "rapportage:editie"),
        (Rol.GRIFFIE, "rapportage:vergelijken"),
        (None, "rapportage:inwoners"),
    ],
)
def test_edition_pages_need_the_same_queries_for_1_or_10_editions_and_25_or_250_activities(
    client, pdf_als_stempel, rol, pagina
):
    trekker = UserFactory(rollen=[Rol.TREKKER])
    manager, college = UserFactory(rollen=[Rol.MANAGER]), UserFactory(rollen=[Rol.COLLEGE])
    _activiteiten(25, trekker=trekker, opdrachtgever=trekker)
    eerste = _publiceer(manager, college, "Eerste")
    tweede = _publiceer(manager, college, "Tweede")
    if rol:
        client.force_login(UserFactory(rollen=[rol]))

    def adres():
        if pagina == "rapportage:editie":
            return eerste.get_absolute_url()
        if pagina == "rapportage:vergelijken":
            return f"{reverse(pagina)}?oud={eerste.pk}&nieuw={tweede.pk}"
        return reverse(pagina)

    def open_():
        assert client.get(adres()).status_code == 200

    open_()
    klein = _queries(open_)
    _activiteiten(225, trekker=trekker, opdrachtgever=trekker)
    for i in range(8):
        _publiceer(manager, college, f"Editie {i}")
    assert _queries(open_) == klein
