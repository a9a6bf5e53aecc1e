"""Every main page stays bounded as the data grows over the years (issue 14).

Each page is opened at two data sizes: the demo programme with yearly figures for Hengelo and five wijken over
eight years and monthly ones in the last year (enough to fill a page of every list), and the same with five times
as many metingen (monthly figures in every year) and ten times as many progress updates. The page must need the same number of SQL queries at both sizes, and its HTML may not
grow with the data: what grows is paginated (an indicator's metingen, an activity's updates) or aggregated per
year (an indicator's chart and standing).
"""

import datetime
import itertools
import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.models import User
from actielijnen import selectors as actielijnen_selectors
from actielijnen.models import Activiteit, Voortgangsrapportage
from monitoring import selectors as monitoring_selectors
from monitoring.models import Indicator, Meting, Wijk
from rapportage import services as rapportage_services

pytestmark = pytest.mark.django_db

JAREN = range(2017, 2025)
AANTAL_WIJKEN = 5
_dag = itertools.count()


def _queries_en_html(client, adres) -> tuple[int, int, str]:
    with CaptureQueriesContext(connection) as context:
        antwoord = client.get(adres)
    assert antwoord.status_code == 200, adres
    html = antwoord.content.decode()
    return len(context), len(html), html


def _wijken() -> list[Wijk]:
    return [
        Wijk.objects.get_or_create(naam=f"Schaalwijk {i}", defaults={"cbs_code": f"WK01649{i}"})[0]
        for i in range(AANTAL_WIJKEN)
    ]


def _metingen(perioden, *, wijken) -> None:
    """A realisation for Hengelo and for each wijk in each period, for every indicator (slots already taken stay)."""
    nieuwe = []
    for indicator in Indicator.objects.all():
        for periode in perioden:
            jaar = int(periode[:4])
            maand = int(periode[5:]) if len(periode) > 4 else 1
            for wijk in [None, *wijken]:
                nieuwe.append(
                    Meting(
                        indicator=indicator,
                        periode=periode,
                        periode_begin=datetime.date(jaar, maand, 1),
                        wijk=wijk,
                        soort="realisatie",
                        waarde=Decimal(40 + maand),
                        bron="schaaltest",
                    )
                )
    Meting.objects.bulk_create(nieuwe, ignore_conflicts=True, batch_size=2000)


def _updates(activiteit: Activiteit, aantal: int, auteur: User) -> None:
    Voortgangsrapportage.objects.bulk_create(
        Voortgangsrapportage(
            activiteit=activiteit,
            auteur=auteur,
            datum=datetime.date(2024, 12, 31) - datetime.timedelta(days=i),
            periode="2024-12",
            rag="groen",
            percentage_gereed=50,
            fase="uitvoering",
            toelichting=f"Schaalupdate {i}",
        )
        for i in range(aantal)
    )


def _editie_publiceren(gebruikers) -> None:
    """A published edition of the data as it stands now (a new peildatum each time)."""
    rapportage = rapportage_services.rapportage_aanmaken(
        door=gebruikers["manager"],
        pc_moment="viermaandsrapportage",
        jaar=2025,
        titel="Schaalrapportage",
        peildatum=datetime.date(2025, 1, 31) - datetime.timedelta(days=next(_dag)),
    )
    rapportage_services.vaststellen(rapportage=rapportage, door=gebruikers["college"])
    rapportage_services.publiceren(rapportage=rapportage, door=gebruikers["college"])


@pytest.fixture
def klein(programma, monkeypatch):
    """The demo programme plus, per indicator, a yearly realisation 2017–2024 for Hengelo and five wijken and
    monthly ones in 2024, a dozen updates on one activity and a published edition. `groei()` adds monthly figures
    in the other years (5× the metingen), ten times the updates and a new edition of the grown data."""
    # Publication's PDF is not what is measured here (tests/rapportage/test_export.py is): a stand-in.
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%%PDF-1.7 %d" % rapportage.pk)
    gebruikers = {u.username: u for u in User.objects.all()}
    wijken = _wijken()
    _metingen([str(j) for j in JAREN] + [f"2024-{m:02d}" for m in range(1, 13)], wijken=wijken)
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("sleutel").first()
    _updates(activiteit, 12, gebruikers["trekker"])
    _editie_publiceren(gebruikers)

    def groei():
        voor = Meting.objects.count()
        _metingen([f"{j}-{m:02d}" for j in JAREN for m in range(1, 13)], wijken=wijken)
        _updates(activiteit, 120, gebruikers["trekker"])
        _editie_publiceren(gebruikers)
        return voor, Meting.objects.count()

    return gebruikers, activiteit, groei


