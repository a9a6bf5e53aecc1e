"""Small template helpers for the programme's pages."""

from django import template

register = template.Library()


@register.filter
def update_status(stand, vandaag):
    """'te laat', 'binnenkort' or 'op tijd' for a Stand's next update."""
    return stand.update_status(vandaag)


@register.filter
def procent(waarde, decimalen=0):
    """47,3% in Dutch notation; '–' when there is no value."""
    if waarde is None:
        return "–"
    from django.template.defaultfilters import floatformat

    return f"{floatformat(waarde, decimalen)}%"


@register.filter
def akkoordrol_label(rol):
    from actielijnen.constants import AkkoordRol

    return AkkoordRol(rol).label
