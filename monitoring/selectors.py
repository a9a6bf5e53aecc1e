"""
The reads that pages and reports need from monitoring. Each selector runs a fixed number of queries,
whatever the number of indicators or metingen, and takes a `peildatum` where a report must show a past state.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    Prefetch,
    Q,
    QuerySet,
    When,
    Window,
)
from django.db.models.fields.tuple_lookups import Tuple, TupleIn
from django.db.models.functions import RowNumber, Substr
from django.db.models.lookups import In

from actielijnen.permissions import mag_interne_gegevens_zien
from bronnen.models import Datakwaliteitsnotitie
from kern.geschiedenis import geschiedenis
from monitoring import koers
from monitoring.constants import Domein, FinancienSoort, FitGap, MetingSoort
from monitoring.models import (
    Bedrag,
    Databedrevenheidspijler,
    Doel,
    Indicator,
    Informatieniveau,
    Kerncijfer,
    Meting,
    Piramidestand,
    Scenario,
    Wijk,
)
from monitoring.weergave import waarde_tekst


@dataclass(frozen=True)
class IndicatorStand:
    """Where an indicator stands (Hengelo as a whole): peil, realisations, targets and the notes on its figures.

    On or off course is said only against a target of the latest realisation's own year (`streefwaarde`);
    `volgende_streefwaarde` is the first target after that year, `afstand` the way still to go to it.
    """

    indicator: Indicator
    laatste_realisatie: Meting | None
    streefwaarde: Meting | None  # the target of the same year as the latest realisation
    laatste_peilwaarde: Meting | None
    streefwaarden: list[Meting] = field(default_factory=list)
    notities: list = field(default_factory=list)
    realisaties: list[Meting] = field(default_factory=list)  # in order of period: the trend
    peilwaarden: list[Meting] = field(default_factory=list)
    volgende_streefwaarde: Meting | None = None
    doel_notities: list = field(default_factory=list)  # notes on the indicator's goal and its parent goal

    @property
    def op_koers(self) -> bool | None:
        """True/False against the same-year target in the indicator's direction; None when either is missing."""
        return koers.op_koers(
            _punt(self.laatste_realisatie), _punt(self.streefwaarde), self.indicator.richting
        )

    @property
    def verschil(self) -> Decimal | None:
        """Latest realisation minus the target of its year."""
        if self.laatste_realisatie is None or self.streefwaarde is None:
            return None
        return self.laatste_realisatie.waarde - self.streefwaarde.waarde

    @property
    def afstand(self) -> Decimal | None:
        """The next target minus the latest realisation (positive: the value still has to rise)."""
        return koers.afstand(_punt(self.laatste_realisatie), _punt(self.volgende_streefwaarde))

    @property
    def alle_notities(self) -> list:
        """The notes on this indicator's figures: its own, then its goal's."""
        return [*self.notities, *self.doel_notities]


def _punt(meting: Meting | None) -> koers.Punt | None:
    return None if meting is None else koers.Punt(meting.periode, meting.waarde)


class _Jaar(Func):
    """The year of a date, native on both databases: EXTRACT on PostgreSQL; on SQLite, which stores a date as
    "YYYY-MM-DD" text, its first four characters (Django's ExtractYear calls a Python function per row there)."""

    template = "EXTRACT(YEAR FROM %(expressions)s)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="SUBSTR(%(expressions)s, 1, 4)", **extra_context)


class _RijIn(TupleIn):
    """`(a, b, c) IN (SELECT …)` on every database. SQLite has had row values since 3.15, but Django 5.2 turns
    this lookup there into a correlated EXISTS that would run the subquery's GROUP BY once per outer row."""

    def get_prep_lookup(self):
        # In.get_prep_lookup counts the subquery's columns against a plain tuple only, not a Tuple expression.
        self.rhs.clear_ordering(clear_default=True)
        return self.rhs

    def as_sql(self, compiler, connection):
        return In.as_sql(self, compiler, connection)


