"""The whole import in a real browser: upload → progress bar → preview → import → done (issue 14)."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from bronnen.laden import Verslag
from monitoring.laden import laad_monitoring
from monitoring.models import Meting
from tests.achtergrondtaken import werker_draaien
from tests.browser.sessie import inloggen


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_upload_progress_preview_import_done(page, live_server, programma, settings, tmp_path, axe):
    settings.MEDIA_ROOT = tmp_path
    laad_monitoring(Verslag())
    bestand = tmp_path / "metingen.csv"
    bestand.write_text("indicator;periode;wijk;soort;waarde;bron\n6.1.1.1;2023;;realisatie;48,1%;KT\n")
    inloggen(page, "beheerder")
    page.goto(reverse("monitoring:import"))
    page.get_by_label("Spreadsheet").set_input_files(str(bestand))
    page.get_by_role("button", name="Controleren (proefimport)").click()

    # The job page: waiting, with a progress bar and the no-script "Vernieuwen" link; nothing runs yet.
    expect(page.locator("progress")).to_be_visible()
    expect(page.get_by_text("Wacht op verwerking")).to_be_visible()
    assert axe(page) == []
    werker_draaien()  # the worker picks the job up; the page's script notices and shows the result
    page.get_by_role("link", name="Bekijk het voorbeeld").click(timeout=15_000)
    expect(page.locator("#telling")).to_contain_text("Nieuw: 1")
    page.get_by_role("button", name="Importeren").click()

    expect(page.get_by_text("Wacht op verwerking")).to_be_visible()
    werker_draaien()
    expect(page.get_by_text("Ingelezen: 1 nieuwe")).to_be_visible(timeout=15_000)
    expect(page.locator("[data-taak-veld=status]")).to_have_text("Klaar")
    assert Meting.objects.filter(indicator__code="6.1.1.1", periode="2023", soort="realisatie").exists()
