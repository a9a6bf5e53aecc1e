"""Issue 30: no XLSX the application writes holds a sheet Excel would open cut short.

Excel opens at most 1.048.576 rows per sheet (header included) and drops the rest without a word; at ten years the
export of all metingen has 1.296.133 rows. The splitting arithmetic is tested with the real limit, on counts; the
export itself with the limit lowered to a handful of rows, through the real export page and background job, and
read back with openpyxl. The admin's .xlsx export and the import benchmark refuse instead, in Dutch.
"""

import io

from django.core.management import CommandError, call_command
from django.urls import reverse

import openpyxl
import pytest

from monitoring import excelgrens
from monitoring.export import INDICATOR_KOPPEN, METING_KOPPEN, als_xlsx
from monitoring.models import Indicator, Meting
from tests.achtergrondtaken import met_taken, taakpagina

TIEN_JAAR = 1_296_133  # rows of the metingen export at ten years of data (issue 30)


# --- the arithmetic, with Excel's real limit ----------------------------------------------------------------------


def _gedekt(delen, aantal: int) -> None:
    """The sheets hold rows 1..aantal in order, each row once, none over Excel's limit with its header."""
    rijen = [r for deel in delen for r in range(deel.eerste, deel.laatste + 1)]
    assert rijen == list(range(1, aantal + 1))
    assert all(deel.aantal + 1 <= excelgrens.EXCEL_MAX_RIJEN for deel in delen)


def test_the_limit_is_excels_own():
    assert excelgrens.EXCEL_MAX_RIJEN == 1_048_576
    assert excelgrens.EXCEL_MAX_KOLOMMEN == 16_384
    assert excelgrens.rijen_per_blad() == 1_048_575


def test_rows_up_to_the_limit_with_their_header_fit_one_sheet():
    (deel,) = excelgrens.bladdelen("Metingen", 1_048_575)
    assert (deel.blad, deel.eerste, deel.laatste, deel.aantal) == ("Metingen", 1, 1_048_575, 1_048_575)
    assert deel.aantal + 1 == excelgrens.EXCEL_MAX_RIJEN  # exactly full, header included


def test_one_row_more_starts_a_second_sheet():
    eerste, tweede = excelgrens.bladdelen("Metingen", 1_048_576)
    assert (eerste.blad, eerste.eerste, eerste.laatste) == ("Metingen", 1, 1_048_575)
    assert (tweede.blad, tweede.eerste, tweede.laatste) == ("Metingen (2)", 1_048_576, 1_048_576)
    assert [eerste.omschrijving, tweede.omschrijving] == ["Metingen, deel 1 van 2", "Metingen, deel 2 van 2"]


@pytest.mark.parametrize(
    ("aantal", "bladen"),
    [
        (0, 1),
        (1, 1),
        (1_048_575, 1),
        (1_048_576, 2),
        (TIEN_JAAR, 2),
        (2 * 1_048_575, 2),
        (2 * 1_048_575 + 1, 3),
    ],
)
def test_every_row_lands_on_exactly_one_sheet_within_the_limit(aantal, bladen):
    delen = excelgrens.bladdelen("Metingen", aantal)
    assert [d.blad for d in delen] == ["Metingen"] + [f"Metingen ({n})" for n in range(2, bladen + 1)]
    _gedekt(delen, aantal)


def test_ten_years_of_metingen_no_longer_lose_a_fifth():
    _eerste, tweede = excelgrens.bladdelen("Metingen", TIEN_JAAR)
    assert tweede.aantal == TIEN_JAAR - 1_048_575 == 247_558


def test_an_empty_table_keeps_its_sheet():
    (deel,) = excelgrens.bladdelen("Indicatoren", 0)
    assert (deel.blad, deel.aantal, deel.omschrijving) == ("Indicatoren", 0, "Indicatoren (geen rijen)")


# --- the export through the page, with the limit lowered ------------------------------------------------------


def _export_via_de_pagina(client, user) -> bytes:
    """The XLSX as a user gets it: POST on the export page, the background job, the download."""
    client.force_login(user)
    taak = taakpagina(client, met_taken(lambda: client.post(reverse("monitoring:export")))).context["taak"]
    antwoord = client.get(reverse("kern:taak_bestand", args=[taak.pk]))
    assert antwoord.status_code == 200
    return b"".join(antwoord.streaming_content)


def _inhoud(werkmap) -> dict[str, tuple]:
    """The contents sheet: sheet name → (what it holds, from row, to row, number of rows)."""
    rijen = list(werkmap["Inhoud"].iter_rows(values_only=True))
    assert list(rijen[0]) == excelgrens.INHOUD_KOPPEN
    return {r[0]: tuple(r[1:5]) for r in rijen[1:] if r and r[0] and r[0] in werkmap.sheetnames}


