"""Forms validate input (in Dutch, next to the field); services do the writing.

Also the first planning of an activity (`PlanningVastleggenForm`) and the risk register's filters and
assessment (`RisicoregisterFilterForm`, `ProgrammarisicoBeoordelenForm`)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from actielijnen.constants import SCORE_SCHAAL, ActiviteitStatus, Fase, RagStatus, RisicoStatus
from actielijnen.models import Actielijn, Mijlpaal, Opdrachtbeschrijving, Risico, Thema
from actielijnen.risicoregister import (
    SOORT_ACTIVITEIT,
    SOORT_PROGRAMMA,
    SORTERING_CODE,
    SORTERING_SCORE,
)
from actielijnen.selectors import RAG_KEUZES, SIGNALEN
from actielijnen.services import jaarsamenvattingen_gezien
from kern.gelijktijdigheid import origineel_toevoegen
from kern.notatie import OngeldigePeriode, Periode, kwartaal_valideren

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VoortgangsrapportageForm(forms.Form):
    periode = forms.CharField(
        label="Periode",
        max_length=20,
        help_text="De periode waarover u rapporteert: een maand (2025-05), een kwartaal (2025-Q2) of een jaar (2025).",
    )
    rag = forms.ChoiceField(
        label="Stoplichtkleur",
        choices=RagStatus.choices,
        widget=forms.RadioSelect,
        help_text="Groen: op koers. Oranje: aandacht nodig. Rood: bijsturing nodig.",
    )
    percentage_gereed = forms.IntegerField(label="Percentage gereed", min_value=0, max_value=100)
    # The empty first choice: an activity whose phase nobody recorded yet must not silently start at Verkenning.
    fase = forms.ChoiceField(label="Fase", choices=[("", "Kies de fase"), *Fase.choices])
    status = forms.ChoiceField(label="Status van de activiteit", choices=ActiviteitStatus.choices)
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea(attrs={"rows": 4}))
    knelpunten = forms.CharField(label="Knelpunten", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    besluit_nodig = forms.BooleanField(label="Er is een besluit nodig", required=False)
    besluit_omschrijving = forms.CharField(
        label="Welk besluit is nodig", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    verhalen = forms.CharField(
        label="Verhalen en casuïstiek",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Cijfers zeggen niet alles: ervaringen, casuïstiek, verhalen.",
    )
    mijlpalen_bereikt = forms.ModelMultipleChoiceField(
        label="Mijlpalen bereikt",
        queryset=Mijlpaal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, activiteit, **kwargs):
        """A new update starts from where the activity stands now: its phase, status, stoplicht and % gereed."""
        super().__init__(*args, **kwargs)
        mijlpalen = self.fields["mijlpalen_bereikt"]
        mijlpalen.queryset = activiteit.mijlpalen.filter(datum_bereikt__isnull=True)
        mijlpalen.geen_keuzes = format_html(
            'Deze activiteit heeft nog geen open mijlpalen. <a class="utrecht-link" href="{}">Mijlpaal toevoegen</a>',
            reverse("actielijnen:mijlpaal_create", args=[activiteit.sleutel]),
        )
        if not self.is_bound:
            # The activity carries the last update's stoplicht, fase and status (services); % gereed only the
            # update itself has.
            vorige = activiteit.voortgangsrapportages.order_by("-datum", "-pk").first()
            self.initial.setdefault("periode", timezone.localdate().strftime("%Y-%m"))
            self.initial.setdefault("status", activiteit.status)
            self.initial.setdefault("fase", activiteit.fase or (vorige.fase if vorige else ""))
            self.initial.setdefault("rag", activiteit.rag or (vorige.rag if vorige else ""))
            if vorige is not None:
                self.initial.setdefault("percentage_gereed", vorige.percentage_gereed)

    def clean_periode(self):
        """Only a real period (2025, 2025-Q2, 2025-05), stored the one way, so pages can show it in Dutch."""
        try:
            return Periode.parse(self.cleaned_data["periode"]).tekst
        except OngeldigePeriode as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        data = super().clean()
        if data.get("besluit_nodig") and not data.get("besluit_omschrijving", "").strip():
            self.add_error("besluit_omschrijving", "Beschrijf welk besluit nodig is.")
        return data


class MijlpaalForm(forms.ModelForm):
    class Meta:
        model = Mijlpaal
        fields = ["omschrijving", "datum_gepland", "datum_bereikt"]
        widgets = {"datum_gepland": DATUM, "datum_bereikt": DATUM}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        origineel_toevoegen(self, self.instance, self._meta.fields)


class RisicoForm(forms.Form):
    omschrijving = forms.CharField(label="Omschrijving", max_length=300)
    kans = forms.TypedChoiceField(label="Kans (1–5)", choices=SCORE_SCHAAL, coerce=int)
    impact = forms.TypedChoiceField(label="Impact (1–5)", choices=SCORE_SCHAAL, coerce=int)
    beheersmaatregel = forms.CharField(
        label="Beheersmaatregel", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    basisrisico = forms.ModelChoiceField(
        label="Hoort bij basisrisico", queryset=Risico.objects.basisrisicos(), required=False
    )


class RisicoWijzigenForm(forms.Form):
    """Changing a risk; `risico` gives the form its hidden token, so a stale save is refused."""

    omschrijving = forms.CharField(label="Omschrijving", max_length=300)
    kans = forms.TypedChoiceField(label="Kans (1–5)", choices=SCORE_SCHAAL, coerce=int)
    impact = forms.TypedChoiceField(label="Impact (1–5)", choices=SCORE_SCHAAL, coerce=int)
    beheersmaatregel = forms.CharField(
        label="Beheersmaatregel", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    status = forms.ChoiceField(label="Status", choices=RisicoStatus.choices)
    reden = forms.CharField(
        label="Reden van de wijziging",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Komt in het risicolog.",
    )

    def __init__(self, *args, risico: Risico | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        origineel_toevoegen(self, risico, ("omschrijving", "kans", "impact", "beheersmaatregel", "status"))


class PlanningswijzigingForm(forms.Form):
    nieuwe_start = forms.CharField(
        label="Nieuwe start",
        max_length=7,
        required=False,
        validators=[kwartaal_valideren],
        help_text="Bijv. 2024-Q1",
    )
    nieuw_einde = forms.CharField(
        label="Nieuw einde",
        max_length=7,
        required=False,
        validators=[kwartaal_valideren],
        help_text="Bijv. 2025-Q4",
    )
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("nieuwe_start") and not data.get("nieuw_einde"):
            raise forms.ValidationError("Geef een nieuwe start, een nieuw einde of beide.")
        return data


class AkkoordForm(forms.Form):
    rol = forms.ChoiceField(label="Als", choices=())
    akkoord = forms.TypedChoiceField(
        label="Besluit",
        choices=[("ja", "Akkoord"), ("nee", "Niet akkoord")],
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht als u niet akkoord gaat.",
    )

    def __init__(self, *args, rollen, **kwargs):
        super().__init__(*args, **kwargs)
        from actielijnen.constants import AkkoordRol

        self.fields["rol"].choices = [(r, AkkoordRol(r).label) for r in rollen]

    def clean(self):
        data = super().clean()
        if data.get("akkoord") is False and not data.get("toelichting", "").strip():
            self.add_error("toelichting", "Licht toe waarom u niet akkoord gaat.")
        return data


class OpdrachtbeschrijvingForm(forms.ModelForm):
    class Meta:
        model = Opdrachtbeschrijving
        fields = list(Opdrachtbeschrijving.ONDERDELEN)
        widgets = {naam: forms.Textarea(attrs={"rows": 4}) for naam in Opdrachtbeschrijving.ONDERDELEN}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        origineel_toevoegen(self, self.instance, Opdrachtbeschrijving.ONDERDELEN)


class JaarsamenvattingForm(forms.Form):
    jaar = forms.IntegerField(label="Jaar", min_value=2023, max_value=2035)
    samenvatting = forms.CharField(
        label="Samenvatting van het jaar", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, activiteit=None, **kwargs):
        """With `activiteit`: the year's existing summary filled in, and the hidden token of all its years."""
        super().__init__(*args, **kwargs)
        if activiteit is None:
            return
        doel, gezien = jaarsamenvattingen_gezien(activiteit)
        origineel_toevoegen(self, activiteit, (), doel=doel, waarden=gezien)
        if not self.is_bound and "samenvatting" not in self.initial:
            self.initial["samenvatting"] = gezien.get(str(self.initial.get("jaar")), "")


