"""An edition tells the raad, for every indicator, where it stands against its targets — in the snapshot, on the
edition's pages, in its CSV and XLSX — with the notes on the indicators and their goals; older editions, stored
before these fields existed, still render."""

import csv
import io
import re
from copy import deepcopy
from datetime import date
from decimal import Decimal
from html import unescape

from django.urls import reverse

import openpyxl
import pytest

from bronnen.constants import Ernst
from bronnen.models import Datakwaliteitsnotitie
from monitoring.models import Doel, Indicator, Meting
from rapportage import export_csv, export_xlsx
from rapportage.models import Rapportage
from rapportage.vergelijking import vergelijk

pytestmark = pytest.mark.django_db
NIEUWE_SLEUTELS = ("volgende_streefwaarde", "afstand", "peilwaarden", "doel_notities")


def _indicator(rapportage, code):
    return next(i for i in rapportage.inhoud["indicatoren"] if i["code"] == code)


def _doelnotitie():
    return Datakwaliteitsnotitie.objects.create(
        onderwerp=Doel.objects.get(code="6.2.3"),
        sleutel="test-doel-623",
        betreft="DOELNOTITIE-623",
        citaat="citaat bij doel 6.2.3",
        bron="Uitvoeringsplan 2023, §6.2, tabel 6.2.3",
        toelichting="toelichting",
        ernst=Ernst.INFORMATIE,
    )


