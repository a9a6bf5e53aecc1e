"""Imports at scale (issue 14): streamed, chunked, bounded memory; only the touched keys read; set-based undo.

The files are generated: N rows over a few indicators, 25 wijken plus Hengelo, four kinds and consecutive months.
"""

import io
import re
import tracemalloc
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from monitoring import importregels
from monitoring.importbestand import lees_rijen
from monitoring.importregels import analyseer, analyseren
from monitoring.models import Import, Indicator, Meting, Wijk
from monitoring.services import ImportGeweigerd, import_ongedaan_maken, metingen_importeren
from monitoring.services import ongedaan as ongedaan_dienst

KOP = "indicator;periode;wijk;soort;waarde;bron"
SOORTEN = ("peil", "streef", "realisatie", "prognose")


@pytest.fixture
def plaatsen(monitoring):
    """Hengelo ('') and 25 wijken, by the code a file uses."""
    wijken = [Wijk.objects.create(naam=f"Schaalwijk {i}", cbs_code=f"WS{i:04d}") for i in range(25)]
    return [""] + [w.cbs_code for w in wijken]


@pytest.fixture
def codes(monitoring):
    return list(Indicator.objects.order_by("code").values_list("code", flat=True)[:10])


def regels(aantal: int, codes: list[str], plaatsen: list[str], waarde: str = "5", begin_jaar: int = 2000):
    """`aantal` data lines, each a different (indicator, month, place, kind)."""
    gemaakt = 0
    maand = 0
    while True:
        periode = f"{begin_jaar + maand // 12}-{maand % 12 + 1:02d}"
        for code in codes:
            for plaats in plaatsen:
                for soort in SOORTEN:
                    if gemaakt == aantal:
                        return
                    yield f"{code};{periode};{plaats};{soort};{waarde};schaaltest"
                    gemaakt += 1
        maand += 1


def csv(aantal: int, codes, plaatsen, **kwargs) -> bytes:
    return ("\n".join([KOP, *regels(aantal, codes, plaatsen, **kwargs)]) + "\n").encode()


def importeer(data: bytes, gebruiker, **kwargs):
    return metingen_importeren(
        bestand=io.BytesIO(data), bestandsnaam="schaal.csv", gebruiker=gebruiker, **kwargs
    )


def stand() -> dict:
    """Every meting's stored values, by id."""
    return {
        rij["id"]: rij
        for rij in Meting.objects.values(
            "id", "waarde", "decimalen", "bron", "status", "via_import_id", "periode"
        )
    }


@pytest.mark.django_db
def test_a_50_000_row_csv_imports_with_history_and_counts(codes, plaatsen, beheerder):
    voor = Meting.objects.count()
    resultaat = importeer(csv(50_000, codes, plaatsen), beheerder, doorvoeren=True)
    assert resultaat.doorgevoerd, resultaat.meldingen
    record = resultaat.import_record
    assert (record.aantal_rijen, record.aantal_nieuw, record.aantal_gewijzigd) == (50_000, 50_000, 0)
    assert Meting.objects.count() == voor + 50_000
    assert (
        Meting.history.filter(history_change_reason=record.wijzigingsreden, history_type="+").count()
        == 50_000
    )
    # The analysis kept counts and a few examples, not 50.000 proposals.
    analyse = resultaat.analyse
    assert analyse.aantal_nieuw == 50_000 and len(analyse.nieuw) == importregels.MAX_VOORBEELDEN
    assert "Ingelezen: 50000 nieuwe" in resultaat.meldingen[0]


def _piek(data: bytes, gebruiker) -> int:
    tracemalloc.start()
    try:
        resultaat = importeer(data, gebruiker)
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert resultaat.analyse.aantal_nieuw == resultaat.analyse.aantal_rijen
    return piek


@pytest.mark.django_db
def test_peak_memory_of_an_import_does_not_grow_with_the_file(codes, plaatsen, beheerder):
    klein = csv(50_000, codes, plaatsen)
    groot = csv(200_000, codes, plaatsen)
    piek_klein = _piek(klein, beheerder)
    piek_groot = _piek(groot, beheerder)
    # Four times the rows: only the duplicate check's compact keys grow (~150 bytes a key), not the proposals.
    # Keeping every proposal (as before) costs some 2 kB a row: 300 MB more, far beyond this bound.
    assert piek_groot < piek_klein + 150_000 * 200, (piek_klein, piek_groot)


