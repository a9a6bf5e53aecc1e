"""
Reading an uploaded indicator spreadsheet (.xlsx or .csv) row by row, without trusting it.

- .xlsx: the zip is checked before parsing (total uncompressed size and compression ratio, against zip bombs);
  openpyxl reads it in `read_only` mode, streaming rows instead of loading the whole workbook (tablib would hold
  it all in memory). defusedxml is installed, so openpyxl parses the XML safely.
- .csv: UTF-8 (with or without BOM) or Windows-1252, separated by `;` (Dutch Excel), `,` or tab.

Yields (row number as the spreadsheet shows it, list of cell values).
"""

import csv
import io
import zipfile
from collections.abc import Iterator

from django.conf import settings

import openpyxl

# An .xlsx may unpack to at most this many bytes, and compress at most this well (zip bombs reach 1000:1).
MAX_ONGECOMPRIMEERD = getattr(settings, "IMPORT_MAX_ONGECOMPRIMEERD", 300 * 1024 * 1024)
MAX_COMPRESSIE = getattr(settings, "IMPORT_MAX_COMPRESSIE", 100)
EXTENSIES = (".xlsx", ".csv")


class OngeldigBestand(ValueError):
    """The file as a whole cannot be read; the message is Dutch and shown to the user."""


def extensie(bestandsnaam: str) -> str:
    naam = bestandsnaam.lower()
    for ext in EXTENSIES:
        if naam.endswith(ext):
            return ext
    raise OngeldigBestand(f"'{bestandsnaam}' is geen .xlsx- of .csv-bestand.")


def controleer_xlsx(bestand) -> None:
    """Refuse a zip that unpacks too large or compresses suspiciously well, before any XML is parsed."""
    try:
        with zipfile.ZipFile(bestand) as archief:
            infos = archief.infolist()
    except zipfile.BadZipFile as exc:
        raise OngeldigBestand("Het bestand is geen geldig .xlsx-bestand (geen zip-archief).") from exc
    finally:
        bestand.seek(0)
    totaal = sum(info.file_size for info in infos)
    if totaal > MAX_ONGECOMPRIMEERD:
        raise OngeldigBestand(
            f"Het .xlsx-bestand pakt uit tot {totaal // (1024 * 1024)} MB; "
            f"toegestaan is {MAX_ONGECOMPRIMEERD // (1024 * 1024)} MB."
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_COMPRESSIE * max(info.compress_size, 1):
            raise OngeldigBestand(
                f"Het .xlsx-bestand is verdacht sterk gecomprimeerd ({info.filename}: "
                f"{info.file_size // max(info.compress_size, 1)}:1); het wordt niet ingelezen."
            )


def lees_rijen(bestand, bestandsnaam: str) -> Iterator[tuple[int, list]]:
    """Every non-empty row of the first sheet, with the row number the spreadsheet shows (1 = first row)."""
    if extensie(bestandsnaam) == ".xlsx":
        yield from _lees_xlsx(bestand)
    else:
        yield from _lees_csv(bestand)


def _lees_xlsx(bestand) -> Iterator[tuple[int, list]]:
    controleer_xlsx(bestand)
    try:
        werkmap = openpyxl.load_workbook(bestand, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise OngeldigBestand(f"Het .xlsx-bestand kan niet worden gelezen: {exc}") from exc
    try:
        for nummer, rij in enumerate(werkmap.worksheets[0].iter_rows(values_only=True), start=1):
            if any(cel not in (None, "") for cel in rij):
                yield nummer, list(rij)
    finally:
        werkmap.close()


def _lees_csv(bestand) -> Iterator[tuple[int, list]]:
    ruw = bestand.read()
    for codering in ("utf-8-sig", "cp1252"):
        try:
            tekst = ruw.decode(codering)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise OngeldigBestand("Het .csv-bestand is niet in UTF-8 of Windows-1252 opgeslagen.")
    eerste = tekst.split("\n", 1)[0]
    scheiding = max((";", ",", "\t"), key=eerste.count)
    for nummer, rij in enumerate(csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding), start=1):
        if any(cel.strip() for cel in rij):
            yield nummer, rij
