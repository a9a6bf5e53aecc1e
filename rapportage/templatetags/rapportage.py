"""
Thin presentation filters for the pages around an edition (`{% load rapportage %}`): each formats one value in
Dutch and delegates to rapportage.weergave.tekst.

An edition itself is shown from its view-model (rapportage/weergave/): the templates of its sections print the
texts it has formatted and call nothing here. What stays is for single values elsewhere: a peildatum on the
PDF's cover or the open-data page, a year, a figure in the inwoners' page (`{% waarde %}`, which hides small
counts of people from the context's user).
"""

from django import template

from rapportage.weergave import tekst

register = template.Library()


@register.simple_tag(takes_context=True)
def waarde(context, getal, eenheid="", personen=None, decimalen=None):
    """`{% waarde meting.waarde indicator.eenheid %}`: small counts of people hidden from the context's user."""
    return tekst.cijfer_tekst(
        getal, eenheid, context.get("user"), telt_personen=personen, decimalen=decimalen
    )


@register.filter
def cijfer(getal, eenheid=""):
    """`{{ x|cijfer:"percentage" }}` for figures that are not counts of people (a count is shown as to the public)."""
    return tekst.cijfer_tekst(getal, eenheid)


@register.filter
def bedrag(getal):
    return tekst.cijfer_tekst(getal, "bedrag")


@register.filter
def percentage(getal):
    return tekst.cijfer_tekst(getal, "percentage")


@register.filter
def datum_nl(waarde):
    """'1 januari 2025'; '–' without a date."""
    return tekst.datum_tekst(waarde)


@register.filter
def jaartal(jaar):
    """A year as it is written: 2023, never 2.023."""
    return tekst.jaartal(jaar)


@register.filter
def geen_afbreking(waarde) -> str:
    """A printed cell such as '€ 1.506' that never wraps between the euro sign and the figure."""
    return tekst.geen_afbreking(waarde)