def _paginas(activiteit):
    """(role, address) of every main page; the indicator has wijk figures in both data sizes."""
    return [
        ("manager", reverse("actielijnen:management")),
        ("trekker", reverse("actielijnen:uitvoering")),
        ("manager", reverse("actielijnen:activiteit_detail", args=[activiteit.sleutel])),
        ("college", reverse("rapportage:college")),
        ("raad", reverse("rapportage:raad")),
        (None, reverse("rapportage:inwoners")),
        ("raad", reverse("rapportage:editie_lijst")),
        ("manager", reverse("monitoring:indicator_list")),
        ("manager", reverse("monitoring:indicator_detail", args=["6.1.1.1"])),
        ("college", reverse("monitoring:indicator_detail", args=["6.2.2.2"]) + "?jaar=2024&soort=realisatie"),
        ("college", reverse("monitoring:financien")),
        ("college", reverse("monitoring:transformatiepiramide")),
        ("beheerder", reverse("monitoring:fitgap")),
        ("beheerder", reverse("monitoring:datagaten")),
        ("beheerder", reverse("monitoring:import")),
    ]


def _meet(client, gebruikers, paginas) -> dict[str, tuple[int, int]]:
    uitkomst = {}
    for rol, adres in paginas:
        client.logout()
        if rol:
            client.force_login(gebruikers[rol])
        client.get(adres)  # warm per-process caches (content types, permissions)
        aantal, grootte, _ = _queries_en_html(client, adres)
        uitkomst[f"{rol} {adres}"] = (aantal, grootte)
    return uitkomst


def test_every_main_page_needs_the_same_queries_and_html_at_five_times_the_metingen(client, klein):
    gebruikers, activiteit, groei = klein
    paginas = _paginas(activiteit)
    voor = _meet(client, gebruikers, paginas)
    weinig, veel = groei()
    assert veel >= 5 * weinig  # the data really grew
    na = _meet(client, gebruikers, paginas)
    queries = {p: (voor[p][0], na[p][0]) for p in voor if voor[p][0] != na[p][0]}
    assert not queries, f"queries groeien met de gegevens: {queries}"
    html = {p: (voor[p][1], na[p][1]) for p in voor if na[p][1] > 1.5 * voor[p][1]}
    assert not html, f"HTML groeit met de gegevens: {html}"


def test_the_indicator_page_shows_a_year_at_a_time_with_filters_and_pages(client, klein):
    gebruikers, _, groei = klein
    groei()
    client.force_login(gebruikers["manager"])
    adres = reverse("monitoring:indicator_detail", args=["6.1.1.1"])
    _, _, html = _queries_en_html(client, adres + "?jaar=2019")
    assert "Metingen in 2019" in html
    # Hengelo and five wijken, a yearly and twelve monthly figures each: 78 rows, 50 a page.
    assert "pagina 1 van 2" in html and "Volgende" in html and "Vorige" not in html
    tabel = html[html.index('id="metingen-kop"') :]
    assert "2020" not in re.sub(r"<(nav|form).*?</\1>", "", tabel, flags=re.S)  # another year's figures
    _, _, html = _queries_en_html(client, adres + "?jaar=2019&pagina=2")
    assert "pagina 2 van 2" in html and "Vorige" in html
    wijk = Wijk.objects.get(naam="Schaalwijk 3")
    _, _, html = _queries_en_html(client, adres + f"?jaar=2019&wijk=wijk-{wijk.pk}&soort=realisatie")
    tabel = html[html.index('id="metingen-kop"') :]
    assert tabel.count("Schaalwijk 3</td>") == 13 and "Schaalwijk 2</td>" not in tabel
    assert "pagina 1 van" not in tabel  # 13 rows: one page, no page navigation
    # The chart holds a point per year and series, the latest month of each year for monthly figures.
    figuur = client.get(adres).context["figuur"]
    for reeks in figuur["data"]:
        assert len(reeks["x"]) == len({x[:4] for x in reeks["x"]}), reeks["name"]
    assert "de laatste waarde van dat jaar" in client.get(adres).content.decode()


