"""The editions in the API: published ones only, from their snapshot, with their sections and corrections.

The demo programme of the `programma` fixture has no edition of its own (only `load_programma --demo` on the
command line adds the example history): every edition here is made by the test.
"""

from datetime import date
from decimal import Decimal

from django.test import Client
from django.utils import timezone

import pytest

from api.constants import SECTIES
from monitoring.models import Indicator
from rapportage import services
from tests.api.conftest import json_van

pytestmark = pytest.mark.django_db


def test_the_list_holds_the_published_editions_newest_first_with_their_fields(client, maak_editie):
    oud = maak_editie(
        peildatum=date(2023, 12, 31), publiceren=True, titel="Jaarstukken 2023", pc_moment="jaarstukken"
    )
    nieuw = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    maak_editie(peildatum=date(2024, 8, 31), vaststellen=True)  # set, not published: absent
    antwoord = json_van(client.get("/api/v1/edities"))
    edities = antwoord["_embedded"]["edities"]
    assert [e["id"] for e in edities] == [nieuw.pk, oud.pk]
    assert antwoord["totaal"] == 2
    eerste = edities[1]
    assert eerste | {"gepubliceerdOp": None, "_links": None} == {
        "id": oud.pk,
        "titel": "Jaarstukken 2023",
        "pcMoment": "jaarstukken",
        "pcMomentLabel": "Jaarstukken",
        "jaar": 2023,
        "peildatum": "2023-12-31",
        "versie": 1,
        "status": "gepubliceerd",
        "statusLabel": "Gepubliceerd",
        "zaaknummer": "3612345",
        "gepubliceerdOp": None,
        "_links": None,
    }
    assert eerste["gepubliceerdOp"].startswith(timezone.localtime(oud.gepubliceerd_op).date().isoformat())
    links = eerste["_links"]
    assert links["self"]["href"] == f"http://testserver/api/v1/edities/{oud.pk}"
    # The PDF and the Excel file need a login today: the page that offers them is linked, and says so.
    assert links["pagina"]["href"] == f"http://testserver/rapportages/{oud.pk}/"
    assert "inloggen" in links["pagina"]["title"]
    assert "vervangt" not in links and "vervangenDoor" not in links


def test_an_edition_lists_its_sections_and_each_section_is_its_frozen_snapshot(client, maak_editie):
    editie = maak_editie(publiceren=True)
    antwoord = json_van(client.get(f"/api/v1/edities/{editie.pk}"))
    assert antwoord["gemeente"] == "Gemeente Hengelo"
    namen = [sectie["naam"] for sectie in antwoord["secties"]]
    assert namen == list(SECTIES)
    financien = next(sectie for sectie in antwoord["secties"] if sectie["naam"] == "financien")
    assert financien["titel"] == "Financiën"
    assert financien["toelichting"] == "De besparingen lopen achter op Jeugd."
    for naam in namen:
        url = f"http://testserver/api/v1/edities/{editie.pk}/secties/{naam}"
        assert url in [s["_links"]["self"]["href"] for s in antwoord["secties"]]
        sectie = json_van(client.get(url))
        assert sectie["naam"] == naam and sectie["editie"] == editie.pk
        assert sectie["peildatum"] == editie.peildatum.isoformat()
        assert sectie["_links"]["editie"]["href"] == f"http://testserver/api/v1/edities/{editie.pk}"
    voortgang = json_van(client.get(f"/api/v1/edities/{editie.pk}/secties/voortgang"))["inhoud"]
    # The snapshot, keys in camelCase ("RAG" is "stoplicht", as everywhere a reader looks).
    snapshot = editie.inhoud["voortgang"]["activiteiten"][0]
    eerste = voortgang["activiteiten"][0]
    assert eerste["sleutel"] == snapshot["sleutel"] and eerste["opAgenda2023"] == snapshot["op_agenda_2023"]
    assert eerste["stoplicht"] == snapshot["rag"] and "rag" not in eerste
    assert voortgang["totaal"]["aantal"] == editie.inhoud["voortgang"]["totaal"]["aantal"]


def test_a_section_is_frozen_while_live_figures_change(client, maak_editie):
    editie = maak_editie(publiceren=True)
    voor = client.get(f"/api/v1/edities/{editie.pk}/secties/indicatoren").content
    meting = Indicator.objects.get(code="6.2.3.3").metingen.filter(soort="realisatie", wijk=None).first()
    meting.waarde = Decimal("987654")
    meting.save()
    na = client.get(f"/api/v1/edities/{editie.pk}/secties/indicatoren").content
    assert na == voor and b"987654" not in na


