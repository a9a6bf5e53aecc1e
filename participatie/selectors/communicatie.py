"""
Communicatie (§4.2): what the pages read. The communication actions on the four lines (per activity and
overarching), what they cost against the plan's budget, the newsletter norm ("Minimaal vier keer per jaar") and
the plan's communication agreements (budgets and norms, which the edition also shows). `signalen` puts the
newsletter warning on the management dashboard (actielijnen/signalen.py). The writes are
participatie/services/communicatie.py.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.urls import reverse

from actielijnen.models import Activiteit
from actielijnen.signalen import Signaal
from kern.notatie import aantal_met, format_getal, kwartaal_begin, kwartaal_einde, kwartaal_van, periode_tekst
from participatie.constants import NIEUWSBRIEF_NORM, NIEUWSBRIEF_VANAF, OVERKOEPELEND
from participatie.models import (
    Communicatieactie,
    Communicatiebudget,
    Communicatielijn,
    Communicatiemiddel,
    Communicatienorm,
)


def bedrag(waarde) -> str:
    """Euros the Dutch way: € 1.250,50, or € 100.000 for a whole amount."""
    waarde = Decimal(waarde)
    return format_getal(waarde, "bedrag", 0 if waarde == waarde.to_integral() else 2)


def acties(*, lijn: str = "", activiteit: str = "") -> QuerySet[Communicatieactie]:
    """The actions for the page, in line order then by planned date; `lijn` a line's sleutel, `activiteit` an
    activity's sleutel or OVERKOEPELEND (only the actions without activity)."""
    qs = Communicatieactie.objects.select_related(
        "communicatielijn", "activiteit__actielijn", "eigenaar", "budget"
    ).order_by("communicatielijn__volgorde", "gepland_op", "naam", "pk")
    if lijn:
        qs = qs.filter(communicatielijn__sleutel=lijn)
    if activiteit == OVERKOEPELEND:
        qs = qs.filter(activiteit__isnull=True)
    elif activiteit:
        qs = qs.filter(activiteit__sleutel=activiteit)
    return qs


def activiteiten_met_acties() -> list[Activiteit]:
    """The activities that have communication actions, for the page's filter."""
    return list(Activiteit.objects.filter(communicatieacties__isnull=False).distinct().order_by("sleutel"))


def lijnen_met_aantallen(vandaag: date) -> list[Communicatielijn]:
    """The four lines, each with `aantal` actions, `uitgevoerd` and `te_laat` (planned before today, not done)."""
    return list(
        Communicatielijn.objects.annotate(
            aantal=Count("acties"),
            uitgevoerd=Count("acties", filter=Q(acties__uitgevoerd_op__isnull=False)),
            te_laat=Count(
                "acties", filter=Q(acties__uitgevoerd_op__isnull=True, acties__gepland_op__lt=vandaag)
            ),
            # Counted from actions the demo invented (kern/herkomst.py): the page marks the line.
            voorbeeld=Exists(
                Communicatieactie.objects.filter(communicatielijn=OuterRef("pk"), voorbeeld=True)
            ),
        ).order_by("volgorde")
    )


@dataclass(frozen=True)
class Budgetstand:
    """What is booked on one of the plan's communication budgets, against its range."""

    budget: Communicatiebudget
    besteed: Decimal
    aantal_acties: int
    voorbeeld: bool = False  # booked by actions the demo invented (kern/herkomst.py)

    @property
    def budgettekst(self) -> str:
        """ "€ 100.000 tot en met € 120.000", or the one amount the plan names."""
        if self.is_bandbreedte:
            return f"{bedrag(self.budget.bedrag_van)} tot en met {bedrag(self.budget.bedrag_tot)}"
        return bedrag(self.budget.bedrag_tot)

    @property
    def besteed_tekst(self) -> str:
        return bedrag(self.besteed)

    @property
    def is_bandbreedte(self) -> bool:
        return self.budget.bedrag_van != self.budget.bedrag_tot

    @property
    def oordeel(self) -> str:
        """ "binnen de bandbreedte", "boven de bovengrens (€ 120.000)" or what remains to the bounds."""
        van, tot = self.budget.bedrag_van, self.budget.bedrag_tot
        if self.besteed > tot:
            grens = "bovengrens" if self.is_bandbreedte else "het budget"
            return f"boven de {grens} ({bedrag(tot)}): {bedrag(self.besteed - tot)} meer besteed"
        if not self.is_bandbreedte:
            return f"binnen het budget: nog {bedrag(tot - self.besteed)} over"
        if self.besteed >= van:
            return (
                f"binnen de bandbreedte: nog {bedrag(tot - self.besteed)} tot de bovengrens ({bedrag(tot)})"
            )
        return (
            f"onder de ondergrens: nog {bedrag(van - self.besteed)} tot de ondergrens ({bedrag(van)}) "
            f"en {bedrag(tot - self.besteed)} tot de bovengrens ({bedrag(tot)})"
        )

    @property
    def is_overschreden(self) -> bool:
        return self.besteed > self.budget.bedrag_tot


