"""Control characters in the address, the query string or a form get the Dutch 400 page before any query
(hengelo_sd/invoerbewaking.py). PostgreSQL refuses NUL in text: a NUL that reached a filter was a 500 there.
SQLite takes NUL, so these tests prove the guard by its answer and by counting queries: none at all."""

from urllib.parse import urlencode

from django.urls import reverse

import pytest

from tests.test_csp import richtlijnen

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer_client(client, programma, django_user_model):
    client.force_login(django_user_model.objects.get(username="beheerder"))
    return client


def is_nederlandse_400(antwoord) -> bool:
    tekst = antwoord.content.decode()
    return (
        antwoord.status_code == 400
        and '<html lang="nl"' in tekst
        and "Ongeldig verzoek" in tekst
        and "Bad Request" not in tekst
    )


# The pages the probe found (participatie's filters on ?activiteit=, admin list filters) and more of the kind.
HOSTILE_GETS = [
    reverse("participatie:trajecten") + "?activiteit=%00",
    reverse("participatie:inbreng_overzicht") + "?activiteit=1.1%00",
    reverse("participatie:communicatie") + "?activiteit=%00x",
    reverse("participatie:evaluaties") + "?activiteit=%00",
    "/admin/monitoring/meting/?soort=%00",
    "/admin/monitoring/indicator/?richting=stijgend%00",
    "/admin/actielijnen/activiteit/?q=%00",
    "/admin/bronnen/datakwaliteitsnotitie/?ernst=%01",
    "/inwoners/?a%00b=1",  # in a key
    "/inwoners/?q=%1b[31m",  # ESC
    "/inwoners/?q=%7f",  # DEL
    "/inwoners/?q=regel%0Aregel",  # a newline: fine in a form, never in a query string
    "/inwoners%00/",  # in the path
]


@pytest.mark.parametrize("url", HOSTILE_GETS)
def test_control_characters_in_the_address_get_the_dutch_400_before_any_query(
    beheer_client, url, django_assert_num_queries
):
    with django_assert_num_queries(0):
        antwoord = beheer_client.get(url)
    assert is_nederlandse_400(antwoord), (url, antwoord.status_code)


def test_the_400_page_has_the_site_layout_and_the_security_headers(client, db):
    antwoord = client.get("/inwoners/?q=%00")
    tekst = antwoord.content.decode()
    assert is_nederlandse_400(antwoord)
    assert "Transformatiemonitor" in tekst and 'href="/inwoners/"' in tekst and "Inloggen" in tekst
    assert richtlijnen(antwoord)["frame-ancestors"] == ["'none'"]
    assert antwoord["X-Frame-Options"] == "DENY"
    assert antwoord["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("urlencoded", [True, False], ids=["urlencoded", "multipart"])
def test_control_characters_in_a_posted_form_get_the_400_before_any_query(
    beheer_client, django_assert_num_queries, urlencoded
):
    url = reverse("participatie:stakeholder_toevoegen")
    for veld in ({"naam": "Wijkraad\x00"}, {"naam\x07": "Wijkraad"}, {"naam": "Wijk\x1braad"}):
        with django_assert_num_queries(0):
            if urlencoded:  # as a browser sends a form
                antwoord = beheer_client.post(
                    url, urlencode(veld), content_type="application/x-www-form-urlencoded"
                )
            else:  # the test client's default; a client could choose it to slip past an urlencoded-only check
                antwoord = beheer_client.post(url, veld)
        assert is_nederlandse_400(antwoord), veld


def test_tab_newline_and_carriage_return_in_form_text_pass(client, programma):
    # A textarea sends CR LF, and a pasted text may hold a tab: the login form answers as usual.
    antwoord = client.post(
        reverse("login"), {"username": "trekker", "password": "fout\twachtwoord\r\nregel twee"}
    )
    assert antwoord.status_code == 200
    assert "Ongeldig verzoek" not in antwoord.content.decode()


def test_ordinary_unusual_input_passes(beheer_client):
    # Quotes, unicode and an unknown parameter are not control characters: the page answers as usual.
    for url in (
        "/inwoners/?q=%27%22%3C%3E%20%C3%A9%E2%80%94%F0%9F%98%80",
        reverse("participatie:trajecten") + "?activiteit=%27%20OR%201%3D1--",
    ):
        assert beheer_client.get(url).status_code == 200, url