def _tekst(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _rij(html, code):
    for rij in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        if re.search(rf'scope="row">{re.escape(code)}\b', rij):
            return _tekst(rij)
    raise AssertionError(code)


def _pagina(client, demo, rapportage, rol="raad"):
    client.force_login(demo[rol])
    antwoord = client.get(reverse("rapportage:editie", args=[rapportage.pk]))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_the_snapshot_carries_peil_the_next_target_the_distance_the_trend_and_the_goal_notes(
    maak_editie, pdf_als_stempel
):
    _doelnotitie()
    rapportage = maak_editie(peildatum=date(2024, 4, 30))
    mantelzorg = _indicator(rapportage, "6.1.1.1")
    assert [p["periode"] for p in mantelzorg["peilwaarden"]] == ["2019", "2021", "2022"]
    assert mantelzorg["volgende_streefwaarde"]["periode"] == "2022"
    assert Decimal(mantelzorg["afstand"]) == Decimal("-0.5")  # 45,0% (2022) − 45,5% (2021)
    assert "decimalen" in mantelzorg["realisatie"]
    tevredenheid = _indicator(rapportage, "6.2.6.1")
    assert [r["periode"] for r in tevredenheid["realisaties"]] == ["2021", "2022", "2023"]
    uitstroom = _indicator(rapportage, "6.2.3.1")
    assert [n["betreft"] for n in uitstroom["doel_notities"]] == ["DOELNOTITIE-623"]
    assert uitstroom["doel_notities"][0]["doel"] == "6.2.3"


def test_the_raad_reads_where_every_indicator_stands(client, demo, maak_editie, pdf_als_stempel):
    _doelnotitie()
    rapportage = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    html = _pagina(client, demo, rapportage)
    assert "nog niet te zeggen" not in html
    rij = _rij(html, "6.1.1.1")
    assert "Niet te bepalen: geen streefwaarde voor 2021; volgende streefwaarde 2022: 45" in rij
    assert "47,3% (2022)" in rij and "al gehaald: 0,5 procentpunt erboven" in rij and "hoger is beter" in rij
    assert "nog 31 omhoog" in _rij(html, "6.2.3.3")
    assert "↑ gestegen sinds 2022 (beter)" in _rij(html, "6.2.6.1")
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-label="Realisaties: 2021 65%, 2022 73%, 2023 77%"', html)
    assert html.count("DOELNOTITIE-623") == 1  # under the table, once for the goal's two indicators
    assert "doel 6.2.3" in _tekst(html)


def test_an_edition_stored_before_these_fields_still_renders_and_says_why(
    client, demo, maak_editie, pdf_als_stempel
):
    rapportage = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    oud = deepcopy(rapportage.inhoud)
    for indicator in oud["indicatoren"]:
        for sleutel in NIEUWE_SLEUTELS:
            indicator.pop(sleutel, None)
        for meting in [indicator["peilwaarde"], indicator["realisatie"], *indicator["streefwaarden"]]:
            if meting:
                meting.pop("decimalen", None)
    Rapportage.objects.filter(pk=rapportage.pk).update(inhoud=oud)  # as stored back then; save() would refuse
    rapportage.refresh_from_db()
    html = _pagina(client, demo, rapportage)
    rij = _rij(html, "6.1.1.1")
    assert (
        "geen streefwaarde voor 2021; volgende streefwaarde 2022: 45" in rij
    )  # read from its stored targets
    assert "al gehaald: 0,5 procentpunt erboven" in rij
    assert export_csv.csv_maken(rapportage, "indicatoren")
    assert export_xlsx.xlsx_maken(rapportage)
    assert not [
        v
        for v in vergelijk(oud, maak_editie(peildatum=date(2024, 5, 31)).inhoud).indicatoren
        if v.wijzigingen
    ]


def test_a_new_next_target_shows_in_the_comparison_of_two_editions(maak_editie, pdf_als_stempel):
    eerste = maak_editie(peildatum=date(2024, 4, 30))
    Meting.objects.create(
        indicator=Indicator.objects.get(code="6.1.1.1"),
        periode="2023",
        soort="realisatie",
        waarde=Decimal("48.1"),
    )
    tweede = maak_editie(peildatum=date(2024, 5, 31))
    (verschil,) = [v for v in vergelijk(eerste.inhoud, tweede.inhoud).indicatoren if v.sleutel == "6.1.1.1"]
    wat = {w.wat: (w.oud, w.nieuw) for w in verschil.wijzigingen}
    # In Dutch notation as the reader reads it (issue 28), compared on the stored figures.
    assert wat["volgende streefwaarde"] == ("45,0% (2022)", "47,3% (2024)")


def _csv(rapportage, tabel):
    tekst = export_csv.csv_maken(rapportage, tabel).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


def test_csv_and_xlsx_carry_the_next_target_the_distance_the_trend_and_the_goal_notes(
    maak_editie, pdf_als_stempel
):
    _doelnotitie()
    rapportage = maak_editie(peildatum=date(2024, 4, 30))
    rijen = _csv(rapportage, "indicatoren")
    kop = rijen[0]
    rij = next(r for r in rijen if r[0] == "6.2.3.3")
    assert rij[kop.index("Volgende streefwaarde")] == "230"
    assert rij[kop.index("Periode volgende streefwaarde")] == "2022"
    assert rij[kop.index("Afstand tot de volgende streefwaarde (procentpunt bij een percentage)")] == "31"
    assert rij[kop.index("Afstand in woorden")] == "nog 31 omhoog"
    assert rij[kop.index("Richting")] == "Hoger is beter"
    tevreden = next(r for r in _csv(rapportage, "clientervaring") if r[0] == "6.2.6.1")
    assert "↑ gestegen sinds 2022 (beter)" in tevreden
    notities = _csv(rapportage, "datakwaliteit")
    assert any("doel 6.2.3: DOELNOTITIE-623" in cel for r in notities for cel in r)

    blad = openpyxl.load_workbook(io.BytesIO(export_xlsx.xlsx_maken(rapportage)))["Monitoring en sturing"]
    kopregel = next(r for r in blad.iter_rows(values_only=True) if r and r[0] == "Code")
    rij = next(r for r in blad.iter_rows(values_only=True) if r and r[0] == "6.1.1.1")
    afstand = rij[kopregel.index("Afstand tot de volgende streefwaarde (procentpunt bij een percentage)")]
    assert afstand == pytest.approx(-0.5)  # a number, not the text "-0,5%"
    alles = [c for r in blad.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert any("DOELNOTITIE-623" in c for c in alles)
