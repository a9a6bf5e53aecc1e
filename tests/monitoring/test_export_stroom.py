"""The streamed exports: the same content as the in-memory exports they replace, in memory that does not grow.

`oude_*` below is the export as it was before streaming (model instances, one string or workbook in memory); it is
the oracle the streamed output must equal, cell for cell and byte for byte.
"""

import csv
import io
import tracemalloc
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from monitoring.constants import MetingSoort
from monitoring.export import (
    INDICATOR_KOPPEN,
    METING_KOPPEN,
    aantal_rijen,
    als_csv,
    als_xlsx,
    csv_regels,
    indicator_rijen,
    veilig,
    xlsx_schrijven,
)
from monitoring.models import Indicator, Meting, Vergelijkingsgebied, Wijk
from monitoring.weergave import drempel, verborgen


def _oud_getal(waarde: Decimal) -> Decimal:
    return waarde.quantize(Decimal(1)) if waarde == waarde.to_integral() else waarde.normalize()


def oude_meting_rijen(user):
    metingen = Meting.objects.select_related("indicator", "wijk", "gebied").order_by(
        "indicator__code", "periode_begin", "soort", "wijk__naam", "gebied__naam"
    )
    for meting in metingen:
        plaats = meting.wijk or meting.gebied
        waarde = (
            f"< {drempel()}"
            if verborgen(meting.waarde, meting.indicator.eenheid, user)
            else _oud_getal(meting.waarde)
        )
        yield [
            meting.indicator.code,
            meting.periode,
            (plaats.cbs_code or plaats.naam) if plaats else "",
            meting.get_soort_display(),
            waarde,
            meting.bron,
            meting.get_status_display() if meting.status else meting.status,
            meting.indicator.get_eenheid_display(),
            meting.indicator.naam,
        ]


def oude_csv(user, wat):
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";")
    koppen, rijen = (
        (INDICATOR_KOPPEN, indicator_rijen())
        if wat == "indicatoren"
        else (METING_KOPPEN, oude_meting_rijen(user))
    )
    schrijver.writerow(koppen)
    for rij in rijen:
        schrijver.writerow(
            [str(cel).replace(".", ",") if isinstance(cel, Decimal) else veilig(cel) for cel in rij]
        )
    return uitvoer.getvalue()


def oude_xlsx(user) -> bytes:
    werkmap = openpyxl.Workbook(write_only=True)
    for titel, koppen, rijen in (
        ("Metingen", METING_KOPPEN, oude_meting_rijen(user)),
        ("Indicatoren", INDICATOR_KOPPEN, indicator_rijen()),
    ):
        blad = werkmap.create_sheet(titel)
        blad.append(koppen)
        for rij in rijen:
            blad.append([veilig(cel) for cel in rij])
    uitvoer = io.BytesIO()
    werkmap.save(uitvoer)
    return uitvoer.getvalue()


def _bladen(inhoud):
    werkmap = openpyxl.load_workbook(io.BytesIO(inhoud) if isinstance(inhoud, bytes) else inhoud)
    return {blad.title: list(blad.iter_rows(values_only=True)) for blad in werkmap.worksheets}


