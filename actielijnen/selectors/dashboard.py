"""
The manager's dashboard and the progress per actielijn for college, raad and inwoners: counts per stoplicht
(`StoplichtTelling`), the dashboard's rows, groups and summary (`dashboard`, `dashboard_telling`), the filters'
choices (`SIGNALEN`, `RAG_KEUZES`) and `voortgang_per_actielijn`.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from actielijnen import signalen
from actielijnen.constants import ActiviteitStatus, RagStatus
from actielijnen.models import Actielijn
from actielijnen.risicoregister import aantal_boven_drempel
from actielijnen.selectors.standen import Stand, standen
from kern.herkomst import een_voorbeeld

# --- Management -------------------------------------------------------------------------------------------


# What the dashboard's summary links filter on (?signaal=…): the rows behind each count.
SIGNALEN = [
    ("update-te-laat", "Update te laat"),
    ("mijlpaal-te-laat", "Mijlpaal te laat"),
    ("besluit-open", "Wacht op een besluit"),
]


def _heeft_signaal(stand: Stand, signaal: str, vandaag: date) -> bool:
    if signaal == "update-te-laat":
        return stand.update_status(vandaag) == "te laat"
    if signaal == "mijlpaal-te-laat":
        return stand.mijlpalen_te_laat > 0
    if signaal == "besluit-open":
        return stand.open_besluiten > 0
    return True


class StoplichtTelling:
    """Counts per stoplicht colour; the class says in `_tel` which rows count."""

    def _tel(self, stoplicht: str) -> int:
        raise NotImplementedError

    @property
    def groen(self) -> int:
        return self._tel("groen")

    @property
    def oranje(self) -> int:
        return self._tel("oranje")

    @property
    def rood(self) -> int:
        return self._tel("rood")

    @property
    def onbekend(self) -> int:
        return self._tel("onbekend")


def _stoplicht_telt(stand: Stand, stoplicht: str) -> bool:
    """Only agenda activities carry a stoplicht in the totals (the others do not run yet, README)."""
    return stand.op_agenda and stand.rag_woord == stoplicht


@dataclass
class Dashboardgroep(StoplichtTelling):
    """One actielijn's rows on the dashboard, with the counts its collapsible heading shows."""

    actielijn: Actielijn
    rijen: list[Stand]

    def _tel(self, stoplicht: str) -> int:
        return sum(1 for r in self.rijen if _stoplicht_telt(r, stoplicht))

    @property
    def niet_op_agenda(self) -> int:
        return sum(1 for r in self.rijen if not r.op_agenda)


@dataclass
class Dashboardtelling:
    """The dashboard's summary: what needs the manager now. Only activities on the agenda 2023 count as
    running, carry a stoplicht or are overdue; milestones and decisions count wherever they are."""

    op_agenda: int
    niet_op_agenda: int
    te_laat: int  # agenda activities whose update is overdue
    groen: int = 0
    oranje: int = 0
    rood: int = 0
    onbekend: int = 0
    mijlpalen_activiteiten: int = 0  # activities with an overdue milestone
    mijlpalen_te_laat: int = 0  # the overdue milestones themselves
    besluiten: int = 0  # open decisions programme-wide (the inbox's items)
    risicos_hoog: int = 0  # active risks, programme and activity, with kans × impact ≥ RISICO_DREMPEL (the
    # rows of the risk register's ?boven_drempel=1)
    voorbeeld: bool = False  # counted from activities whose stand the demo invented (kern/herkomst.py)


def dashboard_telling(rijen: list[Stand], *, vandaag: date, risicos_hoog: int = 0) -> Dashboardtelling:
    """Counts over the dashboard's rows (no queries); `risicos_hoog` from `aantal_boven_drempel`."""
    return Dashboardtelling(
        op_agenda=sum(1 for r in rijen if r.op_agenda),
        niet_op_agenda=sum(1 for r in rijen if not r.op_agenda),
        te_laat=sum(1 for r in rijen if _heeft_signaal(r, "update-te-laat", vandaag)),
        groen=sum(1 for r in rijen if _stoplicht_telt(r, "groen")),
        oranje=sum(1 for r in rijen if _stoplicht_telt(r, "oranje")),
        rood=sum(1 for r in rijen if _stoplicht_telt(r, "rood")),
        onbekend=sum(1 for r in rijen if _stoplicht_telt(r, "onbekend")),
        mijlpalen_activiteiten=sum(1 for r in rijen if r.mijlpalen_te_laat),
        mijlpalen_te_laat=sum(r.mijlpalen_te_laat for r in rijen),
        besluiten=sum(r.open_besluiten for r in rijen),
        risicos_hoog=risicos_hoog,
        voorbeeld=een_voorbeeld(rijen),
    )


