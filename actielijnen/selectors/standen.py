"""
The stand of each activity as every level reads it: the one annotated queryset (`activiteiten_met_stand`), the
`Stand` derived from it and the list of them (`standen`). The lowest module of the package: the others build on it.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from actielijnen.constants import (
    ActiviteitStatus,
    Fase,
    OpdrachtbeschrijvingStatus,
    PlanningswijzigingStatus,
    RagStatus,
)
from actielijnen.models import Activiteit, Mijlpaal, Planningswijziging, Voortgangsrapportage

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
    def voorbeeld(self) -> bool:
        """Whether the demo invented this activity's stoplight, percentage or planning (kern/herkomst.py)."""
        return self.activiteit.voorbeeld

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
