"""The import's fast path (issue 14): one pass over the file, set-based history, nearest value by bisection.

Each test pins what the speed-up may not change: the history rows simple_history's bulk helpers would write, the
plausibility warning the brute-force rule gives, and the all-or-nothing commit of a file with an error.
"""

import io
import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection, transaction

import pytest

from monitoring.importregels import Buren, Importregels, analyseren
from monitoring.models import Import, Indicator, Meting, Wijk
from monitoring.services import metingen_importeren

SOORTEN = ("peil", "streef", "realisatie", "prognose")


@pytest.fixture
def plaatsen(monitoring):
    """Hengelo ('') and three wijken, by the code a file uses."""
    wijken = [Wijk.objects.create(naam=f"Tempowijk {i}", cbs_code=f"WT{i:04d}") for i in range(3)]
    return [""] + [w.cbs_code for w in wijken]


@pytest.fixture
def codes(monitoring):
    """Indicators counted in numbers, so any small value fits their unit."""
    return list(
        Indicator.objects.filter(eenheid="aantal").order_by("code").values_list("code", flat=True)[:5]
    )


def bestand(regels: list[str], kop: str = "indicator;periode;wijk;soort;waarde;bron") -> bytes:
    return ("\n".join([kop, *regels]) + "\n").encode()


def sleutels(aantal: int, codes, plaatsen):
    """`aantal` different (indicator, month, place, kind) keys."""
    uit = []
    maand = 0
    while len(uit) < aantal:
        periode = f"{2001 + maand // 12}-{maand % 12 + 1:02d}"
        for code in codes:
            for plaats in plaatsen:
                for soort in SOORTEN:
                    if len(uit) < aantal:
                        uit.append((code, periode, plaats, soort))
        maand += 1
    return uit


def importeer(data: bytes, gebruiker, **kwargs):
    return metingen_importeren(
        bestand=io.BytesIO(data), bestandsnaam="tempo.csv", gebruiker=gebruiker, **kwargs
    )


def historie(record: Import) -> list[tuple]:
    """The import's history rows, every column but history id and date; the meting id only of a change."""
    rijen = Meting.history.filter(history_change_reason=record.wijzigingsreden).values()
    uit = []
    for rij in rijen:
        assert rij["via_import_id"] == record.pk
        uit.append(
            (
                rij["id"] if rij["history_type"] == "~" else None,
                rij["indicator_id"],
                rij["periode"],
                rij["periode_begin"],
                rij["wijk_id"],
                rij["gebied_id"],
                rij["soort"],
                Decimal(rij["waarde"]),
                rij["decimalen"],
                rij["bron"],
                rij["status"],
                rij["history_type"],
                rij["history_user_id"],
                rij["history_change_reason"] == record.wijzigingsreden,
            )
        )
    return sorted(uit, key=repr)


def stand(record: Import) -> list[tuple]:
    """The metingen as stored after an import, by key (a new one's id differs between two runs)."""
    rijen = Meting.objects.values()
    return sorted(
        (
            (
                *(
                    rij[k]
                    for k in ("indicator_id", "periode", "periode_begin", "wijk_id", "gebied_id", "soort")
                ),
                Decimal(rij["waarde"]),
                rij["decimalen"],
                rij["bron"],
                rij["status"],
                rij["via_import_id"] == record.pk,
            )
            for rij in rijen
        ),
        key=repr,
    )


class _Terug(Exception):
    pass


@pytest.mark.django_db
def test_history_rows_of_the_fast_path_equal_what_simple_historys_bulk_helpers_write(
    codes, plaatsen, beheerder, monkeypatch
):
    monkeypatch.setattr(analyseren, "BLOK", 70)  # several chunks, each with new and changed metingen
    alle = sleutels(400, codes, plaatsen)
    eerste = [f"{c};{p};{w};{s};5;eerste" for c, p, w, s in alle[:250]]
    assert importeer(bestand(eerste), beheerder, doorvoeren=True).doorgevoerd
    # Changed (value, decimals, bron, status; some keep their bron), unchanged, and new metingen.
    tweede = []
    for nummer, (c, p, w, s) in enumerate(alle[100:]):
        waarde = ("6,50", "5", "7", "12,125")[nummer % 4]
        bron = "" if nummer % 3 == 0 else "tweede"
        status = ("", "definitief", "voorlopig")[nummer % 3]
        tweede.append(f"{c};{p};{w};{s};{waarde};{bron};{status}")
    data = bestand(tweede, kop="indicator;periode;wijk;soort;waarde;bron;status")

    # The library's way (the path for a database that returns no ids from a bulk insert), then rolled back.
    try:
        with transaction.atomic():
            with monkeypatch.context() as m:
                m.setattr(type(connection.features), "can_return_rows_from_bulk_insert", False)
                resultaat = importeer(data, beheerder, doorvoeren=True)
            assert resultaat.doorgevoerd
            verwacht_historie = historie(resultaat.import_record)
            verwacht_stand = stand(resultaat.import_record)
            raise _Terug
    except _Terug:
        pass

    resultaat = importeer(data, beheerder, doorvoeren=True)
    record = resultaat.import_record
    assert (record.aantal_nieuw, record.aantal_gewijzigd, record.aantal_ongewijzigd) == (150, 138, 12)
    assert historie(record) == verwacht_historie
    assert len(verwacht_historie) == 150 + 138
    assert stand(record) == verwacht_stand


