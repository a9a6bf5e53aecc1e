"""
What an indicator's figures say in words: on or off course (only against a target of the same year), and why
not otherwise; the next target and the distance to it; the trend of the realisations, with a tiny sparkline.

Pure functions over plain values (a `Punt` is a period with its value), so the live pages (from
`monitoring.selectors.IndicatorStand`) and an edition's snapshot (dicts, rapportage/weergave/monitoring.py)
say exactly the same. Values are formatted by the caller, who knows the reader (small counts of people).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kern import palet
from kern.notatie import format_getal
from monitoring.constants import Eenheid, Richting

NIET_TE_BEPALEN = "Niet te bepalen"
# How a difference between two values of a unit is named: 45,5% − 45,0% is 0,5 procentpunt, not 0,5%.
VERSCHIL_EENHEID = {Eenheid.PERCENTAGE: " procentpunt", Eenheid.RAPPORTCIJFER: " punt"}


@dataclass(frozen=True)
class Punt:
    """One figure of an indicator's series: its period ("2023", "2023-Q2", "2023-05") and its value."""

    periode: str
    waarde: Decimal
    decimalen: int | None = None  # the precision the source writes it in (None: as few as needed)

    @property
    def jaar(self) -> int:
        return int(self.periode[:4])


def punt(periode, waarde, decimalen: int | None = None) -> Punt | None:
    """A Punt from a period and a value (a Decimal or the snapshot's decimal string); None without a value."""
    if periode in (None, "") or waarde in (None, ""):
        return None
    return Punt(str(periode), Decimal(waarde), decimalen)


def volgende_streefwaarde(streefwaarden: list[Punt], na_jaar: int | None) -> Punt | None:
    """The first target of a year after `na_jaar` (the latest realisation's); without a year, the first target."""
    for streef in sorted(streefwaarden, key=lambda s: s.periode):
        if na_jaar is None or streef.jaar > na_jaar:
            return streef
    return None


def op_koers(realisatie: Punt | None, streefwaarde: Punt | None, richting: str) -> bool | None:
    """True/False against a target of the realisation's own year, in the indicator's direction; else None."""
    if realisatie is None or streefwaarde is None or realisatie.jaar != streefwaarde.jaar:
        return None
    if richting == Richting.HOGER_IS_BETER:
        return realisatie.waarde >= streefwaarde.waarde
    return realisatie.waarde <= streefwaarde.waarde


def koers_tekst(
    *,
    realisatie: Punt | None,
    streefwaarde: Punt | None,
    volgende: Punt | None,
    richting: str,
    heeft_streefwaarden: bool,
    tekst: Callable[[Punt], str],
) -> str:
    """'Op koers' / 'Niet op koers' only where a same-year target exists; otherwise why it cannot be said.

    `tekst(punt)` formats a value for the reader, e.g. "45,0%".
    """
    koers = op_koers(realisatie, streefwaarde, richting)
    if koers is True:
        return "Op koers"
    if koers is False:
        return "Niet op koers"
    if not heeft_streefwaarden:
        return f"{NIET_TE_BEPALEN}: er zijn geen streefwaarden vastgelegd"
    if realisatie is None:
        reden = "nog geen realisatie gemeten"
        if volgende is not None:
            return f"{NIET_TE_BEPALEN}: {reden}; eerste streefwaarde {volgende.periode}: {tekst(volgende)}"
        return f"{NIET_TE_BEPALEN}: {reden}"
    reden = f"geen streefwaarde voor {realisatie.jaar}"
    if volgende is not None:
        return f"{NIET_TE_BEPALEN}: {reden}; volgende streefwaarde {volgende.periode}: {tekst(volgende)}"
    return f"{NIET_TE_BEPALEN}: {reden} en geen latere"


def afstand(realisatie: Punt | None, volgende: Punt | None) -> Decimal | None:
    """The next target minus the latest realisation; None when either is missing."""
    if realisatie is None or volgende is None:
        return None
    return volgende.waarde - realisatie.waarde


def decimalen_van(*punten: Punt | None) -> int | None:
    """The precision of a difference: the larger of its figures' own, when both are known."""
    bekend = [p.decimalen for p in punten if p is not None]
    if len(bekend) != len(punten) or None in bekend:
        return None
    return max(bekend)


