"""Issue 30: a long unbroken word never pushes the edition's PDF past the page.

A probe put about 60 characters without a space into a risk and a milestone: the table grew wider than A4 and
lost its last columns on that page, in an edition that can never change. Here every free-text field that feeds
the edition gets unbroken words of 60, 200 and 1000 characters and a long URL-like string (each cut to what the
field holds), table by table (VELDEN says which fields feed which table or block). The real edition is made from
that data and laid out by the real exporter, and then:

- the layout (the strong proof): on every page no box reaches outside the page's content area, no text outside
  its table cell, and the running header and footer stay on the page;
- the text: every hostile word is in the PDF whole (it wraps, so compared without whitespace), and each table's
  last column header is on every page the table is on;
- the PDF is still tagged, in Dutch.

One edition for the whole module (made in a transaction that is rolled back); it is laid out once.
"""

import io
import itertools
import json
import re
import string
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.test import override_settings

import pytest
from pypdf import PdfReader
from weasyprint.formatting_structure import boxes

from accounts.models import User
from actielijnen.models import Actielijn, Activiteit, Mijlpaal, Modellaag, Risico, RisicoWijziging
from bronnen.models import Datakwaliteitsnotitie
from monitoring.constants import FinancienSoort
from monitoring.models import Bedrag, Indicator, Kerncijfer, Scenario, Scenariototaal
from participatie.models import Inbreng, Participatietraject, Stakeholder
from rapportage import export_pdf, services
from rapportage.constants import Sectie
from rapportage.models import Motie
from rapportage.programma_laden import laad_programma

pytestmark = pytest.mark.django_db

PEILDATUM = date(2024, 4, 30)
# A link as people paste it: slashes, dots, a query string and an anchor, and no space to break at.
URL = (
    "https://www.hengelo.nl/bestuur/raadsinformatie/moties?jaar=2024&nummer=M2024_3&bijlage="
    "uitvoeringsplan_transformatie_sociaal_domein_2023_definitief_na_raadsbesluit.pdf#pagina12"
)
VARIANTEN = (60, 200, 1000, URL)
# Half a CSS pixel: rounding in the layout, far below anything a reader would miss.
SPELING = 0.5
BUDGET = (FinancienSoort.TRANSFORMATIEBUDGET, FinancienSoort.BUDGET_BESTEED)

# Which rows and model fields feed which table (or block) of the edition. Rows are the ones the edition shows
# (the first four); the rows of the test's own motions, milestones, notes and contributions are made first.
VELDEN = [
    ("Financiën: scenario's vergeleken met de realisatie", lambda: Scenario.objects.all(), ["naam"]),
    (
        "Financiën: gedrukte totalen die afwijken",
        lambda: Scenariototaal.objects.filter(wijkt_af=True),
        ["cel", "bron"],
    ),
    (
        "Financiën: transformatiebudget",
        lambda: Bedrag.objects.filter(Q(jaar__isnull=True) | Q(jaar__lte=PEILDATUM.year), soort__in=BUDGET),
        ["toelichting", "bron"],
    ),
    (
        "Financiën: structurele investeringen",
        lambda: Bedrag.objects.filter(
            Q(jaar__isnull=True) | Q(jaar__lte=PEILDATUM.year), soort=FinancienSoort.INVESTERING
        ),
        ["toelichting", "bron"],
    ),
    (
        "Risicobeheersing: actieve risico's",
        lambda: Risico.objects.actief(),
        ["omschrijving", "beheersmaatregel"],
    ),
    (
        "Risicobeheersing: wijzigingen",
        lambda: RisicoWijziging.objects.filter(datum__lte=PEILDATUM),
        ["toelichting", "bron"],
    ),
    (
        "Monitoring: kernindicatoren en bronnen",
        lambda: Indicator.objects.exclude(doel__code__startswith="6.2.6"),
        ["code", "naam", "bron"],
    ),
    (
        "Monitoring: cliëntervaring",
        lambda: Indicator.objects.filter(doel__code__startswith="6.2.6"),
        ["code", "naam", "bron"],
    ),
    ("Sociaal domein: kerncijfers", lambda: Kerncijfer.objects.all(), ["naam", "bron"]),
    (
        "Sociaal domein: datakwaliteit onder de kerncijfers",
        lambda: Datakwaliteitsnotitie.objects.filter(sleutel__startswith="lang-woord-"),
        ["betreft", "citaat", "bron", "toelichting"],
    ),
    ("Sociaal domein: transformatiepiramide", lambda: Modellaag.objects.all(), ["naam"]),
    (
        "Voortgang: per actielijn, en de kop van elke activiteitentabel",
        lambda: Actielijn.objects.all(),
        ["naam"],
    ),
    ("Voortgang: de activiteiten, en 'betreft' bij de risico's", lambda: Activiteit.objects.all(), ["naam"]),
    ("Voortgang: bereikte en gemiste mijlpalen", lambda: Mijlpaal.objects.all(), ["omschrijving"]),
    (
        "Moties: de tabel en per motie de onderdelen",
        lambda: Motie.objects.all(),
        ["nummer", "titel", "vergadering", "tekst", "uitvoering"],
    ),
    ("Participatie: inbreng per traject", lambda: Participatietraject.objects.all(), ["naam"]),
    (
        "Participatie: ingebracht door",
        lambda: Stakeholder.objects.filter(inbreng__isnull=False).distinct(),
        ["naam"],
    ),
    ("Participatie: inbreng en reactie", lambda: Inbreng.objects.all(), ["inbreng", "reactie"]),
]

