"""Periods on the bottom floor: validated wherever they are entered, shown the Dutch way wherever they are read."""

from django.template import Context, Template
from django.urls import reverse

import pytest

from accounts.constants import Rol
from actielijnen.models import Voortgangsrapportage
from kern.notatie import Periode, periode_tekst
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActiviteitFactory, VoortgangsrapportageFactory


@pytest.mark.parametrize(
    ("tekst", "nederlands"),
    [
        ("2025", "2025"),
        ("2025-Q2", "2e kwartaal 2025"),
        ("2025q4", "4e kwartaal 2025"),
        ("2025-05", "mei 2025"),
    ],
)
def test_a_period_reads_the_dutch_way(tekst, nederlands):
    assert Periode.parse(tekst).nederlands == nederlands
    assert periode_tekst(tekst) == nederlands


def test_text_that_is_no_period_is_shown_as_it_is_and_nothing_as_a_dash():
    assert periode_tekst("voorjaar 2023") == "voorjaar 2023"
    assert periode_tekst("") == "–"


def test_the_template_filter_shows_the_dutch_period():
    html = Template("{% load notatie %}{{ p|periode }}").render(Context({"p": "2025-Q2"}))
    assert html == "2e kwartaal 2025"


@pytest.fixture
def trekker_en_activiteit(db):
    trekker = UserFactory(rollen=[Rol.TREKKER])
    activiteit = ActiviteitFactory(
        trekker=trekker,
        opdrachtgever=UserFactory(rollen=[Rol.OPDRACHTGEVER]),
        opdrachtnemer=UserFactory(rollen=[Rol.TREKKER]),
        opgavecoordinator=UserFactory(rollen=[Rol.OPGAVECOORDINATOR]),
        met_opdracht=True,
    )
    return trekker, activiteit


UPDATE = {
    "rag": "groen",
    "percentage_gereed": "35",
    "fase": "uitvoering",
    "status": "lopend",
    "toelichting": "De eerste wijkbijeenkomsten zijn gehouden.",
}


@pytest.mark.django_db
def test_the_update_form_refuses_free_text_periods_with_a_dutch_message(client, trekker_en_activiteit):
    trekker, activiteit = trekker_en_activiteit
    client.force_login(trekker)
    url = reverse("actielijnen:voortgang_create", args=[activiteit.sleutel])
    antwoord = client.post(url, {**UPDATE, "periode": "vorige maand"})
    assert antwoord.status_code == 200
    assert "&#x27;vorige maand&#x27; is geen periode" in antwoord.content.decode()
    assert not Voortgangsrapportage.objects.exists()
    antwoord = client.post(url, {**UPDATE, "periode": "2025q2"})
    assert antwoord.status_code == 302
    assert Voortgangsrapportage.objects.get().periode == "2025-Q2"  # stored the one way


@pytest.mark.django_db
def test_the_activity_page_shows_update_periods_the_dutch_way(client, trekker_en_activiteit):
    trekker, activiteit = trekker_en_activiteit
    VoortgangsrapportageFactory(activiteit=activiteit, auteur=trekker, periode="2025-05")
    client.force_login(trekker)
    html = client.get(activiteit.get_absolute_url()).content.decode()
    assert "periode mei 2025" in html
