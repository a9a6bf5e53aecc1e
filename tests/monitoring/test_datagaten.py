"""The data-gap list: per indicator the missing years and kinds of figures, and whom to ask, for the data team."""

import re
from datetime import date
from decimal import Decimal
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.selectors import monitoring_links
from monitoring import selectors
from monitoring.models import Indicator, Meting, Wijk

pytestmark = pytest.mark.django_db
DATAGATEN = reverse("monitoring:datagaten")
VANDAAG = date(2026, 11, 23)


def _gaten(code, vandaag=VANDAAG):
    return next(g for g in selectors.datagaten(vandaag=vandaag).indicatoren if g.indicator.code == code)


def _rij(html: str, code: str) -> str:
    for rij in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        if f">{code}</a>" in rij:
            return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", rij)))
    raise AssertionError(code)


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("beheerder", 200),
        ("manager", 200),
        ("college", 403),
        ("trekker", 403),
        ("raad", 403),
        ("griffie", 403),
    ],
)
def test_the_data_team_and_the_manager_open_the_list_others_do_not(
    client, monitoring, gebruiker, rol, status
):
    client.force_login(gebruiker(rol))
    assert client.get(DATAGATEN).status_code == status


def test_anonymous_visitors_go_to_the_login_page(client, monitoring):
    antwoord = client.get(DATAGATEN)
    assert antwoord.status_code == 302 and antwoord.url.startswith(reverse("login"))


def test_the_list_is_linked_from_the_navigation_and_the_indicator_list(client, monitoring, gebruiker):
    for rol, zichtbaar in (("beheerder", True), ("manager", True), ("college", False), ("trekker", False)):
        links = {link.url for link in monitoring_links(gebruiker(rol))}
        assert (DATAGATEN in links) is zichtbaar, rol
        client.force_login(gebruiker(rol))
        html = client.get(reverse("monitoring:indicator_list")).content.decode()
        assert (f'href="{DATAGATEN}"' in html) is zichtbaar, rol


def test_missing_realisations_from_the_peil_year_up_to_this_year(monitoring):
    # 6.1.1.1: peil 2019, 2021, 2022 (a peil year counts as measured), realisation 2021.
    gaten = _gaten("6.1.1.1")
    assert gaten.realisatie == [2020, 2023, 2024, 2025, 2026]
    assert gaten.realisatie_tekst == "2020, 2023–2026"
    assert _gaten("6.1.1.1", vandaag=date(2024, 3, 1)).realisatie == [2020, 2023, 2024]
    assert _gaten("6.2.1.1").realisatie_tekst == "2020–2026"  # peil 2019, realisation "n.v.t."
    Meting.objects.create(
        indicator=Indicator.objects.get(code="6.1.1.1"), periode="2023", soort="realisatie", waarde=48
    )
    assert _gaten("6.1.1.1").realisatie == [2020, 2024, 2025, 2026]


def test_missing_targets_over_the_programme_years(monitoring):
    assert _gaten("6.1.2.1").streefwaarde == [2023]  # the source's "202300,0%" was left out
    assert _gaten("6.2.1.1").streefwaarde == [2026]  # the source gives no 2026 target for 6.2.1
    assert _gaten("6.2.6.1").streefwaarde_tekst == "2022–2026"  # report marks left out: none at all
    assert _gaten("6.1.1.1").streefwaarde == []


def test_missing_figures_per_wijk(client, monitoring, gebruiker):
    client.force_login(gebruiker("beheerder"))
    assert "geen wijken vastgelegd" in _rij(client.get(DATAGATEN).content.decode(), "6.1.1.1")
    noord = Wijk.objects.create(naam="Noord", cbs_code="WK016401")
    zuid = Wijk.objects.create(naam="Zuid", cbs_code="WK016402")
    indicator = Indicator.objects.get(code="6.1.1.1")
    for jaar in range(2019, 2027):
        Meting.objects.create(
            indicator=indicator, periode=str(jaar), soort="realisatie", waarde=40, wijk=noord
        )
    Meting.objects.create(indicator=indicator, periode="2020", soort="realisatie", waarde=40, wijk=zuid)
    assert _gaten("6.1.1.1").per_wijk_tekst == "2019, 2021–2026: 1 van de 2 wijken"
    assert _gaten("6.1.1.2").per_wijk_tekst == "2019–2026: alle 2 wijken"
    assert "2019–2026: alle 2 wijken" in _rij(client.get(DATAGATEN).content.decode(), "6.1.1.2")


def test_each_row_names_whom_to_ask(client, monitoring, gebruiker):
    Indicator.objects.filter(code="6.2.6.2").update(bron="Kennispunt Twente, cliëntervaringsonderzoek Wmo")
    client.force_login(gebruiker("beheerder"))
    html = client.get(DATAGATEN).content.decode()
    assert "Kennispunt Twente, cliëntervaringsonderzoek Wmo" in _rij(html, "6.2.6.2")
    assert "niet vastgelegd" in _rij(html, "6.1.1.1")  # not guessed
    assert "2020, 2023–2026" in _rij(html, "6.1.1.1")
    assert not re.search(r"\b2\.0[12]\d\b", html)  # a year is never printed with a thousands dot


def _queries(functie) -> int:
    with CaptureQueriesContext(connection) as context:
        functie()
    return len(context)


def test_the_list_and_its_page_need_the_same_queries_for_few_and_many_metingen(client, monitoring, gebruiker):
    client.force_login(gebruiker("manager"))

    def pagina():
        assert client.get(DATAGATEN).status_code == 200

    def selector():
        selectors.datagaten(vandaag=VANDAAG)

    pagina()  # warm caches
    weinig = (_queries(selector), _queries(pagina))
    assert weinig[0] <= 4
    wijken = [Wijk.objects.create(naam=f"Wijk {i}", cbs_code=f"WK0164{i:02d}") for i in range(5)]
    for indicator in Indicator.objects.all():
        for wijk in wijken:
            for jaar in range(2019, 2025):
                Meting.objects.create(
                    indicator=indicator, periode=str(jaar), wijk=wijk, soort="realisatie", waarde=Decimal(5)
                )
    assert (_queries(selector), _queries(pagina)) == weinig
