"""
Dutch number notation as the source documents and spreadsheets write it: 47,3%  1.605  6,6  € 1.506  € 1,2 miljoen.

A parsed figure remembers how many decimals it was written with (15,0% → 1), so it can be shown that way again.

`n.v.t.`, `-` and an empty cell mean "no value". A cell with several values and years
(`43,2% (2019) 45,5% (2021)`) gives one value per year.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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