def test_small_counts_of_people_are_withheld_as_on_the_public_page(client, maak_editie, settings):
    """A count below KLEINE_AANTALLEN_DREMPEL is null with a remark: indicators, kerncijfers, the pyramid."""
    editie = maak_editie(publiceren=True)
    # 6.2.3.3 counts people with a loonkostensubsidie: 179 (2019), 199 (2021). The factsheet's counts of
    # clients and the pyramid's layers run into thousands.
    settings.KLEINE_AANTALLEN_DREMPEL = 100_000
    indicatoren = json_van(client.get(f"/api/v1/edities/{editie.pk}/secties/indicatoren"))["inhoud"]
    rij = next(i for i in indicatoren if i["code"] == "6.2.3.3")
    metingen = [rij["peilwaarde"], rij["realisatie"], *rij["realisaties"], *rij["peilwaarden"]]
    assert metingen and all(
        m["waarde"] is None and "kleiner dan 100000" in m["opmerking"] for m in metingen if m
    )
    assert rij["afstand"] is None and rij["verschil"] is None
    percentage = next(i for i in indicatoren if i["eenheid"] == "percentage" and i["realisatie"])
    assert percentage["realisatie"]["waarde"] is not None  # only counts of people are withheld

    sociaal = json_van(client.get(f"/api/v1/edities/{editie.pk}/secties/sociaal-domein"))["inhoud"]
    personen = [k for k in sociaal["kerncijfers"] if k["teltPersonen"]]
    assert personen and all(k["waarde"] is None and k["opmerking"] for k in personen)
    standen = [s for s in sociaal["piramide"]["standen"] if "opmerking" in s]
    assert standen and all(s["aantal"] is None for s in standen)
    tekst = client.get(f"/api/v1/edities/{editie.pk}/secties/sociaal-domein").content.decode()
    assert "7370" not in tekst and "6750" not in tekst

    # The series says the same as the open-data file.
    reeks = json_van(client.get("/api/v1/reeksen/6.2.3.3"))
    gemeten = [w for w in reeks["waarden"] if w["soort"] != "streefwaarde"]
    assert gemeten and all(w["waarde"] is None and "kleine aantallen" in w["opmerking"] for w in gemeten)

    # At the real threshold (10) the same figures are public.
    settings.KLEINE_AANTALLEN_DREMPEL = 10
    indicatoren = json_van(client.get(f"/api/v1/edities/{editie.pk}/secties/indicatoren"))["inhoud"]
    assert next(i for i in indicatoren if i["code"] == "6.2.3.3")["realisatie"]["waarde"] is not None


def test_a_correction_links_the_edition_it_replaces_and_back_once_published(client, demo, maak_editie):
    oud = maak_editie(publiceren=True, titel="Viermaandsrapportage met fout")
    correctie = services.correctie_maken(rapportage=oud, door=demo["manager"])
    # While the correction is a concept it does not exist for the API: no link, no edition.
    assert "vervangenDoor" not in json_van(client.get(f"/api/v1/edities/{oud.pk}"))["_links"]
    assert client.get(f"/api/v1/edities/{correctie.pk}").status_code == 404

    services.vaststellen(rapportage=correctie, door=demo["college"])
    services.publiceren(rapportage=correctie, door=demo["college"])
    nieuw = json_van(client.get(f"/api/v1/edities/{correctie.pk}"))
    vervangen = json_van(client.get(f"/api/v1/edities/{oud.pk}"))
    assert nieuw["versie"] == 2 and nieuw["_links"]["vervangt"]["href"].endswith(f"/api/v1/edities/{oud.pk}")
    assert vervangen["status"] == "vervangen"
    assert vervangen["_links"]["vervangenDoor"]["href"].endswith(f"/api/v1/edities/{correctie.pk}")
    # Both stay in the list: a replaced edition is still what the raad got.
    ids = [e["id"] for e in json_van(client.get("/api/v1/edities?pageSize=100"))["_embedded"]["edities"]]
    assert oud.pk in ids and correctie.pk in ids


@pytest.mark.parametrize("status", ["concept", "vastgesteld"])
def test_an_unpublished_or_unknown_edition_is_a_404_problem(client, maak_editie, status):
    editie = maak_editie(vaststellen=status == "vastgesteld")
    for url in (
        f"/api/v1/edities/{editie.pk}",
        f"/api/v1/edities/{editie.pk}/secties/voortgang",
        "/api/v1/edities/987654321",
        "/api/v1/edities/99999999999999999999999",  # larger than any database id: no 500
    ):
        antwoord = client.get(url)
        assert antwoord.status_code == 404, url
        assert antwoord["Content-Type"] == "application/problem+json"
        assert antwoord.json()["detail"].startswith("Er is geen gepubliceerde editie met nummer")


def test_an_unknown_section_is_a_404_naming_the_sections(client, maak_editie):
    editie = maak_editie(publiceren=True)
    antwoord = client.get(f"/api/v1/edities/{editie.pk}/secties/bestaat-niet")
    assert antwoord.status_code == 404
    assert "voortgang" in antwoord.json()["detail"]


def test_raad_griffie_and_anonymous_visitors_all_read_the_api(demo):
    for naam in (None, "raad", "griffie", "trekker"):
        bezoeker = Client()
        if naam:
            bezoeker.force_login(demo[naam])
        assert bezoeker.get("/api/v1/edities").status_code == 200, naam