def budgetstanden() -> list[Budgetstand]:
    """Each budget of the plan with the sum of `kosten` of the actions booked on it (3 queries)."""
    budgetten = Communicatiebudget.objects.annotate(
        besteed=Sum("acties__kosten"),
        aantal=Count("acties"),
        voorbeeld=Exists(Communicatieactie.objects.filter(budget=OuterRef("pk"), voorbeeld=True)),
    ).prefetch_related("communicatielijnen", "datakwaliteit")
    return [
        Budgetstand(
            budget=b, besteed=b.besteed or Decimal("0"), aantal_acties=b.aantal, voorbeeld=b.voorbeeld
        )
        for b in budgetten
    ]


def besteed_zonder_budget() -> Decimal:
    """What actions cost that are booked on no budget (their own activity's money)."""
    return zonder_budget()[0]


def zonder_budget() -> tuple[Decimal, bool]:
    """What actions booked on no budget cost, and whether the demo invented any of them (one query)."""
    uitkomst = Communicatieactie.objects.filter(budget__isnull=True).aggregate(
        som=Sum("kosten"), demo=Count("pk", filter=Q(voorbeeld=True, kosten__isnull=False))
    )
    return uitkomst["som"] or Decimal("0"), bool(uitkomst["demo"])


@dataclass(frozen=True)
class Nieuwsbriefcontrole:
    """The newsletter norm checked over the completed quarters and years since NIEUWSBRIEF_VANAF."""

    norm: Communicatienorm | None
    kwartalen_zonder: list[str]  # "2024-Q3", oldest first
    jaren_onder_norm: list[tuple[int, int]]  # (year, newsletters sent), for completed years
    per_jaar: dict[int, int]
    laatst_afgesloten: str | None  # the last completed quarter checked
    voorbeeld: bool = False  # counted from newsletters the demo invented (kern/herkomst.py)
    lopend_jaar: int | None = None  # the year that has not ended: its count so far is in `per_jaar`

    def __bool__(self) -> bool:
        """True when the norm was not met: the norm is per year ("minimaal vier keer per jaar", §4.2), so only a
        completed year can fall short of it; a quarter without a newsletter is information, not a failure."""
        return bool(self.jaren_onder_norm)

    @property
    def lopend_tekst(self) -> str:
        """The running year, judged only once it has ended: "nog niet te zeggen" before that."""
        if self.norm is None or self.lopend_jaar is None:
            return ""
        aantal = self.per_jaar.get(self.lopend_jaar, 0)
        tot_nu = f"In {self.lopend_jaar} tot nu toe {aantal_met(aantal, 'nieuwsbrief', 'nieuwsbrieven')}"
        if aantal >= self.norm.minimaal_aantal:
            return f"{tot_nu}: de norm van dit jaar is gehaald."
        return f"{tot_nu}; of de norm van dit jaar gehaald wordt, is nog niet te zeggen: het jaar loopt nog."

    @property
    def kwartalen_tekst(self) -> list[str]:
        return [periode_tekst(k) for k in self.kwartalen_zonder]

    @property
    def normtekst(self) -> str:
        if self.norm is None:
            return ""
        return f"minimaal {self.norm.minimaal_aantal} keer per {self.norm.per}"

    def samenvatting(self) -> str:
        """One sentence: "3 kwartalen zonder nieuwsbrief, het laatst 3e kwartaal 2026 (norm: …)"."""
        delen = []
        if self.kwartalen_zonder:
            delen.append(
                f"{aantal_met(len(self.kwartalen_zonder), 'kwartaal', 'kwartalen')} zonder nieuwsbrief, "
                f"het laatst {periode_tekst(self.kwartalen_zonder[-1])}"
            )
        for jaar, aantal in self.jaren_onder_norm:
            delen.append(f"in {jaar} {aantal_met(aantal, 'nieuwsbrief', 'nieuwsbrieven')}")
        return f"{'; '.join(delen)} (norm: {self.normtekst})"


