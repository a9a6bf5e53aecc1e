"""Imports through the real upload: dry run, commit, re-import, atomicity, only-valid-rows, undo, zip bombs."""

from decimal import Decimal

import pytest

from monitoring.models import Import, Meting, Wijk
from tests.achtergrondtaken import import_doorvoeren, import_ongedaan_maken, import_proef
from tests.monitoring.bestanden import csv_bestand, xlsx_bestand, zipbom

URL = "monitoring:import"
KOP = "indicator;periode;wijk;soort;waarde;bron"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def beheer_client(client, monitoring, beheerder):
    client.force_login(beheerder)
    return client


def proef(client, bestand):
    return import_proef(client, bestand)


def doorvoeren(client, **extra):
    return import_doorvoeren(client, **extra)


def ongedaan_maken(client, record):
    return import_ongedaan_maken(client, record.pk)


def realisatie(code, periode, wijk=None):
    return Meting.objects.get(
        indicator__code=code, periode=periode, soort="realisatie", wijk=wijk, gebied=None
    )


@pytest.mark.django_db
def test_dry_run_previews_new_changed_and_unchanged_rows_and_writes_nothing(beheer_client):
    aantal = Meting.objects.count()
    antwoord = proef(
        beheer_client,
        csv_bestand(
            [
                KOP,
                "6.1.1.1;2023;;realisatie;48,1%;Kennispunt Twente",  # new
                "6.1.1.1;2021;;realisatie;46,0%;Kennispunt Twente",  # changed (was 45,5%)
                "6.1.1.1;2022;;streef;45,0%;",  # unchanged (empty bron keeps the old one)
            ]
        ),
    )
    assert antwoord.status_code == 200
    analyse = antwoord.context["resultaat"].analyse
    assert [len(analyse.nieuw), len(analyse.gewijzigd), len(analyse.ongewijzigd)] == [1, 1, 1]
    assert analyse.gewijzigd[0].bestaand["waarde"] == Decimal("45.5")
    assert Meting.objects.count() == aantal
    assert Import.objects.count() == 0


@pytest.mark.django_db
def test_commit_writes_the_values_with_history_and_records_the_import(beheer_client, beheerder):
    proef(
        beheer_client,
        csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48,1%;KT", "6.1.1.1;2021;;realisatie;46%;KT"]),
    )
    antwoord = doorvoeren(beheer_client)
    assert "Ingelezen: 1 nieuwe en 1 gewijzigde metingen" in antwoord.content.decode()
    nieuw = realisatie("6.1.1.1", "2023")
    assert nieuw.waarde == Decimal("48.1") and nieuw.bron == "KT" and nieuw.periode_begin.year == 2023
    assert realisatie("6.1.1.1", "2021").waarde == Decimal("46")
    record = Import.objects.get()
    assert (record.gebruiker, record.bestandsnaam, record.aantal_nieuw, record.aantal_gewijzigd) == (
        beheerder,
        "metingen.csv",
        1,
        1,
    )
    assert len(record.sha256) == 64
    historie = Meting.history.filter(history_change_reason=record.wijzigingsreden)
    assert sorted(historie.values_list("history_type", flat=True)) == ["+", "~"]
    assert set(historie.values_list("history_user", flat=True)) == {beheerder.pk}


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing_and_says_so(beheer_client):
    regels = [KOP, "6.1.1.1;2023;;realisatie;48,1%;KT"]
    proef(beheer_client, csv_bestand(regels))
    doorvoeren(beheer_client)
    historie = Meting.history.count()
    antwoord = proef(beheer_client, csv_bestand(regels))
    assert "Dit bestand verandert niets" in antwoord.content.decode()
    antwoord = doorvoeren(beheer_client)
    assert "Niets gewijzigd" in antwoord.content.decode()
    assert Meting.history.count() == historie


@pytest.mark.django_db
def test_a_file_with_an_invalid_row_halfway_imports_nothing(beheer_client):
    aantal = Meting.objects.count()
    regels = [KOP] + [f"6.1.1.1;20{10 + i};;realisatie;4{i},0%;KT" for i in range(5)]
    regels.insert(3, "6.1.1.1;2030;;realisatie;147%;KT")  # a percentage above 100, between valid rows
    antwoord = proef(beheer_client, csv_bestand(regels))
    fouten = antwoord.context["resultaat"].analyse.fouten
    assert [(f.rij, f.kolom, f.waarde) for f in fouten] == [(4, "waarde", "147%")]  # the cell as typed
    assert "tussen 0 en 100" in fouten[0].reden
    antwoord = doorvoeren(beheer_client)
    assert "er is niets ingelezen" in antwoord.content.decode()
    assert Meting.objects.count() == aantal
    assert Import.objects.count() == 0


