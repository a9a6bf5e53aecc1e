"""
Hostile files through the real pages: 300 files from the fuzz strategies (tests/monitoring/fuzzbestanden.py) are
uploaded as the beheerder to the import page (preview, then commit when the page offers it) and 300 to the admin
import (preview, then confirm when offered). Never a 5xx, always a Dutch message, and a refused file changes
nothing.
"""

import os
import re

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from hypothesis import HealthCheck, given, settings

from bronnen.taken import ONVERWACHTE_FOUT
from tests.achtergrondtaken import import_doorvoeren, import_proef
from tests.monitoring.fuzzbestanden import alle_bestanden
from tests.monitoring.test_fuzz_import import nederlands, vingerafdruk

HTTP = settings(
    max_examples=int(os.environ.get("FUZZ_HTTP", 300)),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def beheer_client(client, monitoring, beheerder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(beheerder)
    return client


def _meldingen(antwoord) -> list[str]:
    return [str(m) for m in get_messages(antwoord.wsgi_request)]


@pytest.mark.django_db
@HTTP
@given(bestand=alle_bestanden)
def test_import_page_never_answers_5xx_and_always_in_dutch(beheer_client, bestand):
    naam, data = bestand
    voor = vingerafdruk()
    antwoord = import_proef(beheer_client, SimpleUploadedFile(naam, data))  # the check job never fails
    assert antwoord.status_code == 200
    resultaat = antwoord.context.get("resultaat")
    if resultaat is None:  # refused by the form (size, extension)
        fouten = antwoord.context["form"].errors.get("bestand")
        assert fouten
        for fout in fouten:
            nederlands(fout)
        return
    if resultaat.bestandsfout:
        nederlands(resultaat.bestandsfout)
        assert resultaat.bestandsfout in antwoord.content.decode().replace("&quot;", '"').replace(
            "&#x27;", "'"
        )
    assert vingerafdruk() == voor, "de voorvertoning schreef iets"
    if resultaat.bestandsfout:
        return
    # Commit as the page offers it: all valid, or explicitly only the valid values.
    antwoord = import_doorvoeren(
        beheer_client, **({"alleen_geldige": "on"} if resultaat.analyse.fouten else {})
    )
    assert antwoord.status_code == 200
    taak = antwoord.context["taak"]
    # Imported, or refused with the service's reason: never the job's "fout op de server" (the old 5xx).
    assert taak.melding and taak.melding != ONVERWACHTE_FOUT, taak.melding
    nederlands(taak.melding)


@pytest.mark.django_db
@HTTP
@given(bestand=alle_bestanden)
def test_admin_import_never_answers_5xx_and_always_in_dutch(beheer_client, bestand):
    naam, data = bestand
    voor = vingerafdruk()
    formaat = "0" if naam.lower().endswith(".csv") else None
    if formaat is None:  # find the .xlsx choice in the admin's format list
        keuzes = (
            beheer_client.get(reverse("admin:monitoring_meting_import"))
            .context["form"]
            .fields["format"]
            .choices
        )
        formaat = next(str(waarde) for waarde, label in keuzes if "xlsx" in str(label).lower())
    antwoord = beheer_client.post(
        reverse("admin:monitoring_meting_import"),
        {"import_file": SimpleUploadedFile(naam, data), "format": formaat, "resource": "0"},
    )
    assert antwoord.status_code < 500
    assert vingerafdruk() == voor, "de voorvertoning van de admin schreef iets"
    inhoud = antwoord.content.decode()
    resultaat = antwoord.context.get("result") if antwoord.context else None
    if resultaat is None:  # the file itself was refused: a form error
        form = antwoord.context["form"]
        fouten = [str(f) for lijst in form.errors.values() for f in lijst]
        assert fouten, "geen foutmelding bij een geweigerd bestand"
        for fout in fouten:
            nederlands(fout)
        return
    if resultaat.has_validation_errors() or resultaat.has_errors():
        for rij in resultaat.invalid_rows:
            for fouten in rij.error_dict.values():
                for fout in fouten:
                    nederlands(str(fout))
        for fout in resultaat.base_errors:
            nederlands(str(fout.error))
        assert "Traceback" not in inhoud
        return
    bevestig = antwoord.context["confirm_form"].initial
    antwoord = beheer_client.post(reverse("admin:monitoring_meting_process_import"), bevestig, follow=True)
    assert antwoord.status_code < 500
    for melding in _meldingen(antwoord) or [m.message for m in antwoord.context.get("messages", [])]:
        assert melding
