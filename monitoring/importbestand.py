"""
Reading an uploaded indicator spreadsheet (.xlsx or .csv) row by row, without trusting it.

- .xlsx: the zip is checked before parsing (total uncompressed size and compression ratio, against zip bombs);
  openpyxl reads it in `read_only` mode, streaming rows instead of loading the whole workbook (tablib would hold
  it all in memory). defusedxml is installed, so openpyxl parses the XML safely.
- .csv: UTF-8 (with or without BOM) or Windows-1252, separated by `;` (Dutch Excel), `,` or tab.

Whatever the bytes, reading either yields rows or raises `OngeldigBestand` with a Dutch message: a damaged zip,
an unsupported zip version or compression method, an encrypted member, XML entities, dates out of range and a
broken .csv are all refused as a file, never as a library's exception (tests/monitoring/test_fuzz_import.py).

Yields (row number as the spreadsheet shows it, list of cell values). A .csv gives text. An .xlsx gives text for
text cells, and a `Cel` for number and date cells: Excel stores what a person types as a number plus a number
format (`47,3%` is 0.473 with format `0.0%`), so the value is only what the person sees once the format is read.
"""

import codecs
import csv
import io
import itertools
import math
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

import openpyxl

from kern.notatie import MAANDEN, Getal

# An .xlsx may unpack to at most this many bytes, and compress at most this well (zip bombs reach 1000:1).
MAX_ONGECOMPRIMEERD = getattr(settings, "IMPORT_MAX_ONGECOMPRIMEERD", 300 * 1024 * 1024)
MAX_COMPRESSIE = getattr(settings, "IMPORT_MAX_COMPRESSIE", 100)
# Excel itself shows at most 30 decimals; a format asking more is not a real figure's precision.
MAX_DECIMALEN_FORMAAT = 30
# Beyond this a figure is refused by the rules anyway ("te groot"); rounding it to its format would overflow.
GROOTSTE_GETOONDE = Decimal("1e15")
# What Excel writes in a zip: stored or deflated members, zip version at most 6.3, never encrypted.
ZIP_METHODEN = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
MAX_ZIPVERSIE = 63
BESCHADIGD = (
    "Het .xlsx-bestand is beschadigd of geen Excel-werkmap. Open het in Excel of LibreOffice en sla het "
    "opnieuw op als .xlsx."
)
EXTENSIES = (".xlsx", ".csv")
# A .csv is read in blocks of this size to choose its encoding.
CSV_BLOK = 1024 * 1024


class OngeldigBestand(ValueError):
    """The file as a whole cannot be read; the message is Dutch and shown to the user."""


@dataclass(frozen=True)
class Cel:
    """A typed .xlsx cell: its stored value, and what Excel shows for it (in Dutch notation)."""

    waarde: object
    tekst: str
    getal: Getal | None = None  # number cells: the value a person sees (a percent cell times 100)
    datum: date | None = None  # date cells
    alleen_jaar: bool = False  # a date cell formatted to show only its year
    toont_dag: bool = False  # a date cell whose format shows the day

    def __str__(self):
        return self.tekst


@dataclass(frozen=True)
class Getalformaat:
    """What an Excel number format says about the figure it shows."""

    is_percentage: bool = False
    is_bedrag: bool = False
    decimalen: int | None = None  # None: 'General' or '0.##', as many as needed
    duizendtallen: bool = False


# Quoted text, [colour]/[$€-413] brackets, escaped characters and padding in a format code say nothing about
# the figure, and may hold characters (0 . , %) that would mislead the reading below.
_OPMAAK = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def lees_getalformaat(formaat: str | None) -> Getalformaat:
    """Read an Excel number format code ('0.0%', '#,##0', '€ #,##0.00', 'General'); only the positive part."""
    if not formaat or formaat.lower() == "general":
        return Getalformaat()
    sectie = formaat.split(";")[0]
    is_bedrag = "€" in sectie or "[$eur" in sectie.lower()
    sectie = _OPMAAK.sub("", sectie)
    decimalen = None
    if re.search(r"[0#?]", sectie):
        achter = re.search(r"\.([0#?]+)", sectie)
        if achter is None:
            decimalen = 0
        elif set(achter[1]) == {"0"}:
            decimalen = min(len(achter[1]), MAX_DECIMALEN_FORMAAT)
    return Getalformaat(
        is_percentage="%" in sectie,
        is_bedrag=is_bedrag,
        decimalen=decimalen,
        duizendtallen=bool(re.search(r"[0#?],[0#?]", sectie)),
    )


