"""
Imports of spreadsheets as Dutch municipal data teams really save them, through the real upload page.

Excel stores what a person types as a number plus a number format: `47,3%` is 0.473 with format `0.0%`, `1.605` is
1605 with `#,##0`, a month is a date. These files are written the way Excel writes them (openpyxl numeric cells
with a number format), and the stored values are checked against what a person sees in Excel.
"""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import openpyxl
import pytest

from monitoring.models import Import, Meting
from tests.achtergrondtaken import import_doorvoeren, import_proef
from tests.monitoring.bestanden import csv_bestand

URL = "monitoring:import"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def beheer_client(client, monitoring, beheerder):
    client.force_login(beheerder)
    return client


def excel_bestand(rijen: list[list], naam: str = "excel.xlsx") -> SimpleUploadedFile:
    """An .xlsx as Excel saves it: a cell given as (value, number format) is a typed cell with that format."""
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    for r, rij in enumerate(rijen, start=1):
        for k, cel in enumerate(rij, start=1):
            waarde, formaat = cel if isinstance(cel, tuple) else (cel, None)
            doel = blad.cell(row=r, column=k, value=waarde)
            if formaat:
                doel.number_format = formaat
    uitvoer = io.BytesIO()
    werkmap.save(uitvoer)
    return SimpleUploadedFile(naam, uitvoer.getvalue())


def proef(client, bestand):
    return import_proef(client, bestand)


def doorvoeren(client, **extra):
    return import_doorvoeren(client, **extra)


def meting(code, periode, soort="realisatie"):
    return Meting.objects.get(indicator__code=code, periode=periode, soort=soort, wijk=None, gebied=None)


# -- typed cells ---------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_percent_formatted_number_cells_import_as_the_percentage_excel_shows(beheer_client):
    bestand = excel_bestand(
        [
            ["indicator", "soort", 2022, 2023, 2024],
            ["6.1.1.1", "realisatie", (0.473, "0.0%"), (0.5, "0%"), (0.455, "0.00%")],
        ]
    )
    analyse = proef(beheer_client, bestand).context["resultaat"].analyse
    assert not analyse.fouten and not analyse.waarschuwingen
    doorvoeren(beheer_client)
    assert (meting("6.1.1.1", "2022").waarde, meting("6.1.1.1", "2022").decimalen) == (Decimal("47.3"), 1)
    assert (meting("6.1.1.1", "2023").waarde, meting("6.1.1.1", "2023").decimalen) == (Decimal("50"), 0)
    assert (meting("6.1.1.1", "2024").waarde, meting("6.1.1.1", "2024").decimalen) == (Decimal("45.5"), 2)


@pytest.mark.django_db
def test_thousands_formatted_and_text_typed_numbers_import_as_shown(beheer_client):
    bestand = excel_bestand(
        [
            ["indicator", "periode", "soort", "waarde"],
            ["6.2.2.2", 2022, "realisatie", (1650, "#,##0")],
            ["6.2.2.2", "2023", "realisatie", "1.605"],  # a number typed as text
            ["6.1.1.1", "2023", "realisatie", "47,3%"],  # a percentage typed as text
            ["6.1.1.1", "2024", "realisatie", "15,0%"],
        ]
    )
    analyse = proef(beheer_client, bestand).context["resultaat"].analyse
    assert not analyse.fouten and len(analyse.nieuw) == 4
    doorvoeren(beheer_client)
    assert (meting("6.2.2.2", "2022").waarde, meting("6.2.2.2", "2022").decimalen) == (Decimal("1650"), 0)
    assert (meting("6.2.2.2", "2023").waarde, meting("6.2.2.2", "2023").decimalen) == (Decimal("1605"), 0)
    assert (meting("6.1.1.1", "2023").waarde, meting("6.1.1.1", "2023").decimalen) == (Decimal("47.3"), 1)
    assert (meting("6.1.1.1", "2024").waarde, meting("6.1.1.1", "2024").decimalen) == (Decimal("15"), 1)


@pytest.mark.django_db
def test_a_figure_keeps_the_precision_of_its_cell_on_the_indicator_page(beheer_client):
    proef(
        beheer_client,
        excel_bestand([["indicator", "soort", 2024], ["6.1.1.1", "realisatie", (0.15, "0.0%")]]),
    )
    doorvoeren(beheer_client)
    html = beheer_client.get(reverse("monitoring:indicator_detail", args=["6.1.1.1"])).content.decode()
    assert "15,0%" in html