@dataclass
class Dashboard:
    rijen: list[Stand]  # the rows the filters leave
    groepen: list[Dashboardgroep]  # the same rows per actielijn
    telling: Dashboardtelling  # over the whole programme, whatever the filters


def dashboard(*, filters: dict | None = None, vandaag: date | None = None) -> Dashboard:
    """Every activity with its stand, filtered by actielijn, thema, status, trekker, stoplicht or signaal, and
    the programme-wide summary (a fixed number of queries: the rows are read once and filtered here)."""
    filters = filters or {}
    vandaag = vandaag or timezone.localdate()
    alle = standen()
    # Decisions other apps own (participatie's steps I and II) count on their activity's row too.
    elders = signalen.open_besluiten_per_activiteit()
    for stand in alle:
        stand.open_besluiten += elders.get(stand.activiteit.pk, 0)
    rijen = alle
    if filters.get("actielijn"):
        rijen = [r for r in rijen if r.activiteit.actielijn_id == filters["actielijn"].pk]
    if filters.get("thema"):
        rijen = [r for r in rijen if filters["thema"] in r.activiteit.themas.all()]
    if filters.get("status"):
        rijen = [r for r in rijen if r.activiteit.status == filters["status"]]
    if filters.get("trekker"):
        rijen = [r for r in rijen if r.activiteit.trekker_id == filters["trekker"].pk]
    if filters.get("stoplicht"):
        rijen = [r for r in rijen if _stoplicht_telt(r, filters["stoplicht"])]
    if filters.get("signaal"):
        rijen = [r for r in rijen if _heeft_signaal(r, filters["signaal"], vandaag)]
    groepen: dict[int, Dashboardgroep] = {}
    for rij in rijen:
        lijn = rij.activiteit.actielijn
        groepen.setdefault(lijn.pk, Dashboardgroep(lijn, [])).rijen.append(rij)
    return Dashboard(
        rijen=rijen,
        groepen=list(groepen.values()),
        telling=dashboard_telling(alle, vandaag=vandaag, risicos_hoog=aantal_boven_drempel()),
    )


# The RAG words the filters offer, including "onbekend" (no update yet).
RAG_KEUZES = [*RagStatus.choices, ("onbekend", "Onbekend: nog geen update")]


# --- College, raad, inwoners ------------------------------------------------------------------------------


@dataclass
class ActielijnVoortgang(StoplichtTelling):
    """How far an actielijn is: counted from the same Stand rows as the dashboard.

    `standen` are the activities on the agenda 2023, the only ones counted (running, RAG, without update);
    `niet_op_agenda` the others of §2.1, shown beside the totals but never counted in them.
    """

    actielijn: Actielijn
    standen: list[Stand]
    niet_op_agenda: list[Stand] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.standen)

    @property
    def aantal_niet_op_agenda(self) -> int:
        return len(self.niet_op_agenda)

    @property
    def voorbeeld(self) -> bool:
        """The counts are a voorbeeld when any activity counted in them holds demo content."""
        return een_voorbeeld(self.standen + self.niet_op_agenda)

    def _tel(self, rag: str) -> int:
        return sum(1 for s in self.standen if s.rag_woord == rag)

    @property
    def gestart(self) -> int:
        return sum(1 for s in self.standen if s.gestart)

    @property
    def afgerond(self) -> int:
        return sum(1 for s in self.standen if s.status == ActiviteitStatus.AFGEROND)

    @property
    def gemiddeld_gereed(self) -> float | None:
        """Average % gereed of the activities with an update; None when none has one."""
        waarden = [s.percentage for s in self.standen if s.percentage is not None]
        return sum(waarden) / len(waarden) if waarden else None


def voortgang_per_actielijn(
    *, peildatum: date | None = None
) -> tuple[list[ActielijnVoortgang], ActielijnVoortgang]:
    """Per actielijn and for the programme as a whole (3 queries). Only activities on the agenda 2023 count;
    the others are listed apart in `niet_op_agenda`."""
    rijen = standen(peildatum=peildatum)
    actielijnen = list(Actielijn.objects.select_related("modellaag"))
    per_lijn = {lijn.pk: ActielijnVoortgang(lijn, []) for lijn in actielijnen}
    for stand in rijen:
        lijn = per_lijn[stand.activiteit.actielijn_id]
        (lijn.standen if stand.op_agenda else lijn.niet_op_agenda).append(stand)
    totaal = ActielijnVoortgang(
        Actielijn(nummer=0, naam="Programma als geheel"),
        [s for s in rijen if s.op_agenda],
        [s for s in rijen if not s.op_agenda],
    )
    return list(per_lijn.values()), totaal
