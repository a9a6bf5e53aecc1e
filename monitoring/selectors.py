"""
The reads that pages and reports need from monitoring. Each selector runs a fixed number of queries,
whatever the number of indicators or metingen, and takes a `peildatum` where a report must show a past state.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, QuerySet

from bronnen.models import Datakwaliteitsnotitie
from monitoring.constants import Domein, FinancienSoort, FitGap, MetingSoort, Richting
from monitoring.models import (
    Bedrag,
    Doel,
    Indicator,
    Informatieniveau,
    Kerncijfer,
    Meting,
    Piramidestand,
    Scenario,
)


@dataclass(frozen=True)
class IndicatorStand:
    """Where an indicator stands: its latest realisation (Hengelo as a whole) against the target for that year."""

    indicator: Indicator
    laatste_realisatie: Meting | None
    streefwaarde: Meting | None  # the target of the same year as the latest realisation
    laatste_peilwaarde: Meting | None
    streefwaarden: list[Meting] = field(default_factory=list)
    notities: list = field(default_factory=list)

    @property
    def op_koers(self) -> bool | None:
        """True/False against the target in the indicator's direction; None when either value is missing."""
        if self.laatste_realisatie is None or self.streefwaarde is None:
            return None
        realisatie, streef = self.laatste_realisatie.waarde, self.streefwaarde.waarde
        if self.indicator.richting == Richting.HOGER_IS_BETER:
            return realisatie >= streef
        return realisatie <= streef

    @property
    def verschil(self) -> Decimal | None:
        if self.laatste_realisatie is None or self.streefwaarde is None:
            return None
        return self.laatste_realisatie.waarde - self.streefwaarde.waarde


def indicatoren(*, peildatum: date | None = None) -> QuerySet[Indicator]:
    """Indicators with their goal, their Hengelo-wide metingen up to `peildatum` and their data-quality notes."""
    metingen = Meting.objects.filter(wijk__isnull=True, gebied__isnull=True).order_by("periode_begin")
    if peildatum is not None:
        metingen = metingen.filter(periode_begin__lte=peildatum)
    return Indicator.objects.select_related("doel", "doel__ouder").prefetch_related(
        Prefetch("metingen", queryset=metingen, to_attr="hengelo_metingen"),
        "datakwaliteit",
    )


def indicatoren_met_stand(*, peildatum: date | None = None) -> list[IndicatorStand]:
    """Every indicator with its latest realisation, the matching target and its notes (3 queries)."""
    standen = []
    for indicator in indicatoren(peildatum=peildatum):
        per_soort: dict[str, list[Meting]] = {}
        for meting in indicator.hengelo_metingen:
            per_soort.setdefault(meting.soort, []).append(meting)
        realisaties = per_soort.get(MetingSoort.REALISATIE, [])
        streef = per_soort.get(MetingSoort.STREEFWAARDE, [])
        peil = per_soort.get(MetingSoort.PEILWAARDE, [])
        laatste = realisaties[-1] if realisaties else None
        streef_zelfde_jaar = (
            next((m for m in streef if m.periode_begin.year == laatste.periode_begin.year), None)
            if laatste
            else None
        )
        standen.append(
            IndicatorStand(
                indicator=indicator,
                laatste_realisatie=laatste,
                streefwaarde=streef_zelfde_jaar,
                laatste_peilwaarde=peil[-1] if peil else None,
                streefwaarden=streef,
                notities=list(indicator.datakwaliteit.all()),
            )
        )
    return standen


@dataclass
class Doelgroep:
    """A goal with its indicators' standing, for the indicator list; `zonder_streefwaarde` is the rekenkamer flag."""

    doel: Doel
    standen: list[IndicatorStand]
    zonder_streefwaarde: bool


