"""Publishing an edition is a background job (issue 14): started by the college's button, run by the worker.

Through the pages and the real django-tasks-db queue and worker (tests/achtergrondtaken.py). The PDF itself is
tested in test_export.py; most tests here use the `pdf_als_stempel` stand-in so a publication takes milliseconds.
"""

import json
import time

from django.urls import reverse

import pytest

from kern import taken as kern_taken
from kern.models import Achtergrondtaak, Taakstatus
from rapportage.constants import RapportageStatus
from rapportage.models import Exportbestand, Statusovergang
from rapportage.taken import AL_BEZIG
from tests.achtergrondtaken import met_taken, taakpagina, werker_draaien

pytestmark = pytest.mark.django_db

PUBLICEER_KNOP = "Publiceren voor raad en inwoners"
WORDT_GEPUBLICEERD = "Deze rapportage wordt gepubliceerd."


def _publiceren(client, rapportage, **kwargs):
    url = reverse("rapportage:editie_actie", args=[rapportage.pk, "publiceren"])
    return met_taken(lambda: client.post(url), **kwargs)


def _pagina(client, rapportage) -> str:
    return client.get(rapportage.get_absolute_url()).content.decode()


def test_the_button_starts_a_job_the_worker_publishes_and_the_raad_reads_it(
    client, demo, maak_editie, pdf_als_stempel
):
    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo["college"])
    assert PUBLICEER_KNOP in _pagina(client, rapportage)

    antwoord = _publiceren(client, rapportage, uitvoeren=False)
    taak = Achtergrondtaak.objects.get()
    assert antwoord.url == reverse("kern:taak", args=[taak.pk]) == f"/taken/{taak.pk}/"
    assert (taak.soort, taak.status, taak.gebruiker) == ("editie_publiceren", "wachtend", demo["college"])
    # Nothing is published by the request itself: the worker has not run yet.
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.VASTGESTELD and not rapportage.exportbestanden.exists()
    pagina = _pagina(client, rapportage)
    assert WORDT_GEPUBLICEERD in pagina and PUBLICEER_KNOP not in pagina
    assert reverse("kern:taak", args=[taak.pk]) in pagina  # "Volg de voortgang"
    assert "Wacht op verwerking" in client.get(antwoord.url).content.decode()

    werker_draaien()
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.GEPUBLICEERD
    assert sorted(rapportage.exportbestanden.values_list("soort", flat=True)) == ["pdf", "xlsx"]
    taakscherm = client.get(antwoord.url)
    taak = taakscherm.context["taak"]
    assert (taak.status, taak.gedaan, taak.totaal) == (Taakstatus.GESLAAGD, 2, 2)
    html = taakscherm.content.decode()
    assert "2 van 2 bestanden" in html and "rijen" not in html
    assert f'href="{rapportage.get_absolute_url()}"' in html and "Bekijk de gepubliceerde rapportage" in html
    assert WORDT_GEPUBLICEERD not in _pagina(client, rapportage)

    client.force_login(demo["raad"])
    assert rapportage.titel in client.get(reverse("rapportage:raad")).content.decode()
    download = client.get(reverse("rapportage:editie_download", args=[rapportage.pk, "pdf"]))
    assert download.status_code == 200
    assert download.content == bytes(rapportage.exportbestanden.get(soort="pdf").inhoud)


def test_a_second_click_starts_no_second_job(client, demo, maak_editie, pdf_als_stempel):
    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo["college"])
    _publiceren(client, rapportage, uitvoeren=False)
    url = reverse("rapportage:editie_actie", args=[rapportage.pk, "publiceren"])
    tweede = met_taken(lambda: client.post(url, follow=True), uitvoeren=False)
    assert AL_BEZIG in tweede.content.decode()
    assert Achtergrondtaak.objects.count() == 1

    werker_draaien()
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.GEPUBLICEERD
    assert rapportage.exportbestanden.count() == 2
    assert Statusovergang.objects.filter(rapportage=rapportage, naar="gepubliceerd").count() == 1


def test_a_set_edition_cannot_go_back_to_concept_while_it_is_being_published(
    client, demo, maak_editie, pdf_als_stempel
):
    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo["college"])
    _publiceren(client, rapportage, uitvoeren=False)
    url = reverse("rapportage:editie_actie", args=[rapportage.pk, "terug-naar-concept"])
    antwoord = client.post(url, follow=True)
    assert "kan niet terug naar concept" in antwoord.content.decode()
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.VASTGESTELD


