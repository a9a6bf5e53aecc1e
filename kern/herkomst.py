"""
Provenance as data: whether a record holds content the demo invented (issue 24, docs/besluiten/0015).

`Voorbeeldherkomst` gives a model one field, `voorbeeld`, that the demo generator (`manage.py demo_laden`,
ontwikkeling/voorbeeldgeschiedenis.py) sets on every record it created or changed, and that nothing else sets: no
form, admin or import shows or writes it. A real source record the demo wrote into (an activity whose stoplight and
planning it invented, a base risk it scored) carries it too, so whoever reads that row can tell.

Pages, editions, exports and the API read it through `is_voorbeeld` and mark what shows (`{% voorbeeld %}`,
kern/templatetags/herkomst.py); a figure derived from several rows is a voorbeeld when any of them is.
"""

from collections.abc import Iterable

from django.db import models

# What a reader sees beside a demo value, on a page, in a file's name and first line, in a column.
LABEL = "Voorbeeld (demo)"
UITLEG = "Verzonnen voor de demonstratie: geen echte gegevens van de gemeente Hengelo."
BESTANDSDEEL = "demo"
# The change reason of every history row the demo wrote: the history pages mark those rows by it.
WIJZIGINGSREDEN = "Voorbeeldgeschiedenis (demo), geen echte gegevens"


class Voorbeeldherkomst(models.Model):
    """Abstract: the `voorbeeld` flag of a record that can hold demo content."""

    voorbeeld = models.BooleanField(
        LABEL,
        default=False,
        editable=False,
        help_text="Gezet door de demo (manage.py demo_laden) en door niets anders: deze rij bevat verzonnen inhoud.",
    )

    class Meta:
        abstract = True


def is_voorbeeld(waarde) -> bool:
    """Whether a record, a frozen row (a dict with "voorbeeld"), a flag, or any of a list of them says demo."""
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, list | tuple | set) or (
        hasattr(waarde, "__iter__") and not isinstance(waarde, str | bytes | dict | models.Model)
    ):
        # A list of rows, a page of them or a queryset already read by the template.
        return een_voorbeeld(waarde)
    if isinstance(waarde, dict):
        return bool(waarde.get("voorbeeld"))
    return bool(getattr(waarde, "voorbeeld", False))


def een_voorbeeld(rijen: Iterable) -> bool:
    """A figure derived from these rows is a voorbeeld when any of them is."""
    return any(is_voorbeeld(rij) for rij in rijen)


def bevat_voorbeeld(gegevens) -> bool:
    """Whether a frozen structure (an edition's snapshot, a row) holds any row marked `"voorbeeld": true`."""
    if isinstance(gegevens, dict):
        return gegevens.get("voorbeeld") is True or any(bevat_voorbeeld(w) for w in gegevens.values())
    if isinstance(gegevens, list):
        return any(bevat_voorbeeld(w) for w in gegevens)
    return False
