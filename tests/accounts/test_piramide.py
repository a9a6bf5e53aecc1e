from django.urls import reverse

import pytest

from accounts import selectors as navigatie
from accounts.constants import Rol
from accounts.models import User
from accounts.selectors import niveaus_voor
from tests.accounts.factories import UserFactory

LANDING = {
    Rol.TREKKER: "actielijnen:uitvoering",
    Rol.OPDRACHTGEVER: "actielijnen:uitvoering",
    Rol.OPGAVECOORDINATOR: "actielijnen:uitvoering",
    Rol.MANAGER: "actielijnen:management",
    Rol.BEHEERDER: "actielijnen:management",
    Rol.COLLEGE: "rapportage:college",
    Rol.RAAD: "rapportage:raad",
    Rol.GRIFFIE: "rapportage:raad",
}


@pytest.mark.django_db
def test_anonymous_visitor_on_start_is_sent_to_the_login_page(client):
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")


@pytest.mark.django_db
def test_login_page_links_to_the_public_inwoners_page(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert reverse("rapportage:inwoners") in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("rol", list(LANDING))
def test_each_role_lands_on_its_own_level(client, rol):
    client.force_login(UserFactory(rollen=[rol]))
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response["Location"] == reverse(LANDING[rol])
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_a_user_without_a_role_lands_on_the_public_page(client):
    client.force_login(UserFactory())
    assert client.get(reverse("start"))["Location"] == reverse("rapportage:inwoners")


@pytest.mark.django_db
def test_every_demo_account_logs_in_with_its_password_and_lands_on_its_level(client, programma):
    verwacht = {
        "trekker": "actielijnen:uitvoering",
        "trekker2": "actielijnen:uitvoering",
        "opdrachtnemer": "actielijnen:uitvoering",
        "opdrachtgever": "actielijnen:uitvoering",
        "opgavecoordinator": "actielijnen:uitvoering",
        "manager": "actielijnen:management",
        "beheerder": "actielijnen:management",
        "beheerder2": "actielijnen:management",
        "college": "rapportage:college",
        "raad": "rapportage:raad",
        "griffie": "rapportage:raad",
    }
    assert set(verwacht) == set(User.objects.values_list("username", flat=True))
    for naam, url_name in verwacht.items():
        response = client.post(
            reverse("login"), {"username": naam, "password": "Hengelo-demo-2025"}, follow=True
        )
        assert response.redirect_chain[-1][0] == reverse(url_name), naam
        assert response.status_code == 200, naam
        client.post(reverse("logout"))


@pytest.mark.django_db
def test_navigation_marks_the_own_level_and_links_only_the_open_ones():
    manager = UserFactory(rollen=[Rol.MANAGER])
    niveaus = {n.sleutel: n for n in niveaus_voor(manager)}
    assert [n for n, niveau in niveaus.items() if niveau.eigen] == ["management"]
    assert all(niveau.open for niveau in niveaus.values())

    raadslid = UserFactory(rollen=[Rol.RAAD])
    niveaus = {n.sleutel: n for n in niveaus_voor(raadslid)}
    assert niveaus["raad"].eigen
    assert {n for n, niveau in niveaus.items() if niveau.open} == {"raad", "inwoners"}


@pytest.mark.django_db
def test_navigation_for_an_anonymous_visitor_opens_only_inwoners(client):
    html = client.get(reverse("rapportage:inwoners")).content.decode()
    assert f'href="{reverse("rapportage:inwoners")}"' in html
    assert f'href="{reverse("actielijnen:management")}"' not in html
    assert "Inloggen" in html


@pytest.mark.django_db
def test_own_level_is_highlighted_in_the_page_navigation(client):
    client.force_login(UserFactory(rollen=[Rol.COLLEGE]))
    html = client.get(reverse("rapportage:college")).content.decode()
    assert (
        f'<li class="app-piramide__niveau app-piramide__niveau--eigen"><a href="{reverse("rapportage:college")}"'
        ' aria-current="page">College<span class="app-visueel-verborgen"> (uw niveau)</span></a></li>'
    ) in html
    # Levels the college cannot open are no dead boxes: they are not in the navigation at all (issue 15).
    assert "Management" not in html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]


@pytest.mark.django_db
def test_monitoring_links_leave_out_pages_that_do_not_exist(monkeypatch):
    monkeypatch.setattr(
        navigatie,
        "MONITORING_PAGINAS",
        (
            ("Bestaat niet", "monitoring:bestaat_niet", "monitoring.view_indicator"),
            ("Indicatoren", "monitoring:indicator_list", "monitoring.view_indicator"),
        ),
    )
    links = navigatie.monitoring_links(UserFactory(rollen=[Rol.MANAGER]))
    assert [link.label for link in links] == ["Indicatoren"]


@pytest.mark.django_db
def test_monitoring_links_leave_out_pages_the_user_may_not_open():
    labels = [link.label for link in navigatie.monitoring_links(UserFactory(rollen=[Rol.TREKKER]))]
    assert "Financiën" not in labels


@pytest.mark.django_db
def test_password_change_page_needs_login_and_works_when_logged_in(client):
    assert client.get(reverse("password_change")).status_code == 302
    client.force_login(UserFactory(rollen=[Rol.TREKKER]))
    assert client.get(reverse("password_change")).status_code == 200


@pytest.mark.django_db
def test_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
