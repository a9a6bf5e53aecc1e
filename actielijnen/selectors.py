"""
The reads that the level views, reminders and exports need. Every selector runs a fixed number of queries,
whatever the number of activities, updates or milestones: "latest value" and counts are subqueries.

All levels read the same rows (`activiteiten_met_stand`), so an update shows with the same numbers on the
activity, its actielijn and the programme totals (horizontal and vertical flow, §5.3).
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from actielijnen import signalen
from actielijnen.constants import (
    ActiviteitStatus,
    Fase,
    OpdrachtbeschrijvingStatus,
    PlanningswijzigingStatus,
    RagStatus,
    RisicoWijzigingSoort,
)
from actielijnen.models import (
    Actielijn,
    Activiteit,
    BesparingEnInvestering,
    Jaarsamenvatting,
    Mijlpaal,
    Opdrachtbeschrijving,
    Planningswijziging,
    PlanningswijzigingAkkoord,
    Risico,
    RisicoWijziging,
    Voortgangsrapportage,
)
from actielijnen.permissions import activiteiten_betrokken, akkoord_rollen, mag_interne_gegevens_zien
from actielijnen.risicoregister import aantal_boven_drempel
from kern.geschiedenis import geschiedenis

# An update is "binnenkort" due within this many days.
BINNENKORT_DAGEN = 7
# What an activity off the uitvoeringsagenda 2023 shows instead of a RAG status or a due date (§3: only the 25
# agenda activities start in 2023).
NIET_OP_AGENDA = "niet op de agenda 2023"
# What an agenda activity shows when neither a planned start nor an update gives its rhythm a start.
GEEN_START = "geen geplande start"
GESTART = (ActiviteitStatus.LOPEND, ActiviteitStatus.GEPAUZEERD, ActiviteitStatus.AFGEROND)


def _aantal(queryset) -> Subquery:
    """A correlated COUNT(*) subquery (no join, so counts never multiply each other)."""
    return Coalesce(
        Subquery(
            queryset.order_by().values("activiteit").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def activiteiten_met_stand(
    *, peildatum: date | None = None, queryset: QuerySet | None = None
) -> QuerySet[Activiteit]:
    """Activities with their latest update as of `peildatum` (today when None), overdue milestones and open
    decisions, as annotations (one query, plus one for the themes)."""
    vandaag = peildatum or timezone.localdate()
    laatste = Voortgangsrapportage.objects.filter(activiteit=OuterRef("pk"), datum__lte=vandaag).order_by(
        "-datum", "-pk"
    )
    # Updates that asked for a decision the opdrachtgever had not taken by `vandaag` (actielijnen.Besluit).
    wacht_op_besluit = Voortgangsrapportage.objects.filter(
        activiteit=OuterRef("pk"), datum__lte=vandaag, besluit_nodig=True
    ).filter(Q(besluit__isnull=True) | Q(besluit__datum__gt=vandaag))
    queryset = queryset if queryset is not None else Activiteit.objects.all()
    return (
        queryset.select_related("actielijn", "trekker", "opdrachtgever", "opdrachtbeschrijving")
        .prefetch_related("themas")
        .annotate(
            laatste_datum=Subquery(laatste.values("datum")[:1]),
            laatste_rag=Subquery(laatste.values("rag")[:1]),
            laatste_percentage=Subquery(laatste.values("percentage_gereed")[:1]),
            laatste_fase=Subquery(laatste.values("fase")[:1]),
            laatste_status=Subquery(laatste.values("status")[:1]),
            open_updatebesluiten=_aantal(wacht_op_besluit),
            open_besluit_tekst=Subquery(
                wacht_op_besluit.order_by("-datum", "-pk").values("besluit_omschrijving")[:1]
            ),
            mijlpalen_te_laat=_aantal(
                Mijlpaal.objects.filter(
                    activiteit=OuterRef("pk"), datum_bereikt__isnull=True, datum_gepland__lt=vandaag
                )
            ),
            open_planningswijzigingen=_aantal(
                Planningswijziging.objects.filter(
                    activiteit=OuterRef("pk"), status=PlanningswijzigingStatus.INGEDIEND
                )
            ),
        )
    )


@dataclass
class Stand:
    """One activity as every level sees it (derived from `activiteiten_met_stand`, no queries)."""

    activiteit: Activiteit
    rag: str  # "" = onbekend
    percentage: int | None
    fase: str
    status: str
    laatste_update: date | None
    vervaldatum: date | None  # None: no update expected (off the agenda, or no start yet)
    dagen_sinds_update: int | None
    mijlpalen_te_laat: int
    open_besluiten: int
    besluit: str

    @property
    def op_agenda(self) -> bool:
        """On the uitvoeringsagenda 2023: only these run and count in totals."""
        return self.activiteit.op_agenda_2023

    @property
    def rag_label(self) -> str:
        if self.rag:
            return RagStatus(self.rag).label
        return "Niet op de agenda 2023" if not self.op_agenda else "Onbekend: nog geen update"

    @property
    def rag_woord(self) -> str:
        return self.rag or "onbekend"

    @property
    def status_label(self) -> str:
        return ActiviteitStatus(self.status).label

    @property
    def fase_label(self) -> str:
        """The phase as the forms name it ("Borging en evaluatie"), never the stored code."""
        return Fase(self.fase).label if self.fase in Fase.values else self.fase

    @property
    def gestart(self) -> bool:
        return self.status in GESTART

    def update_status(self, vandaag: date) -> str:
        """'te laat', 'binnenkort' or 'op tijd' for the next update; 'niet op de agenda 2023' or 'geen geplande
        start' when no update is expected."""
        if not self.op_agenda:
            return NIET_OP_AGENDA
        if self.vervaldatum is None:
            return GEEN_START
        if self.vervaldatum < vandaag:
            return "te laat"
        if (self.vervaldatum - vandaag).days <= BINNENKORT_DAGEN:
            return "binnenkort"
        return "op tijd"


