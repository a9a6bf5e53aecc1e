"""The PDF of an edition that is not published yet is made by a background job (issue 30), not in the request.

Making a PDF takes 5–12 s; six concept PDFs at once stalled the public page. The button starts a job (one per user
and edition while it runs), the job page shows its progress and then offers the download to who started it.
Through the pages and the real django-tasks-db queue and worker (tests/achtergrondtaken.py).
"""

import io

from django.urls import reverse

import pytest
from pypdf import PdfReader

from kern import taken as kern_taken
from kern.models import Achtergrondtaak, Taaksoort, Taakstatus
from rapportage import export_pdf
from tests.achtergrondtaken import met_taken, taakpagina, werker_draaien

pytestmark = pytest.mark.django_db


def _pdf_url(rapportage) -> str:
    return reverse("rapportage:editie_download", args=[rapportage.pk, "pdf"])


def test_the_concept_pdf_is_made_by_a_job_and_downloaded_from_its_page(
    client, demo, maak_editie, monkeypatch
):
    rapportage = maak_editie()
    gemaakt = []
    echt = export_pdf.pdf_maken
    monkeypatch.setattr(export_pdf, "pdf_maken", lambda r: gemaakt.append(r.pk) or echt(r))
    client.force_login(demo["manager"])
    pagina = client.get(rapportage.get_absolute_url()).content.decode()
    assert f'<form method="post" action="{_pdf_url(rapportage)}">' in pagina and "PDF maken" in pagina

    eerste, tweede = met_taken(
        lambda: (client.post(_pdf_url(rapportage)), client.post(_pdf_url(rapportage), follow=True)),
        uitvoeren=False,
    )
    taak = Achtergrondtaak.objects.get()
    assert (taak.soort, taak.status, taak.gebruiker) == (
        Taaksoort.CONCEPT_PDF,
        Taakstatus.WACHTEND,
        demo["manager"],
    )
    assert gemaakt == []  # the requests made no PDF
    assert eerste.url == reverse("kern:taak", args=[taak.pk])
    assert tweede.redirect_chain == [(eerste.url, 302)]  # the second click follows the first job
    assert kern_taken.AL_GESTART in tweede.content.decode()

    werker_draaien()
    assert gemaakt == [rapportage.pk]
    scherm = taakpagina(client, eerste)
    html = scherm.content.decode()
    assert scherm.context["taak"].status == Taakstatus.GESLAAGD
    assert "1 van 1 bestanden" in html and 'id="taak-bestand"' in html
    naam = "concept-hengelo-sociaal-domein-viermaandsrapportage-2024-20240430.pdf"
    assert f"Download {naam}" in html
    assert f'href="{rapportage.get_absolute_url()}"' in html  # back to the edition

    download = client.get(reverse("kern:taak_bestand", args=[taak.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="{naam}"'
    inhoud = b"".join(download.streaming_content)
    assert inhoud.startswith(b"%PDF-")
    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)
    assert rapportage.titel in tekst
    assert "De besparingen lopen achter op Jeugd." in tekst

    # Only who started the job downloads the file; the college sees the edition but not this file.
    client.force_login(demo["college"])
    assert client.get(reverse("kern:taak_bestand", args=[taak.pk])).status_code == 404


def test_a_get_shows_the_button_and_starts_nothing(client, demo, maak_editie, pdf_als_stempel):
    rapportage = maak_editie(vaststellen=True)  # vastgesteld, not published: no stored PDF either
    client.force_login(demo["college"])
    antwoord = met_taken(lambda: client.get(_pdf_url(rapportage)), uitvoeren=False)
    assert antwoord.status_code == 200 and "PDF maken" in antwoord.content.decode()
    assert not Achtergrondtaak.objects.exists()
    taak = taakpagina(client, met_taken(lambda: client.post(_pdf_url(rapportage)))).context["taak"]
    assert taak.status == Taakstatus.GESLAAGD and taak.gebruiker == demo["college"]
    download = client.get(reverse("kern:taak_bestand", args=[taak.pk]))
    assert b"".join(download.streaming_content) == b"%%PDF-1.7 %d" % rapportage.pk


def test_the_job_refuses_an_edition_that_was_deleted_meanwhile(client, demo, maak_editie, pdf_als_stempel):
    rapportage = maak_editie()
    client.force_login(demo["manager"])
    antwoord = met_taken(lambda: client.post(_pdf_url(rapportage)), uitvoeren=False)
    rapportage.delete()
    werker_draaien()
    html = taakpagina(client, antwoord).content.decode()
    assert "Mislukt" in html and "De rapportage bestaat niet meer" in html
    assert Achtergrondtaak.objects.get().bestand == ""