@pytest.fixture
def demo_met_randgevallen(monitoring):
    """The demo data plus the cases the export treats specially: a wijk, a comparison area, a formula-like
    source, a small count of people and a decimal value."""
    indicator = Indicator.objects.filter(eenheid="aantal").order_by("code").first()
    wijk = Wijk.objects.create(naam="Hengelo-Zuid", cbs_code="WK016402")
    gebied = Vergelijkingsgebied.objects.order_by("pk").first() or Vergelijkingsgebied.objects.create(
        naam="Twente", soort="regio"
    )
    Meting.objects.create(
        indicator=indicator, periode="2023-Q2", wijk=wijk, soort="realisatie", waarde=3, bron="=HYPERLINK(x)"
    )
    Meting.objects.create(
        indicator=indicator, periode="2023-Q2", gebied=gebied, soort="realisatie", waarde=12
    )
    Meting.objects.create(
        indicator=indicator, periode="2022", soort="prognose", waarde=Decimal("1605.5"), bron="-eigen"
    )
    return indicator


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["college", "manager", "beheerder"])
def test_streamed_csv_equals_the_old_export_on_the_demo_data(demo_met_randgevallen, gebruiker, rol):
    user = gebruiker(rol)
    assert Meting.objects.count() > 10
    for wat in ("metingen", "indicatoren"):
        stukken = list(csv_regels(user, wat))
        assert stukken[0].startswith("\ufeff")
        assert "".join(stukken) == "\ufeff" + oude_csv(user, wat)
        assert als_csv(user, wat) == oude_csv(user, wat)
    tekst = als_csv(user)
    assert "'=HYPERLINK(x)" in tekst and "1605,5" in tekst
    assert (";< 10;" in tekst) == (rol == "college")


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["college", "beheerder"])
def test_streamed_xlsx_equals_the_old_export_on_the_demo_data(
    demo_met_randgevallen, gebruiker, rol, tmp_path
):
    user = gebruiker(rol)
    normaal = _bladen(oude_xlsx(user))
    stappen = []
    pad = tmp_path / "export.xlsx"
    xlsx_schrijven(user, pad, voortgang=lambda gedaan, totaal: stappen.append((gedaan, totaal)))
    # Issue 30 added a last sheet listing the others (tests/monitoring/test_excelgrens.py); the rest is unchanged.
    for bladen in (_bladen(str(pad)), _bladen(als_xlsx(user))):
        assert list(bladen) == [*normaal, "Inhoud"]
        del bladen["Inhoud"]
        assert bladen == normaal
    assert stappen[-1] == (aantal_rijen(user), aantal_rijen(user))
    assert aantal_rijen(user) == Meting.objects.count() + Indicator.objects.count()


def _nieuwe_metingen(aantal: int) -> list[Meting]:
    """`aantal` distinct unsaved metingen (indicator × month × kind × wijk), for bulk_create."""
    wijken = Wijk.objects.bulk_create(
        [Wijk(naam=f"Testwijk {i:02}", cbs_code=f"WK99{i:04}") for i in range(25)]
    )
    wijken = list(Wijk.objects.filter(naam__startswith="Testwijk"))
    maanden = [(2000 + m // 12, m % 12 + 1) for m in range(12 * 25)]
    nieuw = [
        Meting(
            indicator=indicator,
            periode=f"{jaar}-{maand:02}",
            periode_begin=date(jaar, maand, 1),
            wijk=wijk,
            soort=soort,
            waarde=Decimal("1234.5"),
            bron="Testbron",
        )
        for indicator in Indicator.objects.order_by("code")
        for jaar, maand in maanden
        for soort in MetingSoort.values
        for wijk in wijken
    ]
    assert len(nieuw) >= aantal, "te weinig indicatoren voor zoveel metingen"
    return nieuw[:aantal]


def _piek(maak) -> int:
    tracemalloc.start()
    try:
        maak()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _csv_lezen(user):
    for _ in csv_regels(user):
        pass


@pytest.mark.django_db
def test_export_memory_does_not_grow_with_the_number_of_metingen(monitoring, gebruiker, tmp_path):
    """Ten times the metingen need about as much memory: the rows are streamed, not collected.

    4.000 against 40.000 rows keeps the test affordable under tracemalloc; 20.000 against 200.000 passes the same
    way (measured once: 964 s on a loaded machine, too slow for every run).
    """
    user = gebruiker("beheerder")
    nieuw = _nieuwe_metingen(40_000)
    Meting.objects.bulk_create(nieuw[:4_000], batch_size=5_000)
    klein_csv = _piek(lambda: _csv_lezen(user))
    klein_xlsx = _piek(lambda: xlsx_schrijven(user, tmp_path / "klein.xlsx"))
    Meting.objects.bulk_create(nieuw[4_000:], batch_size=5_000)
    assert Meting.objects.count() > 40_000
    groot_csv = _piek(lambda: _csv_lezen(user))
    groot_xlsx = _piek(lambda: xlsx_schrijven(user, tmp_path / "groot.xlsx"))
    # Ten times the rows: the peak may wobble, never scale (the old exports grew ~10×).
    assert groot_csv < 1.5 * klein_csv, (klein_csv, groot_csv)
    assert groot_xlsx < 1.5 * klein_xlsx, (klein_xlsx, groot_xlsx)
    assert groot_csv < 20_000_000 and groot_xlsx < 20_000_000
