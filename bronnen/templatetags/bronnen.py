"""Template filters every app may use: `{% load bronnen %}` … `{{ meting.periode|periode }}` → "2e kwartaal 2025"."""

from django import template

from bronnen.notatie import format_getal
from bronnen.periode import periode_tekst

register = template.Library()


@register.filter
def periode(waarde):
    """A period the Dutch way: "2025", "2e kwartaal 2025", "mei 2025"."""
    return periode_tekst(waarde)


@register.filter
def aantal(waarde):
    """A count with the Dutch thousands dot: 12000 → "12.000" (the progress of a background job)."""
    return format_getal(waarde or 0)
