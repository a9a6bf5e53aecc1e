"""The error summary above a form: every error named, each field's error a link to that field.

`{% load formulierfouten %}{% with fouten=form|foutenoverzicht %}…` gives a list of `Fout` (label, anker,
melding); the summary partial (templates/partials/formulier_fouten.html) renders it. The pattern is the NL
Design System / GOV.UK error summary: a user who cannot see the red text beside a field still learns which
field to fix and can jump there.
"""

from dataclasses import dataclass

from django import template

register = template.Library()

# Widgets that render a group of inputs: their label points at no single input, so the link goes to the first.
GROEPEN = ("radioselect", "checkboxselectmultiple")


@dataclass(frozen=True)
class Fout:
    """One error message; `anker` is the id of the input to jump to, "" for an error about the whole form."""

    melding: str
    label: str = ""
    anker: str = ""


def _anker(veld) -> str:
    """The id of the input a link to this field should focus (the first option of a radio/checkbox group)."""
    if veld.widget_type in GROEPEN:
        return f"{veld.auto_id}_0" if veld.auto_id else ""
    return veld.id_for_label or veld.auto_id or ""


@register.filter
def foutenoverzicht(form) -> list[Fout]:
    """Every error of `form`: first those about the whole form, then each visible field's in form order.

    The message that a concurrent save already shows in its own table is left out (it would say it twice);
    errors of hidden fields have no field to jump to and are listed without a link.
    """
    if not getattr(form, "errors", None):
        return []
    dubbel = getattr(getattr(form, "gelijktijdige_wijziging", None), "melding", None)
    fouten = [Fout(melding=str(m)) for m in form.non_field_errors() if str(m) != dubbel]
    for veld in form.hidden_fields():
        fouten.extend(Fout(melding=str(m)) for m in veld.errors)
    for veld in form.visible_fields():
        fouten.extend(Fout(melding=str(m), label=str(veld.label), anker=_anker(veld)) for m in veld.errors)
    return fouten
