"""The admin import (django-import-export) uses the same rules as the data-team page."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from monitoring.models import Import, Meting


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """A confirmed import keeps its file as the Import's evidence (MEDIA_ROOT/imports): in the test's own folder."""
    settings.MEDIA_ROOT = tmp_path


def _upload(client, inhoud: str):
    bestand = SimpleUploadedFile("m.csv", inhoud.encode("utf-8"), content_type="text/csv")
    return client.post(
        reverse("admin:monitoring_meting_import"),
        {"import_file": bestand, "format": "0", "resource": "0"},
    )


@pytest.mark.django_db
def test_admin_import_reports_the_shared_dutch_errors_and_saves_nothing(client, monitoring, beheerder):
    client.force_login(beheerder)
    aantal = Meting.objects.count()
    antwoord = _upload(client, "indicator,periode,wijk,soort,waarde,bron\n6.1.1.1,2023,,realisatie,147%,KT\n")
    assert antwoord.status_code == 200
    assert "Een percentage ligt tussen 0 en 100." in antwoord.content.decode()
    assert Meting.objects.count() == aantal


@pytest.mark.django_db
def test_admin_import_of_a_valid_file_writes_the_meting_with_history(client, monitoring, beheerder):
    client.force_login(beheerder)
    antwoord = _upload(
        client, 'indicator,periode,wijk,soort,waarde,bron\n6.1.1.1,2023,,realisatie,"48,5%",KT\n'
    )
    assert antwoord.status_code == 200
    resultaat = antwoord.context["result"]
    assert not resultaat.has_errors() and not resultaat.has_validation_errors()
    bevestig = antwoord.context["confirm_form"].initial
    client.post(reverse("admin:monitoring_meting_process_import"), bevestig)
    meting = Meting.objects.get(indicator__code="6.1.1.1", periode="2023", soort="realisatie", wijk=None)
    assert meting.waarde == Decimal("48.5") and meting.history.count() == 1


@pytest.mark.django_db
def test_managers_cannot_reach_the_admin_import(client, monitoring, gebruiker):
    manager = gebruiker("manager")
    manager.is_staff = True
    manager.save()
    client.force_login(manager)
    assert client.get(reverse("admin:monitoring_meting_import")).status_code == 403


@pytest.mark.django_db
def test_the_admin_import_offers_only_the_formats_it_reads_and_each_of_them_works(
    client, monitoring, beheerder
):
    """csv and xlsx, read like the import page reads them; "html" was offered and raised a TypeError (500)."""
    from openpyxl import Workbook

    client.force_login(beheerder)
    url = reverse("admin:monitoring_meting_import")
    keuzes = dict(client.get(url).context["form"].fields["format"].choices)
    keuzes.pop("")
    assert sorted(keuzes.values()) == ["csv", "xlsx"]
    rijen = [
        ["indicator", "periode", "wijk", "soort", "waarde", "bron"],
        ["6.1.1.1", "2023", "", "realisatie", "48", "KT"],
    ]
    werkmap = Workbook()
    for rij in rijen:
        werkmap.active.append(rij)
    xlsx = io.BytesIO()
    werkmap.save(xlsx)
    bestanden = {"csv": "\n".join(",".join(r) for r in rijen).encode(), "xlsx": xlsx.getvalue()}
    for waarde, titel in keuzes.items():
        bestand = SimpleUploadedFile(f"m.{titel}", bestanden[titel])
        antwoord = client.post(url, {"import_file": bestand, "format": waarde, "resource": "0"})
        assert antwoord.status_code == 200, titel
        resultaat = antwoord.context["result"]
        assert not resultaat.has_errors() and not resultaat.has_validation_errors(), titel
    # The index that was "html": now no choice at all, refused by the form in Dutch instead of a 500.
    antwoord = client.post(
        url, {"import_file": SimpleUploadedFile("m.html", b"<table></table>"), "format": "5", "resource": "0"}
    )
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["format"]


@pytest.mark.django_db
def test_a_confirmation_whose_file_is_gone_is_refused_in_dutch(client, monitoring, beheerder):
    """The previewed file is read again on "Confirm import"; gone (or a forged name), nothing is written."""
    client.force_login(beheerder)
    antwoord = _upload(
        client, 'indicator,periode,wijk,soort,waarde,bron\n6.1.1.1,2023,,realisatie,"48,5%",KT\n'
    )
    bevestig = {**antwoord.context["confirm_form"].initial, "import_file_name": "bestaat-niet"}
    aantal = Meting.objects.count()
    antwoord = client.post(reverse("admin:monitoring_meting_process_import"), bevestig, follow=True)
    assert antwoord.status_code == 200
    assert "Het bestand staat niet meer klaar; upload het opnieuw." in antwoord.content.decode()
    assert Meting.objects.count() == aantal and not Import.objects.exists()
