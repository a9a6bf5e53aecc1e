"""Series, actielijnen, activiteiten and moties: from the newest published edition, or from `?editie=`."""

from datetime import date
from decimal import Decimal

import pytest

from monitoring.models import Meting
from rapportage import open_data, services
from tests.api.conftest import json_van

pytestmark = pytest.mark.django_db

CODE = "6.1.1.1"


def test_a_series_is_the_open_data_series_with_its_data_quality_notes(client, maak_editie):
    editie = maak_editie(publiceren=True)
    reeks = json_van(client.get(f"/api/v1/reeksen/{CODE}"))
    bestand = open_data.reeks(editie, CODE)
    assert reeks["indicator"]["code"] == CODE
    assert reeks["indicator"]["naam"] == bestand["indicator"]["naam"]
    assert (
        reeks["indicator"]["eenheid"] == "percentage" and reeks["indicator"]["eenheidLabel"] == "Percentage"
    )
    assert reeks["indicator"]["doel"] == bestand["indicator"]["doel"]
    assert reeks["indicator"]["vindplaats"] == bestand["indicator"]["vindplaats"]
    assert reeks["licentie"] == "CC0 1.0" and reeks["uitgever"] == "Gemeente Hengelo"
    assert [(w["soort"], w["periode"], w["waarde"]) for w in reeks["waarden"]] == [
        (w["soort"], w["periode"], w["waarde"]) for w in bestand["waarden"]
    ]
    assert reeks["editie"]["id"] == editie.pk
    assert reeks["_links"]["csv"]["href"].endswith(f"/open-data/{CODE}.csv?editie={editie.pk}")
    assert reeks["_links"]["json"]["href"].endswith(f"/open-data/{CODE}.json?editie={editie.pk}")
    # The links lead to the files themselves, for anyone.
    assert client.get(reeks["_links"]["csv"]["href"]).status_code == 200
    # Data-quality notes travel with the series (6.2.6.x has notes on its goal: shifted columns in the source).
    met_notities = [
        i["code"] for i in editie.inhoud["indicatoren"] if i.get("notities") or i.get("doel_notities")
    ]
    assert met_notities
    notities = json_van(client.get(f"/api/v1/reeksen/{met_notities[0]}"))["datakwaliteit"]
    assert notities and {"betreft", "citaat", "bron", "toelichting", "ernst", "ernstLabel", "doel"} <= set(
        notities[0]
    )


def test_the_list_of_series_links_each_series(client, maak_editie):
    editie = maak_editie(publiceren=True)
    antwoord = json_van(client.get("/api/v1/reeksen?pageSize=100"))
    codes = [r["code"] for r in antwoord["_embedded"]["reeksen"]]
    assert codes == [i["code"] for i in editie.inhoud["indicatoren"]]
    assert antwoord["_links"]["editie"]["href"].endswith(f"/api/v1/edities/{editie.pk}")
    eerste = antwoord["_embedded"]["reeksen"][0]
    assert json_van(client.get(eerste["_links"]["self"]["href"]))["indicator"]["code"] == eerste["code"]


def test_an_older_published_edition_by_the_editie_parameter(client, maak_editie):
    oud = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    meting = Meting.objects.get(
        indicator__code=CODE, soort="realisatie", periode="2021", wijk=None, gebied=None
    )
    meting.waarde = Decimal("51.2")
    meting.save()
    nieuw = maak_editie(peildatum=date(2024, 8, 31), publiceren=True)

    def realisatie(query=""):
        reeks = json_van(client.get(f"/api/v1/reeksen/{CODE}{query}"))
        return reeks["editie"]["id"], next(
            w["waarde"] for w in reeks["waarden"] if w["soort"] == "realisatie" and w["periode"] == "2021"
        )

    assert realisatie() == (nieuw.pk, 51.2)
    assert realisatie(f"?editie={oud.pk}") == (oud.pk, 45.5)
    assert realisatie(f"?editie={nieuw.pk}") == (nieuw.pk, 51.2)


@pytest.mark.parametrize("pad", ["reeksen", f"reeksen/{CODE}", "actielijnen", "activiteiten", "moties"])
def test_an_unpublished_or_malformed_editie_parameter_is_a_400(client, maak_editie, pad):
    maak_editie(publiceren=True)
    concept = maak_editie()
    vastgesteld = maak_editie(vaststellen=True)
    for waarde in (concept.pk, vastgesteld.pk, 987654321, "abc", "１２", "-1", "9" * 40):
        antwoord = client.get(f"/api/v1/{pad}?editie={waarde}")
        assert antwoord.status_code == 400, (pad, waarde)
        probleem = antwoord.json()
        assert probleem["invalidParams"][0]["name"] == "editie"


