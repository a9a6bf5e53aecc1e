"""Editions for the tests: made and moved through their workflow by the demo accounts, as on the pages."""

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Publishing runs as a background job, whose progress file goes to MEDIA_ROOT: a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def pdf_als_stempel(monkeypatch):
    """For tests about access and workflow, not about the PDF: a tiny stand-in, so a publication takes
    milliseconds instead of a WeasyPrint run. The PDF itself is tested in test_export.py and the browser test."""
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%%PDF-1.7 %d" % rapportage.pk)