@pytest.mark.django_db
def test_only_valid_rows_option_imports_the_valid_rows_and_counts_the_rest(beheer_client):
    aantal = Meting.objects.count()
    proef(
        beheer_client,
        csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT", "onbekend;2023;;realisatie;1;KT"]),
    )
    doorvoeren(beheer_client, alleen_geldige="on")
    assert Meting.objects.count() == aantal + 1
    record = Import.objects.get()
    assert (record.aantal_nieuw, record.aantal_ongeldig, record.alleen_geldige) == (1, 1, True)


@pytest.mark.django_db
def test_undo_deletes_created_metingen_and_restores_changed_ones(beheer_client):
    aantal = Meting.objects.count()
    proef(
        beheer_client,
        csv_bestand([KOP, "6.1.1.1;2023;;realisatie;48%;KT", "6.1.1.1;2021;;realisatie;40%;KT"]),
    )
    doorvoeren(beheer_client)
    record = Import.objects.get()
    antwoord = ongedaan_maken(beheer_client, record)
    assert "is ongedaan gemaakt" in antwoord.content.decode()
    assert Meting.objects.count() == aantal
    hersteld = realisatie("6.1.1.1", "2021")
    assert hersteld.waarde == Decimal("45.5") and hersteld.via_import is None
    record.refresh_from_db()
    assert record.ongedaan_op is not None
    antwoord = ongedaan_maken(beheer_client, record)
    assert "al ongedaan gemaakt" in antwoord.content.decode()


@pytest.mark.django_db
def test_only_the_latest_import_can_be_undone(beheer_client):
    for waarde in ("41%", "42%"):
        proef(beheer_client, csv_bestand([KOP, f"6.1.1.1;2021;;realisatie;{waarde};KT"]))
        doorvoeren(beheer_client)
    eerste, tweede = Import.objects.order_by("pk")
    antwoord = ongedaan_maken(beheer_client, eerste)
    assert "Maak eerst de latere imports ongedaan" in antwoord.content.decode()
    assert realisatie("6.1.1.1", "2021").waarde == Decimal("42")
    ongedaan_maken(beheer_client, tweede)
    ongedaan_maken(beheer_client, eerste)
    assert realisatie("6.1.1.1", "2021").waarde == Decimal("45.5")


@pytest.mark.django_db
def test_wide_xlsx_with_several_values_in_one_cell_gives_one_meting_per_year(beheer_client):
    Wijk.objects.create(naam="Hengelo-Noord", cbs_code="WK016401")
    bestand = xlsx_bestand(
        [
            ["Indicator", " Soort ", "Wijk", 2021, "2022", "2023"],
            ["6.1.1.1", "realisatie", "WK016401", 0.4, "41,5%", "n.v.t."],
            ["6.2.2.2", "peil", "Hengelo-Noord", "1.605 (2020) 1.700 (2021)", None, "-"],
        ]
    )
    antwoord = proef(beheer_client, bestand)
    analyse = antwoord.context["resultaat"].analyse
    assert analyse.indeling == "breed" and not analyse.fouten
    assert len(analyse.nieuw) == 4 and analyse.lege_waarden == 3
    doorvoeren(beheer_client)
    wijk = Wijk.objects.get()
    assert realisatie("6.1.1.1", "2022", wijk).waarde == Decimal("41.5")
    peil = Meting.objects.filter(indicator__code="6.2.2.2", wijk=wijk, soort="peil").order_by("periode")
    assert [(m.periode, m.waarde) for m in peil] == [("2020", Decimal("1605")), ("2021", Decimal("1700"))]


