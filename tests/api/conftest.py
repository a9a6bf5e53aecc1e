"""Editions for the API tests: made, set and published through the services, as the pages do."""

import itertools
from datetime import date, timedelta

import pytest

from accounts.models import User
from rapportage import services

_dag = itertools.count(1)


@pytest.fixture(autouse=True)
def _snel_publiceren(settings, tmp_path, monkeypatch):
    """The API serves no PDF: a tiny stand-in keeps publishing fast; job files go to a fresh folder."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%%PDF-1.7 %d" % rapportage.pk)


@pytest.fixture
def demo(programma):
    """The demo accounts by username; the demo programme has one published edition already."""
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def maak_editie(demo):
    """maak_editie(publiceren=True, …) → an edition by the manager, set and published by the college."""

    def maak(*, peildatum=None, publiceren=False, vaststellen=False, **velden):
        peildatum = peildatum or date(2024, 4, 30) - timedelta(days=next(_dag))
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


def json_van(antwoord) -> dict:
    assert antwoord["Content-Type"].startswith(("application/json", "application/problem+json")), antwoord[
        "Content-Type"
    ]
    return antwoord.json()
