"""
Exports of indicators and metingen to XLSX and CSV, in the long import layout so an export imports unchanged.

A table longer than one Excel sheet continues on the next, with a contents sheet (monitoring/excelgrens.py).

Cells are neutralised against formula injection by our own sanitiser: a text that starts with = + - @ tab or
carriage return gets a leading apostrophe; numbers stay numbers (django-import-export's
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT only strips '=' and turns every cell into text). Small counts of people
are exported as "< 10" to users who may not see them, as on the pages.
"""

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from itertools import islice

import openpyxl

from monitoring import excelgrens
from monitoring.constants import (
    Eenheid,
    FitGap,
    IndicatorSoort,
    MetingSoort,
    MetingStatus,
    OutputOutcome,
    Richting,
)
from monitoring.models import Indicator, Meting
from monitoring.permissions import ziet_kleine_aantallen
from monitoring.weergave import drempel, verborgen

GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
METING_KOPPEN = [
    "indicator",
    "periode",
    "wijk",
    "soort",
    "waarde",
    "bron",
    "status",
    "eenheid",
    "indicatornaam",
]
INDICATOR_KOPPEN = [
    "code",
    "naam",
    "doel",
    "eenheid",
    "richting",
    "soort",
    "output of outcome",
    "bron",
    "fit-gap",
]

# Cells show the label a reader knows ("Peilwaarde", "Hoger is beter"), never the stored code ("peil", "hoger").
# The import reads the labels of soort and status as well as the codes, so an export still imports unchanged.
LABELS = {
    naam: dict(keuzes.choices)
    for naam, keuzes in {
        "soort": MetingSoort,
        "status": MetingStatus,
        "eenheid": Eenheid,
        "richting": Richting,
        "indicatorsoort": IndicatorSoort,
        "output_outcome": OutputOutcome,
        "fitgap": FitGap,
    }.items()
}


def label(soort: str, code):
    """The label of a stored choice; an empty or unknown code stays as it is (nothing is hidden)."""
    return LABELS[soort].get(code, code) if code else code


def veilig(cel):
    """Neutralise a text cell a spreadsheet would run as a formula; leave numbers and None alone."""
    if isinstance(cel, str) and cel.startswith(GEVAARLIJK):
        return "'" + cel
    return cel


def _getal(waarde: Decimal) -> Decimal:
    return waarde.quantize(Decimal(1)) if waarde == waarde.to_integral() else waarde.normalize()


# The columns a metingen row is built from: plain values rather than model instances, so a large export keeps
# no objects alive and needs no per-row attribute lookups.
_METING_VELDEN = (
    "indicator__code",
    "periode",
    "wijk__cbs_code",
    "wijk__naam",
    "gebied__cbs_code",
    "gebied__naam",
    "soort",
    "waarde",
    "bron",
    "status",
    "indicator__eenheid",
    "indicator__naam",
)
BLOK = 2000  # rows per database fetch and per piece of streamed CSV


def meting_rijen(user):
    """The metingen in export order, one list of cells per row, streamed from the database in chunks."""
    ziet_alles = ziet_kleine_aantallen(user)
    verborgen_tekst = f"< {drempel()}"
    metingen = Meting.objects.order_by(
        "indicator__code", "periode_begin", "soort", "wijk__naam", "gebied__naam"
    ).values_list(*_METING_VELDEN)
    for (
        code,
        periode,
        wijk_code,
        wijk_naam,
        gebied_code,
        gebied_naam,
        soort,
        waarde,
        bron,
        status,
        eenheid,
        naam,
    ) in metingen.iterator(chunk_size=BLOK):
        if wijk_naam is not None:
            plaats = wijk_code or wijk_naam
        elif gebied_naam is not None:
            plaats = gebied_code or gebied_naam
        else:
            plaats = ""
        yield [
            code,
            periode,
            plaats,
            label("soort", soort),
            verborgen_tekst if not ziet_alles and verborgen(waarde, eenheid, user) else _getal(waarde),
            bron,
            label("status", status),
            label("eenheid", eenheid),
            naam,
        ]


def indicator_rijen():
    for indicator in Indicator.objects.select_related("doel").order_by("code"):
        yield [
            indicator.code,
            indicator.naam,
            indicator.doel.code,
            label("eenheid", indicator.eenheid),
            label("richting", indicator.richting),
            label("indicatorsoort", indicator.soort),
            label("output_outcome", indicator.output_outcome),
            indicator.bron,
            label("fitgap", indicator.fitgap),
        ]


