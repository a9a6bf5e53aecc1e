"""Forms of "wat is er met de inbreng gedaan": validate in Dutch, next to the field; participatie/services/inbreng.py
writes."""

from django import forms
from django.utils import timezone

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import origineel_toevoegen
from participatie.constants import NAAM_IN_TEKST, REACTIE_VERPLICHT
from participatie.models import Stakeholder, Verwerking
from participatie.services.inbreng import naam_in_tekst

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InbrengForm(forms.Form):
    stakeholder = forms.ModelChoiceField(
        label="Ingebracht door (organisatie of groep)",
        queryset=Stakeholder.objects.filter(actief=True),
        required=False,
        empty_label="Inwoners (geen organisatie of groep)",
        help_text="Deze naam komt in de rapportage aan de raad.",
    )
    persoon = forms.CharField(
        label="Naam van de inbrenger",
        max_length=200,
        required=False,
        help_text="Alleen voor de programmaorganisatie; deze naam wordt nooit openbaar.",
    )
    datum = forms.DateField(
        label="Datum", widget=DATUM, error_messages={"invalid": "Vul een geldige datum in."}
    )
    inbreng = forms.CharField(
        label="Wat is ingebracht",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Deze tekst komt in de rapportage aan de raad en op de pagina voor inwoners.",
    )

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError("De datum ligt in de toekomst. Vul de datum van de inbreng in.")
        return datum

    def clean(self):
        data = super().clean()
        if naam_in_tekst(data.get("persoon", ""), data.get("inbreng", "")):
            self.add_error("inbreng", NAAM_IN_TEKST)
        return data


class VerwerkenForm(forms.Form):
    verwerking = forms.ChoiceField(
        label="Wat is er met de inbreng gedaan?",
        choices=Verwerking.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat er met de inbreng is gedaan."},
    )
    reactie = forms.CharField(
        label="Onderbouwing: wat is ermee gedaan en waarom",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Verplicht, behalve bij 'Nog niet verwerkt'. Deze tekst wordt openbaar.",
    )

    def __init__(self, *args, inbreng, **kwargs):
        super().__init__(*args, **kwargs)
        self.inbreng = inbreng
        # No lost updates: someone else's processing since the form was loaded is not silently overwritten.
        origineel_toevoegen(self, inbreng, ("verwerking", "reactie"))

    def clean(self):
        data = super().clean()
        verwerking, reactie = data.get("verwerking"), (data.get("reactie") or "").strip()
        if verwerking and verwerking != Verwerking.OPEN and not reactie:
            self.add_error("reactie", REACTIE_VERPLICHT)
        if naam_in_tekst(self.inbreng.persoon, reactie):
            self.add_error("reactie", NAAM_IN_TEKST)
        return data


class InbrengFilterForm(forms.Form):
    activiteit = forms.ModelChoiceField(
        label="Activiteit",
        queryset=Activiteit.objects.filter(participatietrajecten__isnull=False)
        .distinct()
        .order_by("volgorde"),
        required=False,
        empty_label="Alle activiteiten",
    )
    verwerking = forms.ChoiceField(
        label="Verwerking", choices=[("", "Alle"), *Verwerking.choices], required=False
    )
