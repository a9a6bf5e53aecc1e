"""Dutch notation in templates: `{% load notatie %}` … `{{ meting.periode|periode }}` → "2e kwartaal 2025",
`{{ n|aantal }}` → "12.000", `{{ n|aantal_met:"rij,rijen" }}` → "1 rij", "3 rijen"."""

from django import template

from kern import notatie

register = template.Library()


@register.filter
def periode(waarde):
    """A period the Dutch way: "2025", "2e kwartaal 2025", "mei 2025"."""
    return notatie.periode_tekst(waarde)


@register.filter
def aantal(waarde):
    """A count with the Dutch thousands dot: 12000 → "12.000" (the progress of a background job)."""
    return notatie.format_getal(waarde or 0)


@register.filter
def aantal_met(aantal, woorden: str) -> str:
    """The count with "enkelvoud,meervoud" chosen by it (Django's `pluralize` only adds a suffix)."""
    enkelvoud, meervoud = woorden.split(",")
    return notatie.aantal_met(aantal, enkelvoud, meervoud)