def test_without_any_published_edition_the_lists_are_empty_and_details_404(client, maak_editie):
    maak_editie()  # a concept only
    for pad in ("reeksen", "actielijnen", "activiteiten", "moties"):
        antwoord = json_van(client.get(f"/api/v1/{pad}"))
        assert antwoord["totaal"] == 0 and antwoord["_embedded"] == {pad: []}
        assert "editie" not in antwoord["_links"]
    assert client.get(f"/api/v1/reeksen/{CODE}").status_code == 404
    assert client.get("/api/v1/activiteiten/kostenbewustzijn").status_code == 404


def test_actielijnen_and_activiteiten_as_the_edition_froze_them(client, maak_editie):
    editie = maak_editie(publiceren=True)
    voortgang = editie.inhoud["voortgang"]
    actielijnen = json_van(client.get("/api/v1/actielijnen"))["_embedded"]["actielijnen"]
    assert [a["nummer"] for a in actielijnen] == [1, 2, 3, 4]
    assert [a["aantal"] for a in actielijnen] == [a["aantal"] for a in voortgang["actielijnen"]]
    assert {"groen", "oranje", "rood", "onbekend", "gestart", "afgerond", "nietOpAgenda"} <= set(
        actielijnen[0]
    )

    antwoord = json_van(client.get("/api/v1/activiteiten?pageSize=100"))
    assert antwoord["totaal"] == len(voortgang["activiteiten"])
    eerste = antwoord["_embedded"]["activiteiten"][0]
    assert eerste["sleutel"] == voortgang["activiteiten"][0]["sleutel"]
    assert "stoplicht" in eerste and "rag" not in eerste
    detail = json_van(client.get(eerste["_links"]["self"]["href"]))
    assert detail["sleutel"] == eerste["sleutel"] and isinstance(detail["mijlpalen"], list)
    assert client.get("/api/v1/activiteiten/bestaat-niet").status_code == 404


def test_moties_as_frozen_in_the_edition_with_a_stable_key(client, demo, maak_editie):
    services.motie_opslaan(
        door=demo["griffie"],
        datum=date(2024, 2, 1),
        vergadering="Raadsvergadering 1 februari 2024",
        titel="Motie wijkteams",
        tekst="Verzoekt het college de wijkteams te versterken.",
        soort="motie",
        nummer="M2024-03",
        status="open",
    )
    maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    # Registered after the peildatum: not in the edition, so not in the API.
    services.motie_opslaan(
        door=demo["griffie"],
        datum=date(2024, 6, 1),
        vergadering="Raadsvergadering 1 juni 2024",
        titel="Motie later",
        tekst="Later.",
        soort="motie",
        nummer="M2024-09",
        status="open",
    )
    moties = json_van(client.get("/api/v1/moties"))["_embedded"]["moties"]
    assert [m["sleutel"] for m in moties] == ["motie-M2024-03"]
    motie = json_van(client.get(moties[0]["_links"]["self"]["href"]))
    assert (
        motie["titel"] == "Motie wijkteams" and motie["status"] == "open" and motie["statusLabel"] == "Open"
    )
    assert client.get("/api/v1/moties/motie-M2024-09").status_code == 404


def test_a_motie_numbered_with_a_slash_has_a_working_link(client, demo, maak_editie):
    services.motie_opslaan(
        door=demo["griffie"],
        datum=date(2024, 2, 1),
        vergadering="Raadsvergadering 1 februari 2024",
        titel="Toezegging wijkteams",
        tekst="De wethouder zegt toe te rapporteren.",
        soort="toezegging",
        nummer="2024/07",
        status="open",
    )
    maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    (motie,) = json_van(client.get("/api/v1/moties"))["_embedded"]["moties"]
    assert motie["sleutel"] == "toezegging-2024/07"
    assert json_van(client.get(motie["_links"]["self"]["href"]))["titel"] == "Toezegging wijkteams"


def test_the_bare_api_address_is_a_problem_not_an_html_page(client, db):
    antwoord = client.get("/api")
    assert antwoord.status_code == 404 and antwoord["Content-Type"] == "application/problem+json"
    assert antwoord["API-Version"] and antwoord["Access-Control-Allow-Origin"] == "*"