@pytest.mark.django_db
def test_benchmark_rows_are_matched_to_a_comparison_area_and_kept_apart_from_hengelo(beheer_client):
    proef(beheer_client, csv_bestand([KOP, "6.1.1.1;2021;Twente;realisatie;44%;KT"]))
    doorvoeren(beheer_client)
    benchmark = Meting.objects.get(
        indicator__code="6.1.1.1", periode="2021", soort="realisatie", gebied__naam="Twente"
    )
    assert benchmark.waarde == Decimal("44")
    assert realisatie("6.1.1.1", "2021").waarde == Decimal("45.5")  # Hengelo's own value untouched


@pytest.mark.django_db
def test_every_kind_of_error_is_reported_with_row_column_value_and_dutch_reason(beheer_client):
    antwoord = proef(
        beheer_client,
        csv_bestand(
            [
                KOP,
                "9.9.9;2023;;realisatie;1;",
                "6.1.1.1;2023;Atlantis;realisatie;40%;",
                "6.1.1.1;23-Q5;;realisatie;40%;",
                "6.1.1.1;2023;;realisatie;veertig;",
                "6.1.1.1;2023;;gemeten;40%;",
                "6.2.2.2;2023;;realisatie;-5;",
                "6.2.2.2;2023;;realisatie;12%;",
                "6.1.1.1;2024;;realisatie;€ 40;",
                "6.1.1.1;2025;;realisatie;40%;",
                "6.1.1.1;2025;;realisatie;41%;",
            ]
        ),
    )
    fouten = {(f.rij, f.kolom): (f.waarde, f.reden) for f in antwoord.context["resultaat"].analyse.fouten}
    assert "Onbekende indicator" in fouten[(2, "indicator")][1]
    assert "Onbekende wijk" in fouten[(3, "wijk")][1]
    assert "geen periode" in fouten[(4, "periode")][1]
    assert (
        fouten[(5, "waarde")] == ("veertig", fouten[(5, "waarde")][1])
        and "Nederlandse notatie" in fouten[(5, "waarde")][1]
    )
    assert "Onbekende soort" in fouten[(6, "soort")][1]
    assert "niet negatief" in fouten[(7, "waarde")][1]
    assert "percentage" in fouten[(8, "waarde")][1]
    assert "bedrag" in fouten[(9, "waarde")][1]
    assert "Dubbel" in fouten[(11, "waarde")][1] and "rij 10" in fouten[(11, "waarde")][1]
    assert antwoord.context["resultaat"].analyse.ongeldige_rijen == [2, 3, 4, 5, 6, 7, 8, 9, 11]


@pytest.mark.django_db
def test_a_rapportcijfer_above_ten_is_refused(beheer_client):
    from monitoring.models import Indicator

    Indicator.objects.filter(code="6.2.6.1").update(eenheid="rapportcijfer")
    antwoord = proef(beheer_client, csv_bestand([KOP, "6.2.6.1;2023;;realisatie;11;"]))
    (fout,) = antwoord.context["resultaat"].analyse.fouten
    assert "rapportcijfer ligt tussen 1 en 10" in fout.reden


@pytest.mark.django_db
def test_unknown_headers_are_refused_with_the_expected_layouts(beheer_client):
    antwoord = proef(beheer_client, csv_bestand(["naam;getal", "x;1"]))
    assert "passen niet bij een bekende indeling" in antwoord.context["resultaat"].bestandsfout


@pytest.mark.django_db
def test_a_zip_bomb_disguised_as_xlsx_is_refused_before_parsing(beheer_client):
    antwoord = proef(beheer_client, zipbom())
    fout = antwoord.context["resultaat"].bestandsfout
    assert "pakt uit tot" in fout or "gecomprimeerd" in fout
    assert Import.objects.count() == 0


@pytest.mark.django_db
def test_a_highly_compressed_sheet_is_refused_even_below_the_size_limit(beheer_client):
    antwoord = proef(beheer_client, zipbom(megabytes=20))
    assert "verdacht sterk gecomprimeerd" in antwoord.context["resultaat"].bestandsfout


@pytest.mark.django_db
def test_a_file_that_is_not_a_spreadsheet_is_refused(beheer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    antwoord = proef(beheer_client, SimpleUploadedFile("kapot.xlsx", b"dit is geen zip"))
    assert "geen geldig .xlsx-bestand" in antwoord.context["resultaat"].bestandsfout
    antwoord = proef(beheer_client, SimpleUploadedFile("tekst.txt", b"a;b"))
    assert antwoord.context["form"].errors["bestand"] == ["Kies een .xlsx- of .csv-bestand."]