def indicatoren_per_doel(*, peildatum: date | None = None) -> list[Doelgroep]:
    """Every goal (6.1, 6.1.1, …) with its indicators and where they stand (4 queries).

    A goal is flagged when neither it nor its sub-goals has an indicator with a target value.
    """
    standen = indicatoren_met_stand(peildatum=peildatum)
    per_doel: dict[int, list[IndicatorStand]] = {}
    for stand in standen:
        per_doel.setdefault(stand.indicator.doel_id, []).append(stand)
    doelen = list(Doel.objects.all())
    met_streef = {stand.indicator.doel_id for stand in standen if stand.streefwaarden}
    for doel in doelen:  # a sub-goal with a target also covers its parent
        if doel.pk in met_streef and doel.ouder_id:
            met_streef.add(doel.ouder_id)
    return [Doelgroep(doel, per_doel.get(doel.pk, []), doel.pk not in met_streef) for doel in doelen]


def indicatoren_zonder_activiteit() -> QuerySet[Indicator]:
    """Indicators that no activity is meant to move (one query)."""
    return (
        Indicator.objects.select_related("doel")
        .annotate(aantal_activiteiten=Count("activiteiten"))
        .filter(aantal_activiteiten=0)
    )


@dataclass
class IndicatorDetail:
    indicator: Indicator
    metingen: list[Meting]  # Hengelo, wijken and benchmarks, by period
    notities: list[Datakwaliteitsnotitie]

    @property
    def heeft_wijken(self) -> bool:
        return any(m.wijk_id for m in self.metingen)

    @property
    def heeft_benchmarks(self) -> bool:
        return any(m.gebied_id for m in self.metingen)


def indicator_detail(*, code: str) -> IndicatorDetail:
    """One indicator with every meting (per wijk and benchmark too) and its notes; raises Indicator.DoesNotExist."""
    indicator = (
        Indicator.objects.select_related("doel", "doel__ouder", "modellaag", "fitgap_eigenaar")
        .prefetch_related("niveaus", "activiteiten", "datakwaliteit")
        .get(code=code)
    )
    metingen = list(
        indicator.metingen.select_related("wijk", "gebied").order_by(
            "periode_begin", "soort", "wijk", "gebied"
        )
    )
    for meting in metingen:
        meting.indicator = indicator  # avoid a query per meting when formatting
    return IndicatorDetail(indicator, metingen, list(indicator.datakwaliteit.all()))


@dataclass
class FitgapOverzicht:
    indicatoren: list[Indicator]
    per_status: dict[str, int]
    per_niveau: list[tuple[Informatieniveau, dict[str, int]]]
    statussen: list[tuple[str, str]]


def fitgap_overzicht() -> FitgapOverzicht:
    """Fit-gap status per indicator, with counts per status and per level of the informatiepiramide (3 queries)."""
    statussen = [*FitGap.choices, ("", "Nog niet bepaald")]
    indicatoren = list(
        Indicator.objects.select_related("doel", "fitgap_eigenaar")
        .prefetch_related("niveaus")
        .order_by("code")
    )
    per_status = {waarde: 0 for waarde, _ in statussen}
    niveaus = {
        niveau.pk: (niveau, {waarde: 0 for waarde, _ in statussen})
        for niveau in Informatieniveau.objects.all()
    }
    for indicator in indicatoren:
        per_status[indicator.fitgap] += 1
        for niveau in indicator.niveaus.all():
            niveaus[niveau.pk][1][indicator.fitgap] += 1
    return FitgapOverzicht(indicatoren, per_status, list(niveaus.values()), statussen)


@dataclass
class PiramideOverzicht:
    perioden: list[str]
    lagen: list  # Modellaag, top of the pyramid first
    standen: dict[tuple[str, int], int]  # (periode, modellaag pk) → clients
    kerncijfers: list[Kerncijfer]


def piramide_overzicht() -> PiramideOverzicht:
    """Clients per layer per period, and the factsheet's figures with their notes (3 queries)."""
    from actielijnen.models import Modellaag

    standen = list(Piramidestand.objects.all())
    return PiramideOverzicht(
        perioden=sorted({s.periode for s in standen}),
        lagen=list(Modellaag.objects.order_by("-volgorde")),
        standen={(s.periode, s.modellaag_id): s.aantal_clienten for s in standen},
        kerncijfers=list(Kerncijfer.objects.prefetch_related("datakwaliteit")),
    )


