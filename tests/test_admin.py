"""The admin shows the whole programme, in Dutch, for every registered model."""

from django.contrib import admin
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder_client(client, programma, django_user_model):
    client.force_login(django_user_model.objects.get(username="beheerder"))
    return client


def test_every_admin_changelist_add_and_change_page_opens(beheerder_client):
    for model, model_admin in admin.site._registry.items():
        naam = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        lijst = beheerder_client.get(reverse(f"{naam}_changelist"))
        assert lijst.status_code == 200, model
        if model_admin.has_add_permission(lijst.wsgi_request):
            assert beheerder_client.get(reverse(f"{naam}_add")).status_code == 200, model
        eerste = model.objects.first()
        if eerste is not None:
            wijzig = beheerder_client.get(reverse(f"{naam}_change", args=[eerste.pk]))
            assert wijzig.status_code == 200, model
            historie = beheerder_client.get(reverse(f"{naam}_history", args=[eerste.pk]))
            assert historie.status_code == 200, model


def test_the_admin_speaks_dutch_and_shows_the_programme(beheerder_client):
    index = beheerder_client.get(reverse("admin:index")).content.decode()
    assert "Beheer van het programma" in index
    assert "Actielijnen" in index and "Beleidsindicatoren" in index and "Inkoopfasen" in index
    activiteiten = beheerder_client.get(
        reverse("admin:actielijnen_activiteit_changelist") + "?all="
    ).content.decode()
    assert "33 activiteiten" in activiteiten
    assert "Wijkteams jeugd met preventieteam, EJK en GRIP" in activiteiten


def test_the_admin_shows_data_quality_notes_on_the_indicator_they_concern(beheerder_client):
    from monitoring.models import Indicator

    indicator = Indicator.objects.get(code="6.1.2.1")
    pagina = beheerder_client.get(
        reverse("admin:monitoring_indicator_change", args=[indicator.pk])
    ).content.decode()
    assert "202300,0%" in pagina
    assert "Uitgesloten" in pagina


def test_an_activity_in_the_admin_has_its_milestones_risks_and_updates_inline(beheerder_client):
    from actielijnen.models import Activiteit

    activiteit = Activiteit.objects.get(code="2.5")
    pagina = beheerder_client.get(
        reverse("admin:actielijnen_activiteit_change", args=[activiteit.pk])
    ).content.decode()
    for kop in ("Mijlpalen", "Risico", "Voortgangsrapportages", "Opdrachtbeschrijving"):
        assert kop in pagina


def test_people_without_admin_rights_are_sent_to_the_admin_login(client, programma, django_user_model):
    client.force_login(django_user_model.objects.get(username="trekker"))
    antwoord = client.get(reverse("admin:actielijnen_activiteit_changelist"))
    assert antwoord.status_code == 302
    assert "/admin/login/" in antwoord["Location"]


def test_ordering_by_a_column_that_cannot_be_sorted_is_ignored(beheerder_client):
    """?o=1 on the data-quality notes ordered by "onderwerp", a GenericForeignKey: a FieldError (500). The
    header offers no sorting there, and a typed ?o= on it is ignored like any other unsortable column."""
    lijst = reverse("admin:bronnen_datakwaliteitsnotitie_changelist")
    for o in ("1", "-1", "1.-2", "0.1", "99", "x"):
        antwoord = beheerder_client.get(f"{lijst}?o={o}")
        assert antwoord.status_code == 200, o
        assert "datakwaliteitsnotitie" in antwoord.content.decode()


def test_a_filter_the_database_cannot_apply_gets_the_admins_error_page(beheerder_client):
    lijst = reverse("admin:bronnen_datakwaliteitsnotitie_changelist")
    antwoord = beheerder_client.get(f"{lijst}?onderwerp=1")  # the GenericForeignKey again, now as a filter
    assert antwoord.status_code == 302 and antwoord["Location"] == f"{lijst}?e=1"
    assert beheerder_client.get(antwoord["Location"]).status_code == 200