def _kwartalen(van: str, tot_en_met: str) -> list[str]:
    kwartalen, dag = [], kwartaal_begin(van)
    eind = kwartaal_begin(tot_en_met)
    while dag <= eind:
        kwartalen.append(kwartaal_van(dag))
        dag = date.fromordinal(kwartaal_einde(kwartaal_van(dag)).toordinal() + 1)
    return kwartalen


def nieuwsbriefcontrole(vandaag: date) -> Nieuwsbriefcontrole:
    """Every completed quarter from NIEUWSBRIEF_VANAF without an executed overarching newsletter, and every
    completed year with fewer than the norm (2 queries, whatever the number of actions).

    Only the overarching newsletter counts: the norm is the programme's "Nieuwsbrief transformatie sociaal
    domein" that informs "over de voortgang binnen de verschillende actielijnen" (§4.2 b), not an activity's own.
    The current quarter never counts: it can still get its newsletter.
    """
    norm = Communicatienorm.objects.filter(sleutel=NIEUWSBRIEF_NORM).first()
    leeg = Nieuwsbriefcontrole(norm, [], [], {}, None)
    if norm is None:
        return leeg
    huidig = kwartaal_van(vandaag)
    eerste = kwartaal_begin(NIEUWSBRIEF_VANAF)
    if kwartaal_begin(huidig) <= eerste:
        return leeg
    vorige_dag = date.fromordinal(kwartaal_begin(huidig).toordinal() - 1)
    laatst_afgesloten = kwartaal_van(vorige_dag)
    datums = Communicatieactie.objects.filter(
        middel=Communicatiemiddel.NIEUWSBRIEF,
        activiteit__isnull=True,
        uitgevoerd_op__gte=eerste,
        uitgevoerd_op__lte=vandaag,
    ).values_list("uitgevoerd_op", "voorbeeld")
    afgesloten_tot = kwartaal_einde(laatst_afgesloten)
    met_nieuwsbrief, per_jaar, demo = set(), {}, False
    for datum, voorbeeld in datums:
        if datum is None:  # the filter leaves none out; said here for the type checker
            continue
        demo = demo or voorbeeld
        per_jaar[datum.year] = per_jaar.get(datum.year, 0) + 1
        if datum <= afgesloten_tot:
            met_nieuwsbrief.add(kwartaal_van(datum))
    kwartalen_zonder = [
        k for k in _kwartalen(NIEUWSBRIEF_VANAF, laatst_afgesloten) if k not in met_nieuwsbrief
    ]
    # The norm is per year: only a completed year can fall short of it.
    jaren = range(eerste.year, vandaag.year)
    jaren_onder_norm = [
        (jaar, per_jaar.get(jaar, 0)) for jaar in jaren if per_jaar.get(jaar, 0) < norm.minimaal_aantal
    ]
    return Nieuwsbriefcontrole(
        norm, kwartalen_zonder, jaren_onder_norm, per_jaar, laatst_afgesloten, demo, lopend_jaar=vandaag.year
    )


def signalen(vandaag: date) -> list[Signaal]:
    """The management dashboard's warning when a completed year fell short of the norm (2 queries)."""
    controle = nieuwsbriefcontrole(vandaag)
    if not controle:
        return []
    return [
        Signaal(
            tekst=controle.samenvatting(),
            url=reverse("participatie:communicatie") + "#nieuwsbrief",
            voorbeeld=controle.voorbeeld,
        )
    ]


# --- The plan's communication agreements --------------------------------------------------------------------


@dataclass(frozen=True)
class Communicatieafspraken:
    budgetten: list[Communicatiebudget]
    normen: list[Communicatienorm]

    def __bool__(self) -> bool:
        return bool(self.budgetten or self.normen)


def communicatieafspraken() -> Communicatieafspraken:
    """The communication budget(s) and norms with their lines and notes (4 queries)."""
    return Communicatieafspraken(
        budgetten=list(Communicatiebudget.objects.prefetch_related("communicatielijnen", "datakwaliteit")),
        normen=list(Communicatienorm.objects.select_related("communicatielijn")),
    )
