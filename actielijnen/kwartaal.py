"""Quarters ("2023-Q2") are the plan's grain for planning."""

import re
from datetime import date

from django.core.exceptions import ValidationError

KWARTAAL_PATROON = re.compile(r"^(?P<jaar>\d{4})-Q(?P<kwartaal>[1-4])$")


def kwartaal_valideren(waarde: str) -> None:
    if not KWARTAAL_PATROON.match(waarde or ""):
        raise ValidationError("Geef een kwartaal als 2023-Q2 (jaar, streepje, Q en 1 tot en met 4).")


def kwartaal_begin(waarde: str) -> date:
    """First day of a quarter."""
    match = KWARTAAL_PATROON.match(waarde)
    if not match:
        raise ValueError(waarde)
    return date(int(match["jaar"]), 3 * (int(match["kwartaal"]) - 1) + 1, 1)


def kwartaal_einde(waarde: str) -> date:
    """Last day of a quarter."""
    begin = kwartaal_begin(waarde)
    if begin.month == 10:
        return date(begin.year, 12, 31)
    return date.fromordinal(date(begin.year, begin.month + 3, 1).toordinal() - 1)


def kwartaal_van(dag: date) -> str:
    return f"{dag.year}-Q{(dag.month - 1) // 3 + 1}"
