"""
Periods as the programme writes them: a year (2025), a quarter (2025-Q2) or a month (2025-05).

The bottom floor, because every app enters or shows periods: metingen and imports (monitoring), the trekker's
progress updates (actielijnen). `Periode.parse` validates what a person typed; `periode_tekst` shows a stored
period the Dutch way ("2025", "2e kwartaal 2025", "mei 2025").
"""

import re
from dataclasses import dataclass
from datetime import date

# Years 1900–2099 only: "0000" or "9999" is a typing error, and date() cannot even hold year 0.
_J = r"((?:19|20)\d{2})"
_JAAR = re.compile(rf"^{_J}$")
_KWARTAAL = re.compile(rf"^{_J}-?[Qq]([1-4])$")
_MAAND = re.compile(rf"^{_J}-(0?[1-9]|1[0-2])$")

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
UITLEG = "gebruik een jaar (2025), een kwartaal (2025-Q2) of een maand (2025-05)"


class OngeldigePeriode(ValueError):
    """Not a year, quarter or month; the message is Dutch and shown next to the field or cell."""


@dataclass(frozen=True, order=True)
class Periode:
    begin: date
    tekst: str

    @classmethod
    def parse(cls, waarde) -> "Periode":
        """Parse '2025', '2025-Q2' or '2025-05' (also an int year) into a Periode; raise OngeldigePeriode."""
        tekst = str(waarde if waarde is not None else "").strip()
        if tekst.endswith(".0") and _JAAR.match(tekst[:-2]):  # a year read from a spreadsheet as float
            tekst = tekst[:-2]
        if match := _JAAR.match(tekst):
            return cls(date(int(match[1]), 1, 1), match[1])
        if match := _KWARTAAL.match(tekst):
            jaar, kwartaal = int(match[1]), int(match[2])
            return cls(date(jaar, 3 * (kwartaal - 1) + 1, 1), f"{jaar}-Q{kwartaal}")
        if match := _MAAND.match(tekst):
            jaar, maand = int(match[1]), int(match[2])
            return cls(date(jaar, maand, 1), f"{jaar}-{maand:02d}")
        if not tekst:
            raise OngeldigePeriode(f"De periode ontbreekt; {UITLEG}.")
        raise OngeldigePeriode(f"'{tekst}' is geen periode; {UITLEG}.")

    @property
    def jaar(self) -> int:
        return self.begin.year

    @property
    def soort(self) -> str:
        """'jaar', 'kwartaal' or 'maand'."""
        if "Q" in self.tekst:
            return "kwartaal"
        return "maand" if "-" in self.tekst else "jaar"

    @property
    def nederlands(self) -> str:
        """'2025', '2e kwartaal 2025' or 'mei 2025'."""
        if self.soort == "kwartaal":
            return f"{self.tekst[-1]}e kwartaal {self.jaar}"
        if self.soort == "maand":
            return f"{MAANDEN[self.begin.month - 1]} {self.jaar}"
        return str(self.jaar)

    def __str__(self):
        return self.tekst


def periode_tekst(waarde) -> str:
    """A stored period the Dutch way; text that is no period (old free-text updates) is shown as it is."""
    if waarde in (None, ""):
        return "–"
    try:
        return Periode.parse(waarde).nederlands
    except OngeldigePeriode:
        return str(waarde)
