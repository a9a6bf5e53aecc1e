"""The PDF, XLSX and CSV of an edition, read back and compared with the edition's own snapshot.

One edition for the whole module (made in a transaction that is rolled back); its files are made once.
"""

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.template.loader import render_to_string
from django.test import override_settings

import openpyxl
import pytest
from pypdf import PdfReader

from accounts.models import User
from actielijnen.models import Activiteit, Mijlpaal, Modellaag, Voortgangsrapportage
from monitoring.models import Kerncijfer, Piramidestand
from rapportage import export_csv, export_pdf, export_xlsx, services
from rapportage.constants import Sectie
from rapportage.programma_laden import laad_programma
from rapportage.weergave import editie_weergave

FORMULE = '=HYPERLINK("http://example.org","klik")'
NOTITIE_FORMULE = "=1+1 telt de bron dubbel"
# The test database is set up only for marked tests; the module's edition is rolled back by its fixture.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def editie(django_db_setup, django_db_blocker):
    """A concept edition of 30 April 2024 with progress, a milestone, a motie, a small count and a note."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        laad_programma(demo=True)
        gebruikers = {u.username: u for u in User.objects.all()}
        activiteit = Activiteit.objects.get(code="1.1")
        Voortgangsrapportage.objects.create(
            activiteit=activiteit,
            datum=date(2024, 3, 1),
            auteur=gebruikers["trekker"],
            periode="2024-03",
            rag="oranje",
            percentage_gereed=35,
            fase="uitvoering",
            status="lopend",
            toelichting="Eerste wijkteams gestart.",
        )
        Mijlpaal.objects.create(
            activiteit=activiteit,
            omschrijving="Eerste wijkteam gestart",
            datum_gepland=date(2024, 2, 1),
            datum_bereikt=date(2024, 2, 15),
        )
        Piramidestand.objects.create(
            modellaag=Modellaag.objects.get(naam="Basisondersteuning"),
            periode="2023",
            aantal_clienten=7,
            bron="test",
        )
        klein = Kerncijfer.objects.create(
            sleutel="test-klein-aantal",
            onderwerp="gebruik_maatwerk",
            naam="Cliënten met een persoonsgebonden budget in de test",
            periode="2023",
            waarde=Decimal(4),
            eenheid="aantal",
            telt_personen=True,
            bron="testbron",
        )
        klein.datakwaliteit.create(
            sleutel="test-formule",
            betreft="aantal in de test",
            citaat="4 cliënten",
            bron="testbron",
            toelichting=NOTITIE_FORMULE,
            ernst="informatie",
        )
        services.motie_opslaan(
            door=gebruikers["griffie"],
            soort="motie",
            nummer="M2024-3",
            titel="Wijkteams in elke wijk",
            datum=date(2024, 1, 25),
            vergadering="Raad 25 januari 2024",
            tekst=FORMULE,
            status="in_behandeling",
            uitvoering="Het college start in 2024 vier wijkteams.",
            activiteiten=[activiteit],
        )
        rapportage = services.rapportage_aanmaken(
            door=gebruikers["manager"],
            pc_moment="viermaandsrapportage",
            jaar=2024,
            titel="Viermaandsrapportage 2024",
            peildatum=date(2024, 4, 30),
            zaaknummer="1234567",
            toelichtingen={
                "financien": "De besparingen op Jeugd lopen achter.\n\nDe <b>Wmo</b> ligt op koers."
            },
        )
        transaction.set_rollback(True)
    return rapportage


@pytest.fixture(scope="module")
def pdf(editie):
    return PdfReader(io.BytesIO(export_pdf.pdf_maken(editie)))


@pytest.fixture(scope="module")
def pdf_tekst(pdf):
    return [pagina.extract_text() for pagina in pdf.pages]


@pytest.fixture(scope="module")
def werkmap(editie):
    return openpyxl.load_workbook(io.BytesIO(export_xlsx.xlsx_maken(editie)))


def _dutch(waarde: str, teken: str = "") -> str:
    """47.3000 → 47,3 (independent of the code under test; values below 1000)."""
    getal = Decimal(waarde).normalize()
    return f"{getal:f}".replace(".", ",") + teken


def _indicator(editie, eenheid="percentage"):
    return next(
        i
        for i in editie.inhoud["indicatoren"]
        if i["eenheid"] == eenheid and i["peilwaarde"] and i["realisatie"]
    )


def _rij(blad, waarde, kolom=1):
    return next(r for r in blad.iter_rows() if r[kolom - 1].value == waarde)


# --- the snapshot the files are made from ----------------------------------------------------------------


def test_the_snapshot_holds_what_the_tests_compare(editie):
    inhoud = editie.inhoud
    assert [m["nummer"] for m in inhoud["moties"]] == ["M2024-3"]
    assert any(
        s["laag"] == "Basisondersteuning" and s["aantal"] == 7
        for s in inhoud["sociaal_domein"]["piramide"]["standen"]
    )
    assert [m["stand"] for m in inhoud["voortgang"]["mijlpalen"]] == ["bereikt"]


# --- PDF ------------------------------------------------------------------------------------------------


def test_pdf_cover_shows_the_editions_own_fields(editie, pdf_tekst):
    voorblad = pdf_tekst[0]
    for tekst in ("Gemeente Hengelo", editie.titel, "Viermaandsrapportage 2024", "30 april 2024", "1234567"):
        assert tekst in voorblad
    assert re.search(r"Versie\s+1\b", voorblad)
    assert re.search(r"Status\s+Concept", voorblad)


def test_pdf_has_every_section_heading_and_the_contents_point_at_their_pages(pdf_tekst):
    inhoudsopgave = pdf_tekst[1]
    for sectie in Sectie:
        regel = re.search(rf"{re.escape(sectie.label)}\s*\.+\s*(\d+)", inhoudsopgave)
        assert regel, sectie.label
        pagina = pdf_tekst[int(regel.group(1)) - 1]
        # The running header and the heading itself both name the section on its first page.
        assert pagina.count(sectie.label) >= 2, sectie.label


def test_pdf_numbers_its_pages_pagina_x_van_y(pdf, pdf_tekst):
    totaal = len(pdf.pages)
    assert totaal > 6
    for nummer, tekst in enumerate(pdf_tekst, start=1):
        assert f"pagina {nummer} van {totaal}" in tekst


def test_pdf_shows_indicator_values_in_dutch_notation(editie, pdf_tekst):
    indicator = _indicator(editie)
    alles = "\n".join(pdf_tekst)
    assert f"{_dutch(indicator['peilwaarde']['waarde'], '%')} ({indicator['peilwaarde']['periode']})" in alles
    assert f"{_dutch(indicator['realisatie']['waarde'], '%')} ({indicator['realisatie']['periode']})" in alles


def test_pdf_carries_the_managers_text_escaped(pdf_tekst):
    alles = "\n".join(pdf_tekst)
    assert "De besparingen op Jeugd lopen achter." in alles
    assert "De <b>Wmo</b> ligt op koers." in alles  # shown as written, not as markup


def test_pdf_hides_small_counts_of_people(pdf_tekst):
    alles = re.sub(r"\s+", " ", "\n".join(pdf_tekst))  # a long name may wrap in its cell
    assert re.search(r"Basisondersteuning\s+< 10", alles)
    assert "persoonsgebonden budget in de test 2023 < 10" in alles


def test_pdf_is_tagged_in_dutch_with_a_title(editie, pdf):
    catalogus = pdf.trailer["/Root"]
    assert bool(catalogus["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalogus
    assert catalogus["/Lang"] == "nl"
    assert pdf.metadata.title == f"{editie.titel} — Gemeente Hengelo"
    assert bool(catalogus["/ViewerPreferences"]["/DisplayDocTitle"])


def test_pdf_fetcher_refuses_the_network_and_files_outside_its_folders(tmp_path):
    (tmp_path / "stijl.css").write_text("p { color: black }")
    ophaler = export_pdf.AlleenLokaleBestanden([tmp_path])
    assert ophaler.fetch((tmp_path / "stijl.css").as_uri()).read() == b"p { color: black }"
    for url in ("http://example.org/stijl.css", "https://example.org/font.woff", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            ophaler.fetch(url)


# --- XLSX -----------------------------------------------------------------------------------------------


def test_xlsx_has_a_cover_and_one_sheet_per_section(werkmap):
    assert werkmap.sheetnames == [
        "Voorblad",
        "Financiën",
        "Risicobeheersing",
        "Monitoring en sturing",
        "Sociaal Domein in beeld",
        "Voortgang per actielijn",
        "Moties",
        "Inbreng",  # issue 16: participatie, wat deden we met de inbreng
    ]


def test_xlsx_cover_has_the_editions_fields_with_types(editie, werkmap):
    blad = werkmap["Voorblad"]
    gegevens = {r[0].value: r[1] for r in blad.iter_rows(min_row=5) if r[0].value}
    assert gegevens["Titel"].value == editie.titel
    assert gegevens["P&C-moment"].value == "Viermaandsrapportage"
    assert gegevens["Zaaknummer"].value == "1234567"
    assert gegevens["Versie"].value == 1
    assert gegevens["Jaar"].value == 2024 and gegevens["Jaar"].number_format == "0"
    assert gegevens["Peildatum"].value == datetime(2024, 4, 30)
    assert gegevens["Peildatum"].number_format == "dd-mm-yyyy"


def test_xlsx_stores_percentages_as_fractions_with_a_percentage_format(editie, werkmap):
    indicator = _indicator(editie)
    blad = werkmap["Monitoring en sturing"]
    koppen = [c.value for c in blad[4]]
    rij = _rij(blad, indicator["code"])
    peil = rij[koppen.index("Peilwaarde")]
    assert isinstance(peil.value, float)
    assert peil.value == pytest.approx(float(Decimal(indicator["peilwaarde"]["waarde"]) / 100))
    assert peil.number_format.endswith("%")


def test_xlsx_stores_money_as_numbers_with_a_euro_format_and_years_without_separator(editie, werkmap):
    per_jaar = editie.inhoud["financien"]["gerealiseerd_totaal"]
    jaar, bedrag = next(iter(per_jaar.items()))
    blad = werkmap["Financiën"]
    rij = _rij(blad, int(jaar))
    assert rij[0].number_format == "0"
    assert rij[2].value == pytest.approx(float(bedrag))
    assert "€" in rij[2].number_format


def test_xlsx_freezes_a_bold_header_row_on_every_sheet(werkmap):
    for blad in werkmap:
        assert blad.freeze_panes, blad.title
        koprij = int(blad.freeze_panes[1:]) - 1
        assert all(c.font.bold for c in blad[koprij] if c.value), blad.title
        assert blad.column_dimensions["A"].width >= 10


def test_xlsx_shows_small_counts_as_text(werkmap):
    blad = werkmap["Sociaal Domein in beeld"]
    assert _rij(blad, "Basisondersteuning")[1].value == "< 10"
    rij = _rij(blad, "Cliënten met een persoonsgebonden budget in de test", kolom=2)
    assert rij[3].value == "< 10"


def test_xlsx_neutralises_formulas_in_motie_and_note_texts(werkmap):
    motie = _rij(werkmap["Moties"], "Motie")
    tekst = next(c for c in motie if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert tekst.value == "'" + FORMULE and tekst.data_type == "s"
    notitie = next(
        c
        for r in werkmap["Sociaal Domein in beeld"].iter_rows()
        for c in r
        if c.value and "telt de bron" in str(c.value)
    )
    assert notitie.value == "'" + NOTITIE_FORMULE and notitie.data_type == "s"


def test_xlsx_puts_notes_under_their_table(werkmap):
    blad = werkmap["Sociaal Domein in beeld"]
    waarden = [r[0].value for r in blad.iter_rows()]
    tabel = waarden.index("Sociaal Domein in beeld: kerncijfers")
    notities = waarden.index("Datakwaliteit: Sociaal Domein in beeld: kerncijfers")
    piramide = waarden.index("Sociaal Domein in beeld: transformatiepiramide")
    assert tabel < notities < piramide


# --- CSV ------------------------------------------------------------------------------------------------


def _csv(editie, tabel) -> list[list[str]]:
    inhoud = export_csv.csv_maken(editie, tabel)
    assert inhoud.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))


def test_every_csv_table_reads_back_with_its_header(editie):
    for tabel in export_csv.TABELLEN:
        rijen = _csv(editie, tabel)
        assert rijen[0] and all(rijen[0]), tabel


def test_csv_writes_decimal_commas_as_dutch_excel_expects(editie):
    indicator = _indicator(editie)
    rijen = _csv(editie, "indicatoren")
    rij = next(r for r in rijen if r[0] == indicator["code"])
    assert rij[rijen[0].index("Peilwaarde")] == _dutch(indicator["peilwaarde"]["waarde"])
    jaren = {r[0] for r in _csv(editie, "besparingen_per_jaar")[1:]}
    assert jaren == {str(j) for j in editie.inhoud["financien"]["jaren"]}


def test_csv_neutralises_formulas_and_hides_small_counts(editie):
    motie = _csv(editie, "moties")[1]
    assert "'" + FORMULE in motie and FORMULE not in motie
    notities = _csv(editie, "datakwaliteit")
    assert any("'" + NOTITIE_FORMULE in r for r in notities)
    piramide = {r[0]: r[1] for r in _csv(editie, "piramide")[1:]}
    assert piramide["Basisondersteuning"] == "< 10"


def test_csv_of_an_unknown_table_raises_keyerror(editie):
    with pytest.raises(KeyError):
        export_csv.csv_maken(editie, "bestaat-niet")


# --- the web page's sections --------------------------------------------------------------------------


def test_sections_render_in_the_order_of_the_annex_with_their_texts(editie):
    html = render_to_string(
        "rapportage/editie_inhoud.html",
        {
            "rapportage": editie,
            "weergave": editie_weergave(editie),
            "user": AnonymousUser(),
        },
    )
    posities = [html.index(f'<section class="app-sectie" id="sectie-{s.value}"') for s in Sectie]
    assert posities == sorted(posities)
    assert "De &lt;b&gt;Wmo&lt;/b&gt; ligt op koers." in html
    assert html.count('class="app-svg-grafiek"') == 3  # the three charts; the sparklines are role="img" too
    assert html.count('role="img"') == 3 + sum(
        len(i["realisaties"]) > 1 for i in editie.inhoud["indicatoren"]
    )
