"""
The file's headers and single cells: the two layouts and their columns (`herken_indeling`), a cell as the file
shows it, a period or figure read from a cell, and control characters made visible (`zichtbaar`).

The lowest module of the import rules: it knows no model.
"""

import re
from decimal import Decimal

from kern.notatie import Getal, OngeldigePeriode, OngeldigGetal, Periode, parse_getal
from monitoring.constants import Indeling
from monitoring.importbestand import Cel

VIER_DECIMALEN = Decimal("0.0001")
LANG_VERPLICHT = ("indicator", "periode", "soort", "waarde")
BREED_VERPLICHT = ("indicator", "soort")
OPTIONEEL = ("wijk", "bron", "status")
KOPPEN_ALIASSEN = {"gebied": "wijk", "wijkcode": "wijk", "code": "indicator", "jaar": "periode"}
# Control characters (NUL first: PostgreSQL refuses it in text) and lone surrogates (no encoding can store them).
# Tab, line feed and carriage return are ordinary text in a cell.
STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
STUURTEKEN_REDEN = (
    "De cel bevat een onzichtbaar stuurteken (zoals een NUL-teken, hier als ␀ getoond) dat niet kan worden "
    "opgeslagen. Verwijder het in de spreadsheet en lees het bestand opnieuw in."
)


def zichtbaar(tekst: str) -> str:
    """Text to show on a page: each control character as its visible symbol (NUL → ␀), a lone surrogate as �."""

    def teken(match):
        c = match[0]
        if "\ud800" <= c <= "\udfff":
            return "\ufffd"
        return "\u2421" if c == "\x7f" else chr(0x2400 + ord(c))

    return STUURTEKENS.sub(teken, tekst)


class OngeldigeIndeling(ValueError):
    """The headers fit neither layout; the message is Dutch and shown to the user."""


def _kop(tekst) -> str:
    kop = " ".join(str(tekst or "").split()).lower()
    return KOPPEN_ALIASSEN.get(kop, kop)


def _tekst(cel) -> str:
    """The cell as the file shows it: '202300,0%' for a typed percent cell, not '2023.0'."""
    if cel is None:
        return ""
    if isinstance(cel, Cel):
        return cel.tekst
    if isinstance(cel, float) and cel.is_integer():
        cel = int(cel)
    tekst = str(cel).strip()
    if tekst.startswith("'") and tekst[1:2] in ("=", "+", "-", "@"):  # our export's formula neutraliser
        return tekst[1:]
    return tekst


def periode_uit_cel(cel) -> Periode:
    """A period from a cell: text (2025, 2025-Q2, 2025-05), a typed year, or a date cell (its month or year)."""
    if isinstance(cel, Cel) and cel.datum is not None:
        if cel.alleen_jaar:
            return Periode.parse(cel.datum.year)
        if cel.toont_dag and cel.datum.day != 1:
            raise OngeldigePeriode(
                f"'{cel.tekst}' is een datum, geen periode; gebruik een jaar (2025), een kwartaal (2025-Q2) "
                "of een maand (2025-05)."
            )
        return Periode.parse(f"{cel.datum.year}-{cel.datum.month:02d}")
    if isinstance(cel, Cel) and cel.getal is not None and not cel.getal.is_percentage:
        if cel.getal.waarde == cel.getal.waarde.to_integral():  # a year typed as a number, maybe as '2.025'
            return Periode.parse(int(cel.getal.waarde))
    return Periode.parse(_tekst(cel))


def lees_getal(cel) -> Getal | None:
    """The figure in one value cell: a typed number as Excel shows it, or Dutch-notated text."""
    if isinstance(cel, Cel):
        if cel.datum is not None:
            raise OngeldigGetal(f"'{cel.tekst}' is een datum, geen getal.")
        if cel.getal is None:  # NaN or infinity stored in the file
            raise OngeldigGetal(f"De cel bevat geen bruikbaar getal ({cel.tekst}).")
        return cel.getal
    return parse_getal(cel)


def herken_indeling(koppen: list) -> tuple[str, dict[str, int], dict[int, Periode]]:
    """The layout and where each known column is; for 'breed' also the period of each period column."""
    kolommen: dict[str, int] = {}
    perioden: dict[int, Periode] = {}
    for index, ruw in enumerate(koppen):
        kop = _kop(_tekst(ruw))
        if kop in (*LANG_VERPLICHT, *OPTIONEEL):
            kolommen.setdefault(kop, index)
        elif kop:
            try:
                perioden[index] = periode_uit_cel(ruw)
            except OngeldigePeriode:
                pass  # an extra column (a name, a unit): ignored
    if all(k in kolommen for k in LANG_VERPLICHT):
        return Indeling.LANG, kolommen, {}
    if all(k in kolommen for k in BREED_VERPLICHT) and perioden and "waarde" not in kolommen:
        return Indeling.BREED, kolommen, perioden
    ontbrekend = [k for k in LANG_VERPLICHT if k not in kolommen]
    raise OngeldigeIndeling(
        "De kolomkoppen passen niet bij een bekende indeling. Lang: indicator, periode, wijk, soort, waarde, "
        "bron; breed: indicator, soort en één kolom per jaar (2021, 2022, …). "
        f"Ontbrekend voor de lange indeling: {', '.join(ontbrekend)}."
    )
