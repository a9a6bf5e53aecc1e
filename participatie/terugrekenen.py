"""
Backward planning of a procurement track (§2.3.1: "teruggerekend vanaf het moment waarop de te sluiten
overeenkomsten in moeten gaan", with "bij iedere stap een verantwoorde termijn"). Pure Python: dataclasses in,
dataclasses out, no database; participatie/selectors/inkoop.py feeds it the steps of a track.

Definitions (the track page shows them in plain Dutch, see `UITLEG`):
- Backward, from the contract date D: the last step's uiterste_einde = D − its marge; each step's
  uiterste_start = uiterste_einde − duur; the previous step's uiterste_einde = the next step's uiterste_start −
  the previous step's marge. A finished step without a duur counts with its actual duration.
- Forward (what we expect): a finished step uses its actual dates; a started one ends at
  max(werkelijk_start + duur, vandaag) (it is not finished, so not before today); a step not started starts at
  max(gepland_start or its predecessor's verwacht_einde, predecessor's verwacht_einde, vandaag) and takes its duur.
  Margins are buffers, not work: they are not added going forward.
- speling (slack, in days) = uiterste_einde − verwacht_einde; te_laat when speling < 0; kritiek when the step is
  not finished and speling < its own marge (one more setback and it is late), which includes te_laat.
- planning_past_niet: a planned end after the uiterste_einde.
- The track: "onvolledig" when D or the duur of an unfinished step is missing (the result says which);
  otherwise "niet haalbaar" when the last step's verwacht_einde > D; "krap" when D is reachable but some step is
  te_laat (its margin is being used up); "op schema" otherwise. Nothing is guessed.

Dates are whole days; a step of duur n that starts on day s ends on day s + n, and the next step may start that
same day.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

OP_SCHEMA = "op schema"
KRAP = "krap"
NIET_HAALBAAR = "niet haalbaar"
ONVOLLEDIG = "onvolledig"

UITLEG = (
    "Uiterste data: vanaf de ingangsdatum terug. De laatste stap moet uiterlijk klaar zijn op de ingangsdatum "
    "min zijn veiligheidsmarge; een stap moet uiterlijk beginnen op zijn uiterste einde min zijn duur; de stap "
    "ervoor moet uiterlijk klaar zijn op die uiterste start min zijn eigen marge.",
    "Verwacht: een afgeronde stap telt met zijn werkelijke data. Een lopende stap eindigt op de werkelijke start "
    "plus de duur, maar niet vóór vandaag. Een stap die nog niet begonnen is, begint op de geplande start, maar "
    "niet vóór het verwachte einde van de stap ervoor en niet vóór vandaag, en duurt zijn duur. Marges zijn "
    "buffers en tellen vooruit niet mee.",
    "Speling: het aantal dagen tussen het verwachte einde en het uiterste einde. Negatief is te laat. Kritiek is "
    "een stap die nog niet af is en minder speling heeft dan zijn eigen marge: nog één tegenvaller en hij is te "
    "laat.",
    "Het traject is niet haalbaar als de laatste stap naar verwachting na de ingangsdatum klaar is, krap als de "
    "ingangsdatum haalbaar is maar een stap te laat is (de marges raken op), en onvolledig als de ingangsdatum "
    "of de duur van een stap die nog niet af is ontbreekt.",
)


@dataclass(frozen=True)
class Stap:
    """One step as input, in order."""

    naam: str
    duur_dagen: int | None = None
    marge_dagen: int = 0
    gepland_start: date | None = None
    gepland_einde: date | None = None
    werkelijk_start: date | None = None
    werkelijk_einde: date | None = None
    sleutel: object = None  # the caller's id (a pk), carried through untouched

    @property
    def afgerond(self) -> bool:
        return self.werkelijk_einde is not None

    @property
    def gestart(self) -> bool:
        return self.werkelijk_start is not None

    @property
    def rekenduur(self) -> int | None:
        """The duur, or for a finished step without one its actual duration."""
        if self.duur_dagen is not None:
            return self.duur_dagen
        if self.afgerond:
            return (self.werkelijk_einde - self.werkelijk_start).days
        return None


@dataclass(frozen=True)
class StapUitkomst:
    stap: Stap
    uiterste_start: date | None
    uiterste_einde: date | None
    verwacht_start: date | None
    verwacht_einde: date | None
    speling_dagen: int | None
    te_laat: bool
    kritiek: bool
    planning_past_niet: bool

    @property
    def toestand(self) -> str:
        if self.stap.afgerond:
            return "afgerond"
        return "loopt" if self.stap.gestart else "niet gestart"


@dataclass(frozen=True)
class Uitkomst:
    ingangsdatum: date | None
    stappen: list[StapUitkomst]
    status: str
    ontbreekt: list[str] = field(default_factory=list)

    @property
    def verwacht_gereed(self) -> date | None:
        return self.stappen[-1].verwacht_einde if self.stappen else None

    @property
    def te_late_stappen(self) -> list[StapUitkomst]:
        return [s for s in self.stappen if s.te_laat]

    @property
    def kritieke_stappen(self) -> list[StapUitkomst]:
        return [s for s in self.stappen if s.kritiek]


def terugrekenen(ingangsdatum: date | None, stappen: list[Stap], vandaag: date) -> Uitkomst:
    """The backward planning of a track: per step its latest and expected dates and slack, and the track's status."""
    uiterst = _uiterste_data(ingangsdatum, stappen)
    verwacht = _verwachte_data(stappen, vandaag)
    uitkomsten = []
    for stap, (u_start, u_einde), (v_start, v_einde) in zip(stappen, uiterst, verwacht, strict=True):
        speling = (u_einde - v_einde).days if u_einde and v_einde else None
        te_laat = speling is not None and speling < 0
        kritiek = te_laat or (not stap.afgerond and speling is not None and speling < stap.marge_dagen)
        uitkomsten.append(
            StapUitkomst(
                stap=stap,
                uiterste_start=u_start,
                uiterste_einde=u_einde,
                verwacht_start=v_start,
                verwacht_einde=v_einde,
                speling_dagen=speling,
                te_laat=te_laat,
                kritiek=kritiek,
                planning_past_niet=bool(stap.gepland_einde and u_einde and stap.gepland_einde > u_einde),
            )
        )
    ontbreekt = _ontbreekt(ingangsdatum, stappen)
    if ontbreekt:
        status = ONVOLLEDIG
    elif uitkomsten[-1].verwacht_einde > ingangsdatum:
        status = NIET_HAALBAAR
    elif any(u.te_laat for u in uitkomsten):
        status = KRAP
    else:
        status = OP_SCHEMA
    return Uitkomst(ingangsdatum=ingangsdatum, stappen=uitkomsten, status=status, ontbreekt=ontbreekt)


