"""
django-import-export resource for metingen in the admin: the preview only. Validation is not repeated here:
`before_import` hands the whole dataset to monitoring.importregels (the same rules as the data-team page), and
each row's result is reported back to the admin's preview. It writes nothing: the admin's "Confirm import" hands
the file to monitoring.services (`import_direct_doorvoeren`, MetingAdmin.process_import), the one write path of
imports, so an admin import has its Import record, its evidence file, its history and its undo like any other.

An .xlsx reaches the resource through `OpgemaaktXLSX`, which reads it with monitoring.importbestand (cell number
formats included) instead of tablib: tablib keeps only the stored value, so `47,3%` (0.473 with format `0.0%`) would
reach the rules as 0,473. A .csv goes through `OpgemaakteCSV` for the same reader: tablib assumes a comma (a Dutch
Excel writes `;`), knows no Windows-1252, and fails on a broken file with an English message; importbestand reads
every file the import page reads and refuses the rest in Dutch.
"""

import io

from django.core.exceptions import ValidationError

import tablib
from import_export import fields, resources
from import_export.formats import base_formats
from import_export.results import RowResult

from monitoring.importbestand import OngeldigBestand, lees_rijen
from monitoring.importregels import GEWIJZIGD, NIEUW, Fout, OngeldigeIndeling, analyseer, herken_indeling
from monitoring.models import Meting


def als_dataset(data: bytes, bestandsnaam: str) -> tablib.Dataset:
    """The rows importbestand reads, as a tablib dataset: the first non-empty row is the header."""
    rijen = [cellen for _nummer, cellen in lees_rijen(io.BytesIO(data), bestandsnaam)]
    dataset = tablib.Dataset()
    if len(rijen) < 2:  # the library's own refusal of an empty dataset is English
        raise OngeldigBestand("Het bestand bevat geen gegevens: alleen kolomkoppen, of helemaal niets.")
    try:  # unknown headers: the page's Dutch explanation, as a refusal of the file
        herken_indeling(rijen[0])
    except OngeldigeIndeling as exc:
        raise OngeldigBestand(str(exc)) from exc
    breedte = max(len(cellen) for cellen in rijen)
    rijen = [cellen + [None] * (breedte - len(cellen)) for cellen in rijen]
    dataset.headers = rijen[0]
    for cellen in rijen[1:]:
        dataset.append(cellen)
    return dataset


class OpgemaaktXLSX(base_formats.XLSX):
    """.xlsx as a person sees it in Excel: the first non-empty row is the header, every cell as importbestand reads it."""

    def create_dataset(self, in_stream):
        return als_dataset(in_stream, "import.xlsx")


class OpgemaakteCSV(base_formats.CSV):
    """.csv read by importbestand as bytes: UTF-8 or Windows-1252, `;`, `,` or tab, refused in Dutch when broken."""

    def get_read_mode(self):
        return "rb"

    def is_binary(self):
        return True

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, str):
            in_stream = in_stream.encode("utf-8")
        return als_dataset(in_stream, "import.csv")


# The admin import's formats: the two the import page reads, in this order (the choice "0" is .csv).
IMPORTFORMATEN = (OpgemaakteCSV, OpgemaaktXLSX)


class MetingResource(resources.ModelResource):
    indicator = fields.Field(attribute="indicator__code", column_name="indicator")
    wijk = fields.Field(column_name="wijk")

    class Meta:
        model = Meting
        fields = ("indicator", "periode", "wijk", "soort", "waarde", "bron", "status")
        export_order = fields
        skip_diff = True

    def dehydrate_wijk(self, meting):
        plaats = meting.wijk or meting.gebied
        return (plaats.cbs_code or plaats.naam) if plaats else ""

    def import_data(self, dataset, dry_run=False, **kwargs):
        """A dry run only: metingen are written by monitoring.services, never by this resource."""
        if not dry_run:
            raise RuntimeError(
                "MetingResource previews only; an import is committed by monitoring.services "
                "(import_direct_doorvoeren in the admin, the import page's job otherwise)."
            )
        return super().import_data(dataset, dry_run=True, **kwargs)

    def before_import(self, dataset, **kwargs):
        """Analyse the whole dataset with the shared rules; row i of the dataset is spreadsheet row i + 1."""
        rijen = [(1, list(dataset.headers))] + [(i, list(rij)) for i, rij in enumerate(dataset, start=2)]
        self._voorstellen, self._fouten = {}, {}

        def bewaar(voorstellen, fouten, _rijen):
            # The admin needs every row's outcome (its files are small); the analysis itself keeps counts only.
            for voorstel in voorstellen:
                self._voorstellen.setdefault(voorstel.rij, []).append(voorstel)
            for fout in fouten:
                self._fouten.setdefault(fout.rij, []).append(fout)

        try:
            self._analyse = analyseer(rijen, na_blok=bewaar)
        except OngeldigeIndeling as exc:
            # Raised here, the library would show it with a Python traceback; as an error on every row it is
            # the Dutch message alone, and nothing can be confirmed.
            self._fouten = {nummer: [Fout(nummer, "kolomkoppen", "", str(exc))] for nummer, _ in rijen[1:]}
            return

    def import_row(self, row, instance_loader, **kwargs):
        rij = kwargs["row_number"] + 1
        resultaat = self.get_row_result_class()()
        if rij in self._fouten:
            resultaat.import_type = RowResult.IMPORT_TYPE_INVALID
            resultaat.validation_error = ValidationError(
                [f"Kolom {f.kolom}, waarde '{f.waarde}': {f.reden}" for f in self._fouten[rij]]
            )
            return resultaat
        voorstellen = self._voorstellen.get(rij, [])
        uitkomsten = {v.uitkomst for v in voorstellen}
        resultaat.import_type = (
            RowResult.IMPORT_TYPE_NEW
            if NIEUW in uitkomsten
            else RowResult.IMPORT_TYPE_UPDATE
            if GEWIJZIGD in uitkomsten
            else RowResult.IMPORT_TYPE_SKIP
        )
        if voorstellen:
            resultaat.object_repr = ", ".join(
                f"{v.indicator.code} {v.periode} {v.soort}" for v in voorstellen
            )
        return resultaat
