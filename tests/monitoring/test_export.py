"""Exports: formula neutralising, numbers kept numeric, and export → import gives no changes."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import openpyxl
import pytest

from monitoring.export import veilig
from monitoring.models import Indicator, Meting, Wijk
from tests.achtergrondtaken import import_proef, met_taken, taakpagina


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize("tekst", ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe(tekst):
    assert veilig(tekst) == "'" + tekst


def test_numbers_and_harmless_text_are_left_alone():
    assert veilig(Decimal("-50000")) == Decimal("-50000")
    assert veilig(-3) == -3
    assert veilig("Kennispunt Twente") == "Kennispunt Twente"
    assert veilig(None) is None


@pytest.mark.django_db
@pytest.mark.parametrize("formaat", ["xlsx", "csv"])
def test_export_then_import_changes_nothing(client, monitoring, beheerder, formaat):
    wijk = Wijk.objects.create(naam="Hengelo-Zuid", cbs_code="WK016402")
    indicator = Indicator.objects.get(code="6.2.2.2")
    Meting.objects.create(
        indicator=indicator,
        periode="2023-Q2",
        wijk=wijk,
        soort="realisatie",
        waarde=Decimal(3),
        bron="=HYPERLINK(x)",
    )
    Meting.objects.create(
        indicator=indicator,
        periode="2022",
        soort="prognose",
        waarde=Decimal("1605.5"),
        bron="-eigen registratie",
    )
    client.force_login(beheerder)
    if formaat == "xlsx":  # made by a background job, downloaded from the job's page when ready
        taak = taakpagina(client, met_taken(lambda: client.post(reverse("monitoring:export")))).context[
            "taak"
        ]
        antwoord = client.get(reverse("kern:taak_bestand", args=[taak.pk]))
    else:  # streamed at once
        antwoord = client.get(reverse("monitoring:export"), {"formaat": formaat})
    assert antwoord.status_code == 200
    inhoud = b"".join(antwoord.streaming_content)
    if formaat == "xlsx":
        blad = openpyxl.load_workbook(io.BytesIO(inhoud))["Metingen"]
        rijen = list(blad.iter_rows(values_only=True))
        bronnen = {r[5] for r in rijen[1:]}
        assert "'=HYPERLINK(x)" in bronnen and "'-eigen registratie" in bronnen
        assert all(isinstance(r[4], int | float) for r in rijen[1:])  # numbers stay numeric
    else:
        assert "'=HYPERLINK(x)" in inhoud.decode("utf-8-sig")
    aantal = Meting.objects.count()
    antwoord = import_proef(client, SimpleUploadedFile(f"export.{formaat}", inhoud))
    analyse = antwoord.context["resultaat"].analyse
    assert not analyse.fouten
    assert (analyse.aantal_nieuw, analyse.aantal_gewijzigd, analyse.aantal_ongewijzigd) == (0, 0, aantal)


@pytest.mark.django_db
def test_exports_hide_small_counts_for_users_without_access_to_them(monitoring, gebruiker):
    from monitoring.export import als_csv

    Meting.objects.create(
        indicator=Indicator.objects.get(code="6.2.2.2"), periode="2023", soort="prognose", waarde=4
    )
    assert ";< 10;" in als_csv(gebruiker("college"))
    assert ";4;" in als_csv(gebruiker("manager"))
