"""Refused requests answer in Dutch (hengelo_sd/foutpaginas.py): a Host outside ALLOWED_HOSTS gets the Dutch 400
page, not Django's English "Bad Request (400)"; a visitor who is not signed in goes to the login page with
?next= on every page that asks for it, as the README promises (the edition and motie pages answered 403, the
downloads 404); who is signed in and may not still gets the Dutch 403."""

from urllib.parse import quote

from django.test import Client
from django.urls import reverse

import pytest

from rapportage import export_csv

pytestmark = pytest.mark.django_db


def test_a_wrong_host_gets_the_dutch_400_page(client, settings):
    settings.DEBUG = False  # with DEBUG Django shows its technical page instead; production runs without
    antwoord = client.get("/inwoners/", HTTP_HOST="aanvaller.example")
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert '<html lang="nl"' in tekst and "Ongeldig verzoek" in tekst
    assert "Bad Request" not in tekst
    assert antwoord["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in antwoord["Content-Security-Policy"]


def test_anonymous_visitors_go_to_the_login_page_with_next(programma):
    # Before any edition is looked up: the address of one that does not exist is enough.
    anoniem = Client()
    for url in (
        reverse("rapportage:editie_lijst"),
        reverse("rapportage:motie_lijst"),
        reverse("rapportage:motie_nieuw"),
        reverse("rapportage:vergelijken") + "?oud=1&nieuw=2",
        reverse("rapportage:editie", args=[1]),
        reverse("rapportage:editie_download", args=[1, "pdf"]),
        reverse("rapportage:editie_csv", args=[1, next(iter(export_csv.TABELLEN))]),
    ):
        antwoord = anoniem.get(url)
        assert antwoord.status_code == 302, (url, antwoord.status_code)
        assert antwoord["Location"] == f"{reverse('login')}?next={_gecodeerd(url)}", url
        assert anoniem.post(url, {})["Location"].startswith(reverse("login") + "?next="), url


def _gecodeerd(url: str) -> str:
    return quote(url, safe="/")


def test_signed_in_users_who_may_not_still_get_the_dutch_403(client, programma, django_user_model):
    client.force_login(django_user_model.objects.get(username="raad"))
    antwoord = client.get(reverse("rapportage:motie_lijst"))
    assert antwoord.status_code == 403
    assert "U heeft geen toegang tot deze pagina." in antwoord.content.decode()
