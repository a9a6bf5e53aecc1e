"""Template tags of "wat is er met de inbreng gedaan" (`{% load participatie_inbreng %}`).

`inbreng_blok` gives the trajectory page's inbreng block what it needs from `traject` and the user alone, so the
page that includes templates/participatie/partials/inbreng_sectie.html passes nothing else.
"""

from django import template

from participatie.permissions import mag_inbreng_schrijven
from participatie.selectors.inbreng import inbreng_van

register = template.Library()


@register.simple_tag(takes_context=True)
def inbreng_blok(context, traject) -> dict:
    """A trajectory's contributions (one query) and whether the user may add and process them."""
    user = context.get("user")
    return {
        "rijen": inbreng_van(traject),
        "mag_schrijven": user is not None and mag_inbreng_schrijven(user, traject),
    }
