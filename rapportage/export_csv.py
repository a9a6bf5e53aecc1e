"""
One table of an edition as CSV: `csv_maken(rapportage, tabel)`, for the tables in `TABELLEN` (key → label).

The tables are the edition's view-model's (rapportage/weergave/tabellen.py): the same rows the sections show,
with typed cells (a `Getal` with its unit, a date, a year, a text); the XLSX (rapportage/export_xlsx.py) writes
the same tables, so the two never disagree.

CSV as in monitoring/export.py, as Dutch Excel opens it: UTF-8 with a BOM, `;` between cells, a decimal comma
and no thousands separator, dates as dd-mm-jjjj; every text cell neutralised against formula injection by the
sanitiser there (`veilig`); counts of people below the threshold written as "< 10".
"""

import csv
import io
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from monitoring.export import veilig
from monitoring.weergave import drempel
from rapportage.weergave import editie_weergave
from rapportage.weergave.tabellen import TABELLEN
from rapportage.weergave.tabelvorm import VOORBEELDREGEL, Getal, Jaar

__all__ = ["TABELLEN", "csv_maken"]


# --- CSV ------------------------------------------------------------------------------------------------


def _csv_cel(cel, user) -> str:
    if cel is None:
        return ""
    if isinstance(cel, Getal):
        if cel.waarde is None:
            return ""
        if cel.verborgen(user):
            return f"< {drempel()}"
        getal = (
            cel.waarde.quantize(Decimal(1))
            if cel.waarde == cel.waarde.to_integral()
            else cel.waarde.normalize()
        )
        return f"{getal:f}".replace(".", ",")
    if isinstance(cel, Jaar):
        return str(cel.jaar)
    if isinstance(cel, date):
        return f"{cel:%d-%m-%Y}"
    if isinstance(cel, int):
        return str(cel)
    return veilig(str(cel))


def csv_maken(rapportage, tabel: str) -> bytes:
    """One table of the edition as CSV for Dutch Excel; an unknown `tabel` raises KeyError."""
    if tabel not in TABELLEN:
        raise KeyError(tabel)
    gekozen = next(t for t in editie_weergave(rapportage).tabellen if t.sleutel == tabel)
    lezer = AnonymousUser()
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";", lineterminator="\r\n")
    koppen, rijen = gekozen.in_bestand()
    if gekozen.bevat_voorbeeld:
        # Issue 24: a file with invented rows says so before anything else, and names them in a column.
        schrijver.writerow([veilig(VOORBEELDREGEL)])
    schrijver.writerow([veilig(k) for k in koppen])
    for rij in rijen:
        schrijver.writerow([_csv_cel(cel, lezer) for cel in rij])
    return ("\ufeff" + uitvoer.getvalue()).encode("utf-8")