def per_jaar(metingen: QuerySet[Meting], *, per_plaats: bool = True) -> QuerySet[Meting]:
    """One meting per indicator, place, kind and year: the year's latest, for targets the year's first.

    Monthly and quarterly figures would make every series grow with the data (120 points per indicator over ten
    years); a year keeps its last value, which for yearly figures is the figure itself. A target keeps the year's
    first value, as the standing has always compared against it.

    One query, in two steps that never sort the metingen themselves: a GROUP BY finds per indicator, kind and year
    the date to keep (read from the index alone, see `meting_hengelo_reeks`), and only the rows with that date
    are fetched, by index. Where a yearly and a monthly figure begin on the same day, a window over those few rows
    keeps the yearly one ("2024" < "2024-01"). `per_plaats=False` is for a queryset of one place only (Hengelo's
    own figures): the GROUP BY then needs no place columns and stays within the index.
    """
    plaats = ["wijk_id", "gebied_id"] if per_plaats else []
    # Rows are matched on (indicator, soort, date) only, so where places differ a row may match another place's
    # date; the window below, partitioned by place, still keeps each place's own latest (or first) row, because
    # that row always matches and any other match of its place lies on the wrong side of it.
    gekozen = (
        metingen.order_by()
        .annotate(groep_jaar=_Jaar("periode_begin"))
        .values("indicator_id", *plaats, "soort", "groep_jaar")
        .annotate(
            gekozen=Case(
                When(soort=MetingSoort.STREEFWAARDE, then=Min("periode_begin")), default=Max("periode_begin")
            )
        )
        .values("indicator_id", "soort", "gekozen")
    )
    kandidaten = metingen.filter(
        _RijIn(Tuple(F("indicator_id"), F("soort"), F("periode_begin")), gekozen.query)
    )
    # The year is the period's first four characters ("2023", "2023-Q2", "2023-05").
    partitie = [F("indicator_id"), F("wijk_id"), F("gebied_id"), F("soort"), Substr("periode", 1, 4)]
    # Within a partition the kind is fixed: a target's first, every other kind's latest comes first.
    volgorde = [
        Case(When(soort=MetingSoort.STREEFWAARDE, then=F("periode_begin"))).asc(),
        F("periode_begin").desc(),
        F("periode").asc(),
    ]
    return kandidaten.annotate(
        jaar_volgnummer=Window(RowNumber(), partition_by=partitie, order_by=volgorde)
    ).filter(jaar_volgnummer=1)


def indicatoren(*, peildatum: date | None = None, soorten: list[str] | None = None) -> QuerySet[Indicator]:
    """Indicators with their goal, their Hengelo-wide metingen per year up to `peildatum` and their notes.

    `hengelo_metingen` holds one meting per kind and year (see `per_jaar`), of the given `soorten` (default all),
    read through the partial index `meting_hengelo_reeks`: bounded by the years, whatever the number of monthly
    figures.
    """
    metingen = Meting.objects.filter(wijk__isnull=True, gebied__isnull=True)
    if peildatum is not None:
        metingen = metingen.filter(periode_begin__lte=peildatum)
    if soorten is not None:
        metingen = metingen.filter(soort__in=soorten)
    metingen = per_jaar(metingen, per_plaats=False).order_by("periode_begin")
    return Indicator.objects.select_related("doel", "doel__ouder").prefetch_related(
        Prefetch("metingen", queryset=metingen, to_attr="hengelo_metingen"),
        "datakwaliteit",
    )


def doelnotities() -> dict[int, list[Datakwaliteitsnotitie]]:
    """The data-quality notes on goals, per goal pk (one query: Doel has no reverse relation to its notes)."""
    per_doel: dict[int, list[Datakwaliteitsnotitie]] = {}
    for notitie in Datakwaliteitsnotitie.objects.filter(
        content_type=ContentType.objects.get_for_model(Doel)
    ).order_by("sleutel"):
        per_doel.setdefault(notitie.object_id, []).append(notitie)
    return per_doel


def _notities_van_doel(doel: Doel, per_doel: dict[int, list]) -> list:
    """A goal's notes and its parent goal's: a note on 6.2 concerns the figures of 6.2.1 too."""
    return [*per_doel.get(doel.pk, []), *(per_doel.get(doel.ouder_id, []) if doel.ouder_id else [])]


