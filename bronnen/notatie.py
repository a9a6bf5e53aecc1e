"""
Dutch number notation as the source documents and spreadsheets write it: 47,3%  1.605  6,6  € 1.506  € 1,2 miljoen.

`n.v.t.`, `-` and an empty cell mean "no value". A cell with several values and years
(`43,2% (2019) 45,5% (2021)`) gives one value per year.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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
    if not _GETAL.match(schoon):
        raise OngeldigGetal(
            f"'{origineel}' is geen getal in Nederlandse notatie (bijvoorbeeld 47,3% of 1.605)."
        )
    try:
        waarde = Decimal(schoon.replace(".", "").replace(",", ".")) * factor
    except InvalidOperation as exc:  # pragma: no cover - the pattern above already rules this out
        raise OngeldigGetal(f"'{origineel}' is geen getal.") from exc
    return Getal(waarde, is_percentage=is_percentage, is_bedrag=is_bedrag)


def parse_meervoudig(tekst) -> list[tuple[int, Getal]]:
    """Parse '43,2% (2019) 45,5% (2021)' into [(2019, 43,2), (2021, 45,5)]; a plain value gives []."""
    resultaat = []
    for getal_tekst, jaar in _MEERVOUDIG.findall(str(tekst or "")):
        getal = parse_getal(getal_tekst)
        if getal is not None:
            resultaat.append((int(jaar), getal))
    return resultaat


def format_getal(waarde, eenheid: str = "") -> str:
    """Dutch notation for display: 47,3%  1.605  € 1.506.000  6,6. Trailing zeros are dropped."""
    if waarde is None:
        return "–"
    waarde = Decimal(waarde)
    genormaliseerd = waarde.quantize(Decimal(1)) if waarde == waarde.to_integral() else waarde.normalize()
    tekst = f"{genormaliseerd:,f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if eenheid == "percentage":
        return f"{tekst}%"
    if eenheid == "bedrag":
        return f"€ {tekst}"
    return tekst
