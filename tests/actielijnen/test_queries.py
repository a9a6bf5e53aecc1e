"""Every dashboard needs the same number of SQL queries for 25 or 250 activities and 10 or 1,000 updates."""

import datetime
import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.constants import Rol
from actielijnen.models import (
    Activiteit,
    Mijlpaal,
    Planningswijziging,
    Risico,
    Voortgangsrapportage,
)
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActielijnFactory, ActiviteitFactory

_teller = itertools.count()


def _activiteiten(aantal, *, trekker, opdrachtgever):
    lijnen = [ActielijnFactory(nummer=n) for n in (1, 2, 3, 4)]
    nieuwe = []
    for i in range(aantal):
        nummer = next(_teller)
        nieuwe.append(
            ActiviteitFactory.build(
                sleutel=f"bulk-{nummer}",
                actielijn=lijnen[i % 4],
                trekker=trekker,
                opdrachtgever=opdrachtgever,
                opdrachtnemer=opdrachtgever,
                opgavecoordinator=opdrachtgever,
            )
        )
    activiteiten = Activiteit.objects.bulk_create(nieuwe)
    Mijlpaal.objects.bulk_create(
        Mijlpaal(activiteit=a, omschrijving="Mijlpaal", datum_gepland=datetime.date(2024, 1, 1))
        for a in activiteiten
    )
    Risico.objects.bulk_create(
        Risico(activiteit=a, omschrijving="Risico", kans=1 + i % 5, impact=1 + (i * 3) % 5)
        for i, a in enumerate(activiteiten)
    )
    Planningswijziging.objects.bulk_create(
        Planningswijziging(activiteit=a, aangevraagd_door=trekker, reden="x", nieuw_einde="2025-Q4")
        for a in activiteiten[::5]
    )
    return activiteiten


def _updates(aantal, *, activiteiten, auteur):
    Voortgangsrapportage.objects.bulk_create(
        Voortgangsrapportage(
            activiteit=activiteiten[i % len(activiteiten)],
            auteur=auteur,
            datum=datetime.date(2025, 1, 1) - datetime.timedelta(days=i % 300),
            periode="2024-12",
            rag=("groen", "oranje", "rood")[i % 3],
            percentage_gereed=i % 101,
            fase="uitvoering",
            toelichting="Update",
            besluit_nodig=i % 7 == 0,
            besluit_omschrijving="Besluit" if i % 7 == 0 else "",
        )
        for i in range(aantal)
    )


def _aantal_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


PAGINAS = {
    Rol.TREKKER: "actielijnen:uitvoering",
    Rol.MANAGER: "actielijnen:management",
    Rol.COLLEGE: "rapportage:college",
}


@pytest.mark.django_db
@pytest.mark.parametrize("rol", list(PAGINAS))
def test_each_level_view_needs_the_same_queries_for_25_or_250_activities_and_10_or_1000_updates(client, rol):
    trekker = UserFactory(rollen=[Rol.TREKKER])
    opdrachtgever = UserFactory(rollen=[Rol.OPDRACHTGEVER])
    if rol == Rol.TREKKER:
        client.force_login(trekker)
    elif rol is not None:
        client.force_login(UserFactory(rollen=[rol]))
    url = reverse(PAGINAS[rol])

    activiteiten = _activiteiten(25, trekker=trekker, opdrachtgever=opdrachtgever)
    _updates(10, activiteiten=activiteiten, auteur=trekker)
    _aantal_queries(client, url)  # warm per-process caches (content types, permissions)
    klein = _aantal_queries(client, url)

    activiteiten += _activiteiten(225, trekker=trekker, opdrachtgever=opdrachtgever)
    _updates(990, activiteiten=activiteiten, auteur=trekker)
    assert Activiteit.objects.count() == 250
    assert Voortgangsrapportage.objects.count() == 1000
    assert _aantal_queries(client, url) == klein


@pytest.mark.django_db
def test_the_activity_page_needs_the_same_queries_for_10_or_1000_updates(client):
    trekker = UserFactory(rollen=[Rol.TREKKER])
    (activiteit,) = _activiteiten(1, trekker=trekker, opdrachtgever=trekker)
    client.force_login(trekker)
    url = activiteit.get_absolute_url()
    _updates(10, activiteiten=[activiteit], auteur=trekker)
    _aantal_queries(client, url)
    klein = _aantal_queries(client, url)
    _updates(990, activiteiten=[activiteit], auteur=trekker)
    Mijlpaal.objects.bulk_create(
        Mijlpaal(activiteit=activiteit, omschrijving=f"M{i}", datum_gepland=datetime.date(2024, 1, 1))
        for i in range(20)
    )
    Risico.objects.bulk_create(
        Risico(activiteit=activiteit, omschrijving=f"R{i}", kans=2, impact=2) for i in range(20)
    )
    assert _aantal_queries(client, url) == klein