def stand_van(activiteit: Activiteit, *, vandaag: date, actueel: bool = True) -> Stand:
    """The Stand of an annotated activity. `actueel`: today's picture may fall back on the activity's own
    fields (set in the admin); a past peildatum uses only updates up to that date."""
    rag = activiteit.laatste_rag or (activiteit.rag if actueel else "")
    status = activiteit.laatste_status or activiteit.status
    opdracht = getattr(activiteit, "opdrachtbeschrijving", None)
    open_besluiten = (
        activiteit.open_planningswijzigingen
        + activiteit.open_updatebesluiten
        + (1 if opdracht and opdracht.status == OpdrachtbeschrijvingStatus.TER_GOEDKEURING else 0)
    )
    return Stand(
        activiteit=activiteit,
        rag=rag,
        percentage=activiteit.laatste_percentage,
        fase=activiteit.laatste_fase or (activiteit.fase if actueel else ""),
        status=status,
        laatste_update=activiteit.laatste_datum,
        vervaldatum=activiteit.volgende_update_op(activiteit.laatste_datum),
        dagen_sinds_update=(vandaag - activiteit.laatste_datum).days if activiteit.laatste_datum else None,
        mijlpalen_te_laat=activiteit.mijlpalen_te_laat,
        open_besluiten=open_besluiten,
        besluit=activiteit.open_besluit_tekst or "",
    )


def standen(*, peildatum: date | None = None, queryset: QuerySet | None = None) -> list[Stand]:
    vandaag = peildatum or timezone.localdate()
    return [
        stand_van(a, vandaag=vandaag, actueel=peildatum is None)
        for a in activiteiten_met_stand(peildatum=peildatum, queryset=queryset)
    ]


# --- Uitvoering -------------------------------------------------------------------------------------------


@dataclass
class MijnActiviteiten:
    als_trekker: list[Stand]
    overig: list[Stand]  # activities where the user is opdrachtgever, opdrachtnemer or opgavecoördinator
    te_beslissen: list[Planningswijziging]
    ter_goedkeuring: list  # Opdrachtbeschrijvingen waiting for this opdrachtgever


def mijn_activiteiten(user) -> MijnActiviteiten:
    """The trekker's start page: their activities with what is due, and the decisions waiting for them."""
    rijen = standen(queryset=activiteiten_betrokken(Activiteit.objects.all(), user))
    open_wijzigingen = (
        Planningswijziging.objects.filter(status=PlanningswijzigingStatus.INGEDIEND)
        .filter(
            Q(activiteit__opdrachtgever=user)
            | Q(activiteit__opdrachtnemer=user)
            | Q(activiteit__opgavecoordinator=user)
        )
        .select_related("activiteit", "aangevraagd_door")
        .prefetch_related("akkoorden")
    )
    te_beslissen = []
    for wijziging in open_wijzigingen:
        gegeven = {a.rol for a in wijziging.akkoorden.all()}
        wijziging.mijn_rollen = [r for r in akkoord_rollen(user, wijziging.activiteit) if r not in gegeven]
        if wijziging.mijn_rollen:
            te_beslissen.append(wijziging)
    return MijnActiviteiten(
        als_trekker=[s for s in rijen if s.activiteit.trekker_id == user.pk],
        overig=[s for s in rijen if s.activiteit.trekker_id != user.pk],
        te_beslissen=te_beslissen,
        ter_goedkeuring=[
            s.activiteit.opdrachtbeschrijving
            for s in rijen
            if s.activiteit.opdrachtgever_id == user.pk
            and getattr(s.activiteit, "opdrachtbeschrijving", None)
            and s.activiteit.opdrachtbeschrijving.status == OpdrachtbeschrijvingStatus.TER_GOEDKEURING
        ],
    )