def brute_kracht(begin: date, reeks: dict, uitgesloten) -> tuple | None:
    """The rule as written first: the minimum over every other non-zero value of the series."""
    anderen = [
        (b, waarde, periode)
        for sleutel, (b, waarde, periode) in reeks.items()
        if waarde and sleutel not in uitgesloten
    ]
    if not anderen:
        return None
    return min(anderen, key=lambda a: (abs((a[0] - begin).days), a[0] > begin))


def test_nearest_value_by_bisection_equals_the_brute_force_rule_on_random_series():
    toeval = random.Random(14)
    begin_van = date(2020, 1, 1)
    for _ in range(3_000):
        # Few distinct begins, so ties (same begin, same distance either side) are common.
        aantal = toeval.randint(0, 25)
        eigen = (1, "2020-05", None, None, "peil")
        reeks = {}
        for nummer in range(aantal):
            dag = begin_van + timedelta(days=30 * toeval.randint(0, 8))
            sleutel = toeval.choice([eigen, ("bestand", *eigen), (1, f"p{nummer}", None, None, "streef")])
            waarde = Decimal(toeval.choice([0, 1, 2, 50, -3]))
            reeks[sleutel] = (dag, waarde, f"p{nummer}")
        gevraagd = begin_van + timedelta(days=30 * toeval.randint(0, 8) + toeval.choice([0, 0, 15]))
        uitgesloten = (eigen, ("bestand", *eigen))
        assert Buren(reeks).naaste(gevraagd, uitgesloten) == brute_kracht(gevraagd, reeks, uitgesloten)


@pytest.mark.django_db
def test_the_warning_names_the_nearest_earlier_value_on_a_tie(codes, beheerder):
    code = codes[0]
    # July and September both lie 31 days from August: the earlier one is the reference ("ten times its last").
    data = bestand([f"{code};2001-07;;peil;10", f"{code};2001-08;;peil;1000", f"{code};2001-09;;peil;100000"])
    analyse = importeer(data, beheerder).analyse
    waarschuwing = next(v.waarschuwing for v in analyse.voorstellen if v.periode.tekst == "2001-08")
    assert "100 keer zo groot" in waarschuwing and "juli 2001" in waarschuwing


@pytest.mark.django_db
def test_a_commit_reads_the_file_once(codes, plaatsen, beheerder, monkeypatch):
    monkeypatch.setattr(analyseren, "BLOK", 50)
    gelezen = []
    echte_rij = Importregels.rij

    def rij(self, nummer, *args, **kwargs):
        gelezen.append(nummer)
        return echte_rij(self, nummer, *args, **kwargs)

    monkeypatch.setattr(Importregels, "rij", rij)
    data = bestand([f"{c};{p};{w};{s};5;x" for c, p, w, s in sleutels(300, codes, plaatsen)])
    meldingen = []
    resultaat = importeer(data, beheerder, doorvoeren=True, voortgang=lambda *a: meldingen.append(a))
    assert resultaat.doorgevoerd and resultaat.import_record.aantal_nieuw == 300
    assert sorted(gelezen) == list(range(2, 302))  # each data row once: no separate validation pass
    gedaan = [g for g, _ in meldingen]
    assert gedaan == sorted(gedaan) and meldingen[-1] == (300, 300)


@pytest.mark.django_db
def test_an_error_in_the_last_chunk_writes_nothing_and_shows_the_whole_preview(
    codes, plaatsen, beheerder, monkeypatch
):
    monkeypatch.setattr(analyseren, "BLOK", 50)
    regels = [f"{c};{p};{w};{s};5;x" for c, p, w, s in sleutels(300, codes, plaatsen)]
    regels[-1] = regels[-1].replace(";5;", ";vijf;")
    metingen, historie_rijen, imports = Meting.objects.count(), Meting.history.count(), Import.objects.count()
    meldingen = []
    resultaat = importeer(
        bestand(regels), beheerder, doorvoeren=True, voortgang=lambda *a: meldingen.append(a)
    )
    assert not resultaat.doorgevoerd and resultaat.import_record is None
    assert (Meting.objects.count(), Meting.history.count(), Import.objects.count()) == (
        metingen,
        historie_rijen,
        imports,
    )
    assert "er is niets ingelezen" in resultaat.meldingen[0]
    analyse = resultaat.analyse
    assert (analyse.aantal_fouten, analyse.fouten[0].rij, analyse.aantal_nieuw) == (1, 301, 299)
    # The bar never goes back (the preview reads the file again) and ends at the total.
    gedaan = [g for g, _ in meldingen]
    assert gedaan == sorted(gedaan) and meldingen[-1] == (300, 300)
