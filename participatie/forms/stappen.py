"""The forms of participation steps I, II and IV and the opdrachtgever's decision (§4.1)."""

from django import forms


def _tekst(label: str, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Vul '{label}' in."},
    )


class AdviesForm(forms.Form):
    """Step I: the two checks and the advice, as §4.1 names them."""

    check_randvoorwaarden = _tekst(
        "Check op randvoorwaarden voor bewonersparticipatie",
        "Uit het denkkader participatie van de gemeente Hengelo.",
    )
    check_zakelijk_partnerschap = _tekst("Check op traject van zakelijk partnerschap")
    participatie_zinvol = forms.TypedChoiceField(
        label="Is participatie zinvol?",
        choices=[("ja", "Ja"), ("nee", "Nee")],
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies of participatie zinvol is."},
    )
    onderbouwing = _tekst("Afweging en onderbouwing")


class BesluitForm(forms.Form):
    """The opdrachtgever's decision on an advice or a plan."""

    akkoord = forms.TypedChoiceField(
        label="Besluit",
        choices=[("ja", "Akkoord"), ("nee", "Niet akkoord")],
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies akkoord of niet akkoord."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als u niet akkoord gaat.",
    )


class PlanForm(forms.Form):
    """Step II: the plan van aanpak, part of the opdrachtbeschrijving."""

    doel = _tekst("Doel van de participatie")
    doelgroep = _tekst("Doelgroep en belanghebbenden")
    aanpak = _tekst("Aanpak en middelen")
    planning = _tekst("Planning", rows=3)


class EvaluatieForm(forms.Form):
    """Step IV: an interim evaluation."""

    datum = forms.DateField(
        label="Datum",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Vul de datum in.",
            "invalid": "Vul een geldige datum in, zoals 1-3-2024.",
        },
    )
    bevindingen = _tekst("Bevindingen")
    bijstellingen = _tekst("Bijstellingen", "Wat er aan de aanpak verandert.")