def activiteit_detail(
    *, sleutel: str, queryset: QuerySet, pagina: str | int | None = 1, per_pagina: int = 10
) -> tuple[Activiteit, Stand]:
    """One activity with everything its page shows (a fixed number of queries).

    An activity gathers an update a month for years: `activiteit.rapportages` is one page of them (a Django
    `Page`, newest first, `per_pagina` at a time), so the page stays the same size however many there are.
    """
    activiteit = (
        activiteiten_met_stand(queryset=queryset)
        .select_related("opdrachtnemer", "opgavecoordinator", "actielijn__modellaag")
        .prefetch_related(
            "mijlpalen",
            "afhankelijk_van",
            "voorwaarde_voor",
            "jaarsamenvattingen",
            "opdrachtbeschrijving__jaarbedragen",
            # The indicators this activity should move: monitoring's link read backwards by name (a lower floor
            # never imports a higher one).
            "indicatoren__doel",
        )
        .get(sleutel=sleutel)
    )
    activiteit.rapportages = Paginator(
        activiteit.voortgangsrapportages.select_related("auteur", "besluit__genomen_door").order_by(
            "-datum", "-pk"
        ),
        per_pagina,
    ).get_page(pagina)
    activiteit.risico_lijst = list(
        activiteit.risicos.select_related("basisrisico").prefetch_related("wijzigingen").met_score()
    )
    activiteit.planning_lijst = list(
        activiteit.planningswijzigingen.select_related("aangevraagd_door").prefetch_related(
            "akkoorden__gebruiker"
        )
    )
    return activiteit, stand_van(activiteit, vandaag=timezone.localdate())


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


def mijlpalen_op(peildatum: date) -> list[Mijlpaal]:
    """Milestones reached by `peildatum`, and those due before it but not reached by then (one query)."""
    return list(
        Mijlpaal.objects.filter(datum_gepland__lte=peildatum)
        .select_related("activiteit", "activiteit__actielijn")
        .order_by("activiteit__actielijn__nummer", "activiteit__volgorde", "datum_gepland", "pk")
    )


# --- Reminders and freshness -------------------------------------------------------------------------------


@dataclass
class UpdateVerwachting:
    activiteit: Activiteit
    laatste_update: date | None
    vervaldatum: date


def update_verwachtingen(*, vandaag: date | None = None) -> list[UpdateVerwachting]:
    """When each running activity's next update is due (one query). Only activities on the agenda 2023 run;
    finished activities need no updates, and one without a start (no planned start, no update) none yet."""
    activiteiten = (
        Activiteit.objects.op_agenda()
        .exclude(status=ActiviteitStatus.AFGEROND)
        .filter(trekker__isnull=False)
        .select_related("trekker")
        .annotate(laatste=Max("voortgangsrapportages__datum"))
    )
    verwachtingen = [UpdateVerwachting(a, a.laatste, a.volgende_update_op(a.laatste)) for a in activiteiten]
    return [v for v in verwachtingen if v.vervaldatum is not None]


def laatste_update() -> datetime | None:
    """When the last progress update was written, for the freshness footer (one query)."""
    return Voortgangsrapportage.objects.aggregate(m=Max("aangemaakt_op"))["m"]


# The RAG words the filters offer, including "onbekend" (no update yet).
RAG_KEUZES = [*RagStatus.choices, ("onbekend", "Onbekend: nog geen update")]


# --- Geschiedenis ------------------------------------------------------------------------------------------

# Fields only the programme organisation reads (actielijnen.permissions.mag_interne_gegevens_zien): left out of
# the history for everyone else, as they are left out of the pages.
INTERNE_VELDEN = {
    Voortgangsrapportage: {
        "auteur",
        "toelichting",
        "knelpunten",
        "besluit_omschrijving",
        "verhalen",
    },
    Activiteit: {"trekker", "opdrachtgever", "opdrachtnemer", "opgavecoordinator"},
    Risico: {"toelichting", "eigenaar"},
    RisicoWijziging: {"toelichting", "auteur"},
}


def activiteit_geschiedenis(*, activiteit: Activiteit, user, pagina=1, per_pagina: int = 25):
    """The history of an activity and everything that belongs to it, newest first, one page at a time.

    Covers the activity itself, its milestones, risks (and their log), opdrachtbeschrijving (and its yearly
    amounts), progress updates, planning changes (and the decisions on them) and yearly summaries, also the
    ones since deleted: the related histories are found through the history tables, not the live rows.
    """
    pk = activiteit.pk
    risicos = Risico.history.filter(activiteit_id=pk).values("id")
    opdrachten = Opdrachtbeschrijving.history.filter(activiteit_id=pk).values("id")
    planningen = Planningswijziging.history.filter(activiteit_id=pk).values("id")
    intern = mag_interne_gegevens_zien(user)
    return geschiedenis(
        [
            Activiteit.history.filter(id=pk),
            Mijlpaal.history.filter(activiteit_id=pk),
            Risico.history.filter(activiteit_id=pk),
            RisicoWijziging.history.filter(risico_id__in=risicos),
            Opdrachtbeschrijving.history.filter(activiteit_id=pk),
            BesparingEnInvestering.history.filter(opdrachtbeschrijving_id__in=opdrachten),
            Voortgangsrapportage.history.filter(activiteit_id=pk),
            Planningswijziging.history.filter(activiteit_id=pk),
            PlanningswijzigingAkkoord.history.filter(planningswijziging_id__in=planningen),
            Jaarsamenvatting.history.filter(activiteit_id=pk),
        ],
        pagina=pagina,
        per_pagina=per_pagina,
        verborgen_velden={} if intern else INTERNE_VELDEN,
        namen_tonen=intern,
    )