_nummers = itertools.count(1)


def _woord(variant, max_length: int | None) -> str:
    """An unbroken word: a unique mark (W001) and letters or the URL, no space; cut to what the field holds."""
    merk = f"W{next(_nummers):03d}"
    if isinstance(variant, int):
        letters = itertools.cycle(string.ascii_lowercase)
        woord = merk + "".join(itertools.islice(letters, variant - len(merk)))
    else:
        woord = merk + variant
    return woord[:max_length] if max_length else woord


def _vullen(rijen, velden, woorden: list[str]):
    """Each row its own variant per field, shifted per field, so a table holds every length side by side."""
    for i, rij in enumerate(rijen[:4]):
        for j, veld in enumerate(velden):
            woord = _woord(VARIANTEN[(i + j) % len(VARIANTEN)], rij._meta.get_field(veld).max_length)
            setattr(rij, veld, woord)
            woorden.append(woord)
        rij.save()


def _eigen_rijen(gebruikers):
    """The rows the demo programme lacks: milestones, motions, data-quality notes, processed contributions."""
    activiteiten = list(Activiteit.objects.filter(actielijn__nummer=1).order_by("volgorde")[:4])
    for i, activiteit in enumerate(activiteiten):
        # Two reached by the peildatum, two due before it and missed.
        Mijlpaal.objects.create(
            activiteit=activiteit,
            omschrijving="mijlpaal",
            datum_gepland=date(2024, 2, 1),
            datum_bereikt=date(2024, 2, 15) if i % 2 == 0 else None,
        )
        services.motie_opslaan(
            door=gebruikers["griffie"],
            soort="motie",
            nummer=f"M2024-{i}",
            titel="motie",
            datum=date(2024, 1, 25),
            vergadering="Raad",
            tekst="tekst",
            status="in_behandeling",
            uitvoering="uitvoering",
            activiteiten=[activiteit],
        )
    kerncijfer = Kerncijfer.objects.order_by("pk").first()
    for i in range(4):
        kerncijfer.datakwaliteit.create(
            sleutel=f"lang-woord-{i}", betreft="b", citaat="c", bron="b", toelichting="t", ernst="informatie"
        )
    trajecten = list(Participatietraject.objects.order_by("pk"))
    for i, stakeholder in enumerate(Stakeholder.objects.order_by("pk")[:4]):
        Inbreng.objects.create(
            traject=trajecten[i % len(trajecten)],
            stakeholder=stakeholder,
            datum=date(2024, 3, 1),
            inbreng="inbreng",
            verwerking="overgenomen",
            reactie="reactie",
            verwerkt_door=gebruikers["manager"],
            verwerkt_op=date(2024, 3, 15),
        )


def _editie_met_lange_woorden(woorden: list[str]):
    laad_programma(demo=True)
    gebruikers = {u.username: u for u in User.objects.all()}
    _eigen_rijen(gebruikers)
    for _tabel, rijen, velden in VELDEN:
        _vullen(list(rijen().order_by("pk")), velden, woorden)
    titel, zaaknummer = _woord(200, 200), _woord(60, 30)
    toelichtingen = {sectie: _woord(VARIANTEN[i % len(VARIANTEN)], None) for i, sectie in enumerate(Sectie)}
    woorden += [titel, zaaknummer, *toelichtingen.values()]
    return services.rapportage_aanmaken(
        door=gebruikers["manager"],
        pc_moment="viermaandsrapportage",
        jaar=PEILDATUM.year,
        titel=titel,
        peildatum=PEILDATUM,
        zaaknummer=zaaknummer,
        toelichtingen=toelichtingen,
    )


@pytest.fixture(scope="module")
def lange_woorden():
    """Every hostile word put into the edition's sources (filled by the `editie` fixture)."""
    return []


@pytest.fixture(scope="module")
def editie(django_db_setup, django_db_blocker, lange_woorden):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        rapportage = _editie_met_lange_woorden(lange_woorden)
        transaction.set_rollback(True)
    return rapportage


@pytest.fixture(scope="module")
def opgemaakt(editie):
    """The edition laid out by the exporter: the pages and their boxes."""
    return export_pdf.opmaken(editie)


