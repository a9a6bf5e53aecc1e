"""Figures that say something: peil, latest realisation, the same-year and the next target with the distance to it,
the direction that counts as better, a trend, and on/off course only where a same-year target exists.

Read through the real pages (college, indicator list and detail) with the demo programme's §6.2 figures.
"""

import re
from decimal import Decimal
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from bronnen.constants import Ernst
from bronnen.models import Datakwaliteitsnotitie
from monitoring import selectors
from monitoring.models import Doel, Indicator, Meting, Wijk

pytestmark = pytest.mark.django_db
COLLEGE = reverse("rapportage:college")


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _rij(html: str, code: str) -> str:
    """The text of the table row whose header starts with the indicator's code (first table that has it)."""
    for rij in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        if re.search(rf'scope="row">(<a [^>]*>)?{re.escape(code)}\b', rij):
            return _tekst(rij)
    raise AssertionError(f"geen rij voor {code}")


def _pagina(client, gebruiker, rol="college", adres=COLLEGE) -> str:
    client.force_login(gebruiker(rol))
    antwoord = client.get(adres)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _realisatie(code, periode, waarde, **velden):
    return Meting.objects.create(
        indicator=Indicator.objects.get(code=code),
        periode=periode,
        soort="realisatie",
        waarde=Decimal(waarde),
        **velden,
    )


def test_no_indicator_reads_nog_niet_te_zeggen_and_each_says_why_with_the_next_target(
    client, monitoring, gebruiker
):
    html = _pagina(client, gebruiker)
    assert "nog niet te zeggen" not in html
    rij = _rij(html, "6.1.1.1")  # realisation 2021, targets 2022–2026 only
    assert "Niet te bepalen: geen streefwaarde voor 2021; volgende streefwaarde 2022: 45" in rij
    rij = _rij(html, "6.2.1.1")  # no realisation at all ("n.v.t."), peil 2019
    assert "Niet te bepalen: nog geen realisatie gemeten; eerste streefwaarde 2022: 135" in rij
    rij = _rij(html, "6.2.6.1")  # the plan's report-mark targets were left out: none at all
    assert "Niet te bepalen: er zijn geen streefwaarden vastgelegd" in rij


def test_on_or_off_course_only_against_a_target_of_the_same_year(client, monitoring, gebruiker):
    _realisatie("6.2.3.1", "2023", "11.5")  # target 2023: 11,1%, higher is better
    _realisatie("6.2.2.1", "2023", "15.5")  # target 2023: 14,9%, lower is better
    html = _pagina(client, gebruiker)
    assert "Op koers" in _rij(html, "6.2.3.1") and "Niet op koers" not in _rij(html, "6.2.3.1")
    assert "Niet op koers" in _rij(html, "6.2.2.1")
    stand = next(s for s in selectors.indicatoren_met_stand() if s.indicator.code == "6.2.3.1")
    assert stand.op_koers is True and stand.streefwaarde.periode == "2023"
    assert stand.volgende_streefwaarde.periode == "2024"


def test_each_row_shows_peil_with_its_year_the_latest_realisation_and_the_direction(
    client, monitoring, gebruiker
):
    rij = _rij(_pagina(client, gebruiker), "6.1.1.1")
    assert "47,3% (2022)" in rij  # the latest of the three peilwaarden in the cell
    assert "45,5% (2021)" in rij
    assert "hoger is beter" in rij
    assert "lager is beter" in _rij(_pagina(client, gebruiker), "6.2.2.1")


def test_the_distance_to_the_next_target_is_said_in_the_direction_that_counts(client, monitoring, gebruiker):
    html = _pagina(client, gebruiker)
    assert "nog 31 omhoog" in _rij(html, "6.2.3.3")  # 199 (2021) → 230 (2022), higher is better
    assert "nog 0,1 procentpunt omlaag" in _rij(html, "6.2.2.1")  # 15,0% → 14,9%, lower is better
    assert "al gehaald: 0,5 procentpunt erboven" in _rij(html, "6.1.1.1")  # 45,5% → 45,0%
    stand = next(s for s in selectors.indicatoren_met_stand() if s.indicator.code == "6.2.3.3")
    assert stand.afstand == Decimal(31)


def test_a_trend_of_the_realisations_with_a_sparkline_and_words(client, monitoring, gebruiker):
    html = _pagina(client, gebruiker)
    rij = _rij(html, "6.2.6.1")  # 65% (2021), 73% (2022), 77% (2023)
    assert "↑ gestegen sinds 2022 (beter)" in rij
    svg = re.search(r'<svg[^>]*aria-label="Realisaties: 2021 65%, 2022 73%, 2023 77%"[^>]*>', html)
    assert svg and 'role="img"' in svg.group(0)
    assert "<script" not in html.split("indicatoren-kop")[1].split("financien-kop")[0]
    assert "één meting (2021), nog geen trend" in _rij(html, "6.1.1.1")
    _realisatie("6.2.2.1", "2022", "14.2")  # lower is better: down from 15,0% is better
    assert "↓ gedaald sinds 2021 (beter)" in _rij(_pagina(client, gebruiker), "6.2.2.1")


