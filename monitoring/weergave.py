"""How a figure is shown to a user: Dutch notation, and small counts of people hidden as "< 10".

Used by the template filters (monitoring/templatetags/monitoring.py) and by the exports, so a page and a file
never disagree.
"""

from decimal import Decimal

from django.conf import settings

from kern.notatie import format_getal
from monitoring.constants import Eenheid
from monitoring.permissions import ziet_kleine_aantallen


def drempel() -> int:
    return settings.KLEINE_AANTALLEN_DREMPEL


def is_klein_aantal(waarde) -> bool:
    return waarde is not None and Decimal(waarde) < drempel()


def aantal_tekst(waarde, user, decimalen: int | None = None) -> str:
    """A count of people: '< 10' below the threshold for users who may not see small numbers."""
    if is_klein_aantal(waarde) and not ziet_kleine_aantallen(user):
        return f"< {drempel()}"
    return format_getal(waarde, Eenheid.AANTAL, decimalen)


def waarde_tekst(
    waarde, eenheid: str, user, telt_personen: bool | None = None, decimalen: int | None = None
) -> str:
    """Any figure; counts (`aantal`, or `telt_personen`) are protected against recognising a person.

    `decimalen` keeps the precision the source wrote (a meting's own `decimalen`); None drops trailing zeros.
    """
    if telt_personen is None:
        telt_personen = eenheid == Eenheid.AANTAL
    if telt_personen:
        return aantal_tekst(waarde, user, decimalen)
    return format_getal(waarde, eenheid, decimalen)


def verborgen(waarde, eenheid: str, user, telt_personen: bool | None = None) -> bool:
    if telt_personen is None:
        telt_personen = eenheid == Eenheid.AANTAL
    return telt_personen and is_klein_aantal(waarde) and not ziet_kleine_aantallen(user)
