"""Template filters for figures: `{{ meting|meting_waarde:user }}`, `{{ n|klein_aantal:user }}`, `{{ x|getal:"percentage" }}`.

Periods are shown with kern's filter: `{% load notatie %}` … `{{ meting.periode|periode }}`.
"""

from django import template

from kern.notatie import format_getal
from monitoring.weergave import aantal_tekst, waarde_tekst

register = template.Library()


@register.filter
def getal(waarde, eenheid=""):
    return format_getal(waarde, eenheid)


@register.filter
def klein_aantal(waarde, user):
    """A count of people, shown as '< 10' to users who may not see small numbers (college, raad, inwoners)."""
    return aantal_tekst(waarde, user)


@register.filter
def meting_waarde(meting, user):
    if meting is None:
        return "–"
    return waarde_tekst(
        meting.waarde, meting.indicator.eenheid, user, decimalen=getattr(meting, "decimalen", None)
    )


@register.filter
def kerncijfer_waarde(kerncijfer, user):
    return waarde_tekst(kerncijfer.waarde, kerncijfer.eenheid, user, telt_personen=kerncijfer.telt_personen)


@register.filter
def metingsoort(code):
    """The label of a meting's soort ("Peilwaarde"), never the stored code ("peil")."""
    from monitoring.constants import MetingSoort

    return MetingSoort(code).label if code in MetingSoort.values else code
