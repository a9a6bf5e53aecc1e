"""The main menu per role (issue 15): exactly the pages the role may open, no dead boxes, every link works."""

import html as html_module
import re

from django.urls import NoReverseMatch, reverse

import pytest

from accounts import selectors as navigatie
from accounts.constants import Rol
from accounts.models import User
from tests.accounts.factories import UserFactory

NIVEAUS = {
    "uitvoering": ["Uitvoering", "Inwoners"],
    "management": ["Uitvoering", "Management", "College", "Raad", "Inwoners"],
    "college": ["College", "Raad", "Inwoners"],
    "raad": ["Raad", "Inwoners"],
}
PARTICIPATIE = ["Participatie", "Inkoop", "Communicatie"]  # the programme organisation's workflows (issue 16)
PROGRAMMA = ["Besluiten", "Risico's", "Indicatoren", *PARTICIPATIE, "Rapportages", "Moties"]
CIJFERS = ["Indicatoren", "Financiën", "Transformatiepiramide"]
# Per demo account: the levels, then the pages. Pages another part of the app has not built yet drop out of the
# menu (NoReverseMatch), so the expectation leaves them out the same way (see _bestaat).
VERWACHT = {
    "trekker": NIVEAUS["uitvoering"] + PROGRAMMA,
    "opdrachtgever": NIVEAUS["uitvoering"] + PROGRAMMA,
    "opgavecoordinator": NIVEAUS["uitvoering"] + PROGRAMMA,
    "manager": NIVEAUS["management"]
    + ["Besluiten", "Risico's", *CIJFERS, "Fit-gapoverzicht", "Datagaten", "Export", *PARTICIPATIE]
    + ["Rapportages", "Moties"],
    "college": NIVEAUS["college"] + [*CIJFERS, "Rapportages", "Moties"],
    "raad": NIVEAUS["raad"] + ["Rapportages"],
    "griffie": NIVEAUS["raad"] + ["Rapportages", "Moties"],
    "beheerder": NIVEAUS["management"]
    + ["Besluiten", "Risico's", *CIJFERS, "Fit-gapoverzicht", "Datagaten", "Import", "Importgeschiedenis"]
    + ["Export", *PARTICIPATIE, "Rapportages", "Moties", "Beheer"],
}
URL_NAMEN = {label: url_name for label, url_name, _ in navigatie.HOOFDMENU_PAGINAS}


def _bestaat(label: str) -> bool:
    if label not in URL_NAMEN:
        return True
    try:
        reverse(URL_NAMEN[label])
    except NoReverseMatch:
        return False
    return True


def _menu(html: str) -> str:
    return html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]


def _links(html: str) -> list[tuple[str, str]]:
    """(href, visible label) of every link in the main menu."""
    return [
        (href, html_module.unescape(re.sub(r"<span class=\"app-visueel-verborgen\">.*?</span>", "", label)))
        for href, label in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', _menu(html))
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("naam", list(VERWACHT))
def test_each_role_sees_exactly_the_pages_it_may_open_and_each_link_answers_200(client, programma, naam):
    client.force_login(User.objects.get(username=naam))
    start = client.get(reverse("start"), follow=True)
    links = _links(start.content.decode())
    verwacht = [label for label in VERWACHT[naam] if _bestaat(label)] + ["Wachtwoord wijzigen"]
    assert [label for _, label in links] == verwacht
    for href, label in links:
        if href.startswith("/admin/"):
            continue  # Django's admin index: its access is the admin's own matrix
        antwoord = client.get(href)
        assert antwoord.status_code == 200, f"{naam}: {label} ({href}) geeft {antwoord.status_code}"


@pytest.mark.django_db
def test_an_anonymous_visitor_sees_no_dead_level_boxes_only_the_public_page_and_login(client):
    html = client.get(reverse("rapportage:inwoners")).content.decode()
    assert _links(html) == [(reverse("rapportage:inwoners"), "Inwoners"), (reverse("login"), "Inloggen")]
    menu = _menu(html)
    for niveau in ("Uitvoering", "Management", "College", "Raad"):
        assert niveau not in menu
    assert "<span>" not in menu


@pytest.mark.django_db
def test_the_current_page_is_marked_and_pages_below_it_mark_their_section(client, programma):
    client.force_login(User.objects.get(username="beheerder"))
    html = client.get(reverse("monitoring:import_historie")).content.decode()
    huidig = re.findall(r'<a [^>]*href="([^"]+)"[^>]*aria-current="(\w+)"', _menu(html))
    assert huidig == [(reverse("monitoring:import_historie"), "page")]
    indicator = client.get(reverse("monitoring:indicator_detail", args=["6.1.1.1"])).content.decode()
    huidig = re.findall(r'<a [^>]*href="([^"]+)"[^>]*aria-current="(\w+)"', _menu(indicator))
    assert huidig == [(reverse("monitoring:indicator_list"), "true")]


@pytest.mark.django_db
def test_the_menu_is_a_disclosure_that_works_without_javascript(client):
    client.force_login(UserFactory(rollen=[Rol.MANAGER]))
    menu = _menu(client.get(reverse("actielijnen:management")).content.decode())
    assert '<details class="app-menu" id="hoofdmenu" open>' in menu
    assert '<summary class="app-menu__knop">Menu</summary>' in menu


@pytest.mark.django_db
def test_pages_that_do_not_exist_yet_are_left_out(monkeypatch):
    monkeypatch.setattr(
        navigatie,
        "HOOFDMENU_PAGINAS",
        (
            ("Bestaat niet", "actielijnen:bestaat_niet", ("actielijnen.view_uitvoering",)),
            ("Indicatoren", "monitoring:indicator_list", ("monitoring.view_indicator",)),
        ),
    )
    menu = navigatie.hoofdmenu(UserFactory(rollen=[Rol.MANAGER]), "/")
    assert [link.label for link in menu["paginas"]] == ["Indicatoren"]
