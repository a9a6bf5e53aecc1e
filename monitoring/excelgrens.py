"""
Excel's limits on one worksheet, in one place, for every XLSX the application writes (issue 30).

Excel opens at most 1.048.576 rows (the header row included) and 16.384 columns per sheet. It does not refuse a
longer sheet: it opens what fits and drops the rest without a word, so at ten years of data a user would miss a
fifth of the metingen. Hence:

- the monitoring export (monitoring/export.py) continues a long table on "Metingen (2)", "Metingen (3)", …, each
  with the header row, and lists every sheet with its rows on a contents sheet "Inhoud";
- the edition's XLSX (rapportage/export_xlsx.py), the admin export of metingen (`ExcelGrensExportMixin`) and the
  import benchmark's file refuse in Dutch instead, and point to the CSV, which has no such limit.

The limits are read when a file is written (`excelgrens.EXCEL_MAX_RIJEN`), never copied into a default argument,
so a test can lower them to a handful of rows.
"""

from dataclasses import dataclass

from import_export.formats import base_formats

from kern.notatie import format_getal

EXCEL_MAX_RIJEN = 1_048_576  # rows per sheet, the header row included
EXCEL_MAX_KOLOMMEN = 16_384  # columns per sheet (A … XFD)
INHOUD = "Inhoud"  # the contents sheet of a workbook whose tables run over several sheets


def rijen_per_blad() -> int:
    """How many data rows fit one sheet under a header row."""
    return EXCEL_MAX_RIJEN - 1


def bladtitel(titel: str, volgnummer: int) -> str:
    """The name of a table's n-th sheet: "Metingen", then "Metingen (2)", "Metingen (3)", …"""
    return titel if volgnummer == 1 else f"{titel} ({volgnummer})"


@dataclass(frozen=True)
class Bladdeel:
    """One sheet of a table: its name and which data rows of the whole table it holds (counted from 1)."""

    blad: str
    tabel: str
    volgnummer: int
    delen: int
    eerste: int
    laatste: int  # eerste - 1 for a table without rows

    @property
    def aantal(self) -> int:
        return self.laatste - self.eerste + 1

    @property
    def omschrijving(self) -> str:
        """What the sheet holds, in words: "Metingen, deel 2 van 3" (the rows are in their own columns)."""
        if self.aantal == 0:
            return f"{self.tabel} (geen rijen)"
        return self.tabel if self.delen == 1 else f"{self.tabel}, deel {self.volgnummer} van {self.delen}"


def bladdelen(tabel: str, aantal: int) -> list[Bladdeel]:
    """How `aantal` data rows of a table are spread over sheets of at most EXCEL_MAX_RIJEN rows, each with the
    header row; a table without rows still has its one sheet (with the header)."""
    per_blad = rijen_per_blad()
    delen = max(1, -(-aantal // per_blad))
    return [
        Bladdeel(
            blad=bladtitel(tabel, nummer),
            tabel=tabel,
            volgnummer=nummer,
            delen=delen,
            eerste=(nummer - 1) * per_blad + 1,
            laatste=min(nummer * per_blad, aantal),
        )
        for nummer in range(1, delen + 1)
    ]


INHOUD_KOPPEN = ["Werkblad", "Bevat", "Van rij", "Tot en met rij", "Aantal rijen"]


def inhoud_rijen(delen: list[Bladdeel]) -> list[list]:
    """The contents sheet: its header, one row per sheet, and a note on how long tables are split."""
    rijen = [INHOUD_KOPPEN]
    for deel in delen:
        van, tot = (deel.eerste, deel.laatste) if deel.aantal else (None, None)
        rijen.append([deel.blad, deel.omschrijving, van, tot, deel.aantal])
    rijen += [
        [],
        [
            f"Een werkblad in Excel heeft hoogstens {format_getal(EXCEL_MAX_RIJEN)} rijen, de kopregel meegeteld. "
            "Een langere tabel loopt door op het volgende werkblad, elk met de kopregel. De rijnummers tellen de "
            "rijen van de hele tabel, zonder kopregels."
        ],
    ]
    return rijen


def te_groot_melding(wat: str, *, rijen: int, kolommen: int = 0, uitweg: str) -> str | None:
    """The Dutch refusal for a sheet of `rijen` rows (header included) and `kolommen` columns, or None when it
    fits. `wat` names the sheet or table, `uitweg` what to use instead ("de CSV")."""
    if rijen > EXCEL_MAX_RIJEN:
        return (
            f"{wat} telt {format_getal(rijen)} rijen, de kopregel meegeteld; Excel opent er hoogstens "
            f"{format_getal(EXCEL_MAX_RIJEN)} per werkblad en laat de rest zonder melding weg. Gebruik {uitweg}."
        )
    if kolommen > EXCEL_MAX_KOLOMMEN:
        return (
            f"{wat} telt {format_getal(kolommen)} kolommen; Excel opent er hoogstens "
            f"{format_getal(EXCEL_MAX_KOLOMMEN)} per werkblad. Gebruik {uitweg}."
        )
    return None


class ExcelGrensExportMixin:
    """For a django-import-export admin: refuse an .xlsx export that one sheet cannot hold, before any row is read.

    The library writes its .xlsx on a single sheet from a dataset held in memory, so it cannot split; the admin
    shows the refusal as a message above the export form (it catches ValueError), and CSV stays available.
    """

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if isinstance(file_format, base_formats.XLSX):
            melding = te_groot_melding(
                "Deze export",
                rijen=queryset.count() + 1,
                uitweg="CSV, of de export op de pagina Exporteren, die lange tabellen over meerdere werkbladen "
                "verdeelt",
            )
            if melding:
                raise ValueError(melding)
        return super().get_export_data(file_format, request, queryset, **kwargs)