@pytest.mark.django_db
def test_an_import_of_2023_reads_only_2023_and_the_neighbouring_periods(codes, plaatsen, beheerder):
    code = codes[0]
    indicator = Indicator.objects.get(code=code)
    Meting.objects.bulk_create(
        Meting(
            indicator=indicator,
            periode=str(jaar),
            periode_begin=f"{jaar}-01-01",
            soort="realisatie",
            waarde=5,
        )
        for jaar in range(2005, 2041)
        if not Meting.objects.filter(
            indicator=indicator, periode=str(jaar), soort="realisatie", wijk=None
        ).exists()
    )
    data = f"{KOP}\n{code};2023;;realisatie;6;KT\n{code};2023;;streef;6;KT\n".encode()
    with CaptureQueriesContext(connection) as vastgelegd:
        resultaat = importeer(data, beheerder)
    assert resultaat.analyse.aantal_gewijzigd + resultaat.analyse.aantal_nieuw == 2
    tabel = '"monitoring_meting"'
    lezingen = [
        q["sql"] for q in vastgelegd.captured_queries if q["sql"].startswith("SELECT") and tabel in q["sql"]
    ]
    assert lezingen
    for sql in lezingen:
        waar = sql.split(" WHERE ", 1)[1]
        if '"periode" IN' in waar:  # the comparison: exactly the file's periods
            assert re.findall(r"\"periode\" IN \(([^)]*)\)", waar) == ["'2023'"], sql
        else:  # the plausibility check: a bounded window around them
            jaren = {int(j) for j in re.findall(r"'(\d{4})-\d\d-\d\d", waar)}
            assert jaren and jaren <= {2021, 2022, 2023, 2024, 2025}, sql


@pytest.mark.django_db
def test_the_nearest_value_far_outside_the_window_still_warns(codes, plaatsen, beheerder):
    code = Indicator.objects.filter(eenheid="percentage").values_list("code", flat=True).first()
    indicator = Indicator.objects.get(code=code)
    wijk = Wijk.objects.get(cbs_code=plaatsen[1])
    Meting.objects.create(indicator=indicator, periode="2010", wijk=wijk, soort="realisatie", waarde=40)
    resultaat = importeer(f"{KOP}\n{code};2023;{wijk.cbs_code};realisatie;0,4%;KT\n".encode(), beheerder)
    (twijfel,) = resultaat.analyse.waarschuwingen
    assert "2010" in twijfel.waarschuwing and "fractie" in twijfel.waarschuwing


@pytest.mark.django_db
def test_chunks_keep_the_rules_for_the_whole_file(codes, plaatsen, beheerder, monkeypatch):
    monkeypatch.setattr(analyseren, "BLOK", 100)
    goed = list(regels(450, codes, plaatsen))
    # A duplicate of the first row, chunks later; and an invalid value in the last chunk.
    data = "\n".join([KOP, *goed, goed[0], goed[1].replace(";5;", ";-5;")]).encode()
    voor = stand(), Meting.history.count(), Import.objects.count()
    resultaat = importeer(data, beheerder, doorvoeren=True)
    assert not resultaat.doorgevoerd and "er is niets ingelezen" in resultaat.meldingen[0]
    assert (stand(), Meting.history.count(), Import.objects.count()) == voor
    fouten = [(f.rij, f.reden[:3]) for f in resultaat.analyse.fouten]
    assert fouten == [(452, "Dub"), (453, "Een")]
    # The preview shown again is the full comparison.
    assert resultaat.analyse.aantal_nieuw == 450

    resultaat = importeer(data, beheerder, doorvoeren=True, alleen_geldige=True)
    assert resultaat.doorgevoerd
    record = resultaat.import_record
    assert (record.aantal_nieuw, record.aantal_ongeldig) == (450, 2)


