"""The admin import (django-import-export) uses the same rules as the data-team page."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from monitoring.models import Meting


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
