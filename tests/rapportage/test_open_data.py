"""Open data (issue 15): every indicator series of a published edition as CSV and JSON, for anyone, and the favicon."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

from django.contrib.staticfiles import finders
from django.urls import reverse

import pytest

from monitoring.models import Meting
from rapportage import open_data

pytestmark = pytest.mark.usefixtures("pdf_als_stempel")

CODE = "6.2.6.2"  # cliëntervaring Wmo: realisations 2021–2023, a baseline and targets


def _reeks_url(code=CODE, formaat="json", **query):
    url = reverse("rapportage:open_data_reeks", kwargs={"code": code, "formaat": formaat})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _gepubliceerde_waarden(rapportage, code):
    """(soort, periode) → Decimal, straight from the edition's snapshot."""
    indicator = next(i for i in rapportage.inhoud["indicatoren"] if i["code"] == code)
    return {
        (soort, m["periode"]): Decimal(m["waarde"])
        for soort, lijst in open_data.SOORTEN
        for m in indicator[lijst]
        if m and m["waarde"] is not None
    }


@pytest.fixture
def gepubliceerd(maak_editie):
    return maak_editie(peildatum=date(2024, 4, 30), publiceren=True)


def test_json_en_csv_gelijk_aan_de_gepubliceerde_cijfers(client, gepubliceerd):
    verwacht = _gepubliceerde_waarden(gepubliceerd, CODE)
    assert len(verwacht) >= 5

    antwoord = client.get(_reeks_url(formaat="json"))
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("application/json")
    gegevens = json.loads(antwoord.content)
    assert {(w["soort"], w["periode"]): Decimal(str(w["waarde"])) for w in gegevens["waarden"]} == verwacht
    assert gegevens["licentie"] == "CC0 1.0"
    assert gegevens["editie"]["id"] == gepubliceerd.pk
    assert gegevens["editie"]["gepubliceerd_op"].startswith(str(gepubliceerd.gepubliceerd_op.date()))
    assert gegevens["indicator"]["code"] == CODE and "(%)" not in gegevens["indicator"]["naam"]
    assert gegevens["indicator"]["eenheid"] == "percentage"

    antwoord = client.get(_reeks_url(formaat="csv"))
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/csv")
    tekst = antwoord.content.decode("utf-8")
    assert not tekst.startswith("\ufeff")
    rijen = list(csv.DictReader(io.StringIO(tekst)))
    assert list(rijen[0]) == open_data.CSV_KOPPEN
    assert {(r["soort"], r["periode"]): Decimal(r["waarde"]) for r in rijen} == verwacht
    assert {r["editie"] for r in rijen} == {gepubliceerd.titel}


def test_een_live_wijziging_na_publicatie_komt_er_niet_in(client, gepubliceerd):
    voor = client.get(_reeks_url(formaat="csv")).content
    meting = Meting.objects.get(
        indicator__code=CODE, soort="realisatie", periode="2023", wijk=None, gebied=None
    )
    meting.waarde = Decimal("12")
    meting.save()
    Meting.objects.create(
        indicator=meting.indicator, periode="2024", soort="realisatie", waarde=Decimal("55")
    )
    assert client.get(_reeks_url(formaat="csv")).content == voor
    gegevens = json.loads(client.get(_reeks_url()).content)
    realisaties = {w["periode"]: w["waarde"] for w in gegevens["waarden"] if w["soort"] == "realisatie"}
    assert realisaties["2023"] == 90 and "2024" not in realisaties


def test_concept_en_vastgestelde_edities_nooit(client, maak_editie):
    concept = maak_editie(peildatum=date(2024, 4, 30))
    vastgesteld = maak_editie(peildatum=date(2024, 8, 31), vaststellen=True)
    # No published edition at all: nothing is served, not even the newest concept.
    assert client.get(_reeks_url()).status_code == 404
    for editie in (concept, vastgesteld):
        antwoord = client.get(_reeks_url(editie=editie.pk))
        assert antwoord.status_code == 404
        assert "Pagina niet gevonden" in antwoord.content.decode()
    pagina = client.get(reverse("rapportage:open_data")).content.decode()
    assert "Er is nog geen verslag gepubliceerd." in pagina
    assert concept.titel not in pagina and vastgesteld.titel not in pagina