def test_small_counts_stay_hidden_in_the_trend_and_the_distance(client, monitoring, gebruiker):
    _realisatie("6.2.3.3", "2022", "7")  # a count of people below the threshold
    rij = _rij(_pagina(client, gebruiker, "college"), "6.2.3.3")
    assert "niet getoond (kleine aantallen)" in rij and "238" not in rij  # 245 − 7 would give it away
    assert "Realisaties: 2021 199, 2022 7" not in _pagina(client, gebruiker, "college")
    rij = _rij(_pagina(client, gebruiker, "manager", reverse("monitoring:indicator_list")), "6.2.3.3")
    assert "nog 238 omhoog" in rij  # 7 (2022) → 245 (2023), shown to whoever may see small counts


def test_the_monitoring_pages_show_the_same_standing(client, monitoring, gebruiker):
    lijst = _pagina(client, gebruiker, "trekker", reverse("monitoring:indicator_list"))
    rij = _rij(lijst, "6.1.1.1")
    assert "geen streefwaarde voor 2021; volgende streefwaarde 2022" in rij and "47,3% (2022)" in rij
    assert "al gehaald: 0,5 procentpunt erboven" in rij
    detail = _tekst(
        _pagina(client, gebruiker, "trekker", reverse("monitoring:indicator_detail", args=["6.2.6.1"]))
    )
    assert "↑ gestegen sinds 2022 (beter)" in detail
    assert "er zijn geen streefwaarden vastgelegd" in detail


def _notitie(onderwerp, sleutel, betreft):
    return Datakwaliteitsnotitie.objects.create(
        onderwerp=onderwerp,
        sleutel=sleutel,
        betreft=betreft,
        citaat=f"citaat {betreft}",
        bron="Uitvoeringsplan 2023, §6.2",
        toelichting="toelichting",
        ernst=Ernst.WAARSCHUWING,
    )


def test_notes_on_goals_and_indicators_show_wherever_their_figures_are_shown(client, monitoring, gebruiker):
    _notitie(Doel.objects.get(code="6.2.3"), "test-doel-623", "DOELNOTITIE-623")
    _notitie(Doel.objects.get(code="6.2"), "test-doel-62", "HOOFDDOELNOTITIE-62")
    _notitie(Indicator.objects.get(code="6.2.3.1"), "test-ind-6231", "INDICATORNOTITIE-6231")
    college = _pagina(client, gebruiker, "college")
    for tekst in (
        "DOELNOTITIE-623",
        "HOOFDDOELNOTITIE-62",
        "INDICATORNOTITIE-6231",
        "citaat DOELNOTITIE-623",
    ):
        assert tekst in college, tekst
    assert college.count("citaat DOELNOTITIE-623") == 1  # once per table, not once per indicator of the goal
    lijst = _pagina(client, gebruiker, "trekker", reverse("monitoring:indicator_list"))
    assert "DOELNOTITIE-623" in lijst and "INDICATORNOTITIE-6231" in lijst and "HOOFDDOELNOTITIE-62" in lijst
    detail = _pagina(client, gebruiker, "trekker", reverse("monitoring:indicator_detail", args=["6.2.3.2"]))
    assert "DOELNOTITIE-623" in detail and "HOOFDDOELNOTITIE-62" in detail
    assert "INDICATORNOTITIE-6231" not in detail  # another indicator's note


def _queries(functie) -> int:
    with CaptureQueriesContext(connection) as context:
        functie()
    return len(context)


def test_the_standing_and_the_pages_need_the_same_queries_for_few_and_many_metingen(
    client, monitoring, gebruiker
):
    client.force_login(gebruiker("college"))

    def college():
        assert client.get(COLLEGE).status_code == 200

    def selector():
        assert len(selectors.indicatoren_met_stand()) == Indicator.objects.count()

    college()  # warm caches
    weinig = (_queries(selector), _queries(college))
    assert weinig[0] <= 5
    wijk = Wijk.objects.create(naam="Hengelo-Noord", cbs_code="WK016401")
    for indicator in Indicator.objects.all():
        for jaar in range(2000, 2020):
            Meting.objects.create(indicator=indicator, periode=str(jaar), soort="realisatie", waarde=50)
            Meting.objects.create(
                indicator=indicator, periode=str(jaar), soort="streef", waarde=50, wijk=wijk
            )
        _notitie(indicator, f"test-{indicator.code}", f"notitie {indicator.code}")
    for doel in Doel.objects.all():
        _notitie(doel, f"test-doel-{doel.code}", f"notitie {doel.code}")
    assert (_queries(selector), _queries(college)) == weinig
