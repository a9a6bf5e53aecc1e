"""
The reads of one activity and of the trekker's work: the start page (`mijn_activiteiten`), an activity's page
(`activiteit_detail`) and its history (`activiteit_geschiedenis`), milestones by peildatum (`mijlpalen_op`), and
when updates are due (`update_verwachtingen`, `laatste_update`).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from django.core.paginator import Paginator
from django.db.models import Max, Model, Q, QuerySet
from django.utils import timezone

from actielijnen.constants import ActiviteitStatus, OpdrachtbeschrijvingStatus, PlanningswijzigingStatus
from actielijnen.models import (
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
from actielijnen.selectors.standen import Stand, activiteiten_met_stand, stand_van, standen
from kern.geschiedenis import geschiedenis

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
    return laatste_update_met_herkomst()[0]


def laatste_update_met_herkomst() -> tuple[datetime | None, bool]:
    """When the last progress update was written, and whether the demo invented it (one query)."""
    laatste = (
        Voortgangsrapportage.objects.order_by("-aangemaakt_op", "-pk")
        .values_list("aangemaakt_op", "voorbeeld")
        .first()
    )
    return laatste if laatste is not None else (None, False)


# --- Geschiedenis ------------------------------------------------------------------------------------------

# Fields only the programme organisation reads (actielijnen.permissions.mag_interne_gegevens_zien): left out of
# the history for everyone else, as they are left out of the pages.
INTERNE_VELDEN: dict[type[Model], Collection[str]] = {
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