@dataclass
class FinancienRij:
    domein: str
    domein_label: str
    jaar: int | None
    taakstelling: Decimal | None = None
    gerealiseerd: Decimal | None = None
    niet_behaald: Decimal | None = None
    scenarios: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class FinancienOverzicht:
    scenarios: list[Scenario]
    rijen: list[FinancienRij]
    budget: list[Bedrag]  # transformatiebudget and besteed, per year
    investeringen: list[Bedrag]
    scenario_totalen: dict[int, dict[int, Decimal]]  # scenario nummer → jaar → sum of the domains
    gerealiseerd_totaal: dict[int, Decimal]  # jaar → sum of realised savings
    notities: list[Datakwaliteitsnotitie]
    bedragen: list[Bedrag]

    @property
    def jaren(self) -> list[int]:
        return sorted({r.jaar for r in self.rijen if r.jaar is not None})


def financien_overzicht(*, peildatum: date | None = None) -> FinancienOverzicht | None:
    """Planned versus realised savings per domain per year, the budget, and the three scenarios (4 queries)."""
    bedragen = list(Bedrag.objects.select_related("scenario").prefetch_related("datakwaliteit"))
    if peildatum is not None:
        bedragen = [b for b in bedragen if b.jaar is None or b.jaar <= peildatum.year]
    if not bedragen:
        return None
    scenarios = list(Scenario.objects.prefetch_related("datakwaliteit"))
    rijen: dict[tuple[str, int | None], FinancienRij] = {}
    totalen: dict[int, dict[int, Decimal]] = {}
    gerealiseerd: dict[int, Decimal] = {}
    veld = {
        FinancienSoort.TAAKSTELLING: "taakstelling",
        FinancienSoort.BESPARING_GEREALISEERD: "gerealiseerd",
        FinancienSoort.BESPARING_NIET_BEHAALD: "niet_behaald",
    }
    for bedrag in bedragen:
        if not bedrag.domein:
            continue
        rij = rijen.setdefault(
            (bedrag.domein, bedrag.jaar),
            FinancienRij(bedrag.domein, Domein(bedrag.domein).label, bedrag.jaar),
        )
        if bedrag.soort == FinancienSoort.SCENARIO:
            rij.scenarios[bedrag.scenario.nummer] = bedrag.bedrag
            per_jaar = totalen.setdefault(bedrag.scenario.nummer, {})
            per_jaar[bedrag.jaar] = per_jaar.get(bedrag.jaar, Decimal(0)) + bedrag.bedrag
        elif bedrag.soort in veld:
            setattr(rij, veld[bedrag.soort], bedrag.bedrag)
            if bedrag.soort == FinancienSoort.BESPARING_GEREALISEERD and bedrag.jaar is not None:
                gerealiseerd[bedrag.jaar] = gerealiseerd.get(bedrag.jaar, Decimal(0)) + bedrag.bedrag
    volgorde = {d: i for i, d in enumerate(Domein.values)}
    notities = [n for s in scenarios for n in s.datakwaliteit.all()] + [
        n for b in bedragen for n in b.datakwaliteit.all()
    ]
    return FinancienOverzicht(
        scenarios=scenarios,
        rijen=sorted(rijen.values(), key=lambda r: (volgorde[r.domein], r.jaar is None, r.jaar or 0)),
        budget=[
            b
            for b in bedragen
            if b.soort in (FinancienSoort.TRANSFORMATIEBUDGET, FinancienSoort.BUDGET_BESTEED)
        ],
        investeringen=[b for b in bedragen if b.soort == FinancienSoort.INVESTERING],
        scenario_totalen=totalen,
        gerealiseerd_totaal=gerealiseerd,
        notities=notities,
        bedragen=bedragen,
    )


def financien_samenvatting(*, peildatum: date | None = None) -> FinancienOverzicht | None:
    """Planned versus realised savings and the budget, for the college and raad views.

    None when no figures are recorded; the partial template then says "nog geen financiële gegevens".
    """
    return financien_overzicht(peildatum=peildatum)


def laatste_meting_wijziging():
    """When a meting was last imported or changed, for the freshness footer (one query)."""
    return Meting.history.aggregate(m=Max("history_date"))["m"]
