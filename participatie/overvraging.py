"""
Overvraging (§4.1 stap III: "zodat we organisaties en partijen niet overvragen"): the rule, without the database.
How often one stakeholder is asked per calendar quarter (`Vraag`) against the threshold the manager sets
(Overvragingsdrempel, pk 1).

Per stakeholder per quarter participatie/selectors/overvraging.py counts
- the trajectories active in that quarter: start ≤ the quarter's last day (no start: active from the beginning)
  and einde empty or ≥ the quarter's first day;
- the meetings dated in that quarter that ask it.
It is overvraagd when trajectories > max_trajecten or meetings > max_bijeenkomsten: exactly at the threshold is
still fine. Without a threshold nothing is overvraagd (and the pages say the manager has not set one).

Pure Python, like participatie/terugrekenen.py: neither a service nor a selector.
"""

from dataclasses import dataclass, field
from datetime import date

from kern.notatie import aantal_met, kwartaal_begin, kwartaal_einde, kwartaal_van, periode_tekst
from participatie.models import Overvragingsdrempel


@dataclass(frozen=True)
class Kwartaal:
    """A calendar quarter: code "2026-Q4", its first and last day, and its Dutch name."""

    code: str

    @property
    def begin(self) -> date:
        return kwartaal_begin(self.code)

    @property
    def einde(self) -> date:
        return kwartaal_einde(self.code)

    @property
    def tekst(self) -> str:
        return periode_tekst(self.code)

    @classmethod
    def van(cls, dag: date) -> "Kwartaal":
        return cls(kwartaal_van(dag))

    def plus(self, aantal: int) -> "Kwartaal":
        """The quarter `aantal` quarters later (earlier when negative)."""
        jaar, nummer = int(self.code[:4]), int(self.code[-1])
        index = jaar * 4 + (nummer - 1) + aantal
        return Kwartaal(f"{index // 4}-Q{index % 4 + 1}")


@dataclass
class Vraag:
    """What one stakeholder is asked for in one quarter."""

    stakeholder_id: int
    naam: str
    trajecten: set[int] = field(default_factory=set)
    bijeenkomsten: set[int] = field(default_factory=set)
    # The activities whose trajectories or meetings ask it this quarter (they get the warning on their page).
    activiteiten: dict[int, str] = field(default_factory=dict)  # pk → name
    # Counted from trajectories or meetings the demo invented (kern/herkomst.py): the warning is marked.
    voorbeeld: bool = False

    @property
    def aantal_trajecten(self) -> int:
        return len(self.trajecten)

    @property
    def aantal_bijeenkomsten(self) -> int:
        return len(self.bijeenkomsten)


def is_overvraagd(vraag: Vraag, grens: Overvragingsdrempel | None) -> bool:
    """Above the threshold on trajectories or on meetings; never without a threshold."""
    if grens is None:
        return False
    return (
        vraag.aantal_trajecten > grens.max_trajecten or vraag.aantal_bijeenkomsten > grens.max_bijeenkomsten
    )


def omschrijving(kwartaal: Kwartaal, vraag: Vraag, grens: Overvragingsdrempel) -> str:
    """'Wijkkracht wordt in het 4e kwartaal 2026 gevraagd voor 5 bijeenkomsten (drempel 3)': only what is above."""
    delen = []
    if vraag.aantal_trajecten > grens.max_trajecten:
        delen.append(
            f"{aantal_met(vraag.aantal_trajecten, 'traject', 'trajecten')} (drempel {grens.max_trajecten})"
        )
    if vraag.aantal_bijeenkomsten > grens.max_bijeenkomsten:
        delen.append(
            f"{aantal_met(vraag.aantal_bijeenkomsten, 'bijeenkomst', 'bijeenkomsten')} "
            f"(drempel {grens.max_bijeenkomsten})"
        )
    return f"{vraag.naam} wordt in het {kwartaal.tekst} gevraagd voor {' en '.join(delen)}"
