"""Forms of the procurement tracks (§2.3.1): a step's duration, margin and dates, and a track itself. They validate
in Dutch; the writes go through participatie/services/inkoop.py."""

from django import forms
from django.contrib.auth import get_user_model

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import origineel_toevoegen
from participatie.constants import INKOOPSTAPVELDEN
from participatie.models import Inkooptraject, Inkooptrajectstap

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATUMFOUT = {"invalid": "Vul een geldige datum in, bijvoorbeeld 1-1-2025."}
GETALFOUT = {
    "invalid": "Vul een heel aantal dagen in.",
    "min_value": "Het aantal dagen kan niet negatief zijn.",
}


class StapForm(forms.ModelForm):
    """A step's name, duur, marge and planned and actual dates."""

    class Meta:
        model = Inkooptrajectstap
        fields = INKOOPSTAPVELDEN
        widgets = {
            veld: DATUM for veld in ("gepland_start", "gepland_einde", "werkelijk_start", "werkelijk_einde")
        }
        help_texts = {
            "duur_dagen": "Hoeveel kalenderdagen de stap zelf duurt. Leeg: nog niet bekend, dan kan de planning "
            "niet terugrekenen.",
            "marge_dagen": "Een verantwoorde termijn na de stap voor kleine vertragingen en vakanties (§2.3.1).",
        }
        error_messages = {
            "naam": {"required": "Geef de stap een naam."},
            "duur_dagen": GETALFOUT,
            "marge_dagen": {**GETALFOUT, "required": "Vul een marge in; 0 als er geen marge is."},
            **{
                v: DATUMFOUT for v in ("gepland_start", "gepland_einde", "werkelijk_start", "werkelijk_einde")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No lost updates: a step someone else saved since this form was loaded is refused in the service.
        origineel_toevoegen(self, self.instance, self._meta.fields)

    def clean(self):
        data = super().clean()
        gs, ge = data.get("gepland_start"), data.get("gepland_einde")
        ws, we = data.get("werkelijk_start"), data.get("werkelijk_einde")
        if gs and ge and ge < gs:
            self.add_error("gepland_einde", "Het geplande einde ligt vóór de geplande start.")
        if we and not ws:
            self.add_error(
                "werkelijk_start", "Vul de werkelijke start in als de stap een werkelijk einde heeft."
            )
        elif ws and we and we < ws:
            self.add_error("werkelijk_einde", "Het werkelijke einde ligt vóór de werkelijke start.")
        return data

    def _post_clean(self):
        # The model's checks run in the service (services.inkoop._controleren); here only the values are copied.
        pass


class StapToevoegenForm(StapForm):
    na = forms.TypedChoiceField(
        label="Plaats",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Na welke stap de nieuwe stap komt; leeg: aan het eind.",
    )

    class Meta(StapForm.Meta):
        pass

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["na"].choices = [("", "Aan het eind")] + [
            (stap.volgorde, f"Na {stap.volgorde}. {stap.naam}")
            for stap in traject.stappen.order_by("volgorde")
        ]
        self.fields["na"].error_messages["invalid_choice"] = "Kies een stap uit de lijst."


class TrajectForm(forms.ModelForm):
    """A track's name, contract date, owner, explanation and linked activities."""

    class Meta:
        model = Inkooptraject
        fields = ("naam", "ingangsdatum", "eigenaar", "toelichting", "activiteiten")
        widgets = {
            "ingangsdatum": DATUM,
            "activiteiten": forms.CheckboxSelectMultiple,
            "toelichting": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"naam": "Domein"}
        error_messages = {
            "naam": {"required": "Vul het domein in, bijvoorbeeld Jeugd."},
            "ingangsdatum": DATUMFOUT,
            "eigenaar": {"invalid_choice": "Kies een eigenaar uit de lijst."},
            "activiteiten": {"invalid_choice": "Kies activiteiten uit de lijst."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("username")
        )
        self.fields["eigenaar"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["activiteiten"].queryset = Activiteit.objects.select_related("actielijn").order_by(
            "actielijn__nummer", "volgorde"
        )
        self.fields["activiteiten"].label_from_instance = lambda a: f"{a} (actielijn {a.actielijn.nummer})"
        origineel_toevoegen(self, self.instance, self._meta.fields)

    def _post_clean(self):
        pass


class TrajectToevoegenForm(TrajectForm):
    class Meta(TrajectForm.Meta):
        fields = ("sleutel", *TrajectForm.Meta.fields)
        help_texts = {"sleutel": "Korte naam in het webadres, bijvoorbeeld 'beschermd-wonen'."}
        error_messages = {
            **TrajectForm.Meta.error_messages,
            "sleutel": {
                "required": "Vul een sleutel in.",
                "invalid": "Een sleutel bestaat uit kleine letters, cijfers en streepjes.",
            },
        }

    def clean_sleutel(self):
        sleutel = self.cleaned_data["sleutel"]
        if Inkooptraject.objects.filter(sleutel=sleutel).exists():
            raise forms.ValidationError("Er is al een inkooptraject met deze sleutel.")
        return sleutel
