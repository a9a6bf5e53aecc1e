"""The standing per year comes from an index, not from sorting every meting (issue 14).

`per_jaar` first finds, per indicator, kind and year, the date to keep with a GROUP BY over the partial index
`meting_hengelo_reeks`, then fetches only the rows with that date. These tests pin what it keeps (the year's latest,
a target's first, the yearly figure where a monthly one begins on the same day, each place its own) and that the
GROUP BY reads the index alone.
"""

from datetime import date

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

import pytest

from monitoring import selectors
from monitoring.constants import Eenheid, IndicatorSoort, MetingSoort, Richting
from monitoring.models import Doel, Indicator, Meting, Wijk

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    doel = Doel.objects.create(code="9.9", omschrijving="Testdoel", bron="test")
    return Indicator.objects.create(
        code="9.9.1",
        naam="Testindicator",
        doel=doel,
        eenheid=Eenheid.AANTAL,
        richting=Richting.HOGER_IS_BETER,
        soort=IndicatorSoort.PROCES,
    )


def _meting(indicator, periode, soort, waarde, **plaats):
    return Meting.objects.create(indicator=indicator, periode=periode, soort=soort, waarde=waarde, **plaats)


def _hengelo(indicator, peildatum=None) -> list[tuple[str, str]]:
    stand = next(
        s for s in selectors.indicatoren_met_stand(peildatum=peildatum) if s.indicator.pk == indicator.pk
    )
    return [(m.soort, m.periode) for m in [*stand.peilwaarden, *stand.streefwaarden, *stand.realisaties]]


def test_a_year_keeps_its_latest_figure_and_a_target_its_first(indicator):
    for maand in ("01", "06", "11"):
        _meting(indicator, f"2023-{maand}", MetingSoort.REALISATIE, 10)
        _meting(indicator, f"2023-{maand}", MetingSoort.STREEFWAARDE, 12)
        _meting(indicator, f"2023-{maand}", MetingSoort.PEILWAARDE, 9)
    _meting(indicator, "2024-Q2", MetingSoort.REALISATIE, 11)
    _meting(indicator, "2024-Q3", MetingSoort.REALISATIE, 11)
    assert sorted(_hengelo(indicator)) == [
        ("peil", "2023-11"),
        ("realisatie", "2023-11"),
        ("realisatie", "2024-Q3"),
        ("streef", "2023-01"),
    ]


def test_a_yearly_figure_wins_over_a_monthly_one_that_begins_the_same_day(indicator):
    _meting(indicator, "2022-01", MetingSoort.REALISATIE, 5)
    _meting(indicator, "2022", MetingSoort.REALISATIE, 6)
    _meting(indicator, "2022-01", MetingSoort.STREEFWAARDE, 7)
    _meting(indicator, "2022", MetingSoort.STREEFWAARDE, 8)
    assert sorted(_hengelo(indicator)) == [("realisatie", "2022"), ("streef", "2022")]


def test_the_standing_ignores_wijk_figures_prognoses_and_what_came_after_the_peildatum(indicator):
    wijk = Wijk.objects.create(naam="Testwijk")
    _meting(indicator, "2023-03", MetingSoort.REALISATIE, 1)
    _meting(indicator, "2023-12", MetingSoort.REALISATIE, 2, wijk=wijk)
    _meting(indicator, "2023-12", MetingSoort.PROGNOSE, 3)
    _meting(indicator, "2023-09", MetingSoort.REALISATIE, 4)
    assert _hengelo(indicator) == [("realisatie", "2023-09")]
    assert _hengelo(indicator, peildatum=date(2023, 6, 30)) == [("realisatie", "2023-03")]


def test_every_place_keeps_its_own_latest_even_where_another_place_has_a_later_date(indicator):
    wijk = Wijk.objects.create(naam="Testwijk")
    _meting(indicator, "2023-12", MetingSoort.REALISATIE, 1)  # Hengelo's latest: December
    _meting(indicator, "2023-10", MetingSoort.REALISATIE, 2, wijk=wijk)
    _meting(indicator, "2023-11", MetingSoort.REALISATIE, 3, wijk=wijk)  # the wijk's latest: November
    _meting(indicator, "2023-12", MetingSoort.STREEFWAARDE, 4, wijk=wijk)
    _meting(indicator, "2023-02", MetingSoort.STREEFWAARDE, 5)
    jaarcijfers = selectors.per_jaar(indicator.metingen.all())
    gekozen = sorted((m.wijk_id or 0, m.soort, m.periode) for m in jaarcijfers)
    assert gekozen == [
        (0, "realisatie", "2023-12"),
        (0, "streef", "2023-02"),
        (wijk.pk, "realisatie", "2023-11"),
        (wijk.pk, "streef", "2023-12"),
    ]


def _plan_van_de_stand(indicator) -> tuple[str, str]:
    """Ten years of monthly figures; the standing's SQL, and the rows it keeps."""
    for jaar in range(2016, 2026):
        for maand in range(1, 13):
            _meting(indicator, f"{jaar}-{maand:02d}", MetingSoort.REALISATIE, maand)
    with CaptureQueriesContext(connection) as vragen:
        standen = selectors.indicatoren_met_stand()
    stand = next(s for s in standen if s.indicator.pk == indicator.pk)
    assert [m.periode for m in stand.realisaties] == [f"{jaar}-12" for jaar in range(2016, 2026)]
    sql = next(v["sql"] for v in vragen.captured_queries if "jaar_volgnummer" in v["sql"])
    assert "GROUP BY" in sql  # the window sorts only the rows the GROUP BY picked
    return sql


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner; PostgreSQL's in the test below")
def test_the_standing_reads_the_dates_to_keep_from_the_partial_index_alone(indicator):
    sql = _plan_van_de_stand(indicator)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        plan = " ".join(str(rij[-1]) for rij in cursor.fetchall())
    # Step 2: each kept row is looked up by its date, not found by scanning and sorting every meting.
    assert "USING INDEX meting_hengelo_reeks (indicator_id=? AND soort=? AND periode_begin=?)" in plan
    assert "SCAN U0 USING INDEX meting_hengelo_reeks" in plan  # step 1: the GROUP BY


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner; SQLite's in the test above"
)
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_standing_reads_the_dates_to_keep_from_the_partial_index_alone(indicator):
    # Committed rows, then VACUUM ANALYZE as autovacuum would: an index-only scan is only cheaper once the
    # visibility map says the heap need not be visited, and the plan must not depend on what statistics earlier
    # tests happened to leave behind (a plan read from a stale ANALYZE failed in CI).
    sql = _plan_van_de_stand(indicator)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE monitoring_meting")
        with transaction.atomic():
            # A test table is too small for PostgreSQL to prefer any index over reading its one page.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("EXPLAIN " + sql)
            plan = " ".join(rij[0] for rij in cursor.fetchall())
    assert "Index Only Scan using meting_hengelo_reeks" in plan, plan