def aantal_rijen(user) -> int:
    """How many data rows the XLSX export writes (metingen plus indicatoren), for a progress bar."""
    return Meting.objects.count() + Indicator.objects.count()


def _blad(werkmap, titel: str, koppen):
    blad = werkmap.create_sheet(titel)
    blad.append(koppen)
    return blad


def _tabel_schrijven(werkmap, titel: str, koppen, rijen, per_rij) -> list[excelgrens.Bladdeel]:
    """One table on as many sheets as Excel opens whole, each with the header row; returns where its rows went.

    Excel drops the rows of a sheet past EXCEL_MAX_RIJEN without a word, so a long table continues on
    "Metingen (2)", … (monitoring/excelgrens.py). `per_rij()` is called after each row written.
    """
    per_blad = excelgrens.rijen_per_blad()
    blad, aantal = None, 0
    for rij in rijen:
        if aantal % per_blad == 0:
            blad = _blad(werkmap, excelgrens.bladtitel(titel, aantal // per_blad + 1), koppen)
        blad.append([veilig(cel) for cel in rij])
        aantal += 1
        per_rij()
    if blad is None:  # no rows: the sheet with its header still says what the table would hold
        _blad(werkmap, titel, koppen)
    return excelgrens.bladdelen(titel, aantal)


def xlsx_schrijven(user, pad, voortgang=None) -> None:
    """Write the XLSX export to `pad` (a path or a binary file) in constant memory.

    openpyxl's write-only workbook streams each row to a temporary file, so memory does not grow with the number
    of metingen. A table longer than one Excel sheet continues on the next ("Metingen (2)"), and a last sheet
    "Inhoud" lists every sheet with the rows it holds; the metingen stay first, where the import reads them.
    `voortgang(gedaan, totaal)` is called once per block of rows and at the end; it must not write to the
    database inside a transaction the caller holds.
    """
    totaal = aantal_rijen(user) if voortgang else None
    gedaan = 0

    def per_rij():
        nonlocal gedaan
        gedaan += 1
        if voortgang and gedaan % BLOK == 0:
            voortgang(gedaan, totaal)

    werkmap = openpyxl.Workbook(write_only=True)
    delen = []
    for titel, koppen, rijen in (
        ("Metingen", METING_KOPPEN, meting_rijen(user)),
        ("Indicatoren", INDICATOR_KOPPEN, indicator_rijen()),
    ):
        delen += _tabel_schrijven(werkmap, titel, koppen, rijen, per_rij)
    inhoud = werkmap.create_sheet(excelgrens.INHOUD)
    for rij in excelgrens.inhoud_rijen(delen):
        inhoud.append(rij)
    werkmap.save(pad)
    if voortgang:
        voortgang(gedaan, totaal)


def als_xlsx(user) -> bytes:
    """The whole XLSX export as bytes; for small data and tests (large exports use `xlsx_schrijven`)."""
    uitvoer = io.BytesIO()
    xlsx_schrijven(user, uitvoer)
    return uitvoer.getvalue()


def _csv_cel(cel):
    return str(cel).replace(".", ",") if isinstance(cel, Decimal) else veilig(cel)


def csv_regels(user, wat: str = "metingen") -> Iterator[str]:
    """The CSV export as pieces of text for a StreamingHttpResponse: the byte order mark first, then lines.

    Semicolon-separated with decimal commas, as Dutch Excel opens it. Each piece holds whole lines, up to BLOK
    rows, so a large export is neither held in memory nor written to the socket one row at a time.
    """
    koppen, rijen = (
        (INDICATOR_KOPPEN, indicator_rijen()) if wat == "indicatoren" else (METING_KOPPEN, meting_rijen(user))
    )
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(koppen)
    yield "\ufeff" + buffer.getvalue()
    while blok := list(islice(rijen, BLOK)):
        buffer.seek(0)
        buffer.truncate()
        schrijver.writerows([_csv_cel(cel) for cel in rij] for rij in blok)
        yield buffer.getvalue()


def als_csv(user, wat: str = "metingen") -> str:
    """The whole CSV export as one text without byte order mark (the view's streaming uses `csv_regels`)."""
    return "".join(csv_regels(user, wat)).removeprefix("\ufeff")