def _stand(indicator: Indicator, hengelo_metingen, notities: list, doel_notities: list) -> IndicatorStand:
    per_soort: dict[str, list[Meting]] = {}
    for meting in hengelo_metingen:
        per_soort.setdefault(meting.soort, []).append(meting)
    realisaties = per_soort.get(MetingSoort.REALISATIE, [])
    streef = per_soort.get(MetingSoort.STREEFWAARDE, [])
    peil = per_soort.get(MetingSoort.PEILWAARDE, [])
    laatste = realisaties[-1] if realisaties else None
    jaar = laatste.periode_begin.year if laatste else None
    if jaar is None and peil:  # no realisation yet: the next target is the first after the baseline
        jaar = peil[-1].periode_begin.year
    return IndicatorStand(
        indicator=indicator,
        laatste_realisatie=laatste,
        streefwaarde=next((m for m in streef if m.periode_begin.year == jaar), None) if laatste else None,
        laatste_peilwaarde=peil[-1] if peil else None,
        streefwaarden=streef,
        notities=notities,
        realisaties=realisaties,
        peilwaarden=peil,
        volgende_streefwaarde=next((m for m in streef if jaar is None or m.periode_begin.year > jaar), None),
        doel_notities=doel_notities,
    )


_STAND_SOORTEN = [MetingSoort.REALISATIE, MetingSoort.STREEFWAARDE, MetingSoort.PEILWAARDE]


def indicatoren_met_stand(*, peildatum: date | None = None) -> list[IndicatorStand]:
    """Every indicator with peil, realisations, the same-year and the next target, and its notes (4 queries)."""
    per_doel = doelnotities()
    return [
        _stand(
            indicator,
            indicator.hengelo_metingen,
            list(indicator.datakwaliteit.all()),
            _notities_van_doel(indicator.doel, per_doel),
        )
        # A prognosis plays no part in the standing: leaving it out spares a quarter of the rows.
        for indicator in indicatoren(peildatum=peildatum, soorten=_STAND_SOORTEN)
    ]


@dataclass
class Doelgroep:
    """A goal with its indicators' standing, for the indicator list; `zonder_streefwaarde` is the rekenkamer flag."""

    doel: Doel
    standen: list[IndicatorStand]
    zonder_streefwaarde: bool
    notities: list = field(default_factory=list)  # the data-quality notes on the goal itself


def indicatoren_per_doel(*, peildatum: date | None = None) -> list[Doelgroep]:
    """Every goal (6.1, 6.1.1, …) with its indicators, where they stand, and its own notes (6 queries).

    A goal is flagged when neither it nor its sub-goals has an indicator with a target value.
    """
    standen = indicatoren_met_stand(peildatum=peildatum)
    per_doel_notities = doelnotities()
    per_doel: dict[int, list[IndicatorStand]] = {}
    for stand in standen:
        per_doel.setdefault(stand.indicator.doel_id, []).append(stand)
    doelen = list(Doel.objects.all())
    met_streef = {stand.indicator.doel_id for stand in standen if stand.streefwaarden}
    for doel in doelen:  # a sub-goal with a target also covers its parent
        if doel.pk in met_streef and doel.ouder_id:
            met_streef.add(doel.ouder_id)
    return [
        Doelgroep(
            doel, per_doel.get(doel.pk, []), doel.pk not in met_streef, per_doel_notities.get(doel.pk, [])
        )
        for doel in doelen
    ]


def indicatoren_zonder_activiteit() -> QuerySet[Indicator]:
    """Indicators that no activity is meant to move (one query)."""
    return (
        Indicator.objects.select_related("doel")
        .annotate(aantal_activiteiten=Count("activiteiten"))
        .filter(aantal_activiteiten=0)
    )


ALLE_PLAATSEN = ""
HENGELO = "hengelo"