def test_oudere_gepubliceerde_editie_via_editie(client, maak_editie):
    oud = maak_editie(peildatum=date(2024, 4, 30), publiceren=True, titel="Viermaandsrapportage 2024")
    meting = Meting.objects.get(
        indicator__code=CODE, soort="realisatie", periode="2023", wijk=None, gebied=None
    )
    meting.waarde = Decimal("91")
    meting.save()
    nieuw = maak_editie(
        peildatum=date(2024, 8, 31), publiceren=True, titel="Tweede viermaandsrapportage 2024"
    )

    def waarde_2023(**query):
        gegevens = json.loads(client.get(_reeks_url(**query)).content)
        return next(
            w["waarde"] for w in gegevens["waarden"] if w["soort"] == "realisatie" and w["periode"] == "2023"
        )

    assert waarde_2023() == 91  # the newest published edition by default
    assert waarde_2023(editie=oud.pk) == 90
    pagina = client.get(reverse("rapportage:open_data")).content.decode()
    assert nieuw.titel in pagina and oud.titel in pagina
    assert f"{_reeks_url(formaat='csv')}?editie={oud.pk}" in pagina


def test_anoniem_mag_en_de_pagina_noemt_elke_reeks(client, gepubliceerd):
    antwoord = client.get(reverse("rapportage:open_data"))
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    for indicator in gepubliceerd.inhoud["indicatoren"]:
        assert _reeks_url(indicator["code"], "csv") in pagina
        assert _reeks_url(indicator["code"], "json") in pagina
    assert "komma" in pagina and "CC0 1.0" in pagina
    # The public page links to it.
    assert reverse("rapportage:open_data") in client.get(reverse("rapportage:inwoners")).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/open-data/9.9.9.json",
        "/open-data/6.2.6.2.xml",
        "/open-data/6.2.6.2.json?editie=abc",
        "/open-data/6.2.6.2.json?editie=999999",
    ],
)
def test_onbekend_geeft_een_nederlandse_404(client, gepubliceerd, url):
    antwoord = client.get(url)
    assert antwoord.status_code == 404
    assert "Pagina niet gevonden" in antwoord.content.decode()


def test_alleen_lezen(client, gepubliceerd):
    assert client.post(_reeks_url()).status_code == 405
    assert client.post(reverse("rapportage:open_data")).status_code == 405


def test_kleine_aantallen_niet_in_open_data(client, gepubliceerd, settings):
    """Counts of people below the threshold are withheld as on the public page (no figure, a remark)."""
    settings.KLEINE_AANTALLEN_DREMPEL = 1000
    # 6.2.3.3 counts people with a loonkostensubsidie: 179 (2019), 199 (2021).
    gegevens = json.loads(client.get(_reeks_url("6.2.3.3")).content)
    klein = [w for w in gegevens["waarden"] if w["soort"] != "streefwaarde" and w["waarde"] is None]
    assert klein and all("kleine aantallen" in w["opmerking"] for w in klein)
    rijen = list(csv.DictReader(io.StringIO(client.get(_reeks_url("6.2.3.3", "csv")).content.decode())))
    assert rijen and all(r["waarde"] == "" and "kleiner dan 1000" in r["opmerking"] for r in rijen)


def test_favicon(client, db):
    antwoord = client.get("/favicon.ico")
    assert antwoord.status_code == 301
    doel = antwoord["Location"]
    assert doel.endswith(".svg")
    assert finders.find("favicon.svg") is not None
    assert "<svg" in open(finders.find("favicon.svg"), encoding="utf-8").read()
    html = client.get(reverse("login")).content.decode()
    assert f'<link rel="icon" href="{doel}" type="image/svg+xml">' in html
