"""Nothing unpublished leaks through the API (the raad boundary, rapportage/editiegrens.py).

Publish an edition, then change live data and make a concept, a set edition and a correction still in concept,
each with distinctive titles and figures. Crawl every link the API offers from /api/v1 (HAL links, pages,
sections, the catalogue's addresses) as an anonymous visitor, and ask every unpublished edition directly: no
response carries a marker or names an unpublished edition, while the published edition is all there.
"""

import json
import re
from collections import deque
from datetime import date
from decimal import Decimal

from django.test import Client

import pytest

from actielijnen.models import Activiteit, Risico, Voortgangsrapportage
from api.constants import SECTIES
from monitoring.models import Meting
from rapportage import services

pytestmark = pytest.mark.django_db

MARKERS = ("987654", "987.654", "MARKERBRON", "MARKERUPDATE", "MARKERRISICO", "MARKERMOTIE", "MARKERCONCEPT")
BASIS = "http://testserver"


def _adressen(gegevens) -> list[str]:
    """Every API address in a JSON document: HAL hrefs and JSON-LD @ids (without their fragment)."""
    gevonden = []
    if isinstance(gegevens, dict):
        for sleutel, waarde in gegevens.items():
            if sleutel in ("href", "@id") and isinstance(waarde, str) and waarde.startswith(f"{BASIS}/api/"):
                gevonden.append(waarde.split("#")[0].removeprefix(BASIS))
            else:
                gevonden += _adressen(waarde)
    elif isinstance(gegevens, list):
        for waarde in gegevens:
            gevonden += _adressen(waarde)
    return gevonden


def _kruip(client: Client, begin: list[str], maximum: int = 600) -> dict[str, tuple[int, str]]:
    gezien: dict[str, tuple[int, str]] = {}
    rij = deque(begin)
    while rij and len(gezien) < maximum:
        url = rij.popleft()
        if url in gezien:
            continue
        antwoord = client.get(url)
        tekst = antwoord.content.decode()
        gezien[url] = (antwoord.status_code, tekst)
        if antwoord["Content-Type"].startswith(("application/json", "application/ld+json")):
            rij.extend(_adressen(json.loads(tekst)))
    assert len(gezien) < maximum, "de crawl houdt niet op"
    return gezien


@pytest.fixture
def edities(demo, maak_editie):
    gepubliceerd = maak_editie(
        peildatum=date(2024, 4, 30), publiceren=True, titel="Viermaandsrapportage 2024"
    )

    meting = Meting.objects.get(
        indicator__code="6.2.3.3", soort="realisatie", periode="2021", wijk=None, gebied=None
    )
    meting.waarde, meting.bron = Decimal("987654"), "MARKERBRON"
    meting.save()
    activiteit = Activiteit.objects.filter(trekker=demo["trekker"]).order_by("volgorde").first()
    Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        auteur=demo["trekker"],
        periode="2024-04",
        datum=date(2024, 4, 1),
        rag="rood",
        percentage_gereed=10,
        toelichting="MARKERUPDATE",
    )
    Risico.objects.create(activiteit=activiteit, omschrijving="MARKERRISICO", kans=5, impact=5)
    services.motie_opslaan(
        door=demo["griffie"],
        datum=date(2024, 6, 1),
        vergadering="Raadsvergadering 1 juni 2024",
        titel="MARKERMOTIE",
        tekst="Verzoekt het college MARKERMOTIE.",
        soort="motie",
        nummer="M2024-99",
        status="open",
    )
    concept = maak_editie(peildatum=date(2024, 8, 31), titel="MARKERCONCEPT")
    vastgesteld = maak_editie(
        peildatum=date(2024, 9, 30), vaststellen=True, titel="MARKERCONCEPT vastgesteld"
    )
    correctie = services.correctie_maken(rapportage=gepubliceerd, door=demo["manager"])
    for onzichtbaar in (concept, vastgesteld, correctie):
        assert "987654" in json.dumps(onzichtbaar.inhoud), "the unpublished snapshots hold the live change"
    return gepubliceerd, [concept, vastgesteld, correctie]


def test_no_api_response_shows_anything_unpublished(client, edities):
    gepubliceerd, onzichtbaar = edities
    begin = ["/api/v1", "/api/v1/catalogus"] + [
        f"/api/v1/edities/{gepubliceerd.pk}/secties/{sectie}" for sectie in SECTIES
    ]
    gezien = _kruip(client, begin)

    # The crawl reached everything of the published edition: its sections, series, activities.
    assert gezien[f"/api/v1/edities/{gepubliceerd.pk}"][0] == 200
    assert all(gezien[f"/api/v1/edities/{gepubliceerd.pk}/secties/{s}"][0] == 200 for s in SECTIES)
    assert sum(url.startswith("/api/v1/reeksen/") for url in gezien) >= 19
    assert sum(url.startswith("/api/v1/activiteiten/") for url in gezien) >= 33
    assert "Viermaandsrapportage 2024" in gezien["/api/v1/edities"][1]
    reeks = json.loads(gezien["/api/v1/reeksen/6.2.3.3?editie=" + str(gepubliceerd.pk)][1])
    assert {
        w["waarde"] for w in reeks["waarden"] if w["periode"] == "2021" and w["soort"] == "realisatie"
    } == {199}

    for url, (status, tekst) in gezien.items():
        assert status == 200, url
        for marker in MARKERS:
            assert marker not in tekst, (url, marker)
        for editie in onzichtbaar:
            assert not re.search(
                rf"/edities/{editie.pk}\b|[#-]editie-{editie.pk}\b|editie={editie.pk}\b", tekst
            ), (
                url,
                editie,
            )


def test_unpublished_editions_do_not_exist_for_the_api(client, edities):
    _, onzichtbaar = edities
    for editie in onzichtbaar:
        for url in [f"/api/v1/edities/{editie.pk}"] + [
            f"/api/v1/edities/{editie.pk}/secties/{sectie}" for sectie in SECTIES
        ]:
            antwoord = client.get(url)
            assert antwoord.status_code == 404, url
            assert not any(marker in antwoord.content.decode() for marker in MARKERS)
        for pad in ("reeksen", "reeksen/6.2.3.3", "actielijnen", "activiteiten", "moties"):
            antwoord = client.get(f"/api/v1/{pad}?editie={editie.pk}")
            assert antwoord.status_code == 400, pad
            assert not any(marker in antwoord.content.decode() for marker in MARKERS)


def test_raad_and_griffie_see_exactly_what_the_public_sees(demo, edities):
    gepubliceerd, _ = edities
    adressen = [
        "/api/v1/edities",
        f"/api/v1/edities/{gepubliceerd.pk}",
        "/api/v1/moties",
        "/api/v1/reeksen/6.2.3.3",
    ]
    publiek = {url: Client().get(url).content for url in adressen}
    for naam in ("raad", "griffie", "manager"):
        lezer = Client()
        lezer.force_login(demo[naam])
        for url in adressen:
            assert lezer.get(url).content == publiek[url], (naam, url)