@dataclass
class IndicatorDetail:
    """One indicator's page: its standing, a point per year and place for the chart, and one year's metingen.

    The page never holds every meting: over ten years of monthly figures per wijk that is tens of thousands of
    rows. `jaarcijfers` has one meting per place, kind and year (see `per_jaar`); `pagina` one page of the metingen
    of the chosen year (`jaar`), narrowed to a place (`plaats`: "" all, "hengelo", "wijk-<pk>", "gebied-<pk>") and
    a kind (`soort`). `melding` says in Dutch what was wrong with a filter a user typed.
    """

    indicator: Indicator
    jaarcijfers: list[Meting]  # Hengelo, wijken and benchmarks: one per place, kind and year, by period
    notities: list[Datakwaliteitsnotitie]
    stand: IndicatorStand | None = None  # where it stands, as on the list and the college page
    doel_notities: list[Datakwaliteitsnotitie] = field(default_factory=list)
    pagina: Page | None = None  # the metingen of `jaar` that match the filters
    jaar: int | None = None
    plaats: str = ALLE_PLAATSEN
    soort: str = ""
    melding: str = ""

    @property
    def metingen(self) -> list[Meting]:
        """The metingen shown in the year's table (this page of them)."""
        return list(self.pagina.object_list) if self.pagina is not None else []

    @property
    def hengelo_per_jaar(self) -> list[Meting]:
        return [m for m in self.jaarcijfers if not m.wijk_id and not m.gebied_id]

    @property
    def jaren(self) -> list[int]:
        return sorted({m.periode_begin.year for m in self.jaarcijfers}, reverse=True)

    @property
    def plaatsen(self) -> list[tuple[str, str]]:
        """The places to filter on, as (value, label): Hengelo, then the wijken, then the benchmarks."""
        wijken = {m.wijk_id: str(m.wijk) for m in self.jaarcijfers if m.wijk_id}
        gebieden = {m.gebied_id: f"{m.gebied} (vergelijking)" for m in self.jaarcijfers if m.gebied_id}
        return [
            (ALLE_PLAATSEN, "Alle"),
            (HENGELO, "Hengelo"),
            *sorted(((f"wijk-{pk}", naam) for pk, naam in wijken.items()), key=lambda p: p[1]),
            *sorted(((f"gebied-{pk}", naam) for pk, naam in gebieden.items()), key=lambda p: p[1]),
        ]

    @property
    def soorten(self) -> list[tuple[str, str]]:
        return [("", "Alle"), *MetingSoort.choices]

    @property
    def heeft_wijken(self) -> bool:
        return any(m.wijk_id for m in self.jaarcijfers)

    @property
    def heeft_benchmarks(self) -> bool:
        return any(m.gebied_id for m in self.jaarcijfers)

    @property
    def heeft_deeljaren(self) -> bool:
        """Whether any figure is monthly or quarterly, so the chart shows a year's latest value for it."""
        return any(len(m.periode) > 4 for m in self.jaarcijfers)


def _plaats_filter(plaats: str) -> Q | None:
    """The filter for a place value from the page's form; None for a value that names no place."""
    if plaats == ALLE_PLAATSEN:
        return Q()
    if plaats == HENGELO:
        return Q(wijk__isnull=True, gebied__isnull=True)
    soort, _, pk = plaats.partition("-")
    if soort in ("wijk", "gebied") and pk.isdigit():
        return Q(**{f"{soort}_id": int(pk)})
    return None


def indicator_detail(
    *,
    code: str,
    jaar: str | int | None = None,
    plaats: str = ALLE_PLAATSEN,
    soort: str = "",
    pagina: str | int | None = 1,
    per_pagina: int = 50,
) -> IndicatorDetail:
    """One indicator with its standing, its figures per year and one page of one year's metingen.

    A fixed number of queries, whatever the number of metingen: the per-year figures, a COUNT and one page.

    Without a `jaar` the table shows the latest year with figures per wijk or benchmark (else the latest year).
    Filters a user typed wrongly fall back to all, with a Dutch `melding`. Raises Indicator.DoesNotExist.
    """
    indicator = (
        Indicator.objects.select_related("doel", "doel__ouder", "modellaag", "fitgap_eigenaar")
        .prefetch_related("niveaus", "activiteiten", "datakwaliteit")
        .get(code=code)
    )
    jaarcijfers = list(
        per_jaar(indicator.metingen.all())
        .select_related("wijk", "gebied")
        .order_by("periode_begin", "soort", "wijk", "gebied")
    )
    for meting in jaarcijfers:
        meting.indicator = indicator  # avoid a query per meting when formatting
    notities = list(indicator.datakwaliteit.all())
    doel_notities = _notities_van_doel(indicator.doel, doelnotities())
    hengelo = [m for m in jaarcijfers if not m.wijk_id and not m.gebied_id]
    stand = _stand(indicator, hengelo, notities, doel_notities)
    detail = IndicatorDetail(indicator, jaarcijfers, notities, stand, doel_notities)

    meldingen = []
    jaren = detail.jaren
    standaard = max((m.periode_begin.year for m in jaarcijfers if m.wijk_id or m.gebied_id), default=None)
    standaard = standaard or (jaren[0] if jaren else None)
    gekozen = str(jaar).strip() if jaar not in (None, "") else ""
    if gekozen and (not gekozen.isdigit() or int(gekozen) not in jaren):
        meldingen.append(f"Voor “{gekozen[:10]}” zijn geen metingen; getoond wordt {standaard or 'niets'}.")
        gekozen = ""
    detail.jaar = int(gekozen) if gekozen else standaard
    waar = _plaats_filter(plaats or ALLE_PLAATSEN)
    if waar is None or (plaats and plaats not in dict(detail.plaatsen)):
        meldingen.append(
            "Deze wijk of dit gebied heeft geen metingen bij deze indicator; getoond worden alle."
        )
        waar, plaats = Q(), ALLE_PLAATSEN
    if soort and soort not in MetingSoort.values:
        meldingen.append("Onbekende soort meting; getoond worden alle soorten.")
        soort = ""
    detail.plaats, detail.soort, detail.melding = plaats or ALLE_PLAATSEN, soort, " ".join(meldingen)

    metingen = indicator.metingen.filter(waar).select_related("wijk", "gebied")
    metingen = metingen.filter(periode_begin__year=detail.jaar) if detail.jaar else metingen.none()
    if soort:
        metingen = metingen.filter(soort=soort)
    metingen = metingen.order_by("periode_begin", "soort", "wijk__naam", "gebied__naam", "pk")
    detail.pagina = Paginator(metingen, per_pagina).get_page(pagina)
    for meting in detail.pagina.object_list:
        meting.indicator = indicator
    return detail


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
    # The totals as the document prints them come along, so the page shows them beside the sum of the domains.
    scenarios = list(Scenario.objects.prefetch_related("datakwaliteit", "gedrukte_totalen"))
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
    # A note on several scenarios is one note per scenario with the same citation: show it once here.
    notities = list({(n.betreft, n.citaat, n.toelichting): n for n in notities}.values())
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


