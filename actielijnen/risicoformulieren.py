"""The risk register's forms: its filters, and the manager's assessment of a programme risk."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from actielijnen.constants import SCORE_SCHAAL, RisicoStatus
from actielijnen.models import Risico
from actielijnen.risicoregister import (
    SOORT_ACTIVITEIT,
    SOORT_PROGRAMMA,
    SORTERING_CODE,
    SORTERING_SCORE,
)
from bronnen.gelijktijdigheid import origineel_toevoegen

# The fields the assessment changes: the hidden token carries them, so a stale save is refused.
BEOORDELING_VELDEN = ("kans", "impact", "eigenaar", "beheersmaatregel", "status")


class RisicoregisterFilterForm(forms.Form):
    """The register's filters (GET); nonsense in the address gives the unfiltered register, never an error."""

    soort = forms.ChoiceField(
        label="Soort",
        choices=[
            ("", "Alle"),
            (SOORT_PROGRAMMA, "Programma (basisrisico's)"),
            (SOORT_ACTIVITEIT, "Activiteit"),
        ],
        required=False,
    )
    status = forms.ChoiceField(label="Status", choices=[("", "Alle"), *RisicoStatus.choices], required=False)
    boven_drempel = forms.BooleanField(label="Alleen actieve risico's met score 15 of hoger", required=False)
    sortering = forms.ChoiceField(
        label="Sorteren op",
        choices=[(SORTERING_SCORE, "Score, hoogste eerst"), (SORTERING_CODE, "Code en activiteit")],
        required=False,
    )


def _programmaorganisatie():
    """Who can own a risk: active people who may read the risk register (the programme organisation)."""
    recht = Permission.objects.filter(content_type__app_label="actielijnen", codename="view_risico")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__permissions__in=recht) | Q(user_permissions__in=recht))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class ProgrammarisicoBeoordelenForm(forms.Form):
    """The manager's assessment of a programme risk: kans, impact, owner, measure, status and why."""

    kans = forms.TypedChoiceField(
        label="Kans (1–5)",
        choices=[("", "Kies een kans"), *SCORE_SCHAAL],
        coerce=int,
        help_text="1 = zeer onwaarschijnlijk, 5 = vrijwel zeker.",
    )
    impact = forms.TypedChoiceField(
        label="Impact (1–5)",
        choices=[("", "Kies een impact"), *SCORE_SCHAAL],
        coerce=int,
        help_text="1 = nauwelijks gevolgen, 5 = zeer grote gevolgen.",
    )
    eigenaar = forms.ModelChoiceField(label="Eigenaar", queryset=None, empty_label="Kies een eigenaar")
    beheersmaatregel = forms.CharField(
        label="Beheersmaatregel", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    status = forms.ChoiceField(label="Status", choices=RisicoStatus.choices)
    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Waarom deze beoordeling? Komt in het risicolog.",
        error_messages={"required": "Schrijf waarom u het risico zo beoordeelt; dit komt in het risicolog."},
    )

    def __init__(self, *args, risico: Risico, **kwargs):
        kwargs.setdefault("initial", {naam: getattr(risico, naam) for naam in BEOORDELING_VELDEN})
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = _programmaorganisatie()
        self.fields["eigenaar"].label_from_instance = lambda u: u.weergavenaam()
        self.fields["kans"].error_messages["required"] = "Kies de kans (1 tot en met 5)."
        self.fields["impact"].error_messages["required"] = "Kies de impact (1 tot en met 5)."
        self.fields["eigenaar"].error_messages["required"] = "Kies wie eigenaar van dit risico is."
        origineel_toevoegen(self, risico, BEOORDELING_VELDEN)
