"""Forms for editions (the manager's concept, with a text per section) and for the griffie's moties."""

from django import forms
from django.utils import timezone

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import VELDNAAM, origineel_toevoegen
from monitoring.models import Indicator
from rapportage.constants import PcMoment, Sectie
from rapportage.models import Motie, Rapportage

KOPVELDEN = ("pc_moment", "jaar", "titel", "peildatum", "zaaknummer")

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEKST = forms.Textarea(attrs={"rows": 5})


class RapportageForm(forms.Form):
    """A concept edition: what it is, and the manager's explanatory text beside the figures of each section."""

    pc_moment = forms.ChoiceField(label="P&C-moment", choices=PcMoment.choices)
    jaar = forms.IntegerField(label="Jaar", min_value=2022, max_value=2100)
    titel = forms.CharField(label="Titel", max_length=200)
    peildatum = forms.DateField(
        label="Peildatum", widget=DATUM, help_text="De cijfers van de rapportage zijn de stand op deze datum."
    )
    zaaknummer = forms.CharField(label="Zaaknummer", max_length=30, required=False)

    def __init__(self, *args, rapportage: Rapportage | None = None, **kwargs):
        if rapportage is not None:
            kwargs.setdefault(
                "initial",
                {
                    "pc_moment": rapportage.pc_moment,
                    "jaar": rapportage.jaar,
                    "titel": rapportage.titel,
                    "peildatum": rapportage.peildatum,
                    "zaaknummer": rapportage.zaaknummer,
                    **{f"toelichting_{s}": rapportage.toelichtingen.get(s, "") for s in Sectie.values},
                },
            )
        else:
            vandaag = timezone.localdate()
            kwargs.setdefault("initial", {"jaar": vandaag.year, "peildatum": vandaag})
        super().__init__(*args, **kwargs)
        for sectie in Sectie:
            self.fields[f"toelichting_{sectie.value}"] = forms.CharField(
                label=f"Toelichting bij {sectie.label}", required=False, widget=TEKST
            )
        if rapportage is not None:
            self.fields["cijfers_vernieuwen"] = forms.BooleanField(
                label="Cijfers opnieuw ophalen (nieuwe momentopname op de peildatum)", required=False
            )
            # What the concept looked like when the form opened: a stale save is refused (no lost texts).
            origineel_toevoegen(
                self, rapportage, [*KOPVELDEN, *(f"toelichtingen.{s}" for s in Sectie.values)]
            )

    def secties(self):
        """The text fields, for the template."""
        return [self[f"toelichting_{s}"] for s in Sectie.values]

    def kopvelden(self):
        return [self[n] for n in KOPVELDEN]

    def service_data(self) -> dict:
        data = {n: self.cleaned_data[n] for n in KOPVELDEN}
        data["toelichtingen"] = {s: self.cleaned_data[f"toelichting_{s}"] for s in Sectie.values}
        if VELDNAAM in self.fields:
            data["origineel"] = self.cleaned_data[VELDNAAM]
        return data


class VergelijkForm(forms.Form):
    oud = forms.ModelChoiceField(label="Eerdere rapportage", queryset=Rapportage.objects.none())
    nieuw = forms.ModelChoiceField(label="Latere rapportage", queryset=Rapportage.objects.none())

    def __init__(self, *args, edities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["oud"].queryset = edities
        self.fields["nieuw"].queryset = edities

    def clean(self):
        data = super().clean()
        if data.get("oud") and data.get("oud") == data.get("nieuw"):
            raise forms.ValidationError("Kies twee verschillende rapportages.")
        return data


class MotieForm(forms.ModelForm):
    activiteiten = forms.ModelMultipleChoiceField(
        label="Activiteiten waar zij over gaat",
        queryset=Activiteit.objects.select_related("actielijn"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicatoren = forms.ModelMultipleChoiceField(
        label="Beleidsindicatoren waar zij over gaat",
        queryset=Indicator.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Motie
        fields = ["soort", "nummer", "titel", "datum", "vergadering", "tekst", "status", "uitvoering"]
        widgets = {"datum": DATUM, "tekst": TEKST, "uitvoering": TEKST}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Declared fields are not filled from the instance: without this, saving cleared the links.
            self.initial.setdefault("activiteiten", [a.pk for a in self.instance.activiteiten.all()])
            self.initial.setdefault("indicatoren", [i.pk for i in self.instance.indicatoren.all()])
        origineel_toevoegen(self, self.instance, [*self._meta.fields, "activiteiten", "indicatoren"])
