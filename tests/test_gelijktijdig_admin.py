"""No lost updates in the admin: two beheerders on the same change form (or inline row), both save.

The page is read as a browser reads it (every input, select and textarea of the change form, hidden ones
included) and posted back, so the test goes through the real admin: its fieldsets, templates and transaction.
"""

from datetime import date

from django.test import Client
from django.urls import reverse

import pytest

from accounts.constants import Rol
from actielijnen import services as programma_services
from actielijnen.models import Activiteit, Mijlpaal, Risico
from kern.gelijktijdigheid import VELDNAAM
from monitoring.models import Indicator
from tests.accounts.factories import UserFactory
from tests.formulierdata import admin_formulier as _formulier

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerders(programma):
    """Two sessions with beheer rights: Bea (demo) and Bob; an activity with a milestone and a risk."""
    activiteit = Activiteit.objects.filter(trekker__username="trekker").order_by("pk").first()
    programma_services.mijlpaal_create(
        activiteit=activiteit,
        door=activiteit.trekker,
        omschrijving="Plan klaar",
        datum_gepland=date(2025, 3, 1),
    )
    programma_services.risico_create(
        activiteit=activiteit, auteur=activiteit.trekker, omschrijving="Uitval", kans=3, impact=2
    )
    bea = Client()
    bea.force_login(programma_gebruiker("beheerder"))
    bob = Client()
    bob.force_login(
        UserFactory(
            username="bob",
            first_name="Bob",
            last_name="Beheer",
            rollen=[Rol.BEHEERDER],
            is_staff=True,
            is_superuser=True,
        )
    )
    return bea, bob


def programma_gebruiker(username):
    from accounts.models import User

    return User.objects.get(username=username)


def _tegelijk(bea, bob, url, model, wijziging_bea, wijziging_bob):
    """Both open `url`; Bea saves her change; Bob saves his. Returns Bob's answer."""
    form_bea, form_bob = _formulier(bea.get(url), model), _formulier(bob.get(url), model)
    assert form_bob.get(VELDNAAM, [""])[0], "the change form carries the hidden token"
    antwoord = bea.post(url, {**form_bea, **wijziging_bea})
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    return bob.post(url, {**form_bob, **wijziging_bob})


def _geweigerd(antwoord, *stukken):
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Bea Beheerder wijzigde dit op" in html
    assert "Uw wijziging is niet opgeslagen" in html
    for stuk in stukken:
        assert stuk in html
    return html


def test_a_stale_admin_change_form_is_refused_and_overwrites_nothing(beheerders):
    bea, bob = beheerders

    risico = Risico.objects.filter(activiteit__isnull=False).order_by("pk").first()
    oude_kans = risico.kans
    url = reverse("admin:actielijnen_risico_change", args=[risico.pk])
    nieuwe_kans = 5 if oude_kans != 5 else 4
    antwoord = _tegelijk(
        bea,
        bob,
        url,
        Risico,
        {"kans": [str(nieuwe_kans)], "reden": ["Herbeoordeeld"]},
        {"omschrijving": ["Van Bob"], "reden": ["Tekst verduidelijkt"]},
    )
    _geweigerd(antwoord, "Kans (1–5)")
    risico.refresh_from_db()
    assert (risico.kans, risico.omschrijving) != (nieuwe_kans, "Van Bob")
    assert risico.kans == nieuwe_kans

    # Bob's input stays in the form with a fresh token: saving again overwrites knowingly.
    opnieuw = _formulier(antwoord, Risico)
    assert opnieuw["omschrijving"] == ["Van Bob"]
    assert bob.post(url, opnieuw).status_code == 302
    risico.refresh_from_db()
    assert risico.omschrijving == "Van Bob"

    mijlpaal = Mijlpaal.objects.order_by("pk").first()
    url = reverse("admin:actielijnen_mijlpaal_change", args=[mijlpaal.pk])
    antwoord = _tegelijk(
        bea, bob, url, Mijlpaal, {"omschrijving": ["Door Bea"]}, {"omschrijving": ["Door Bob"]}
    )
    _geweigerd(antwoord, "Omschrijving", "Door Bea")
    assert Mijlpaal.objects.get(pk=mijlpaal.pk).omschrijving == "Door Bea"

    indicator = Indicator.objects.get(code="6.1.2.1")
    url = reverse("admin:monitoring_indicator_change", args=[indicator.pk])
    antwoord = _tegelijk(bea, bob, url, Indicator, {"naam": ["Naam van Bea"]}, {"naam": ["Naam van Bob"]})
    _geweigerd(antwoord, "Naam van Bea")
    assert Indicator.objects.get(pk=indicator.pk).naam == "Naam van Bea"


def test_a_stale_inline_row_is_refused_and_overwrites_nothing(beheerders):
    bea, bob = beheerders
    activiteit = Activiteit.objects.filter(mijlpalen__isnull=False).order_by("pk").first()
    mijlpaal = activiteit.mijlpalen.order_by("pk").first()
    url = reverse("admin:actielijnen_activiteit_change", args=[activiteit.pk])
    form_bea = _formulier(bea.get(url), Activiteit)
    form_bob = _formulier(bob.get(url), Activiteit)
    rij = next(
        k.removesuffix("-id")
        for k, v in form_bob.items()
        if k.startswith("mijlpalen-") and k.endswith("-id") and v == [str(mijlpaal.pk)]
    )
    assert form_bob.get(f"{rij}-{VELDNAAM}", [""])[0], "the inline row carries its own token"

    assert bea.post(url, {**form_bea, f"{rij}-omschrijving": ["Rij van Bea"]}).status_code == 302
    antwoord = bob.post(url, {**form_bob, f"{rij}-omschrijving": ["Rij van Bob"]})
    _geweigerd(antwoord, "Rij van Bea")
    assert Mijlpaal.objects.get(pk=mijlpaal.pk).omschrijving == "Rij van Bea"


def test_a_forged_admin_token_is_a_dutch_error_not_a_500(beheerders):
    bea, _ = beheerders
    risico = Risico.objects.filter(activiteit__isnull=False).order_by("pk").first()
    url = reverse("admin:actielijnen_risico_change", args=[risico.pk])
    formulier = _formulier(bea.get(url), Risico)
    antwoord = bea.post(url, {**formulier, "omschrijving": ["Vervalst"], VELDNAAM: ["vervalst"]})
    assert antwoord.status_code == 200
    assert "ongeldig of beschadigd" in antwoord.content.decode()
    assert Risico.objects.get(pk=risico.pk).omschrijving != "Vervalst"


def test_saving_any_admin_change_form_unchanged_is_never_taken_for_a_conflict(beheerders):
    """No false alarms: every change form (and its inline rows) posted back as loaded meets no conflict."""
    from django.contrib import admin

    bea, _ = beheerders
    geprobeerd = 0
    for model in admin.site._registry:
        eerste = model._default_manager.order_by("pk").first()
        if eerste is None:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[eerste.pk])
        pagina = bea.get(url)
        if pagina.status_code != 200 or VELDNAAM not in _formulier(pagina, model):
            continue  # read-only for this user: nothing to save
        antwoord = bea.post(url, _formulier(pagina, model))
        assert antwoord.status_code in (200, 302), model
        assert "wijzigde dit" not in antwoord.content.decode(), model
        assert "controlegegevens" not in antwoord.content.decode(), model
        geprobeerd += 1
    assert geprobeerd >= 15
