"""
Exports of indicators and metingen to XLSX and CSV, in the long import layout so an export imports unchanged.

Cells are neutralised against formula injection by our own sanitiser: a text that starts with = + - @ tab or
carriage return gets a leading apostrophe; numbers stay numbers (django-import-export's
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT only strips '=' and turns every cell into text). Small counts of people
are exported as "< 10" to users who may not see them, as on the pages.
"""

import csv
import io
from decimal import Decimal

import openpyxl

from monitoring.models import Indicator, Meting
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
    "output_outcome",
    "bron",
    "fitgap",
]


def veilig(cel):
    """Neutralise a text cell a spreadsheet would run as a formula; leave numbers and None alone."""
    if isinstance(cel, str) and cel.startswith(GEVAARLIJK):
        return "'" + cel
    return cel


def _getal(waarde: Decimal) -> Decimal:
    return waarde.quantize(Decimal(1)) if waarde == waarde.to_integral() else waarde.normalize()


def meting_rijen(user):
    metingen = Meting.objects.select_related("indicator", "wijk", "gebied").order_by(
        "indicator__code", "periode_begin", "soort", "wijk__naam", "gebied__naam"
    )
    for meting in metingen.iterator(chunk_size=5000):
        plaats = meting.wijk or meting.gebied
        waarde = (
            f"< {drempel()}"
            if verborgen(meting.waarde, meting.indicator.eenheid, user)
            else _getal(meting.waarde)
        )
        yield [
            meting.indicator.code,
            meting.periode,
            (plaats.cbs_code or plaats.naam) if plaats else "",
            meting.soort,
            waarde,
            meting.bron,
            meting.status,
            meting.indicator.eenheid,
            meting.indicator.naam,
        ]


def indicator_rijen():
    for indicator in Indicator.objects.select_related("doel").order_by("code"):
        yield [
            indicator.code,
            indicator.naam,
            indicator.doel.code,
            indicator.eenheid,
            indicator.richting,
            indicator.soort,
            indicator.output_outcome,
            indicator.bron,
            indicator.fitgap,
        ]


def als_xlsx(user) -> bytes:
    werkmap = openpyxl.Workbook(write_only=True)
    for titel, koppen, rijen in (
        ("Metingen", METING_KOPPEN, meting_rijen(user)),
        ("Indicatoren", INDICATOR_KOPPEN, indicator_rijen()),
    ):
        blad = werkmap.create_sheet(titel)
        blad.append(koppen)
        for rij in rijen:
            blad.append([veilig(cel) for cel in rij])
    uitvoer = io.BytesIO()
    werkmap.save(uitvoer)
    return uitvoer.getvalue()


def als_csv(user, wat: str = "metingen") -> str:
    """Semicolon-separated with decimal commas, as Dutch Excel opens it."""
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";")
    koppen, rijen = (
        (INDICATOR_KOPPEN, indicator_rijen()) if wat == "indicatoren" else (METING_KOPPEN, meting_rijen(user))
    )
    schrijver.writerow(koppen)
    for rij in rijen:
        schrijver.writerow(
            [str(cel).replace(".", ",") if isinstance(cel, Decimal) else veilig(cel) for cel in rij]
        )
    return uitvoer.getvalue()
