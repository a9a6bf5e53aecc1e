from django import forms

from monitoring.importbestand import EXTENSIES


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Spreadsheet",
        help_text="Een .xlsx- of .csv-bestand in de lange of de brede indeling.",
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith(EXTENSIES):
            raise forms.ValidationError("Kies een .xlsx- of .csv-bestand.")
        return bestand


class DoorvoerForm(forms.Form):
    alleen_geldige = forms.BooleanField(
        label="Alleen de geldige waarden inlezen; de ongeldige cellen worden overgeslagen",
        required=False,
    )
