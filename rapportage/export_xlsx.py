"""
The XLSX of an edition: `xlsx_maken(rapportage) -> bytes`, with openpyxl.

A cover sheet (titel, moment, peildatum, zaaknummer, versie, status) and one sheet per section, in the order of
the annex, with the section's tables (the edition's view-model's, rapportage/weergave/tabellen.py, which the CSV
files write too) and under each table the data-quality notes on its rows; the manager's text for the section follows the
tables. Numbers are stored as numbers: percentages as fractions formatted 0.0%, money with a euro format, years
without a thousands separator, dates as dates (dd-mm-jjjj). The header row of a sheet's first table is frozen.
Every text cell goes through the formula-injection sanitiser of monitoring/export.py; counts of people below
the threshold are the text "< 10", as for the anonymous reader. A sheet Excel would open cut short (more than
EXCEL_MAX_RIJEN rows or EXCEL_MAX_KOLOMMEN columns, monitoring/excelgrens.py) is refused in Dutch.
"""

import io
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kern.herkomst import LABEL
from monitoring import excelgrens
from monitoring.export import veilig
from monitoring.weergave import drempel
from rapportage.constants import PcMoment, RapportageStatus, Sectie
from rapportage.weergave import editie_weergave
from rapportage.weergave.tabellen import NOTITIE_KOPPEN
from rapportage.weergave.tabelvorm import VOORBEELDREGEL, Getal, Jaar
from rapportage.weergave.tekst import als_datum

# Sheet names: at most 31 characters, so the long section label is shortened.
BLADNAMEN = {
    Sectie.FINANCIEN: "Financiën",
    Sectie.RISICOBEHEERSING: "Risicobeheersing",
    Sectie.MONITORING: "Monitoring en sturing",
    Sectie.SOCIAAL_DOMEIN: "Sociaal Domein in beeld",
    Sectie.VOORTGANG: "Voortgang per actielijn",
    Sectie.MOTIES: "Moties",
    Sectie.PARTICIPATIE: "Inbreng",
}
DATUMNOTATIE = "dd-mm-yyyy"
BEDRAGNOTATIE = '"€ "#,##0;"€ "-#,##0'
VET = Font(bold=True)
TITEL = Font(bold=True, size=14)
TABELTITEL = Font(bold=True, size=12)
KOPVULLING = PatternFill("solid", fgColor="E6E6E6")
OMSLAAN = Alignment(wrap_text=True, vertical="top")
BREED = 60  # characters: wider text wraps


def _decimalen(waarde) -> int:
    return max(-waarde.normalize().as_tuple().exponent, 0)


def _schrijf(cel, waarde, lezer) -> None:
    """One typed cell from the tables of rapportage.weergave.tabellen: number, percentage, money, year, date or (safe) text."""
    if isinstance(waarde, Getal):
        if waarde.waarde is None:
            return
        if waarde.verborgen(lezer):
            cel.value = f"< {drempel()}"
            cel.alignment = Alignment(horizontal="right")
            return
        if waarde.eenheid == "percentage":
            cel.value = float(waarde.waarde / 100)
            cel.number_format = "0.0%" if _decimalen(waarde.waarde) <= 1 else "0.00%"
        elif waarde.eenheid == "bedrag":
            cel.value = float(waarde.waarde)
            cel.number_format = BEDRAGNOTATIE
        elif waarde.eenheid == "rapportcijfer":
            cel.value = float(waarde.waarde)
            cel.number_format = "0.0"
        else:
            decimalen = _decimalen(waarde.waarde)
            cel.value = int(waarde.waarde) if decimalen == 0 else float(waarde.waarde)
            cel.number_format = "#,##0" if decimalen == 0 else "#,##0." + "0" * min(decimalen, 4)
    elif isinstance(waarde, Jaar):
        cel.value = waarde.jaar
        cel.number_format = "0"
    elif isinstance(waarde, date):
        cel.value = waarde
        cel.number_format = DATUMNOTATIE
    elif isinstance(waarde, int | float):
        cel.value = waarde
    elif waarde is not None:
        cel.value = veilig(str(waarde))
        if len(cel.value) > BREED:
            cel.alignment = OMSLAAN


def _kopregel(blad, rij: int, koppen) -> None:
    for kolom, kop in enumerate(koppen, start=1):
        cel = blad.cell(row=rij, column=kolom, value=veilig(kop))
        cel.font = VET
        cel.fill = KOPVULLING
        cel.alignment = OMSLAAN


def _kolombreedtes(blad) -> None:
    breedtes: dict[int, int] = {}
    for rij in blad.iter_rows():
        for cel in rij:
            if cel.value is None or cel.font.size and cel.font.size > 11:
                continue  # titles may run over empty neighbours
            lengte = 12 if isinstance(cel.value, int | float | date) else len(str(cel.value))
            breedtes[cel.column] = max(breedtes.get(cel.column, 0), lengte)
    for kolom, lengte in breedtes.items():
        blad.column_dimensions[get_column_letter(kolom)].width = min(max(lengte + 2, 10), BREED)


