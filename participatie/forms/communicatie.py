"""The communication page's forms: its filters and one communication action (add and edit)."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import origineel_toevoegen
from kern.notatie import OngeldigGetal, parse_getal
from participatie.constants import COMMUNICATIEACTIEVELDEN, OVERKOEPELEND
from participatie.models import Communicatiebudget, Communicatielijn, Communicatiemiddel
from participatie.permissions import mag_programmabreed_schrijven

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Kosten fit the model's DecimalField(max_digits=12, decimal_places=2).
KOSTEN_MAXIMUM = Decimal("9999999999.99")


class CommunicatieFilterForm(forms.Form):
    """The page's filters (GET); nonsense in the address gives the unfiltered page, never an error."""

    lijn = forms.ChoiceField(label="Communicatielijn", required=False)
    activiteit = forms.ChoiceField(label="Activiteit", required=False)

    def __init__(self, *args, lijnen, activiteiten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lijn"].choices = [("", "Alle lijnen"), *((lijn.sleutel, lijn.naam) for lijn in lijnen)]
        self.fields["activiteit"].choices = [
            ("", "Alle acties"),
            (OVERKOEPELEND, "Alleen overkoepelende communicatie"),
            *((a.sleutel, str(a)) for a in activiteiten),
        ]


class KostenVeld(forms.CharField):
    """Euros as people write them in Dutch: 1.250,50 or € 1.250; empty is "nothing spent (yet)"."""

    def to_python(self, value):
        tekst = super().to_python(value)
        if not tekst:
            return None
        try:
            getal = parse_getal(tekst)
        except OngeldigGetal as exc:
            raise forms.ValidationError(
                f"'{tekst}' is geen bedrag. Schrijf het in euro's zoals 1.250,50 of 800."
            ) from exc
        if getal is None:
            return None
        if getal.is_percentage:
            raise forms.ValidationError("Vul een bedrag in euro's in, geen percentage.")
        if getal.waarde < 0:
            raise forms.ValidationError("De kosten kunnen niet negatief zijn.")
        if getal.waarde != getal.waarde.quantize(Decimal("0.01")):
            raise forms.ValidationError(
                "Vul het bedrag in hele centen in (hooguit twee cijfers na de komma)."
            )
        if getal.waarde > KOSTEN_MAXIMUM:
            raise forms.ValidationError("Dit bedrag is te groot.")
        return getal.waarde


def _bedrag_invullen(waarde) -> str:
    """A stored amount as the user types it: 1250.50 → "1.250,50"."""
    if waarde is None:
        return ""
    tekst = f"{waarde:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return tekst[:-3] if tekst.endswith(",00") else tekst


class CommunicatieactieForm(forms.Form):
    naam = forms.CharField(
        label="Naam", max_length=200, error_messages={"required": "Geef de actie een naam."}
    )
    middel = forms.ChoiceField(
        label="Middel",
        choices=[("", "Kies een middel"), *Communicatiemiddel.choices],
        error_messages={"required": "Kies het middel."},
    )
    communicatielijn = forms.ModelChoiceField(
        label="Communicatielijn",
        queryset=Communicatielijn.objects.order_by("volgorde"),
        empty_label="Kies een lijn",
        error_messages={
            "required": "Kies de communicatielijn.",
            "invalid_choice": "Kies een bestaande lijn.",
        },
    )
    activiteit = forms.ModelChoiceField(
        label="Activiteit",
        queryset=Activiteit.objects.all(),
        required=False,
        empty_label="Geen: overkoepelende communicatie",
        help_text="De trekker is verantwoordelijk voor de communicatie van zijn of haar activiteit (§4.2).",
        error_messages={"invalid_choice": "Kies een bestaande activiteit."},
    )
    eigenaar = forms.ModelChoiceField(
        label="Eigenaar",
        queryset=get_user_model().objects.none(),
        empty_label="Kies een eigenaar",
        error_messages={
            "required": "Kies wie eigenaar van de actie is.",
            "invalid_choice": "Kies een eigenaar uit de lijst.",
        },
    )
    gepland_op = forms.DateField(
        label="Geplande datum",
        widget=DATUM,
        error_messages={"required": "Vul de geplande datum in.", "invalid": "Vul een geldige datum in."},
    )
    uitgevoerd_op = forms.DateField(
        label="Uitgevoerd op",
        widget=DATUM,
        required=False,
        help_text="Leeg zolang de actie niet is uitgevoerd.",
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    budget = forms.ModelChoiceField(
        label="Geboekt op budget",
        queryset=Communicatiebudget.objects.all(),
        required=False,
        empty_label="Geen (eigen middelen van de activiteit)",
        error_messages={"invalid_choice": "Kies een bestaand budget."},
    )
    kosten = KostenVeld(
        label="Besteed (euro)",
        required=False,
        help_text="Bijvoorbeeld 1.250,50. Leeg als er (nog) niets is uitgegeven.",
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, actie=None, **kwargs):
        if actie is not None:
            initial = {naam: getattr(actie, naam) for naam in COMMUNICATIEACTIEVELDEN}
            initial["kosten"] = _bedrag_invullen(actie.kosten)
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name", "username")
        )
        self.fields["eigenaar"].label_from_instance = lambda u: u.weergavenaam()
        # Any activity validates, so a direct POST for someone else's activity reaches the service's 403; the
        # list offers only the activities this user writes for.
        keuzeveld = self.fields["activiteit"]
        if not mag_programmabreed_schrijven(user, "participatie.add_communicatieactie"):
            eigen = [
                a for a in Activiteit.objects.filter(trekker=user).order_by("actielijn__nummer", "volgorde")
            ]
            if actie is not None and actie.activiteit is not None and actie.activiteit not in eigen:
                eigen.append(actie.activiteit)
            keuzeveld.widget.choices = [("", keuzeveld.empty_label), *((a.pk, str(a)) for a in eigen)]
            keuzeveld.help_text = "U kiest uit de activiteiten waarvan u trekker bent."
        if actie is not None:
            origineel_toevoegen(self, actie, COMMUNICATIEACTIEVELDEN)

    def clean_uitgevoerd_op(self):
        datum = self.cleaned_data.get("uitgevoerd_op")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(
                "Uitgevoerd op ligt in de toekomst. Vul deze datum in als de actie is uitgevoerd."
            )
        return datum
