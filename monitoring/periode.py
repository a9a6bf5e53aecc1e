"""Periods of a measurement: a year (2023), a quarter (2023-Q2) or a month (2023-05)."""

import re
from dataclasses import dataclass
from datetime import date

_JAAR = re.compile(r"^(\d{4})$")
_KWARTAAL = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_MAAND = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class OngeldigePeriode(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Periode:
    begin: date
    tekst: str

    @classmethod
    def parse(cls, waarde) -> "Periode":
        """Parse '2023', '2023-Q2' or '2023-05' (also an int year) into a Periode; raise OngeldigePeriode."""
        tekst = str(waarde).strip()
        if tekst.endswith(".0") and _JAAR.match(tekst[:-2]):  # a year read from a spreadsheet as float
            tekst = tekst[:-2]
        if match := _JAAR.match(tekst):
            return cls(date(int(match[1]), 1, 1), match[1])
        if match := _KWARTAAL.match(tekst):
            jaar, kwartaal = int(match[1]), int(match[2])
            return cls(date(jaar, 3 * (kwartaal - 1) + 1, 1), f"{jaar}-Q{kwartaal}")
        if match := _MAAND.match(tekst):
            return cls(date(int(match[1]), int(match[2]), 1), f"{match[1]}-{match[2]}")
        raise OngeldigePeriode(f"'{tekst}' is geen periode; gebruik 2023, 2023-Q2 of 2023-05.")

    @property
    def jaar(self) -> int:
        return self.begin.year

    def __str__(self):
        return self.tekst