def getal_cel(waarde: int | float, formaat: str | None) -> Cel:
    """A number cell as a person sees it: 0.473 with '0.0%' is 47,3 (a percentage, 1 decimal), shown '47,3%'.

    A stored NaN or infinity (a hand-made or damaged file; Excel writes neither) gives a cell without a figure,
    which the rules refuse in Dutch.
    """
    if isinstance(waarde, float) and not math.isfinite(waarde):
        return Cel(waarde=waarde, tekst="oneindig" if math.isinf(waarde) else "geen getal")
    opmaak = lees_getalformaat(formaat)
    getal = Decimal(repr(waarde)) if isinstance(waarde, float) else Decimal(waarde)
    if opmaak.is_percentage:
        getal *= 100
    getoond = getal
    if abs(getal) >= GROOTSTE_GETOONDE:
        getoond = getal  # the rules refuse it as too large; rounding it to its format could overflow
    elif opmaak.decimalen is not None:
        getoond = getal.quantize(Decimal(1).scaleb(-opmaak.decimalen), rounding=ROUND_HALF_UP)
    elif getal == getal.to_integral():
        getoond = getal.quantize(Decimal(1))
    else:
        getoond = getal.normalize()
    tekst = f"{getoond:,f}" if opmaak.duizendtallen else f"{getoond:f}"
    tekst = tekst.replace(",", " ").replace(".", ",").replace(" ", ".")
    tekst = ("€ " if opmaak.is_bedrag else "") + tekst + ("%" if opmaak.is_percentage else "")
    return Cel(
        waarde=waarde,
        tekst=tekst,
        getal=Getal(getal, opmaak.is_percentage, opmaak.is_bedrag, opmaak.decimalen),
    )


def datum_cel(waarde: date, formaat: str | None) -> Cel:
    """A date cell, shown as its format does in Dutch: '2025', 'mei 2025' or '01-05-2025'."""
    datum = waarde.date() if isinstance(waarde, datetime) else waarde
    code = _OPMAAK.sub("", (formaat or "").lower())
    alleen_jaar = "y" in code and "m" not in code and "d" not in code
    toont_dag = "d" in code or not code or code == "general"
    if alleen_jaar:
        tekst = str(datum.year)
    elif toont_dag:
        tekst = datum.strftime("%d-%m-%Y")
    else:
        tekst = f"{MAANDEN[datum.month - 1]} {datum.year}"
    return Cel(waarde=waarde, tekst=tekst, datum=datum, alleen_jaar=alleen_jaar, toont_dag=toont_dag)


def _lees_cel(cel):
    """Text stays text; numbers and dates become a `Cel` that knows its number format."""
    waarde = cel.value
    if isinstance(waarde, bool):
        return "WAAR" if waarde else "ONWAAR"
    if isinstance(waarde, datetime | date):
        return datum_cel(waarde, cel.number_format)
    if isinstance(waarde, int | float):
        return getal_cel(waarde, cel.number_format)
    return waarde


def extensie(bestandsnaam: str) -> str:
    naam = bestandsnaam.lower()
    for ext in EXTENSIES:
        if naam.endswith(ext):
            return ext
    raise OngeldigBestand(f"'{bestandsnaam}' is geen .xlsx- of .csv-bestand.")


def controleer_xlsx(bestand) -> None:
    """Refuse a zip that unpacks too large or compresses suspiciously well, before any XML is parsed; and one
    that Excel cannot have written (encrypted, an unknown compression method or zip version), with its reason."""
    try:
        with zipfile.ZipFile(bestand) as archief:
            infos = archief.infolist()
    # zipfile raises more than BadZipFile for a damaged directory (EOFError, ValueError, OSError, …).
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        OSError,
        NotImplementedError,
    ) as exc:
        raise OngeldigBestand("Het bestand is geen geldig .xlsx-bestand (geen zip-archief).") from exc
    finally:
        bestand.seek(0)
    for info in infos:
        if info.flag_bits & 0x1:
            raise OngeldigBestand(
                "Het .xlsx-bestand is met een wachtwoord beveiligd. Sla het zonder wachtwoord op en lees het "
                "opnieuw in."
            )
        if info.compress_type not in ZIP_METHODEN or info.extract_version > MAX_ZIPVERSIE:
            raise OngeldigBestand(
                "Het .xlsx-bestand is gecomprimeerd op een manier die Excel niet gebruikt (onbekende zip-versie "
                "of compressiemethode). Open het in Excel of LibreOffice en sla het opnieuw op als .xlsx."
            )
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
    bestand.seek(0)
    if extensie(bestandsnaam) == ".xlsx":
        yield from _lees_xlsx(bestand)
    else:
        yield from _lees_csv(bestand)


def _xml_fout(exc: Exception) -> OngeldigBestand:
    """The Dutch refusal for an exception raised while openpyxl unpacks or parses the workbook."""
    if type(exc).__module__.startswith("defusedxml"):  # DTDForbidden, EntitiesForbidden, …
        return OngeldigBestand(
            "Het .xlsx-bestand bevat XML-entiteiten of een DTD; die worden om veiligheidsredenen niet gelezen. "
            "Sla het bestand in Excel of LibreOffice opnieuw op als .xlsx."
        )
    return OngeldigBestand(BESCHADIGD)


