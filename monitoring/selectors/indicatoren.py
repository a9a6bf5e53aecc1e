"""
Where every indicator stands: its metingen per year (`per_jaar`), the goals with their notes, the standing of each
indicator (`IndicatorStand`) and the goals with their indicators; the freshness of the metingen.

The lowest module of the selectors: the detail page builds on its `per_jaar` and standing.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    Prefetch,
    QuerySet,
    When,
    Window,
)
from django.db.models.fields.tuple_lookups import Tuple, TupleIn
from django.db.models.functions import RowNumber, Substr
from django.db.models.lookups import In

from bronnen.models import Datakwaliteitsnotitie
from monitoring import koers
from monitoring.constants import MetingSoort
from monitoring.models import Doel, Indicator, Meting


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


def laatste_meting_wijziging():
    """When a meting was last imported or changed, for the freshness footer (one query)."""
    return Meting.history.aggregate(m=Max("history_date"))["m"]