def _voorblad(werkmap, rapportage) -> None:
    blad = werkmap.active
    blad.title = "Voorblad"
    inhoud = rapportage.inhoud
    blad["A1"] = veilig(inhoud.get("gemeente", "Gemeente Hengelo"))
    blad["A1"].font = TITEL
    blad["A2"] = veilig(rapportage.titel)
    blad["A2"].font = TABELTITEL
    _kopregel(blad, 4, ["Gegeven", "Waarde"])
    gegevens = [
        ("Titel", rapportage.titel),
        ("P&C-moment", PcMoment(rapportage.pc_moment).label),
        ("Jaar", Jaar(rapportage.jaar)),
        ("Peildatum", als_datum(rapportage.peildatum)),
        ("Zaaknummer", rapportage.zaaknummer),
        ("Versie", rapportage.versie),
        ("Status", RapportageStatus(rapportage.status).label),
        ("Gepubliceerd op", als_datum(rapportage.gepubliceerd_op)),
        ("Programma", inhoud.get("programma", "")),
        ("Cijfers vastgelegd op", als_datum(inhoud.get("gemaakt_op"))),
    ]
    for rij, (label, waarde) in enumerate(gegevens, start=5):
        blad.cell(row=rij, column=1, value=label).font = VET
        _schrijf(blad.cell(row=rij, column=2), waarde, None)
        blad.cell(row=rij, column=2).alignment = Alignment(horizontal="left")
    rij = 5 + len(gegevens) + 1
    blad.cell(row=rij, column=1, value="Tabbladen").font = VET
    for naam in BLADNAMEN.values():
        rij += 1
        blad.cell(row=rij, column=1, value=naam)
    rij += 2
    blad.cell(
        row=rij,
        column=1,
        value=f"Aantallen personen onder de {drempel()} staan er als '< {drempel()}', zoals op de openbare pagina's.",
    )
    blad.freeze_panes = "A5"
    _kolombreedtes(blad)


def _sectieblad(werkmap, sectie: Sectie, sectietabellen, toelichting: str, lezer) -> None:
    blad = werkmap.create_sheet(BLADNAMEN[sectie])
    blad["A1"] = sectie.label
    blad["A1"].font = TITEL
    if any(t.bevat_voorbeeld for t in sectietabellen):
        # Issue 24: a sheet with invented rows says so on its first lines, and each such row in "Herkomst".
        blad["A1"] = f"{sectie.label} — {LABEL}"
        blad["A2"] = VOORBEELDREGEL.replace("dit bestand", "dit tabblad")
    rij = 3
    for tabel in sectietabellen:
        koppen, rijen = tabel.in_bestand()
        titel = f"{tabel.label} (bevat rijen '{LABEL}')" if tabel.bevat_voorbeeld else tabel.label
        blad.cell(row=rij, column=1, value=veilig(titel)).font = TABELTITEL
        rij += 1
        _kopregel(blad, rij, koppen)
        if blad.freeze_panes is None:
            blad.freeze_panes = f"A{rij + 1}"
        for waarden in rijen:
            rij += 1
            for kolom, waarde in enumerate(waarden, start=1):
                _schrijf(blad.cell(row=rij, column=kolom), waarde, lezer)
        if not tabel.rijen:
            rij += 1
            blad.cell(row=rij, column=1, value="Geen gegevens op de peildatum.")
        if tabel.notities:
            rij += 2
            blad.cell(row=rij, column=1, value=veilig(f"Datakwaliteit: {tabel.label}")).font = VET
            rij += 1
            _kopregel(blad, rij, NOTITIE_KOPPEN)
            for notitie in tabel.notities:
                rij += 1
                for kolom, waarde in enumerate(
                    (notitie.betreft, notitie.citaat, notitie.bron, notitie.toelichting, notitie.ernst_label),
                    1,
                ):
                    _schrijf(blad.cell(row=rij, column=kolom), waarde, lezer)
        rij += 3
    if toelichting:
        blad.cell(row=rij, column=1, value="Toelichting").font = TABELTITEL
        for alinea in [a.strip() for a in toelichting.split("\n\n") if a.strip()]:
            rij += 1
            _schrijf(blad.cell(row=rij, column=1), alinea, lezer)
            blad.cell(row=rij, column=1).alignment = OMSLAAN
    _kolombreedtes(blad)


def _past_in_excel(blad) -> None:
    """Refuse a sheet Excel would open cut short (monitoring/excelgrens.py), as a ValidationError: publishing then
    fails with this Dutch message instead of storing an edition file that silently misses rows. A section holds
    a few hundred rows at most; this guards the frozen file, it does not split it."""
    melding = excelgrens.te_groot_melding(
        f"Het tabblad '{blad.title}'",
        rijen=blad.max_row,
        kolommen=blad.max_column,
        uitweg="de CSV-bestanden van de editie, die geen grens hebben",
    )
    if melding:
        raise ValidationError(f"Het Excel-bestand van deze editie kan niet worden gemaakt. {melding}")


def xlsx_maken(rapportage) -> bytes:
    """The edition as a workbook: a cover sheet and one sheet per section, each within Excel's limits."""
    lezer = AnonymousUser()
    werkmap = openpyxl.Workbook()
    werkmap.properties.title = rapportage.titel
    werkmap.properties.creator = rapportage.inhoud.get("gemeente", "Gemeente Hengelo")
    werkmap.properties.language = "nl-NL"
    _voorblad(werkmap, rapportage)
    weergave = editie_weergave(rapportage)
    for sectie in weergave.secties:
        _sectieblad(
            werkmap,
            Sectie(sectie.sleutel),
            [t for t in weergave.tabellen if t.sectie == sectie.sleutel],
            sectie.toelichting,
            lezer,
        )
    for blad in werkmap.worksheets:
        _past_in_excel(blad)
    uitvoer = io.BytesIO()
    werkmap.save(uitvoer)
    return uitvoer.getvalue()
