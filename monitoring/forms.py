from itertools import groupby

from django import forms
from django.contrib.auth import get_user_model

from import_export.forms import ImportForm as ImportExportImportForm

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import origineel_toevoegen
from monitoring.constants import FitGap
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
    """ "Importeren" on the preview. Skipping the invalid cells is a deliberate choice: only the checkbox's own
    values count (ticked, or not sent); any other value is refused, never read as a yes."""

    # What a browser sends for the checkbox when ticked ("on"), and the two words Django's checkbox reads.
    VINKWAARDEN = ("on", "true", "false")

    alleen_geldige = forms.BooleanField(
        label="Alleen de geldige waarden inlezen; de ongeldige cellen worden overgeslagen",
        required=False,
    )

    def clean_alleen_geldige(self):
        naam = self.add_prefix("alleen_geldige")
        waarden = self.data.getlist(naam) if hasattr(self.data, "getlist") else [self.data.get(naam)]
        waarden = [w for w in waarden if w is not None and not isinstance(w, bool)]
        if len(waarden) > 1 or any(str(w).lower() not in self.VINKWAARDEN for w in waarden):
            raise forms.ValidationError(
                "Kies of alleen de geldige waarden worden ingelezen: vink het vakje aan, of laat het leeg. Er is "
                "niets ingelezen."
            )
        return self.cleaned_data["alleen_geldige"]


class FitgapForm(forms.Form):
    """An indicator's fit-gap (§5.1); the owner field only for who may choose it (else shown, not changed)."""

    fitgap = forms.ChoiceField(
        label="Fit-gapstatus",
        choices=[("", "Nog niet bepaald"), *FitGap.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text="Groen: de data is toegankelijk. Oranje: de data is er, maar moet nog bewerkt worden. "
        "Rood: de data is er de komende twee jaar niet of niet goed genoeg.",
    )
    fitgap_toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat ontbreekt er, welke bewerking is nodig, of waarom is de data er niet.",
    )
    fitgap_eigenaar = forms.ModelChoiceField(
        label="Eigenaar",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Geen eigenaar",
        help_text="Wie de fit-gap van deze indicator bijhoudt. Die persoon kan de status en de toelichting "
        "daarna zelf wijzigen.",
    )

    def __init__(self, *args, indicator, eigenaar_kiezen: bool, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "fitgap": indicator.fitgap,
                "fitgap_toelichting": indicator.fitgap_toelichting,
                "fitgap_eigenaar": indicator.fitgap_eigenaar_id,
            },
        )
        super().__init__(*args, **kwargs)
        veld = self.fields["fitgap_eigenaar"]
        veld.queryset = get_user_model().objects.filter(is_active=True).order_by("last_name", "username")
        veld.label_from_instance = lambda u: u.weergavenaam()
        if not eigenaar_kiezen:
            # Disabled: the posted value is ignored and the stored owner kept, whatever a direct POST says.
            veld.disabled = True
            veld.help_text = "Alleen het datakernteam wijst de eigenaar aan."
        origineel_toevoegen(self, indicator, ("fitgap", "fitgap_toelichting", "fitgap_eigenaar"))


class KoppelingenForm(forms.Form):
    """The activities that should move an indicator, shown as checkboxes grouped per actielijn."""

    activiteiten = forms.ModelMultipleChoiceField(
        label="Activiteiten",
        queryset=Activiteit.objects.select_related("actielijn").order_by("actielijn__nummer", "volgorde"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Kies alleen activiteiten uit de lijst; %(value)s bestaat niet.",
            "invalid_pk_value": "Kies alleen activiteiten uit de lijst; “%(pk)s” is geen activiteit.",
        },
    )

    def __init__(self, *args, indicator, **kwargs):
        kwargs.setdefault("initial", {"activiteiten": [a.pk for a in indicator.activiteiten.all()]})
        super().__init__(*args, **kwargs)
        origineel_toevoegen(self, indicator, ("activiteiten",))

    def groepen(self) -> list[tuple[object, list[tuple[Activiteit, bool]]]]:
        """Per actielijn its activities, each with whether it is ticked (as posted, else as stored)."""
        if self.is_bound:
            gekozen = {str(w) for w in self.data.getlist(self.add_prefix("activiteiten"))}
        else:
            gekozen = {str(w) for w in self.initial.get("activiteiten", [])}
        activiteiten = list(self.fields["activiteiten"].queryset)
        return [
            (actielijn, [(a, str(a.pk) in gekozen) for a in groep])
            for actielijn, groep in groupby(activiteiten, key=lambda a: a.actielijn)
        ]