def test_a_job_whose_worker_was_killed_does_not_block_publishing(
    client, settings, demo, maak_editie, pdf_als_stempel
):
    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo["college"])
    _publiceren(client, rapportage, uitvoeren=False)
    # The worker took the job and died: "bezig" in the database, its heartbeat silent for longer than allowed.
    taak = Achtergrondtaak.objects.get()
    Achtergrondtaak.objects.filter(pk=taak.pk).update(status=Taakstatus.BEZIG)
    stil_sinds = time.time() - 60 * (settings.TAKEN_HARTSLAG_MINUTEN + 1)
    pad = kern_taken._voortgangsbestand(taak.pk)
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(json.dumps({"gedaan": 0, "totaal": 2, "hartslag": stil_sinds}))
    assert PUBLICEER_KNOP in _pagina(client, rapportage)

    antwoord = _publiceren(client, rapportage)
    assert taakpagina(client, antwoord).context["taak"].status == Taakstatus.GESLAAGD
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.GEPUBLICEERD


@pytest.mark.parametrize("mislukt", ["pdf", "xlsx"])
def test_a_failing_file_leaves_the_edition_set_with_no_files_and_the_job_failed_in_dutch(
    client, demo, maak_editie, monkeypatch, mislukt
):
    def kapot(rapportage):
        raise RuntimeError("WeasyPrint viel om")

    monkeypatch.setattr(
        "rapportage.export_pdf.pdf_maken", kapot if mislukt == "pdf" else lambda r: b"%PDF-1.7"
    )
    if mislukt == "xlsx":
        monkeypatch.setattr("rapportage.export_xlsx.xlsx_maken", kapot)
    rapportage = maak_editie(vaststellen=True)
    overgangen = Statusovergang.objects.count()
    client.force_login(demo["college"])

    pagina = taakpagina(client, _publiceren(client, rapportage))
    taak = pagina.context["taak"]
    assert taak.status == Taakstatus.MISLUKT
    assert taak.melding == kern_taken.ONVERWACHTE_FOUT and "er is niets gewijzigd" in taak.melding
    assert f'href="{rapportage.get_absolute_url()}"' in pagina.content.decode()  # back to the edition
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.VASTGESTELD and rapportage.gepubliceerd_op is None
    assert not Exportbestand.objects.exists()
    assert Statusovergang.objects.count() == overgangen
    # The college can try again: the button is back, the failed job does not block it.
    assert PUBLICEER_KNOP in _pagina(client, rapportage)


def test_an_edition_sent_back_before_the_job_ran_is_not_published(client, demo, maak_editie, pdf_als_stempel):
    from rapportage import services

    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo["college"])
    antwoord = _publiceren(client, rapportage, uitvoeren=False)
    services.terug_naar_concept(rapportage=rapportage, door=demo["college"])  # e.g. a second college member
    werker_draaien()
    taak = taakpagina(client, antwoord).context["taak"]
    assert taak.status == Taakstatus.MISLUKT
    assert taak.melding == (
        "Alleen een door het college vastgestelde rapportage kan worden gepubliceerd. Er is niets gepubliceerd."
    )
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.CONCEPT and not Exportbestand.objects.exists()


def test_progress_counts_the_two_files(client, demo, maak_editie, monkeypatch):
    """0 of 2 while the PDF is made, 1 of 2 while the XLSX is made, 2 of 2 at the end."""
    from rapportage import export_xlsx

    monkeypatch.setattr(kern_taken, "MIN_INTERVAL_SECONDEN", 0)  # write every step, however fast
    gezien = []

    def stand_nu():
        taak = Achtergrondtaak.objects.get()
        stand = kern_taken._lees_voortgang(taak.pk)
        gezien.append((stand["gedaan"], stand["totaal"]))

    echte_xlsx = export_xlsx.xlsx_maken
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda r: stand_nu() or b"%PDF-1.7")
    monkeypatch.setattr("rapportage.export_xlsx.xlsx_maken", lambda r: stand_nu() or echte_xlsx(r))
    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo["college"])
    taak = taakpagina(client, _publiceren(client, rapportage)).context["taak"]
    assert gezien == [(0, 2), (1, 2)]
    assert (taak.status, taak.gedaan, taak.totaal, taak.eenheid) == ("geslaagd", 2, 2, "bestanden")
    assert client.get(reverse("kern:taak_stand", args=[taak.pk])).json()["eenheid"] == "bestanden"


@pytest.mark.parametrize(
    "rol", ["manager", "raad", "griffie", "trekker", "opdrachtgever", "opgavecoordinator", "beheerder"]
)
def test_only_the_college_may_start_a_publication(client, demo, maak_editie, pdf_als_stempel, rol):
    rapportage = maak_editie(vaststellen=True)
    client.force_login(demo[rol])
    assert PUBLICEER_KNOP not in client.get(rapportage.get_absolute_url()).content.decode()
    assert _publiceren(client, rapportage).status_code == 403
    assert not Achtergrondtaak.objects.exists()
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.VASTGESTELD
