"""The maximum upload size (IMPORT_MAX_BESTANDSGROOTTE): a 6,8 MB, 200.000-row file is refused in Dutch, on the
import page and in the admin import, before anything reads or stores it; a file under the maximum is previewed."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from monitoring.models import Import, Meting
from monitoring.uploadgrens import grootte_tekst
from tests.achtergrondtaken import import_proef

MB = 1024 * 1024
KOP = "indicator;periode;wijk;soort;waarde;bron"
RIJ = "6.1.1.1;2023;;realisatie;48,1%;Kennispunt Twente"


def spreadsheet(grootte: int, naam: str = "metingen.csv") -> SimpleUploadedFile:
    """A valid CSV of exactly `grootte` bytes: rows repeated, the last one padded in its bron."""
    regels = [KOP]
    lengte = len(KOP) + 1
    while lengte + len(RIJ) + 1 <= grootte - 60:
        regels.append(RIJ)
        lengte += len(RIJ) + 1
    regels.append(RIJ + " " * (grootte - lengte - len(RIJ) - 1))
    inhoud = ("\n".join(regels) + "\n").encode("utf-8")
    assert len(inhoud) == grootte
    return SimpleUploadedFile(naam, inhoud, content_type="text/csv")


@pytest.fixture(autouse=True)
def _instellingen(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.IMPORT_MAX_BESTANDSGROOTTE = 5 * MB


@pytest.fixture
def beheer_client(client, monitoring, beheerder):
    client.force_login(beheerder)
    return client


def niets_geschreven(tmp_path, metingen_voor: int) -> bool:
    opgeslagen = list((tmp_path / "imports").glob("*")) if (tmp_path / "imports").exists() else []
    return Import.objects.count() == 0 and Meting.objects.count() == metingen_voor and not opgeslagen


def test_sizes_are_written_the_dutch_way():
    assert grootte_tekst(int(6.8 * MB)) == "6,8 MB"
    assert grootte_tekst(5 * MB) == "5 MB"
    assert grootte_tekst(950 * 1024) == "950 kB"


@pytest.mark.django_db
def test_a_6_8_mb_file_is_refused_on_the_import_page_and_nothing_is_written(beheer_client, tmp_path):
    voor = Meting.objects.count()
    bestand = spreadsheet(int(6.8 * MB))
    antwoord = beheer_client.post(reverse("monitoring:import"), {"bestand": bestand})
    assert antwoord.status_code == 200
    assert "Het bestand is 6,8 MB; het maximum is 5 MB." in antwoord.content.decode()
    assert niets_geschreven(tmp_path, voor)


def test_the_body_beyond_the_maximum_is_not_kept(rf):
    # Django's multipart parser with the configured upload handlers: an oversized file arrives as an empty one
    # that knows its size, so the 200.000 rows are never kept in memory or on disk, let alone parsed.
    verzoek = rf.post("/monitoring/import/", {"bestand": spreadsheet(int(6.8 * MB))})
    upload = verzoek.FILES["bestand"]
    assert upload.size == int(6.8 * MB)
    assert upload.read() == b""
    klein = rf.post("/monitoring/import/", {"bestand": spreadsheet(20_000)}).FILES["bestand"]
    assert klein.size == 20_000 and len(klein.read()) == 20_000


@pytest.mark.django_db
def test_a_file_just_under_the_maximum_is_previewed(beheer_client, settings, tmp_path):
    bestand = spreadsheet(20_000)
    settings.IMPORT_MAX_BESTANDSGROOTTE = 20_000
    antwoord = import_proef(beheer_client, bestand)
    assert antwoord.status_code == 200
    assert "maximum" not in antwoord.content.decode()
    resultaat = antwoord.context["resultaat"]
    assert resultaat.analyse is not None and len(resultaat.analyse.nieuw) == 1
    assert Import.objects.count() == 0  # a preview writes nothing


@pytest.mark.django_db
def test_one_byte_over_the_maximum_is_refused_with_exact_sizes(beheer_client, settings, tmp_path):
    voor = Meting.objects.count()
    settings.IMPORT_MAX_BESTANDSGROOTTE = 20_000
    antwoord = beheer_client.post(reverse("monitoring:import"), {"bestand": spreadsheet(20_001)})
    assert antwoord.status_code == 200
    assert "Het bestand is 20 kB; het maximum is 20 kB." not in antwoord.content.decode()
    assert "Het bestand is 20.001 bytes; het maximum is 20.000 bytes." in antwoord.content.decode()
    assert niets_geschreven(tmp_path, voor)


@pytest.mark.django_db
def test_the_admin_import_refuses_a_6_8_mb_file_in_dutch(beheer_client, tmp_path):
    voor = Meting.objects.count()
    antwoord = beheer_client.post(
        reverse("admin:monitoring_meting_import"),
        {"import_file": spreadsheet(int(6.8 * MB), "m.csv"), "format": "0", "resource": "0"},
    )
    assert antwoord.status_code == 200
    assert "Het bestand is 6,8 MB; het maximum is 5 MB." in antwoord.content.decode()
    assert Meting.objects.count() == voor and Import.objects.count() == 0


@pytest.mark.django_db
def test_the_import_page_states_the_maximum(beheer_client):
    assert "Ten hoogste 5 MB." in beheer_client.get(reverse("monitoring:import")).content.decode()
