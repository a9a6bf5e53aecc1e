"""Editions for the API tests: made, set and published through the services, as the pages do."""

import itertools
from datetime import date, timedelta

import pytest

_dag = itertools.count(1)


@pytest.fixture(autouse=True)
def _snel_publiceren(settings, tmp_path, monkeypatch):
    """The API serves no PDF: a tiny stand-in keeps publishing fast; job files go to a fresh folder."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%%PDF-1.7 %d" % rapportage.pk)


@pytest.fixture
def maak_editie(maak_editie):
    """tests/conftest.py's maak_editie, each edition on a peildatum of its own unless one is given."""

    def maak(*, peildatum=None, **velden):
        return maak_editie(peildatum=peildatum or date(2024, 4, 30) - timedelta(days=next(_dag)), **velden)

    return maak


def json_van(antwoord) -> dict:
    """The JSON of an API answer (or a problem), after checking it is JSON."""
    assert antwoord["Content-Type"].startswith(("application/json", "application/problem+json")), antwoord[
        "Content-Type"
    ]
    return antwoord.json()