@pytest.mark.django_db
def test_date_cells_give_a_month_or_a_year_and_a_date_is_no_value(beheer_client):
    bestand = excel_bestand(
        [
            ["indicator", "periode", "soort", "waarde"],
            ["6.1.1.1", (date(2025, 5, 1), "mmm yyyy"), "realisatie", (0.46, "0%")],
            ["6.1.1.1", (date(2024, 1, 1), "yyyy"), "realisatie", (0.47, "0%")],
            ["6.1.1.1", "2023", "realisatie", (date(2023, 5, 1), "dd-mm-yyyy")],
            ["6.1.1.1", (date(2025, 5, 17), "dd-mm-yyyy"), "prognose", (0.46, "0%")],
        ]
    )
    analyse = proef(beheer_client, bestand).context["resultaat"].analyse
    assert sorted(v.periode.tekst for v in analyse.nieuw) == ["2024", "2025-05"]
    fouten = {f.rij: (f.kolom, f.waarde, f.reden) for f in analyse.fouten}
    assert fouten[4][:2] == ("waarde", "01-05-2023") and "datum, geen getal" in fouten[4][2]
    assert fouten[5][:2] == ("periode", "17-05-2025") and "geen periode" in fouten[5][2]


@pytest.mark.django_db
def test_reimporting_a_typed_file_changes_nothing(beheer_client):
    rijen = [["indicator", "soort", 2023], ["6.1.1.1", "realisatie", (0.481, "0.0%")]]
    proef(beheer_client, excel_bestand(rijen))
    doorvoeren(beheer_client)
    analyse = proef(beheer_client, excel_bestand(rijen)).context["resultaat"].analyse
    assert (len(analyse.nieuw), len(analyse.gewijzigd), len(analyse.ongewijzigd)) == (0, 0, 1)


# -- plausibility --------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_fraction_in_a_percentage_series_is_a_warning_with_its_reason_not_an_error(beheer_client):
    antwoord = proef(
        beheer_client,
        excel_bestand(
            [
                ["indicator", "periode", "soort", "waarde"],
                ["6.1.1.1", 2023, "realisatie", 0.47],  # typed without a percent format: 0,47%
                ["6.1.1.1", 2024, "realisatie", (0.48, "0%")],
            ]
        ),
    )
    analyse = antwoord.context["resultaat"].analyse
    assert not analyse.fouten
    (twijfel,) = analyse.waarschuwingen
    assert (
        twijfel.periode.tekst == "2023"
        and "fractie" in twijfel.waarschuwing
        and "47%" in twijfel.waarschuwing
    )
    html = antwoord.content.decode()
    assert 'id="waarschuwingen"' in html and "fractie" in html
    assert "Importeren" in html  # a person decides: the commit stays possible


@pytest.mark.django_db
def test_a_count_ten_times_its_last_value_is_a_warning(beheer_client):
    antwoord = proef(
        beheer_client,
        csv_bestand(
            [
                "indicator;periode;soort;waarde",
                "6.2.2.2;2022;realisatie;16.050",  # the series stands at 1.605
                "6.2.2.2;2023;realisatie;1.650",
            ]
        ),
    )
    (twijfel,) = antwoord.context["resultaat"].analyse.waarschuwingen
    assert twijfel.periode.tekst == "2022"
    assert "10 keer zo groot" in twijfel.waarschuwing and "1.605" in twijfel.waarschuwing


# -- cell, not row -------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_one_bad_cell_in_a_wide_row_rejects_that_cell_and_quotes_it_as_the_file_shows_it(beheer_client):
    bestand = excel_bestand(
        [
            ["indicator", "soort", 2022, 2023, 2024],
            ["6.1.1.1", "realisatie", (0.46, "0%"), (2023, "0.0%"), (0.47, "0%")],  # 2023 typed in a % cell
        ]
    )
    analyse = proef(beheer_client, bestand).context["resultaat"].analyse
    assert [(f.rij, f.kolom, f.waarde) for f in analyse.fouten] == [(2, "2023", "202300,0%")]
    assert sorted(v.periode.tekst for v in analyse.nieuw) == ["2022", "2024"]
    antwoord = doorvoeren(beheer_client)
    assert "er is niets ingelezen" in antwoord.content.decode()
    assert not Meting.objects.filter(indicator__code="6.1.1.1", periode="2022", soort="realisatie").exists()
    doorvoeren(beheer_client, alleen_geldige="on")
    assert meting("6.1.1.1", "2022").waarde == Decimal("46")
    assert meting("6.1.1.1", "2024").waarde == Decimal("47")
    assert not Meting.objects.filter(indicator__code="6.1.1.1", periode="2023", soort="realisatie").exists()
    assert Import.objects.get().aantal_ongeldig == 1


