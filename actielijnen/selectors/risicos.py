"""
The reads of risks: the kans × impact matrix (`risicomatrix`), the highest risks with their trend
(`top_risicos`), the log of changes (`risicowijzigingen`) and the whole register (`risicoregister`).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, OuterRef, Q, Subquery

from actielijnen.constants import RisicoWijzigingSoort
from actielijnen.models import Activiteit, Risico, RisicoWijziging


@dataclass
class Matrixcel:
    kans: int
    impact: int
    risicos: list[Risico] = field(default_factory=list)

    @property
    def score(self) -> int:
        return self.kans * self.impact


def risicomatrix(*, activiteiten: list[Activiteit]) -> list[list[Matrixcel]]:
    """Kans × impact of the active assessed risks of `activiteiten` and of the programme as a whole (the
    basisrisico's of §3): rows impact 5 → 1, columns kans 1 → 5 (one query).

    Each risk links to its page (`risico.get_absolute_url`) and says what it belongs to (`risico.betreft`:
    "Programma" or the activity); programme risks come first in a cell.
    """
    cellen = {(k, i): Matrixcel(k, i) for k in range(1, 6) for i in range(1, 6)}
    risicos = Risico.objects.actief().filter(
        Q(activiteit__in=[a.pk for a in activiteiten]) | Q(activiteit__isnull=True),
        kans__isnull=False,
        impact__isnull=False,
    )
    activiteit_per_pk = {a.pk: a for a in activiteiten}
    for risico in risicos.order_by(F("activiteit_id").asc(nulls_first=True), "code", "omschrijving"):
        if risico.activiteit_id is not None:
            risico.activiteit = activiteit_per_pk[risico.activiteit_id]
        cellen[(risico.kans, risico.impact)].risicos.append(risico)
    return [[cellen[(k, i)] for k in range(1, 6)] for i in range(5, 0, -1)]


@dataclass
class TopRisico:
    risico: Risico
    trend: str  # "groter", "kleiner", "gelijk", "nieuw"


def top_risicos(*, aantal: int = 5) -> list[TopRisico]:
    """The highest kans × impact among active risks, with the trend of their last logged change (one query)."""
    laatste_soort = RisicoWijziging.objects.filter(risico=OuterRef("pk")).order_by("-datum", "-pk")
    risicos = (
        Risico.objects.actief()
        .met_score()
        .filter(score_db__isnull=False)
        .select_related("activiteit", "activiteit__actielijn")
        .annotate(laatste_soort=Subquery(laatste_soort.values("soort")[:1]))
        .order_by("-score_db", "code", "omschrijving")[:aantal]
    )
    trend = {
        RisicoWijzigingSoort.GROTER: "groter",
        RisicoWijzigingSoort.KLEINER: "kleiner",
        RisicoWijzigingSoort.NIEUW: "nieuw",
    }
    return [TopRisico(r, trend.get(r.laatste_soort, "gelijk")) for r in risicos]


def risicowijzigingen(
    *, peildatum: date | None = None, sinds: date | None = None, aantal: int | None = 10
) -> list[RisicoWijziging]:
    """The latest logged changes in risks and measures, after `sinds` and up to `peildatum` (one query).

    The log is dated, so an edition holds exactly the changes since the previous edition, as the Jaarstukken
    2023 report them ("measures intensified", "risk grown smaller", "no longer tracked").
    """
    wijzigingen = RisicoWijziging.objects.select_related("risico", "risico__activiteit__actielijn")
    if peildatum is not None:
        wijzigingen = wijzigingen.filter(datum__lte=peildatum)
    if sinds is not None:
        wijzigingen = wijzigingen.filter(datum__gt=sinds)
    wijzigingen = wijzigingen.order_by("-datum", "-pk")
    return list(wijzigingen if aantal is None else wijzigingen[:aantal])


def risicoregister() -> list[Risico]:
    """Every active risk, programme-wide and per activity, highest kans × impact first (one query)."""
    return list(
        Risico.objects.actief()
        .met_score()
        .select_related("activiteit", "activiteit__actielijn")
        .order_by(F("score_db").desc(nulls_last=True), "code", "omschrijving")
    )
