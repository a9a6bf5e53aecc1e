"""The loaders' machinery: source documents as data, notes on several subjects, migrating citations, precision."""

from datetime import date

import pytest

from bronnen.laden import Verslag, datakwaliteit_laden
from bronnen.models import Brondocument, Datakwaliteitsnotitie
from monitoring.laden import decimalen, laad_monitoring
from monitoring.models import Indicator, Kerncijfer, Meting, Piramidestand
from rapportage.momentopname import momentopname

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [("15,0%", 1), ("47,3%", 1), ("45%", 0), ("2,80%", 2), ("1.605", 0), ("6,95%", 2), ("n.v.t.", None)],
)
def test_decimals_follow_the_sources_own_notation(cel, verwacht):
    assert decimalen(cel) == verwacht


def test_a_note_on_several_subjects_hangs_on_each_with_the_same_citation(programma):
    notitie = {
        "sleutel": "proef-twee-tabellen",
        "onderwerpen": [{"indicator": "6.2.6.1"}, {"indicator": "6.2.6.2"}],
        "betreft": "proef",
        "citaat": "Percentage  gebruikers",
        "bron": "Jaarstukken 2023, factsheet",
        "toelichting": "Twee tabellen.",
        "ernst": "informatie",
    }
    opzoeken = {"indicator": lambda code: Indicator.objects.get(code=code)}
    datakwaliteit_laden(Verslag(), [notitie], opzoeken)
    eerste, tweede = Indicator.objects.get(code="6.2.6.1"), Indicator.objects.get(code="6.2.6.2")
    assert eerste.datakwaliteit.get(betreft="proef").sleutel == "proef-twee-tabellen"
    assert tweede.datakwaliteit.get(betreft="proef").sleutel == "proef-twee-tabellen--indicator-6-2-6-2"
    assert {n.citaat for n in Datakwaliteitsnotitie.objects.filter(betreft="proef")} == {
        "Percentage gebruikers"
    }
    nog_eens = Verslag()
    datakwaliteit_laden(nog_eens, [notitie], opzoeken)
    assert nog_eens.ongewijzigd


def test_the_factsheet_note_on_two_tables_hangs_on_both(programma):
    laad_monitoring(Verslag())
    for onderwerp in (
        Kerncijfer.objects.get(sleutel="maatwerk-wmo-2023"),
        Kerncijfer.objects.get(sleutel="maatwerk-jeugd-2023"),
        Piramidestand.objects.get(modellaag__code="maatwerkondersteuning", periode="2023"),
    ):
        assert onderwerp.datakwaliteit.filter(betreft__startswith="Gebruik maatwerk tegenover").count() == 1


def test_metings_cited_by_file_code_are_taken_over_but_the_data_teams_values_are_left_alone(programma):
    """A database loaded before sources were cited by name is brought up to date; an import is not touched."""
    oud = Meting.objects.get(indicator__code="6.2.2.1", periode="2021", soort="realisatie")
    Meting.objects.filter(pk=oud.pk).update(bron="000 §6.2, tabel 6.2.2, Jaarstukken 2021", decimalen=None)
    import_ = Meting.objects.get(indicator__code="6.2.2.1", periode="2022", soort="streef")
    Meting.objects.filter(pk=import_.pk).update(bron="import 12", waarde=15)
    laad_monitoring(Verslag())
    oud.refresh_from_db()
    assert (oud.bron, oud.decimalen) == ("Uitvoeringsplan 2023, §6.2, tabel 6.2.2, kolom Jaarstukken 2021", 1)
    import_.refresh_from_db()
    assert (import_.bron, import_.waarde) == ("import 12", 15)


def test_the_footer_and_new_editions_read_the_plan_from_the_data(programma, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="manager"))
    voet = client.get("/monitoring/financien/").content.decode()
    assert "Uitvoeringsplan 2023 (14 december 2022, zaaknummer 3509562)" in voet
    assert momentopname(peildatum=date(2023, 12, 31))["uitvoeringsplan"] == {
        "titel": "Uitvoeringsplan transformatie sociaal domein 2023",
        "zaaknummer": "3509562",
        "datum": "2022-12-14",
    }
    # Not typed into a template: change the data and the footer follows.
    Brondocument.objects.filter(code="000").update(zaaknummer="1234567")
    assert "zaaknummer 1234567" in client.get("/monitoring/financien/").content.decode()
