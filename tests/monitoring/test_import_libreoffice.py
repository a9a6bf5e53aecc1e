"""
A real LibreOffice .xlsx through the import page: the stored values are what LibreOffice (and Excel) show.

tests/monitoring/voorbeeldbestanden/libreoffice.xlsx was written by LibreOffice Calc from libreoffice.fods beside it (see the
README there); CI has no LibreOffice, so only the committed .xlsx is needed. LibreOffice writes its own number
format table (percent, thousands and date formats as numFmt entries), its own date styles and shared strings.
"""

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from monitoring.importbestand import Cel, lees_rijen
from monitoring.models import Meting
from tests.achtergrondtaken import import_doorvoeren, import_proef

BESTAND = Path(__file__).parent / "voorbeeldbestanden" / "libreoffice.xlsx"
URL = "monitoring:import"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def beheer_client(client, monitoring, beheerder):
    client.force_login(beheerder)
    return client


def meting(code, periode):
    return Meting.objects.get(
        indicator__code=code, periode=periode, soort="realisatie", wijk=None, gebied=None
    )


def test_the_reader_shows_each_libreoffice_cell_as_libreoffice_does():
    with zipfile.ZipFile(BESTAND) as archief:  # the fixture is LibreOffice's own output, not openpyxl's
        assert "<Application>LibreOffice" in archief.read("docProps/app.xml").decode()
    with BESTAND.open("rb") as bestand:
        rijen = [
            [str(c) if c is not None else "" for c in cellen]
            for _n, cellen in lees_rijen(bestand, BESTAND.name)
        ]
    assert [[rij[1], rij[4]] for rij in rijen[1:]] == [
        ["2023", "47,3%"],
        ["2023", "1.605"],
        ["mei 2025", "48,15%"],
        ["2025", "46%"],
        ["2024", "47,3%"],
    ]
    with BESTAND.open("rb") as bestand:
        datums = [cellen[1] for _n, cellen in lees_rijen(bestand, BESTAND.name)][3:5]
    assert all(isinstance(d, Cel) for d in datums)
    assert [(d.datum, d.alleen_jaar) for d in datums] == [(date(2025, 5, 1), False), (date(2025, 1, 1), True)]


@pytest.mark.django_db
def test_a_libreoffice_file_imports_what_libreoffice_shows(beheer_client):
    antwoord = import_proef(beheer_client, SimpleUploadedFile(BESTAND.name, BESTAND.read_bytes()))
    analyse = antwoord.context["resultaat"].analyse
    assert not analyse.fouten and not analyse.waarschuwingen
    assert sorted((v.indicator.code, v.periode.tekst) for v in analyse.nieuw) == [
        ("6.1.1.1", "2023"),
        ("6.1.1.1", "2024"),
        ("6.1.1.1", "2025"),
        ("6.1.1.1", "2025-05"),
        ("6.2.2.2", "2023"),
    ]
    html = antwoord.content.decode()
    assert "mei 2025" in html and "48,15%" in html and "1.605" in html
    import_doorvoeren(beheer_client)
    gezien = {
        (code, periode): (meting(code, periode).waarde, meting(code, periode).decimalen)
        for code, periode in [
            ("6.1.1.1", "2023"),  # 0.473 with 0.0%
            ("6.2.2.2", "2023"),  # 1605 with #,##0
            ("6.1.1.1", "2025-05"),  # a date cell shown as 'mei 2025', 0.4815 with 0.00%
            ("6.1.1.1", "2025"),  # a date cell shown as '2025', 0.46 with 0%
            ("6.1.1.1", "2024"),  # '47,3%' typed as text
        ]
    }
    assert gezien == {
        ("6.1.1.1", "2023"): (Decimal("47.3"), 1),
        ("6.2.2.2", "2023"): (Decimal("1605"), 0),
        ("6.1.1.1", "2025-05"): (Decimal("48.15"), 2),
        ("6.1.1.1", "2025"): (Decimal("46"), 0),
        ("6.1.1.1", "2024"): (Decimal("47.3"), 1),
    }
    assert meting("6.1.1.1", "2023").bron == "Kennispunt Twente"
