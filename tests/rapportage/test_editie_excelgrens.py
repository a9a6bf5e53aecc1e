"""Issue 30: the XLSX of an edition never stores a sheet Excel would open cut short.

A section holds a few hundred rows at most, so the edition's XLSX refuses rather than splits (monitoring/excelgrens.py):
publishing then fails with a Dutch message and the edition stays as it was. Tested with the limit lowered to the
edition's own longest sheet (fits exactly) and one row less (refused), and through the real publishing job.
"""

import io

from django.core.exceptions import ValidationError
from django.urls import reverse

import openpyxl
import pytest

from kern.models import Taakstatus
from kern.notatie import format_getal
from monitoring import excelgrens
from rapportage import export_xlsx
from rapportage.constants import RapportageStatus
from rapportage.models import Exportbestand
from tests.achtergrondtaken import met_taken, taakpagina

pytestmark = pytest.mark.django_db


def _langste_blad(rapportage) -> tuple[str, int, int]:
    werkmap = openpyxl.load_workbook(io.BytesIO(export_xlsx.xlsx_maken(rapportage)))
    blad = max(werkmap.worksheets, key=lambda b: b.max_row)
    return blad.title, blad.max_row, max(b.max_column for b in werkmap.worksheets)


def test_a_sheet_exactly_at_the_limit_is_written_one_row_more_is_refused_in_dutch(maak_editie, monkeypatch):
    rapportage = maak_editie(vaststellen=True)
    titel, rijen, _kolommen = _langste_blad(rapportage)
    monkeypatch.setattr(excelgrens, "EXCEL_MAX_RIJEN", rijen)
    assert export_xlsx.xlsx_maken(rapportage)[:2] == b"PK"
    monkeypatch.setattr(excelgrens, "EXCEL_MAX_RIJEN", rijen - 1)
    with pytest.raises(ValidationError) as fout:
        export_xlsx.xlsx_maken(rapportage)
    (melding,) = fout.value.messages
    assert melding.startswith("Het Excel-bestand van deze editie kan niet worden gemaakt.")
    assert f"Het tabblad '{titel}' telt {format_getal(rijen)} rijen" in melding and "CSV" in melding


def test_too_many_columns_are_refused_as_well(maak_editie, monkeypatch):
    rapportage = maak_editie(vaststellen=True)
    _titel, _rijen, kolommen = _langste_blad(rapportage)
    monkeypatch.setattr(excelgrens, "EXCEL_MAX_KOLOMMEN", kolommen - 1)
    with pytest.raises(ValidationError, match="kolommen; Excel opent er hoogstens"):
        export_xlsx.xlsx_maken(rapportage)


def test_publishing_fails_in_dutch_and_leaves_the_edition_set(
    client, demo, maak_editie, pdf_als_stempel, monkeypatch
):
    rapportage = maak_editie(vaststellen=True)
    monkeypatch.setattr(excelgrens, "EXCEL_MAX_RIJEN", 5)
    client.force_login(demo["college"])
    url = reverse("rapportage:editie_actie", args=[rapportage.pk, "publiceren"])
    taak = taakpagina(client, met_taken(lambda: client.post(url))).context["taak"]
    assert taak.status == Taakstatus.MISLUKT
    assert "Het Excel-bestand van deze editie kan niet worden gemaakt." in taak.melding
    assert "Er is niets gepubliceerd." in taak.melding
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.VASTGESTELD
    assert not Exportbestand.objects.filter(rapportage=rapportage).exists()