def _lees_xlsx(bestand) -> Iterator[tuple[int, list]]:
    controleer_xlsx(bestand)
    # openpyxl (and zipfile, the XML parser, its date conversion) raise many kinds of exception for a damaged or
    # hostile file, while opening and while streaming rows; each becomes the one Dutch refusal.
    try:
        werkmap = openpyxl.load_workbook(bestand, read_only=True, data_only=True)
    except Exception as exc:
        raise _xml_fout(exc) from exc
    try:
        if not werkmap.worksheets:
            raise OngeldigBestand("Het .xlsx-bestand bevat geen werkblad.")
        blad = werkmap.worksheets[0]
        # A stated dimension (A1:XFD1048576) would make openpyxl pad every row to it; read what is there.
        blad.reset_dimensions()
        rijen = enumerate(blad.iter_rows(), start=1)
        while True:
            try:
                nummer, rij = next(rijen)
                if not any(cel.value not in (None, "") for cel in rij):
                    continue
                cellen = [_lees_cel(cel) for cel in rij]
            except StopIteration:
                return
            except OngeldigBestand:
                raise
            except Exception as exc:
                raise _xml_fout(exc) from exc
            yield nummer, cellen
    finally:
        werkmap.close()


def _lees_csv(bestand) -> Iterator[tuple[int, list]]:
    codering, _regels = _codering(bestand)
    # Streamed: the decoded text is never held whole; a million rows cost one row's memory at a time.
    tekst = io.TextIOWrapper(bestand, encoding=codering, newline="")
    try:
        eerste = tekst.readline()
        scheiding = max((";", ",", "\t"), key=eerste.split("\n", 1)[0].count)
        lezer = csv.reader(itertools.chain([eerste], tekst), delimiter=scheiding)
        nummer = 0  # records, not lines: a quoted cell may span lines and is still one spreadsheet row
        while True:
            try:
                rij = next(lezer)
                nummer += 1
            except StopIteration:
                return
            except (
                csv.Error
            ) as exc:  # a cell beyond the field size limit: almost always a quote that never closes
                raise OngeldigBestand(
                    f"Het .csv-bestand kan vanaf regel {lezer.line_num} niet worden gelezen: waarschijnlijk staat "
                    'er een aanhalingsteken (") dat nergens wordt afgesloten, of is een cel langer dan 131.072 '
                    "tekens."
                ) from exc
            if any(cel.strip() for cel in rij):
                yield nummer, rij
    finally:
        # Detached, not closed: the caller owns the upload (it is read again to commit, or stored).
        tekst.detach()


def _codering(bestand) -> tuple[str, int]:
    """The encoding the whole .csv decodes in, and its number of line feeds (for progress), read in blocks.

    The file is read twice (this check, then the rows) rather than held in memory: a decoding error near the end
    must choose Windows-1252 for the whole file, as reading it at once did.
    """
    bestand.seek(0)
    begin = bestand.read(4)
    # Excel's "Unicode text" is UTF-16 with a byte order mark; read as Windows-1252 it would be NUL bytes.
    coderingen = ("utf-16",) if begin.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else ()
    for codering in (*coderingen, "utf-8-sig", "cp1252"):
        bestand.seek(0)
        decoder = codecs.getincrementaldecoder(codering)()
        regels = 0
        try:
            for blok in iter(lambda: bestand.read(CSV_BLOK), b""):
                decoder.decode(blok)
                regels += blok.count(b"\n")
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        finally:
            bestand.seek(0)
        return codering, regels
    # Windows-1252 decodes all but five bytes (0x81, 0x8d, 0x8f, 0x90, 0x9d).
    raise OngeldigBestand("Het .csv-bestand is niet in UTF-8 of Windows-1252 opgeslagen.")


def geschat_aantal_rijen(bestand, bestandsnaam: str) -> int | None:
    """About how many rows the file has, cheaply, for a progress bar; None when the file does not say.

    A .csv counts its line feeds; an .xlsx states its sheet's dimension (not always, and not always truly).
    """
    try:
        if extensie(bestandsnaam) == ".csv":
            return max(_codering(bestand)[1] - 1, 0)
        controleer_xlsx(bestand)
        werkmap = openpyxl.load_workbook(bestand, read_only=True, data_only=True)
        try:
            blad = werkmap.worksheets[0] if werkmap.worksheets else None
            hoogste = blad.max_row if blad is not None else None
        finally:
            werkmap.close()
    except Exception:  # the reading itself refuses a broken file in Dutch; an estimate just gives up
        return None
    finally:
        bestand.seek(0)
    # Excel's own maximum is what a sheet states when it does not know (A1:XFD1048576).
    if not hoogste or hoogste >= 1048576:
        return None
    return max(hoogste - 1, 0)
