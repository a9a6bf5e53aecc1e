"""
The admin import (django-import-export) reads a typed .xlsx as the import page does: what a person sees in Excel.

tablib keeps only a cell's stored value, so a `47,3%` cell (0.473 with format `0.0%`) would reach the shared rules as
0,473; the admin reads .xlsx through monitoring.importbestand instead.
"""

import io
from decimal import Decimal
from pathlib import Path

from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import openpyxl
import pytest

from monitoring.models import Meting


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """A confirmed import keeps its file as the Import's evidence (MEDIA_ROOT/imports): in the test's own folder."""
    settings.MEDIA_ROOT = tmp_path


LIBREOFFICE_XLSX = Path(__file__).parent / "voorbeeldbestanden" / "libreoffice.xlsx"


@pytest.fixture
def beheer_client(client, monitoring, beheerder):
    client.force_login(beheerder)
    return client


def xlsx_formaat() -> str:
    """The index of .xlsx in the admin's import form."""
    formaten = admin.site._registry[Meting].get_import_formats()
    return str([f().get_title() for f in formaten].index("xlsx"))


def excel_bestand(rijen: list[list]) -> SimpleUploadedFile:
    """A cell given as (value, number format) is a typed cell with that format, as Excel saves it."""
    werkmap = openpyxl.Workbook()
    for r, rij in enumerate(rijen, start=1):
        for k, cel in enumerate(rij, start=1):
            waarde, formaat = cel if isinstance(cel, tuple) else (cel, None)
            doel = werkmap.active.cell(row=r, column=k, value=waarde)
            if formaat:
                doel.number_format = formaat
    uitvoer = io.BytesIO()
    werkmap.save(uitvoer)
    return SimpleUploadedFile("metingen.xlsx", uitvoer.getvalue())


def upload(client, bestand):
    return client.post(
        reverse("admin:monitoring_meting_import"),
        {"import_file": bestand, "format": xlsx_formaat(), "resource": "0"},
    )


def bevestig(client, antwoord):
    """Confirm the previewed import, as the admin's 'Confirm import' button does."""
    resultaat = antwoord.context["result"]
    assert not resultaat.has_errors() and not resultaat.has_validation_errors()
    return client.post(
        reverse("admin:monitoring_meting_process_import"), antwoord.context["confirm_form"].initial
    )


def meting(code, periode):
    return Meting.objects.get(
        indicator__code=code, periode=periode, soort="realisatie", wijk=None, gebied=None
    )


@pytest.mark.django_db
def test_a_percent_formatted_cell_imports_through_the_admin_as_the_percentage_excel_shows(beheer_client):
    antwoord = upload(
        beheer_client,
        excel_bestand(
            [
                ["indicator", "periode", "wijk", "soort", "waarde", "bron"],
                ["6.1.1.1", 2023, None, "realisatie", (0.473, "0.0%"), "Kennispunt Twente"],
                ["6.2.2.2", 2023, None, "realisatie", (1605, "#,##0"), "Kennispunt Twente"],
            ]
        ),
    )
    assert antwoord.status_code == 200
    bevestig(beheer_client, antwoord)
    assert (meting("6.1.1.1", "2023").waarde, meting("6.1.1.1", "2023").decimalen) == (Decimal("47.3"), 1)
    assert (meting("6.2.2.2", "2023").waarde, meting("6.2.2.2", "2023").decimalen) == (Decimal("1605"), 0)
    assert meting("6.1.1.1", "2023").history.count() == 1


@pytest.mark.django_db
def test_the_admin_quotes_a_bad_typed_cell_as_excel_shows_it_and_saves_nothing(beheer_client):
    aantal = Meting.objects.count()
    antwoord = upload(
        beheer_client,
        excel_bestand(
            [
                ["indicator", "periode", "wijk", "soort", "waarde", "bron"],
                ["6.1.1.1", 2023, None, "realisatie", (1.473, "0.0%"), "KT"],  # 147,3%
            ]
        ),
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "147,3%" in html and "Een percentage ligt tussen 0 en 100." in html
    assert Meting.objects.count() == aantal


@pytest.mark.django_db
def test_a_libreoffice_file_imports_through_the_admin_as_it_shows(beheer_client):
    bestand = SimpleUploadedFile("metingen.xlsx", LIBREOFFICE_XLSX.read_bytes())
    bevestig(beheer_client, upload(beheer_client, bestand))
    assert (meting("6.1.1.1", "2023").waarde, meting("6.1.1.1", "2023").decimalen) == (Decimal("47.3"), 1)
    assert (meting("6.1.1.1", "2025-05").waarde, meting("6.1.1.1", "2025-05").decimalen) == (
        Decimal("48.15"),
        2,
    )
    assert meting("6.2.2.2", "2023").waarde == Decimal("1605")


@pytest.mark.django_db
def test_a_damaged_xlsx_gets_a_dutch_message_in_the_admin(beheer_client):
    antwoord = upload(beheer_client, SimpleUploadedFile("metingen.xlsx", b"geen zip"))
    assert antwoord.status_code == 200
    assert "geen geldig .xlsx-bestand" in antwoord.content.decode()
