from django import forms

from import_export.forms import ImportForm as ImportExportImportForm

from monitoring.importbestand import EXTENSIES
from monitoring.uploadgrens import controleer_grootte, grootte_tekst, maximum


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Spreadsheet",
        help_text="Een .xlsx- of .csv-bestand in de lange of de brede indeling.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text += f" Ten hoogste {grootte_tekst(maximum())}."

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith(EXTENSIES):
            raise forms.ValidationError("Kies een .xlsx- of .csv-bestand.")
        # Before anything reads the file: a too large one would run into the server's timeout.
        controleer_grootte(bestand)
        return bestand


class MetingImportForm(ImportExportImportForm):
    """The admin import (django-import-export) with the same maximum file size as the import page."""

    def clean_import_file(self):
        bestand = self.cleaned_data["import_file"]
        controleer_grootte(bestand)
        return bestand


class DoorvoerForm(forms.Form):
    alleen_geldige = forms.BooleanField(
        label="Alleen de geldige waarden inlezen; de ongeldige cellen worden overgeslagen",
        required=False,
    )
