"""`{% load meervoud %}{{ n|aantal_met:"rij,rijen" }}` → "1 rij", "3 rijen", "1.605 rijen"."""

from django import template

from bronnen.meervoud import aantal_met as _aantal_met

register = template.Library()


@register.filter
def aantal_met(aantal, woorden: str) -> str:
    """The count with "enkelvoud,meervoud" chosen by it (Django's `pluralize` only adds a suffix)."""
    enkelvoud, meervoud = woorden.split(",")
    return _aantal_met(aantal, enkelvoud, meervoud)