@pytest.mark.django_db
def test_an_error_in_the_rows_own_columns_still_rejects_the_whole_row(beheer_client):
    analyse = (
        proef(beheer_client, csv_bestand(["indicator;soort;2022;2023", "9.9.9;realisatie;46%;47%"]))
        .context["resultaat"]
        .analyse
    )
    assert [f.kolom for f in analyse.fouten] == ["indicator"] and not analyse.voorstellen


# -- preview -------------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_preview_lists_new_rows_and_says_what_changes_when_only_source_or_status_changes(beheer_client):
    oud = meting("6.1.1.1", "2021")
    antwoord = proef(
        beheer_client,
        csv_bestand(
            [
                "indicator;periode;soort;waarde;bron;status",
                "6.1.1.1;2025-Q2;realisatie;48,1%;Kennispunt Twente;voorlopig",
                f"6.1.1.1;2021;realisatie;45,5%;CBS;{oud.status}",
                "6.1.1.1;2022;streef;45,0%;;voorlopig",
            ]
        ),
    )
    analyse = antwoord.context["resultaat"].analyse
    html = antwoord.content.decode()
    nieuw_tabel = html.split('id="nieuw"')[1].split("</table>")[0]
    assert "2e kwartaal 2025" in nieuw_tabel and "48,1%" in nieuw_tabel and "Kennispunt Twente" in nieuw_tabel
    bron, status = sorted(analyse.gewijzigd, key=lambda v: v.soort)
    assert bron.wijzigingen == [f"bron '{oud.bron}' → 'CBS'"]
    assert status.wijzigingen == ["status definitief → voorlopig"]
    gewijzigd_tabel = html.split('id="gewijzigd"')[1].split("</table>")[0]
    assert "→ &#x27;CBS&#x27;" in gewijzigd_tabel and "status definitief → voorlopig" in gewijzigd_tabel


@pytest.mark.django_db
def test_a_refused_commit_keeps_the_preview_and_the_stored_file_for_the_next_choice(beheer_client, tmp_path):
    proef(
        beheer_client,
        csv_bestand(
            ["indicator;periode;soort;waarde", "6.1.1.1;2023;realisatie;48%", "6.1.1.1;2024;realisatie;x"]
        ),
    )
    taak = doorvoeren(
        beheer_client
    )  # the commit job refuses: its page says why and leads back to the preview
    assert "er is niets ingelezen" in taak.content.decode()
    antwoord = beheer_client.get(taak.context["taak"].resultaat["terug_url"])
    html = antwoord.content.decode()
    assert 'id="fouten"' in html and 'id="nieuw"' in html
    assert 'name="alleen_geldige"' in html and 'name="doorvoeren"' in html
    assert len(list(Path(tmp_path, "imports").iterdir())) == 1  # stored once, under its sha256
    antwoord = doorvoeren(beheer_client, alleen_geldige="on")  # no second upload
    assert "Ingelezen: 1 nieuwe" in antwoord.content.decode()
    assert meting("6.1.1.1", "2023").waarde == Decimal("48")


# -- periods -------------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_free_text_periods_are_refused_and_months_are_shown_the_dutch_way(beheer_client):
    antwoord = proef(
        beheer_client,
        csv_bestand(
            [
                "indicator;periode;soort;waarde",
                "6.1.1.1;vorige maand;realisatie;48%",
                "6.1.1.1;2025-05;realisatie;48%",
            ]
        ),
    )
    (fout,) = antwoord.context["resultaat"].analyse.fouten
    assert (fout.kolom, fout.waarde) == ("periode", "vorige maand") and "geen periode" in fout.reden
    assert "mei 2025" in antwoord.content.decode()