# --- data gaps -------------------------------------------------------------------------------------------


def jaarreeks(jaren) -> str:
    """Years as a reader scans them: '2019–2020, 2023–2026' (never with a thousands dot)."""
    jaren = sorted(set(jaren))
    delen, begin = [], None
    for i, jaar in enumerate(jaren):
        begin = jaar if begin is None else begin
        if i + 1 == len(jaren) or jaren[i + 1] != jaar + 1:
            delen.append(str(jaar) if begin == jaar else f"{begin}–{jaar}")
            begin = None
    return ", ".join(delen)


@dataclass
class Indicatorgaten:
    """What one indicator lacks: years without a city-wide realisation, wijken without one, years without a target.

    `bron` is whom to ask (the indicator's `bron van de data`; empty when not recorded).
    """

    indicator: Indicator
    jaren: list[int]  # the years a realisation is expected: from the peil year up to this year
    realisatie: list[int] = field(default_factory=list)
    per_wijk: list[tuple[int, int]] = field(default_factory=list)  # (year, number of wijken without a value)
    streefwaarde: list[int] = field(default_factory=list)

    @property
    def bron(self) -> str:
        return self.indicator.bron

    @property
    def compleet(self) -> bool:
        return not (self.realisatie or self.per_wijk or self.streefwaarde)

    @property
    def realisatie_tekst(self) -> str:
        return jaarreeks(self.realisatie)

    @property
    def streefwaarde_tekst(self) -> str:
        return jaarreeks(self.streefwaarde)

    aantal_wijken: int = 0

    @property
    def per_wijk_tekst(self) -> str:
        """'2019–2026: alle 12 wijken' where no wijk has a value; '2023: 3 van de 12 wijken' where some lack one."""
        per_aantal: dict[int, list[int]] = {}
        for jaar, ontbrekend in self.per_wijk:
            per_aantal.setdefault(ontbrekend, []).append(jaar)
        delen = []
        for ontbrekend, jaren in sorted(per_aantal.items(), key=lambda item: min(item[1])):
            wie = (
                f"alle {self.aantal_wijken} wijken"
                if ontbrekend == self.aantal_wijken
                else f"{ontbrekend} van de {self.aantal_wijken} wijken"
            )
            delen.append(f"{jaarreeks(jaren)}: {wie}")
        return "; ".join(delen)


@dataclass
class Datagatenoverzicht:
    indicatoren: list[Indicatorgaten]
    aantal_wijken: int
    tot_jaar: int  # realisations are expected up to this year (the current year, at most the programme's end)
    eind_jaar: int | None  # the programme's last target year

    @property
    def met_gaten(self) -> list[Indicatorgaten]:
        return [i for i in self.indicatoren if not i.compleet]