class DashboardFilterForm(forms.Form):
    actielijn = forms.ModelChoiceField(label="Actielijn", queryset=Actielijn.objects.all(), required=False)
    thema = forms.ModelChoiceField(label="Thema", queryset=Thema.objects.all(), required=False)
    status = forms.ChoiceField(
        label="Status", choices=[("", "Alle"), *ActiviteitStatus.choices], required=False
    )
    stoplicht = forms.ChoiceField(label="Stoplichtkleur", choices=[("", "Alle"), *RAG_KEUZES], required=False)
    trekker = forms.ModelChoiceField(label="Trekker", queryset=None, required=False)
    # The summary's links (?signaal=mijlpaal-te-laat, …) filter on what needs attention.
    signaal = forms.ChoiceField(label="Aandachtspunt", choices=[("", "Alle"), *SIGNALEN], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.fields["trekker"].queryset = (
            get_user_model()
            .objects.filter(activiteiten_als_trekker__isnull=False)
            .distinct()
            .order_by("last_name")
        )
        self.fields["actielijn"].empty_label = "Alle"
        self.fields["thema"].empty_label = "Alle"
        self.fields["trekker"].empty_label = "Alle"
        self.fields["trekker"].label_from_instance = lambda u: u.weergavenaam()


class BesluitForm(forms.Form):
    """The opdrachtgever's decision on an update that asked for one."""

    besluit = forms.CharField(
        label="Besluit",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat u besluit, zo dat de trekker ermee verder kan.",
        error_messages={"required": "Schrijf op wat u besluit."},
    )
    datum = forms.DateField(
        label="Datum van het besluit",
        widget=DATUM,
        error_messages={
            "required": "Vul de datum van het besluit in.",
            "invalid": "Vul een geldige datum in.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", timezone.localdate())


# --- planning: The form for an activity's first planning (the opdrachtgever's decision); changes use PlanningswijzigingForm.

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


# --- risico's: The risk register's forms: its filters, and the manager's assessment of a programme risk.

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
