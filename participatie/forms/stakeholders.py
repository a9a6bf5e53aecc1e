"""The forms of step III (stakeholders, trajectories, meetings, the overvraging threshold) and of wijkgericht
werken (an activity's wijken). Only input checks with Dutch messages; the rules live in
participatie/services/betrokkenen.py."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import origineel_toevoegen
from monitoring.models import Wijk
from participatie.constants import DREMPELVELDEN
from participatie.models import Stakeholder, StakeholderSoort
from participatie.permissions import mag_wijken_beheren
from participatie.selectors.betrokkenen import drempelstand, wijkstand, wijkstand_doel

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ONGELDIGE_DATUM = {"invalid": "Vul een geldige datum in, bijvoorbeeld 1-3-2025."}
GEEN_WIJKEN = "Er zijn nog geen wijken: het datakernteam houdt de wijken bij in het beheer."


def _wijken_veld(user, label: str = "Wijken") -> forms.ModelMultipleChoiceField:
    veld = forms.ModelMultipleChoiceField(
        label=label,
        queryset=Wijk.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The admin link only for who may open it (the datakernteam keeps the wijken).
    if mag_wijken_beheren(user):
        veld.geen_keuzes = format_html(
            'Er zijn nog geen wijken: het datakernteam houdt ze bij in het <a class="utrecht-link" href="{}">beheer</a>.',
            reverse("admin:monitoring_wijk_changelist"),
        )
    else:
        veld.geen_keuzes = GEEN_WIJKEN
    return veld


# The fields an edit form carries in its token (kern/gelijktijdigheid.py).
STAKEHOLDERVELDEN = ("naam", "soort", "omschrijving", "actief")
TRAJECTVELDEN = ("activiteit", "naam", "omschrijving", "start", "einde", "stakeholders", "wijken")


class StakeholderForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200)
    soort = forms.ChoiceField(
        label="Soort",
        choices=StakeholderSoort.choices,
        widget=forms.RadioSelect,
        initial=StakeholderSoort.ORGANISATIE,
    )
    omschrijving = forms.CharField(
        label="Omschrijving", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    actief = forms.BooleanField(
        label="Actief: de stakeholder wordt nog gevraagd", required=False, initial=True
    )

    def __init__(self, *args, stakeholder=None, **kwargs):
        super().__init__(*args, **kwargs)
        # No lost updates: saving over someone else's change since the form was loaded is refused.
        origineel_toevoegen(self, stakeholder, STAKEHOLDERVELDEN)

    def clean_naam(self):
        naam = " ".join(self.cleaned_data["naam"].split())
        if not naam:
            raise forms.ValidationError("Vul de naam van de organisatie of groep in.")
        return naam


class TrajectForm(forms.Form):
    """A trajectory. `activiteiten`: the activities this user may write for; `buiten_programma`: whether the user
    may also keep trajectories outside the programme (then the activity may stay empty)."""

    activiteit = forms.ModelChoiceField(label="Activiteit", queryset=Activiteit.objects.none())
    naam = forms.CharField(label="Naam", max_length=200)
    omschrijving = forms.CharField(
        label="Omschrijving", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    start = forms.DateField(label="Start", required=False, widget=DATUM, error_messages=ONGELDIGE_DATUM)
    einde = forms.DateField(label="Einde", required=False, widget=DATUM, error_messages=ONGELDIGE_DATUM)
    stakeholders = forms.ModelMultipleChoiceField(
        label="Stakeholders",
        queryset=Stakeholder.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, activiteiten, buiten_programma: bool, traject=None, **kwargs):
        super().__init__(*args, **kwargs)
        origineel_toevoegen(self, traject, TRAJECTVELDEN)
        veld = self.fields["activiteit"]
        veld.queryset = activiteiten.select_related("actielijn").order_by("actielijn__nummer", "volgorde")
        veld.required = not buiten_programma
        veld.empty_label = (
            "Geen: een traject buiten het programma" if buiten_programma else "Kies een activiteit"
        )
        veld.error_messages["required"] = "Kies de activiteit waar dit traject bij hoort."
        veld.error_messages["invalid_choice"] = "Kies een activiteit uit de lijst."
        veld.help_text = (
            "Leeg voor een traject buiten het programma, zoals de omgevingsvisie." if buiten_programma else ""
        )
        self.fields["naam"].error_messages["required"] = "Vul de naam van het traject in."
        self.fields["wijken"] = _wijken_veld(user)

    def clean(self):
        data = super().clean()
        start, einde = data.get("start"), data.get("einde")
        if start and einde and einde < start:
            self.add_error("einde", "Het einde ligt vóór de start. Kies een einde op of na de start.")
        return data


class BijeenkomstForm(forms.Form):
    datum = forms.DateField(
        label="Datum",
        widget=DATUM,
        error_messages={**ONGELDIGE_DATUM, "required": "Vul de datum van de bijeenkomst in."},
    )
    onderwerp = forms.CharField(
        label="Onderwerp",
        max_length=200,
        error_messages={"required": "Vul het onderwerp van de bijeenkomst in."},
    )
    stakeholders = forms.ModelMultipleChoiceField(
        label="Gevraagde stakeholders",
        queryset=Stakeholder.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies ten minste één stakeholder die voor de bijeenkomst is gevraagd."},
    )

    def __init__(self, *args, stakeholders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stakeholders"].queryset = stakeholders


class DrempelForm(forms.Form):
    max_trajecten = forms.IntegerField(
        label="Maximaal aantal trajecten per kwartaal",
        min_value=0,
        max_value=99,
        help_text="Een stakeholder die in meer trajecten tegelijk zit, is overvraagd.",
        error_messages={
            "required": "Vul het maximale aantal trajecten in.",
            "invalid": "Vul een heel getal in.",
            "min_value": "Vul 0 of meer in.",
            "max_value": "Vul ten hoogste 99 in.",
        },
    )
    max_bijeenkomsten = forms.IntegerField(
        label="Maximaal aantal bijeenkomsten per kwartaal",
        min_value=0,
        max_value=99,
        help_text="Een stakeholder die voor meer bijeenkomsten in één kwartaal is gevraagd, is overvraagd.",
        error_messages={
            "required": "Vul het maximale aantal bijeenkomsten in.",
            "invalid": "Vul een heel getal in.",
            "min_value": "Vul 0 of meer in.",
            "max_value": "Vul ten hoogste 99 in.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No lost updates: two managers setting the threshold at once (the first one too) do not overwrite.
        doel, waarden = drempelstand()
        origineel_toevoegen(self, None, DREMPELVELDEN, doel=doel, waarden=waarden)


class WijkenForm(forms.Form):
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bijvoorbeeld waar in de wijk de activiteit werkt.",
    )

    def __init__(self, *args, user, activiteit, **kwargs):
        super().__init__(*args, **kwargs)
        wijken = _wijken_veld(user)
        self.fields = {"wijken": wijken, **self.fields}
        # No lost updates: the token holds the activity's wijken and toelichting as shown (several rows, one form).
        origineel_toevoegen(
            self,
            activiteit,
            (),
            doel=wijkstand_doel(activiteit),
            waarden=wijkstand(activiteit),
        )


class TrajectFilterForm(forms.Form):
    activiteit = forms.ModelChoiceField(
        label="Activiteit",
        queryset=Activiteit.objects.select_related("actielijn").order_by("actielijn__nummer", "volgorde"),
        to_field_name="sleutel",
        required=False,
        empty_label="Alle activiteiten",
    )
    soort = forms.ChoiceField(
        label="Soort traject",
        required=False,
        choices=[
            ("", "Binnen en buiten het programma"),
            ("binnen", "Binnen het programma"),
            ("buiten", "Buiten het programma"),
        ],
    )
