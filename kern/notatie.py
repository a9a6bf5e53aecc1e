"""
Dutch notation, in one place: numbers, periods, quarters, months and plurals, as the source documents and
spreadsheets write them and as every page, export and PDF shows them.

Numbers: 47,3%  1.605  6,6  € 1.506  € 1,2 miljoen. A parsed figure remembers how many decimals it was written
with (15,0% → 1), so it can be shown that way again. `n.v.t.`, `-` and an empty cell mean "no value". A cell
with several values and years (`43,2% (2019) 45,5% (2021)`) gives one value per year.

Periods as the programme writes them: a year (2025), a quarter (2025-Q2) or a month (2025-05). `Periode.parse`
validates what a person typed; `periode_tekst` shows a stored period the Dutch way ("2025", "2e kwartaal 2025",
"mei 2025"). Quarters ("2023-Q2") are the plan's grain for planning (`kwartaal_*`).

Plurals: `aantal_met(3, "rij", "rijen")` → "3 rijen", never "1 rijen" or "rij(en)".
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

# --- numbers ----------------------------------------------------------------------------------------------------

GEEN_WAARDE = {"", "n.v.t.", "n.v.t", "nvt", "-", "–", "—", "n.b.", "nb"}

# Digits with Dutch thousands dots (1.605, 1.234.567) and an optional decimal comma (47,3).
_GETAL = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_MEERVOUDIG = re.compile(r"(-?\s*[\d.,]+\s*%?)\s*\((\d{4})\)")


class OngeldigGetal(ValueError):
    pass


@dataclass(frozen=True)
class Getal:
    waarde: Decimal
    is_percentage: bool = False
    is_bedrag: bool = False
    decimalen: int | None = None  # as written: '15,0%' → 1, '1.605' → 0; None when unknown


def is_geen_waarde(tekst) -> bool:
    return tekst is None or str(tekst).strip().lower() in GEEN_WAARDE


def parse_getal(tekst) -> Getal | None:
    """Parse one Dutch-notated number; None for 'no value'; raise OngeldigGetal with a Dutch reason."""
    if isinstance(tekst, int | float | Decimal) and not isinstance(tekst, bool):
        return Getal(Decimal(str(tekst)))
    if is_geen_waarde(tekst):
        return None
    origineel = str(tekst).strip()
    schoon = origineel.replace("\u00a0", " ").lower()
    is_bedrag = "€" in schoon or "eur" in schoon
    schoon = schoon.replace("€", "").replace("eur", "")
    factor = Decimal(1)
    if "miljoen" in schoon:
        factor = Decimal(1_000_000)
        schoon = schoon.replace("miljoen", "")
    is_percentage = schoon.endswith("%")
    schoon = schoon.rstrip("%").replace(" ", "")
    if not (match := _GETAL.match(schoon)):
        raise OngeldigGetal(
            f"'{origineel}' is geen getal in Nederlandse notatie (bijvoorbeeld 47,3% of 1.605)."
        )
    try:
        waarde = Decimal(schoon.replace(".", "").replace(",", ".")) * factor
    except InvalidOperation as exc:  # pragma: no cover - the pattern above already rules this out
        raise OngeldigGetal(f"'{origineel}' is geen getal.") from exc
    # 'miljoen' scales the figure, so the decimals written no longer say how precise the value is.
    decimalen = None if factor != 1 else len(match[3]) - 1 if match[3] else 0
    return Getal(waarde, is_percentage=is_percentage, is_bedrag=is_bedrag, decimalen=decimalen)


def parse_meervoudig(tekst) -> list[tuple[int, Getal]]:
    """Parse '43,2% (2019) 45,5% (2021)' into [(2019, 43,2), (2021, 45,5)]; a plain value gives []."""
    resultaat = []
    for getal_tekst, jaar in _MEERVOUDIG.findall(str(tekst or "")):
        getal = parse_getal(getal_tekst)
        if getal is not None:
            resultaat.append((int(jaar), getal))
    return resultaat


def format_getal(waarde, eenheid: str = "", decimalen: int | None = None) -> str:
    """Dutch notation for display: 47,3%  1.605  € 1.506.000  6,6.

    Without `decimalen` trailing zeros are dropped; with it the figure keeps the precision its source wrote
    (15,0% stays 15,0%). The euro sign is followed by a non-breaking space, so it never wraps from its amount.
    """
    if waarde is None:
        return "–"
    waarde = Decimal(waarde)
    if decimalen is not None:
        genormaliseerd = waarde.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    elif waarde == waarde.to_integral():
        genormaliseerd = waarde.quantize(Decimal(1))
    else:
        genormaliseerd = waarde.normalize()
    tekst = f"{genormaliseerd:,f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if eenheid == "percentage":
        return f"{tekst}%"
    if eenheid == "bedrag":
        return f"€\u00a0{tekst}"
    return tekst


# --- periods ----------------------------------------------------------------------------------------------------

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


# --- quarters (planning) -------------------------------------------------------------------------------------------

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


# --- plurals -----------------------------------------------------------------------------------------------------


def aantal_met(aantal: int, enkelvoud: str, meervoud: str) -> str:
    """`aantal` in Dutch notation followed by the singular for exactly one, else the plural (Dutch: 0 is plural)."""
    return f"{format_getal(aantal or 0)} {enkelvoud if aantal == 1 else meervoud}"


def datum_tekst(datum: date) -> str:
    """A date the Dutch way: 1 januari 2025."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"