@pytest.mark.parametrize(
    "zoekvraag",
    ["?jaar=abc", "?jaar=1850", "?wijk=wijk-999999", "?wijk=kapot", "?soort=onzin", "?pagina=999&jaar=2019"],
)
def test_a_wrong_filter_on_the_indicator_page_falls_back_with_a_dutch_message(client, klein, zoekvraag):
    gebruikers, _, _ = klein
    client.force_login(gebruikers["manager"])
    _, _, html = _queries_en_html(
        client, reverse("monitoring:indicator_detail", args=["6.1.1.1"]) + zoekvraag
    )
    if "pagina" in zoekvraag:
        assert "Metingen in 2019" in html  # past the last page: the last page
    else:
        assert 'role="alert"' in html and ("getoond" in html)


def test_the_standing_reads_a_point_per_year_whatever_the_number_of_monthly_figures(klein):
    _, _, groei = klein
    groei()
    standen = monitoring_selectors.indicatoren_met_stand()
    for stand in standen:
        jaren = [m.periode_begin.year for m in stand.realisaties]
        assert len(jaren) == len(set(jaren)), stand.indicator.code
    stand = next(s for s in standen if s.indicator.code == "6.1.1.1")
    assert stand.laatste_realisatie.periode == "2024-12"  # the newest figure, monthly
    assert stand.realisaties[-1].periode == "2024-12"


def test_the_activity_page_shows_the_latest_ten_updates_and_pages_back(client, klein):
    gebruikers, activiteit, groei = klein
    groei()
    client.force_login(gebruikers["manager"])
    adres = reverse("actielijnen:activiteit_detail", args=[activiteit.sleutel])
    _, _, html = _queries_en_html(client, adres)
    assert html.count('class="app-kaart app-rapportage"') == 10
    assert "Schaalupdate 0\n" in html or "Schaalupdate 0<" in html  # the newest first
    totaal = activiteit.voortgangsrapportages.count()
    pagina_s = -(-totaal // 10)
    assert f"pagina 1 van {pagina_s}" in html and "Volgende" in html
    _, _, html = _queries_en_html(client, f"{adres}?pagina={pagina_s}")
    assert f"pagina {pagina_s} van {pagina_s}" in html and "Vorige" in html
    assert html.count('class="app-kaart app-rapportage"') == totaal - 10 * (pagina_s - 1)


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return " ".join(str(rij) for rij in cursor.fetchall())


def test_the_freshness_footer_reads_an_index(klein):
    """The newest update and the newest meting change: an index lookup, not a scan of every row."""
    if connection.vendor != "sqlite":  # PostgreSQL picks a plan by table size; the index must exist there too
        indexen = connection.introspection.get_constraints(
            connection.cursor(), "actielijnen_voortgangsrapportage"
        )
        assert any(i["columns"] == ["aangemaakt_op"] and i["index"] for i in indexen.values())
        return
    with CaptureQueriesContext(connection) as context:
        assert actielijnen_selectors.laatste_update() is not None
        monitoring_selectors.laatste_meting_wijziging()
    for query in context.captured_queries:
        assert "USING COVERING INDEX" in _plan(query["sql"]) or "USING INDEX" in _plan(query["sql"]), query


def test_the_admin_metingen_list_counts_at_most_a_bounded_number_of_rows(client, klein):
    gebruikers, _, groei = klein
    groei()
    from monitoring.admin import BegrensdeTelling

    BegrensdeTelling.GRENS, oude_grens = 1000, BegrensdeTelling.GRENS
    try:
        client.force_login(gebruikers["beheerder"])
        with CaptureQueriesContext(connection) as context:
            antwoord = client.get(reverse("admin:monitoring_meting_changelist"))
        assert antwoord.status_code == 200
    finally:
        BegrensdeTelling.GRENS = oude_grens
    tellingen = [
        q["sql"]
        for q in context.captured_queries
        if "COUNT(" in q["sql"].upper() and "monitoring_meting" in q["sql"]
    ]
    assert len(tellingen) == 1, tellingen  # no second count of the whole table
    assert "LIMIT 1001" in tellingen[0]  # reads at most GRENS + 1 rows
    assert antwoord.context["cl"].result_count == 1001 and not antwoord.context["cl"].show_full_result_count