def afstand_tekst(verschil: Decimal | None, eenheid: str, richting: str, decimalen: int | None = None) -> str:
    """The distance to the next target in words: 'nog 1,8 procentpunt omhoog' or 'al gehaald: 0,5 … erboven'.

    `decimalen`: the precision of the two figures it is the difference of, when known.
    """
    if verschil is None:
        return "–"
    if verschil == 0:
        return "al gehaald: precies gelijk"
    if eenheid in VERSCHIL_EENHEID:
        hoeveel = format_getal(abs(verschil), "", decimalen) + VERSCHIL_EENHEID[eenheid]
    else:
        hoeveel = format_getal(abs(verschil), eenheid, decimalen)
    omhoog_nodig = verschil > 0
    if richting == Richting.HOGER_IS_BETER:
        return f"nog {hoeveel} omhoog" if omhoog_nodig else f"al gehaald: {hoeveel} erboven"
    return f"al gehaald: {hoeveel} eronder" if omhoog_nodig else f"nog {hoeveel} omlaag"


def trend_tekst(realisaties: list[Punt], richting: str) -> str:
    """The last movement of the realisations, with an arrow and whether it is better in the indicator's direction."""
    if not realisaties:
        return "nog geen realisaties"
    if len(realisaties) == 1:
        return f"één meting ({realisaties[0].periode}), nog geen trend"
    vorige, laatste = realisaties[-2], realisaties[-1]
    if laatste.waarde == vorige.waarde:
        return f"→ gelijk gebleven sinds {vorige.periode}"
    gestegen = laatste.waarde > vorige.waarde
    beter = gestegen == (richting == Richting.HOGER_IS_BETER)
    pijl, werkwoord = ("↑", "gestegen") if gestegen else ("↓", "gedaald")
    return f"{pijl} {werkwoord} sinds {vorige.periode} ({'beter' if beter else 'slechter'})"


def reeks_tekst(realisaties: list[Punt], tekst: Callable[[Punt], str]) -> str:
    """The realisations in words, the text alternative of the sparkline: 'Realisaties: 2021 65%, 2022 73%'."""
    return "Realisaties: " + ", ".join(f"{p.periode} {tekst(p)}" for p in realisaties)


# A sparkline: small enough for a table cell, drawn on the server (no JavaScript; the same in the PDF).
BREEDTE, HOOGTE, MARGE = 72, 20, 3
INKT = palet.INKT


def _r(getal: float) -> str:
    return f"{getal:.1f}".removesuffix(".0")


def sparkline(waarden: list[Decimal], beschrijving: str) -> SafeString:
    """A tiny line of the values in order, `role="img"` with `beschrijving` as its text; empty below 2 values."""
    if len(waarden) < 2:
        return mark_safe("")  # noqa: S308 - nothing to draw
    laagste, hoogste = min(waarden), max(waarden)
    bereik = float(hoogste - laagste)
    stap = (BREEDTE - 2 * MARGE) / (len(waarden) - 1)
    punten = []
    for i, waarde in enumerate(waarden):
        hoogte = (float(waarde - laagste) / bereik) if bereik else 0.5
        punten.append((MARGE + i * stap, HOOGTE - MARGE - hoogte * (HOOGTE - 2 * MARGE)))
    lijn = " ".join(f"{_r(x)},{_r(y)}" for x, y in punten)
    stippen = "".join(
        f'<circle cx="{_r(x)}" cy="{_r(y)}" r="{2 if i == len(punten) - 1 else 1.3}" fill="{INKT}"/>'
        for i, (x, y) in enumerate(punten)
    )
    tekst = escape(beschrijving)
    # Only numbers and the escaped description go into this markup.
    return mark_safe(  # noqa: S308
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-sparkline" width="{BREEDTE}" height="{HOOGTE}" '
        f'viewBox="0 0 {BREEDTE} {HOOGTE}" role="img" aria-label="{tekst}" focusable="false">'
        f"<title>{tekst}</title>"
        f'<polyline points="{lijn}" fill="none" stroke="{INKT}" stroke-width="1.5"/>{stippen}</svg>'
    )