def datagaten(*, vandaag: date | None = None) -> Datagatenoverzicht:
    """Per indicator the years and kinds of figures that are missing (4 queries, whatever the number of metingen).

    Realisations are expected for every year from the indicator's first peil year up to this year (at most the
    programme's last target year); a year with a peilwaarde counts as measured. Targets are expected for every
    year from the programme's first to its last target year. Per wijk: every wijk a realisation in each year.
    """
    vandaag = vandaag or date.today()
    indicatoren_lijst = list(Indicator.objects.select_related("doel"))
    hengelo: dict[int, dict[str, set[int]]] = {}
    for indicator_id, soort, begin in Meting.objects.filter(
        wijk__isnull=True, gebied__isnull=True
    ).values_list("indicator_id", "soort", "periode_begin"):
        hengelo.setdefault(indicator_id, {}).setdefault(soort, set()).add(begin.year)
    wijkjaren: dict[tuple[int, int], int] = {}
    # Per indicator and year the number of wijken with a realisation: one aggregate row each, not a row per meting.
    for rij in (
        Meting.objects.filter(wijk__isnull=False, soort=MetingSoort.REALISATIE)
        .values("indicator_id", "periode_begin__year")
        .annotate(wijken=Count("wijk", distinct=True))
    ):
        wijkjaren[(rij["indicator_id"], rij["periode_begin__year"])] = rij["wijken"]
    aantal_wijken = Wijk.objects.count()
    streefjaren = {j for per_soort in hengelo.values() for j in per_soort.get(MetingSoort.STREEFWAARDE, ())}
    eind_jaar = max(streefjaren) if streefjaren else None
    tot_jaar = min(vandaag.year, eind_jaar) if eind_jaar else vandaag.year
    programma_streefjaren = range(min(streefjaren), eind_jaar + 1) if streefjaren else range(0)
    resultaat = []
    for indicator in indicatoren_lijst:
        per_soort = hengelo.get(indicator.pk, {})
        peil = per_soort.get(MetingSoort.PEILWAARDE, set())
        gemeten = per_soort.get(MetingSoort.REALISATIE, set()) | peil
        eigen = gemeten | per_soort.get(MetingSoort.STREEFWAARDE, set())
        begin = min(peil) if peil else min(eigen, default=programma_streefjaren.start or tot_jaar)
        jaren = list(range(begin, tot_jaar + 1))
        per_wijk = []
        if aantal_wijken:
            for jaar in jaren:
                ontbrekend = aantal_wijken - wijkjaren.get((indicator.pk, jaar), 0)
                if ontbrekend > 0:
                    per_wijk.append((jaar, ontbrekend))
        resultaat.append(
            Indicatorgaten(
                indicator=indicator,
                jaren=jaren,
                realisatie=[j for j in jaren if j not in gemeten],
                per_wijk=per_wijk,
                aantal_wijken=aantal_wijken,
                streefwaarde=[
                    j
                    for j in programma_streefjaren
                    if j not in per_soort.get(MetingSoort.STREEFWAARDE, set())
                ],
            )
        )
    return Datagatenoverzicht(resultaat, aantal_wijken, tot_jaar, eind_jaar)


def pijlers_databedrevenheid() -> list:
    """The four pillars of databedrevenheid (§5.1) with their elements and notes, for the fit-gap page (3 queries)."""
    return list(Databedrevenheidspijler.objects.prefetch_related("elementen", "datakwaliteit"))


def indicator_geschiedenis(*, indicator: Indicator, user, pagina=1, per_pagina: int = 25):
    """The history of an indicator and all its metingen (imports, corrections, undone imports), newest first.

    An indicator gathers thousands of metingen over the years, so this is one page at a time, in a fixed number
    of queries. Counts of people below the threshold read "< 10" for whoever may not see them, as on the page;
    names of who changed what only for the programme organisation (the college sees outcomes, not names).
    """

    def waarde(waarde, record) -> str:
        return waarde_tekst(waarde, indicator.eenheid, user, decimalen=record.decimalen)

    return geschiedenis(
        [Indicator.history.filter(id=indicator.pk), Meting.history.filter(indicator_id=indicator.pk)],
        pagina=pagina,
        per_pagina=per_pagina,
        opmaak={(Meting, "waarde"): waarde},
        namen_tonen=mag_interne_gegevens_zien(user),
    )