@pytest.mark.django_db
def test_the_analysis_keeps_counts_and_only_the_first_errors(codes, plaatsen):
    data = "\n".join([KOP] + [f"onbekend{i};2023;;realisatie;5;KT" for i in range(300)]).encode()
    analyse = analyseer(lees_rijen(io.BytesIO(data), "m.csv"))
    assert analyse.aantal_fouten == 300 and analyse.aantal_ongeldige_rijen == 300
    assert len(analyse.fouten) == importregels.MAX_FOUTEN and analyse.fouten[-1].rij == 201


@pytest.mark.django_db
def test_progress_is_reported_per_chunk_with_increasing_counts(codes, plaatsen, beheerder, monkeypatch):
    monkeypatch.setattr(analyseren, "BLOK", 100)
    monkeypatch.setattr(ongedaan_dienst, "STAP", 150)
    data = csv(1_000, codes, plaatsen)
    meldingen = []
    resultaat = importeer(data, beheerder, doorvoeren=True, voortgang=lambda *a: meldingen.append(a))
    assert resultaat.doorgevoerd
    gedaan = [g for g, _ in meldingen]
    assert len(gedaan) >= 10 and gedaan == sorted(set(gedaan))
    # One pass (validate, compare and write each chunk) over 1.000 rows.
    assert meldingen[-1] == (1_000, 1_000)

    meldingen.clear()
    import_ongedaan_maken(
        import_record=resultaat.import_record, gebruiker=beheerder, voortgang=lambda *a: meldingen.append(a)
    )
    gedaan = [g for g, _ in meldingen]
    assert len(gedaan) >= 6 and gedaan == sorted(set(gedaan)) and meldingen[-1] == (1_000, 1_000)


@pytest.mark.django_db
def test_undo_restores_values_and_writes_history_set_based(codes, plaatsen, beheerder, monkeypatch):
    monkeypatch.setattr(ongedaan_dienst, "STAP", 700)
    eerste = importeer(csv(3_000, codes, plaatsen, waarde="7"), beheerder, doorvoeren=True).import_record
    assert eerste.aantal_nieuw == 3_000
    voor = stand()
    historie_voor = Meting.history.count()
    # The second import changes the first 3.000 metingen and adds 2.000 (different value, bron and status).
    data = csv(5_000, codes, plaatsen, waarde="8").replace(b"schaaltest", b"tweede")
    tweede = importeer(data, beheerder, doorvoeren=True).import_record
    assert (tweede.aantal_nieuw, tweede.aantal_gewijzigd) == (2_000, 3_000)

    with CaptureQueriesContext(connection) as vastgelegd:
        import_ongedaan_maken(import_record=tweede, gebruiker=beheerder)
    assert stand() == voor
    # Set-based: a handful of statements per slice, not one per meting.
    assert len(vastgelegd.captured_queries) < 100
    ongedaan = Meting.history.filter(history_change_reason=f"ongedaan:{tweede.pk}")
    assert ongedaan.filter(history_type="~").count() == 3_000
    assert ongedaan.filter(history_type="-").count() == 2_000
    assert Meting.history.count() == historie_voor + 5_000 + 5_000
    assert set(ongedaan.values_list("history_user", flat=True)) == {beheerder.pk}
    # Each restore's history row holds the restored values; each deletion's the deleted ones.
    for rij in ongedaan.filter(history_type="~").values("id", "waarde", "bron", "via_import_id")[:50]:
        assert (rij["waarde"], rij["bron"], rij["via_import_id"]) == (Decimal(7), "schaaltest", eerste.pk)
    for rij in ongedaan.filter(history_type="-").values("waarde", "bron")[:50]:
        assert (rij["waarde"], rij["bron"]) == (Decimal(8), "tweede")
    tweede.refresh_from_db()
    assert tweede.ongedaan_op is not None and tweede.ongedaan_door == beheerder
    with pytest.raises(ImportGeweigerd):
        import_ongedaan_maken(import_record=tweede, gebruiker=beheerder)

    # And the first import undone in turn leaves the database as it was before both.
    import_ongedaan_maken(import_record=eerste, gebruiker=beheerder)
    assert not Meting.objects.filter(bron="schaaltest").exists()