@pytest.mark.django_db
def test_a_long_export_continues_on_further_sheets_with_a_contents_sheet(
    client, monitoring, gebruiker, monkeypatch
):
    beheerder = gebruiker("beheerder")
    volledig = openpyxl.load_workbook(io.BytesIO(als_xlsx(beheerder)))  # Excel's real limit: one sheet each
    verwacht = {
        "Metingen": list(volledig["Metingen"].iter_rows(values_only=True))[1:],
        "Indicatoren": list(volledig["Indicatoren"].iter_rows(values_only=True))[1:],
    }
    assert len(verwacht["Metingen"]) == Meting.objects.count() > 20
    assert len(verwacht["Indicatoren"]) == Indicator.objects.count() > 10

    monkeypatch.setattr(excelgrens, "EXCEL_MAX_RIJEN", 5)  # a header and four rows per sheet
    werkmap = openpyxl.load_workbook(io.BytesIO(_export_via_de_pagina(client, beheerder)))

    # No data sheet past the (lowered) limit; "Inhoud" has a row per sheet, a handful at Excel's real limit.
    assert {b.title: b.max_row for b in werkmap.worksheets if b.max_row > 5 and b.title != "Inhoud"} == {}
    assert werkmap.sheetnames[0] == "Metingen"  # where the import reads
    assert werkmap.sheetnames[-1] == "Inhoud"
    inhoud = _inhoud(werkmap)
    for tabel, koppen in (("Metingen", METING_KOPPEN), ("Indicatoren", INDICATOR_KOPPEN)):
        aantal = len(verwacht[tabel])
        bladen = [n for n in werkmap.sheetnames if n == tabel or n.startswith(f"{tabel} (")]
        assert bladen == [tabel] + [f"{tabel} ({n})" for n in range(2, -(-aantal // 4) + 1)]
        gelezen, eerste = [], 1
        for nummer, naam in enumerate(bladen, start=1):
            rijen = list(werkmap[naam].iter_rows(values_only=True))
            assert len(rijen) <= 5, naam  # never past the (lowered) limit
            assert list(rijen[0]) == koppen, naam  # the header on every sheet
            # The contents sheet says what this sheet holds and which rows of the whole table.
            omschrijving = tabel if len(bladen) == 1 else f"{tabel}, deel {nummer} van {len(bladen)}"
            assert inhoud[naam] == (omschrijving, eerste, eerste + len(rijen) - 2, len(rijen) - 1), naam
            gelezen += rijen[1:]
            eerste += len(rijen) - 1
        assert gelezen == verwacht[tabel]  # every row once, in order, none lost, none twice
    assert set(inhoud) == set(werkmap.sheetnames) - {"Inhoud"}


@pytest.mark.django_db
def test_an_export_that_fits_one_sheet_stays_one_sheet_per_table(monitoring, gebruiker, monkeypatch):
    beheerder = gebruiker("beheerder")
    # Exactly full: each table's rows plus its header equal the limit.
    monkeypatch.setattr(
        excelgrens, "EXCEL_MAX_RIJEN", max(Meting.objects.count(), Indicator.objects.count()) + 1
    )
    werkmap = openpyxl.load_workbook(io.BytesIO(als_xlsx(beheerder)))
    assert werkmap.sheetnames == ["Metingen", "Indicatoren", "Inhoud"]
    assert _inhoud(werkmap)["Metingen"] == ("Metingen", 1, Meting.objects.count(), Meting.objects.count())


# --- what cannot split refuses, in Dutch -------------------------------------------------------------------------


def _admin_export(client, formaat: str):
    url = reverse("admin:monitoring_meting_export")
    formulier = client.get(url).context["form"]
    keuze = next(nummer for nummer, label in formulier.fields["format"].choices if label == formaat)
    velden = {
        naam: "on" for naam, veld in formulier.fields.items() if getattr(veld, "is_selectable_field", 0)
    }
    return client.post(url, {"format": keuze, "resource": 0, **velden})


@pytest.mark.django_db
def test_the_admin_refuses_an_xlsx_export_excel_would_cut_short_and_still_gives_csv(
    client, monitoring, gebruiker, monkeypatch
):
    client.force_login(gebruiker("beheerder"))
    monkeypatch.setattr(
        excelgrens, "EXCEL_MAX_RIJEN", Meting.objects.count()
    )  # one row short, with the header
    antwoord = _admin_export(client, "xlsx")
    assert antwoord.status_code == 200 and "Content-Disposition" not in antwoord
    meldingen = [str(m) for m in antwoord.context["messages"]]
    assert any("Excel opent er hoogstens" in m and "CSV" in m for m in meldingen), meldingen

    antwoord = _admin_export(client, "csv")
    assert antwoord.status_code == 200 and "attachment" in antwoord["Content-Disposition"]

    monkeypatch.setattr(excelgrens, "EXCEL_MAX_RIJEN", Meting.objects.count() + 1)  # exactly full: allowed
    antwoord = _admin_export(client, "xlsx")
    blad = openpyxl.load_workbook(io.BytesIO(antwoord.content)).active
    assert blad.max_row == Meting.objects.count() + 1


def test_the_import_benchmark_refuses_an_xlsx_excel_would_cut_short():
    with pytest.raises(CommandError, match="Excel opent er hoogstens 1.048.576 per werkblad"):
        call_command("benchmark_import", rijen=1_048_576, formaat="xlsx")
