"""Participatie: wat deden we met de inbreng? The contributions processed by the peildatum (issue 16), counts per
verwerking first. Never a person's name: the snapshot has none. Editions stored before issue 16 have none."""

from dataclasses import dataclass, field

from kern.herkomst import is_voorbeeld
from participatie.selectors.inbreng import editie_inbreng, tellingen
from rapportage.weergave.tekst import datum_tekst


@dataclass(frozen=True)
class Inbrengrij:
    kop: str  # 'Traject (activiteit)'
    ingebracht_door: str  # 'Wijkraad, 5 januari 2024'
    inbreng: str
    verwerking: str
    reactie: str
    gegevens: dict = field(repr=False)

    @property
    def voorbeeld(self) -> bool:
        """Whether the demo invented what this row shows (kern/herkomst.py; frozen in the snapshot)."""
        return is_voorbeeld(self.gegevens)


@dataclass(frozen=True)
class Participatieweergave:
    peildatum: str
    tellingen: list[dict]  # per verwerking: label, aantal (participatie.selectors.inbreng.tellingen)
    rijen: list[Inbrengrij]


def _inbrengrij(rij: dict) -> Inbrengrij:
    activiteit = rij.get("activiteit")
    return Inbrengrij(
        kop=f"{rij.get('traject', '')} ({activiteit})" if activiteit else rij.get("traject", ""),
        ingebracht_door=f"{rij.get('stakeholder', '')}, {datum_tekst(rij.get('datum'))}",
        inbreng=rij.get("inbreng", ""),
        verwerking=rij.get("verwerking_label", ""),
        reactie=rij.get("reactie", ""),
        gegevens=rij,
    )


def participatie(inhoud: dict) -> Participatieweergave:
    rijen = editie_inbreng(inhoud)
    return Participatieweergave(
        peildatum=datum_tekst(inhoud.get("peildatum")),
        tellingen=tellingen(rijen) if rijen else [],
        rijen=[_inbrengrij(r) for r in rijen],
    )
