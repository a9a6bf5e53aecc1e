"""
The risk register's reads: every risk of the programme (the ten basisrisico's of §3 and the risks of the
activities), filtered and sorted, and one risk with its log of changes.

A fixed number of queries whatever the number of risks or log entries: the last change is a subquery, names
come in with select_related, and the history is one page of kern.geschiedenis.
"""

from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import F, OuterRef, QuerySet, Subquery

from actielijnen.constants import RisicoStatus
from actielijnen.models import Risico, RisicoWijziging
from actielijnen.models.risico import RISICO_DREMPEL
from actielijnen.permissions import mag_interne_gegevens_zien
from kern.geschiedenis import geschiedenis

SOORT_PROGRAMMA = "programma"
SOORT_ACTIVITEIT = "activiteit"
SORTERING_SCORE = "score"
SORTERING_CODE = "code"
# RISICO_DREMPEL (score ≥ 15, "hoog"; actielijnen/models/risico.py) is what `?boven_drempel=1` and the dashboard's
# count of "risico's boven de drempel" (aantal_boven_drempel) mean.


def _boven_drempel(risicos: QuerySet) -> QuerySet:
    # Only active risks count: one no longer tracked needs nobody's attention, whatever its last score.
    return risicos.filter(status=RisicoStatus.ACTIEF, score_db__gte=RISICO_DREMPEL)


def aantal_boven_drempel() -> int:
    """How many active risks score kans × impact ≥ RISICO_DREMPEL: the rows of `?boven_drempel=1` (one query)."""
    return _boven_drempel(Risico.objects.met_score()).count()


def register(
    *, soort: str = "", status: str = "", boven_drempel: bool = False, sortering: str = SORTERING_SCORE
) -> list[Risico]:
    """Every risk, programme and activity, for the register page (one query).

    `soort` "programma" (no activity) or "activiteit"; `status` a RisicoStatus value; `boven_drempel` the active
    risks with score ≥ RISICO_DREMPEL; `sortering` "score" (highest first, unassessed last) or "code" (programme
    risks by code, then per activity). Each risk carries `score_db` and `laatst_gewijzigd` (its newest history
    record).
    """
    laatste = Risico.history.filter(id=OuterRef("pk")).order_by("-history_date").values("history_date")[:1]
    risicos = (
        Risico.objects.met_score()
        .select_related("activiteit", "activiteit__actielijn", "eigenaar")
        .annotate(laatst_gewijzigd=Subquery(laatste))
    )
    if soort == SOORT_PROGRAMMA:
        risicos = risicos.filter(activiteit__isnull=True)
    elif soort == SOORT_ACTIVITEIT:
        risicos = risicos.filter(activiteit__isnull=False)
    if status:
        risicos = risicos.filter(status=status)
    if boven_drempel:
        risicos = _boven_drempel(risicos)
    if sortering == SORTERING_CODE:
        volgorde = [
            F("activiteit__actielijn__nummer").asc(nulls_first=True),
            F("activiteit__volgorde").asc(nulls_first=True),
            "code",
            "omschrijving",
        ]
    else:
        volgorde = [F("score_db").desc(nulls_last=True), "code", "omschrijving"]
    return list(risicos.order_by(*volgorde, "pk"))


@dataclass
class RisicoMetLog:
    """One risk, its logged changes (the risk log, newest first) and one page of its field history."""

    risico: Risico
    log: list[RisicoWijziging]
    historie: Page


def risico_met_log(*, pk: int, user, pagina=1, per_pagina: int = 25) -> RisicoMetLog:
    """The risk `pk` with its log and history (raises Risico.DoesNotExist); a fixed number of queries."""
    risico = Risico.objects.select_related(
        "activiteit", "activiteit__actielijn", "eigenaar", "basisrisico"
    ).get(pk=pk)
    log = list(risico.wijzigingen.select_related("auteur").order_by("-datum", "-pk"))
    # Who may open the register is the programme organisation; the check keeps the history's own rule.
    intern = mag_interne_gegevens_zien(user)
    historie = geschiedenis(
        [Risico.history.filter(id=pk), RisicoWijziging.history.filter(risico_id=pk)],
        pagina=pagina,
        per_pagina=per_pagina,
        verborgen_velden={}
        if intern
        else {Risico: {"toelichting", "eigenaar"}, RisicoWijziging: {"toelichting", "auteur"}},
        namen_tonen=intern,
    )
    return RisicoMetLog(risico=risico, log=log, historie=historie)


def afgeleide_risicos(risico: Risico) -> list[Risico]:
    """The activity risks that refer to this basisrisico (one query)."""
    return list(
        risico.afgeleide_risicos.select_related("activiteit").order_by("activiteit__code", "omschrijving")
    )
