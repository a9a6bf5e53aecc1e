"""Editions for the tests: made and moved through their workflow by the demo accounts, as on the pages."""

from datetime import date

import pytest

from accounts.models import User
from rapportage import services


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Publishing runs as a background job, whose progress file goes to MEDIA_ROOT: a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def demo(programma):
    """The demo accounts by username (manager, college, raad, griffie, trekker, beheerder …)."""
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def maak_editie(demo):
    """maak_editie(peildatum=…, publiceren=True) → an edition made by the manager, set and published by the college."""

    def maak(*, peildatum=date(2024, 4, 30), publiceren=False, vaststellen=False, **velden):
        rapportage = services.rapportage_aanmaken(
            door=demo["manager"],
            pc_moment=velden.pop("pc_moment", "viermaandsrapportage"),
            jaar=velden.pop("jaar", peildatum.year),
            titel=velden.pop("titel", f"Viermaandsrapportage {peildatum.year}"),
            peildatum=peildatum,
            zaaknummer=velden.pop("zaaknummer", "3612345"),
            toelichtingen=velden.pop("toelichtingen", {"financien": "De besparingen lopen achter op Jeugd."}),
        )
        if vaststellen or publiceren:
            rapportage = services.vaststellen(rapportage=rapportage, door=demo["college"])
        if publiceren:
            rapportage = services.publiceren(rapportage=rapportage, door=demo["college"])
        return rapportage

    return maak


@pytest.fixture
def pdf_als_stempel(monkeypatch):
    """For tests about access and workflow, not about the PDF: a tiny stand-in, so a publication takes
    milliseconds instead of a WeasyPrint run. The PDF itself is tested in test_export.py and the browser test."""
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%%PDF-1.7 %d" % rapportage.pk)