@pytest.fixture(scope="module")
def pdf(opgemaakt):
    return PdfReader(io.BytesIO(opgemaakt.write_pdf(pdf_variant=export_pdf.PDF_VARIANT)))


@pytest.fixture(scope="module")
def pagina_tekst(pdf):
    """The text of each page without any whitespace: a word wrapped over lines reads as one again."""
    return [re.sub(r"\s+", "", pagina.extract_text()) for pagina in pdf.pages]


# --- the layout ------------------------------------------------------------------------------------------


def _tekst(box) -> str:
    if isinstance(box, boxes.TextBox):
        return box.text
    return "".join(_tekst(kind) for kind in getattr(box, "children", ()))


def _rand(box) -> tuple[float, float, float, float]:
    """Left, right, top and bottom of a box's border box, in CSS pixels on the page."""
    x, y = box.border_box_x(), box.border_box_y()
    return x, x + box.border_width(), y, y + box.border_height()


def _binnen(rand, grens) -> bool:
    links, rechts, boven, onder = rand
    return (
        links >= grens[0] - SPELING
        and rechts <= grens[1] + SPELING
        and boven >= grens[2] - SPELING
        and onder <= grens[3] + SPELING
    )


def _uitstekers(box, grens, pagina: int) -> list[str]:
    """Every box under `box` that reaches outside `grens`; inside a table cell the cell is the limit."""
    rand = _rand(box)
    fouten = []
    if not _binnen(rand, grens):
        soort = type(box).__name__
        fouten.append(
            f"pagina {pagina}: {soort} {[round(r) for r in rand]} buiten {grens}: {_tekst(box)[:40]!r}"
        )
    if isinstance(box, boxes.TableCellBox):
        grens = rand
    for kind in getattr(box, "children", ()):
        fouten += _uitstekers(kind, grens, pagina)
    return fouten


def _paginavakken(paginabox):
    """The content area of a page, and the whole sheet (for the running header and footer)."""
    links, boven = paginabox.content_box_x(), paginabox.content_box_y()
    inhoud = (links, links + paginabox.width, boven, boven + paginabox.height)
    return inhoud, (0, paginabox.margin_width(), 0, paginabox.margin_height())


def test_the_hostile_words_are_in_the_editions_snapshot(editie, lange_woorden):
    # The setup's own check: each word reached the edition, so the layout below is tested with all of them.
    alles = json.dumps(
        [editie.inhoud, editie.titel, editie.zaaknummer, editie.toelichtingen], ensure_ascii=False
    )
    assert len(lange_woorden) > 100
    assert [woord for woord in lange_woorden if woord not in alles] == []
    assert {len(w) for w in lange_woorden} >= {60, 200, 1000}


def test_no_box_on_any_page_reaches_outside_the_page_or_its_table_cell(opgemaakt):
    fouten = []
    for nummer, pagina in enumerate(opgemaakt.pages, start=1):
        paginabox = pagina._page_box
        inhoud, vel = _paginavakken(paginabox)
        for kind in paginabox.children:
            fouten += _uitstekers(kind, vel if isinstance(kind, boxes.MarginBox) else inhoud, nummer)
    assert fouten == []


def test_every_hostile_word_is_in_the_pdf_whole(lange_woorden, pagina_tekst):
    alles = "".join(pagina_tekst)
    assert [woord for woord in lange_woorden if woord not in alles] == []


def _tabellen(box):
    if isinstance(box, boxes.TableBox):
        yield box
    for kind in getattr(box, "children", ()):
        yield from _tabellen(kind)


def _laatste_kop(tabel):
    """The last column header cell of a table (its header row repeats on each page the table is on)."""
    koppen = [groep for groep in tabel.children if getattr(groep, "is_header", False)]
    return koppen[0].children[0].children[-1] if koppen else None


def test_every_table_shows_its_last_column_on_every_page_it_is_on(opgemaakt, pagina_tekst):
    gezien = 0
    for nummer, pagina in enumerate(opgemaakt.pages, start=1):
        inhoud, _vel = _paginavakken(pagina._page_box)
        for tabel in _tabellen(pagina._page_box):
            kop = _laatste_kop(tabel)
            assert kop is not None, f"pagina {nummer}: een tabel zonder kopregel"
            tekst = re.sub(r"\s+", "", _tekst(kop))
            assert _binnen(_rand(kop), inhoud), f"pagina {nummer}: kolom {tekst!r} valt van de pagina"
            assert tekst in pagina_tekst[nummer - 1], f"pagina {nummer}: {tekst}"
            gezien += 1
    assert gezien > 20


def test_the_pdf_stays_tagged_in_dutch(pdf):
    catalogus = pdf.trailer["/Root"]
    assert bool(catalogus["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalogus
    assert catalogus["/Lang"] == "nl"
