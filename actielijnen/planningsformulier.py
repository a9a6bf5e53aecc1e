"""The form for an activity's first planning (the opdrachtgever's decision); changes use PlanningswijzigingForm."""

from django import forms

from actielijnen.kwartaal import kwartaal_valideren
from bronnen.gelijktijdigheid import origineel_toevoegen

PLANNING_VELDEN = ("geplande_start", "gepland_einde")


class PlanningVastleggenForm(forms.Form):
    """Start and end as quarters; a value the activity already has is shown but cannot be changed here."""

    geplande_start = forms.CharField(
        label="Geplande start",
        max_length=7,
        required=False,
        validators=[kwartaal_valideren],
        help_text="Het kwartaal waarin de activiteit begint, bijvoorbeeld 2025-Q1.",
    )
    gepland_einde = forms.CharField(
        label="Gepland einde",
        max_length=7,
        required=False,
        validators=[kwartaal_valideren],
        help_text="Het kwartaal waarin de activiteit klaar is, bijvoorbeeld 2026-Q4.",
    )

    def __init__(self, *args, activiteit, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in PLANNING_VELDEN:
            waarde = getattr(activiteit, naam)
            if waarde:
                # Disabled: a direct POST cannot change it; the stored value is what the form cleans to.
                self.fields[naam].initial = waarde
                self.fields[naam].disabled = True
                self.fields[naam].help_text = "Al vastgelegd; wijzigen kan met een planningswijziging."
        origineel_toevoegen(self, activiteit, PLANNING_VELDEN)

    def clean(self):
        data = super().clean()
        for naam in PLANNING_VELDEN:
            if naam not in self.errors and not data.get(naam):
                self.add_error(naam, "Geef een kwartaal als 2023-Q2.")
        start, einde = data.get("geplande_start"), data.get("gepland_einde")
        if start and einde and not self.errors and start > einde:
            self.add_error("gepland_einde", "Het einde ligt vóór de start.")
        return data
