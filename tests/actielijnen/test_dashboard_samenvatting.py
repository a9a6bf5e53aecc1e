"""The manager's first screen answers "what needs me now?" (issue 15): a summary of counts at the top, each a link
to exactly the rows behind it, and the activities per actielijn in collapsible sections below.

Through the real stack: the dashboard as the manager gets it, each summary link followed with the test client and
the rows on the page it leads to counted.
"""

import datetime
import html as htmllib
import re

from django.urls import reverse

import pytest

from accounts.constants import Rol
from actielijnen.constants import OpdrachtbeschrijvingStatus
from actielijnen.models import Opdrachtbeschrijving, Planningswijziging, Risico
from tests.actielijnen.factories import (
    ActielijnFactory,
    ActiviteitFactory,
    MijlpaalFactory,
    RisicoFactory,
    VoortgangsrapportageFactory,
)

pytestmark = pytest.mark.django_db

TELLING = re.compile(
    r'<a class="app-telling[^"]*" href="(?P<href>[^"]+)"><span class="app-telling__aantal">(?P<aantal>\d+)</span>'
    r"(?P<tekst>.*?)</a>",
    re.S,
)


def _tekst(fragment: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _tellingen(html: str) -> dict[str, tuple[int, str]]:
    """{link text, count included: (count, href)} of the summary block."""
    return {
        _tekst(m["aantal"] + " " + m["tekst"]): (int(m["aantal"]), htmllib.unescape(m["href"]))
        for m in TELLING.finditer(html)
    }


def _rijen_achter(client, href: str) -> int:
    """How many rows the page behind a summary link lists."""
    adres = reverse("actielijnen:management") + href if href.startswith("?") else href
    antwoord = client.get(adres)
    assert antwoord.status_code == 200, adres
    html = antwoord.content.decode()
    if href.startswith("?"):
        return html.count('class="utrecht-table__row app-dashboardrij')
    if href.startswith(reverse("actielijnen:besluiten")):
        return html.count('class="app-besluitpunt"')
    # The risk register: the rows of its table body.
    (lichaam,) = re.findall(r"<tbody[^>]*>(.*?)</tbody>", html, re.S)
    return lichaam.count("<tr")


@pytest.fixture
def programma_met_signalen(gebruiker, trekker, opdrachtgever):
    """Two actielijnen; one activity of each stoplicht colour, one without an update, one off the agenda; overdue
    milestones, open decisions of all three kinds and risks above and below the threshold."""
    eerste = ActielijnFactory(nummer=1, naam="Preventie")
    tweede = ActielijnFactory(nummer=2, naam="Toegang")
    maak = dict(trekker=trekker, opdrachtgever=opdrachtgever)
    rood = ActiviteitFactory(actielijn=eerste, naam="Wijkteams versterken", **maak)
    groen = ActiviteitFactory(actielijn=eerste, naam="Sportakkoord", **maak)
    oranje = ActiviteitFactory(actielijn=tweede, naam="Toegang vernieuwen", **maak)
    zonder = ActiviteitFactory(
        actielijn=tweede, naam="Nog niet begonnen", **maak
    )  # start 2023-Q2: update te laat
    buiten = ActiviteitFactory(actielijn=tweede, naam="Buiten de agenda", code="", **maak)
    VoortgangsrapportageFactory(activiteit=rood, rag="rood", auteur=trekker)
    VoortgangsrapportageFactory(activiteit=groen, rag="groen", auteur=trekker)
    VoortgangsrapportageFactory(
        activiteit=oranje,
        rag="oranje",
        auteur=trekker,
        besluit_nodig=True,
        besluit_omschrijving="Meer budget",
    )
    VoortgangsrapportageFactory(activiteit=buiten, rag="groen", auteur=trekker)  # counts in no colour
    MijlpaalFactory(activiteit=rood, datum_gepland=datetime.date(2024, 1, 1))
    MijlpaalFactory(activiteit=rood, datum_gepland=datetime.date(2024, 2, 1))
    MijlpaalFactory(
        activiteit=groen, datum_gepland=datetime.date(2024, 1, 1), datum_bereikt=datetime.date(2024, 1, 2)
    )
    Planningswijziging.objects.create(
        activiteit=groen, aangevraagd_door=trekker, reden="Later", nieuw_einde="2026-Q4"
    )
    Opdrachtbeschrijving.objects.create(activiteit=zonder, status=OpdrachtbeschrijvingStatus.TER_GOEDKEURING)
    RisicoFactory(activiteit=rood, kans=4, impact=4)  # 16: above
    RisicoFactory(activiteit=groen, kans=3, impact=4)  # 12: below
    Risico.objects.create(
        code="1a", omschrijving="Programmarisico", kans=5, impact=3
    )  # 15: above, no activity
    Risico.objects.create(code="1b", omschrijving="Niet gescoord")
    return {"rood": rood, "groen": groen, "oranje": oranje, "zonder": zonder, "buiten": buiten}


def test_every_count_equals_the_rows_behind_its_link(client, gebruiker, programma_met_signalen):
    client.force_login(gebruiker(Rol.MANAGER))
    html = client.get(reverse("actielijnen:management")).content.decode()
    tellingen = _tellingen(html)
    assert {tekst: aantal for tekst, (aantal, _) in tellingen.items()} == {
        "1 Groen: op koers": 1,
        "1 Oranje: aandacht nodig": 1,
        "1 Rood: bijsturing nodig": 1,
        "1 Onbekend: nog geen update": 1,
        "1 activiteit met een update die te laat is": 1,
        "1 activiteit met 2 mijlpalen te laat": 1,
        "3 besluiten wachten": 3,
        "2 risico's boven de drempel (kans × impact 15 of meer)": 2,
    }
    for tekst, (aantal, href) in tellingen.items():
        assert _rijen_achter(client, href) == aantal, f"{tekst}: {href}"


def test_the_counts_cover_the_programme_whatever_the_filter(client, gebruiker, programma_met_signalen):
    client.force_login(gebruiker(Rol.MANAGER))
    html = client.get(reverse("actielijnen:management"), {"stoplicht": "rood"}).content.decode()
    assert _tellingen(html)["1 Groen: op koers"][0] == 1
    assert html.count('class="utrecht-table__row app-dashboardrij') == 1
    assert "Wijkteams versterken" in html and "Sportakkoord" not in html


def test_a_filter_by_signal_shows_only_those_rows(client, gebruiker, programma_met_signalen):
    client.force_login(gebruiker(Rol.MANAGER))
    html = client.get(reverse("actielijnen:management"), {"signaal": "update-te-laat"}).content.decode()
    assert "Nog niet begonnen" in html
    assert "Wijkteams versterken" not in html and "Buiten de agenda" not in html
    html = client.get(reverse("actielijnen:management"), {"signaal": "mijlpaal-te-laat"}).content.decode()
    assert "Wijkteams versterken" in html and "Sportakkoord" not in html


def test_an_unknown_filter_value_shows_the_whole_programme_not_an_error(
    client, gebruiker, programma_met_signalen
):
    client.force_login(gebruiker(Rol.MANAGER))
    antwoord = client.get(reverse("actielijnen:management"), {"signaal": "<script>", "stoplicht": "paars"})
    assert antwoord.status_code == 200
    assert "Selecteer een geldige keuze" in antwoord.content.decode()


def test_plurals_for_zero_one_and_many(client, gebruiker, trekker, opdrachtgever):
    client.force_login(gebruiker(Rol.MANAGER))
    activiteit = ActiviteitFactory(trekker=trekker, opdrachtgever=opdrachtgever)
    tellingen = _tellingen(client.get(reverse("actielijnen:management")).content.decode())
    assert "0 besluiten wachten" in tellingen
    assert "0 risico's boven de drempel (kans × impact 15 of meer)" in tellingen
    assert "0 activiteiten met 0 mijlpalen te laat" in tellingen

    VoortgangsrapportageFactory(activiteit=activiteit, besluit_nodig=True, besluit_omschrijving="Eén")
    MijlpaalFactory(activiteit=activiteit, datum_gepland=datetime.date(2024, 1, 1))
    RisicoFactory(activiteit=activiteit, kans=5, impact=5)
    html = client.get(reverse("actielijnen:management")).content.decode()
    tellingen = _tellingen(html)
    assert "1 besluit wacht" in tellingen
    assert "1 risico boven de drempel (kans × impact 15 of meer)" in tellingen
    assert "1 activiteit met een mijlpaal te laat" in tellingen
    assert "1 activiteiten" not in _tekst(html) and "zijn er 1" not in _tekst(html)


def test_the_table_per_actielijn_is_collapsible_with_its_counts_and_opens_when_filtered(
    client, gebruiker, programma_met_signalen
):
    client.force_login(gebruiker(Rol.MANAGER))
    html = client.get(reverse("actielijnen:management")).content.decode()
    secties = re.findall(
        r'<details class="app-details app-actielijn"( open)?>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert [_tekst(s) for _, s in secties] == [
        "Actielijn 1. Preventie 2 activiteiten: 1 groen, 0 oranje, 1 rood, 0 zonder update",
        "Actielijn 2. Toegang 3 activiteiten: 0 groen, 1 oranje, 0 rood, 1 zonder update; 1 niet op de agenda",
    ]
    assert not any(open_ for open_, _ in secties)
    html = client.get(reverse("actielijnen:management"), {"stoplicht": "oranje"}).content.decode()
    secties = re.findall(r'<details class="app-details app-actielijn"( open)?>', html)
    assert secties == [" open"]


def test_the_table_says_stoplicht_never_rag_and_shows_labels_not_codes(
    client, gebruiker, programma_met_signalen
):
    client.force_login(gebruiker(Rol.MANAGER))
    html = client.get(reverse("actielijnen:management")).content.decode()
    tabel = html.split('id="activiteiten-kop"', 1)[1].split('id="matrix-kop"', 1)[0]
    assert "Stoplicht en stand" in tabel
    assert "RAG" not in _tekst(html)
    assert "fase uitvoering" in _tekst(tabel)  # the label, lower case in the sentence
    kolommen = re.findall(
        r'<th class="utrecht-table__header-cell[^"]*" scope="col">', tabel.split("</thead>")[0]
    )
    assert len(kolommen) == 5  # was 10: merged so the table fits its box