def _ontbreekt(ingangsdatum, stappen) -> list[str]:
    ontbreekt = []
    if ingangsdatum is None:
        ontbreekt.append("de ingangsdatum van de nieuwe overeenkomsten")
    if not stappen:
        ontbreekt.append("de stappen van het traject")
    ontbreekt += [f"de duur van stap “{s.naam}”" for s in stappen if s.rekenduur is None]
    return ontbreekt


def _uiterste_data(ingangsdatum, stappen) -> list[tuple[date | None, date | None]]:
    """Backward from D; stops (None) before a step whose duur is missing, since nothing earlier can be known."""
    uitkomst: list[tuple[date | None, date | None]] = [(None, None)] * len(stappen)
    grens = ingangsdatum  # the date the step must leave its margin before
    for index in range(len(stappen) - 1, -1, -1):
        stap = stappen[index]
        if grens is None:
            break
        einde = grens - timedelta(days=stap.marge_dagen)
        if stap.rekenduur is None:
            uitkomst[index] = (None, einde)
            break
        start = einde - timedelta(days=stap.rekenduur)
        uitkomst[index] = (start, einde)
        grens = start
    return uitkomst


def _verwachte_data(stappen, vandaag) -> list[tuple[date | None, date | None]]:
    """Forward from what happened: actual dates, then today, planned starts and durations."""
    uitkomst = []
    vorige_einde: date | None = None
    bekend = True  # False once a step's expected end is unknown: all later ones are unknown too
    for stap in stappen:
        if stap.afgerond:
            start, einde = stap.werkelijk_start, stap.werkelijk_einde
        elif not bekend or stap.duur_dagen is None:
            start, einde = stap.werkelijk_start, None
        elif stap.gestart:
            start = stap.werkelijk_start
            einde = max(start + timedelta(days=stap.duur_dagen), vandaag)
        else:
            kandidaten = [d for d in (stap.gepland_start, vorige_einde, vandaag) if d is not None]
            start = max(kandidaten)
            einde = start + timedelta(days=stap.duur_dagen)
        bekend = einde is not None
        vorige_einde = einde
        uitkomst.append((start, einde))
    return uitkomst
