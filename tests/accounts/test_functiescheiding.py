"""Separation of duties in the admin (issue 30): no one grants themself power.

Every path the admin offers to a beheerder is tried as a browser would: the own account's change form, a second
account of one's own, another beheerder's password, the roles (groups) themselves, approving one's own request,
approving a request for oneself, and the log of role changes. A role that publishes or decides (college,
opdrachtgever, griffie, beheerder) is given only after a second beheerder approves it.
"""

import logging

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

import pytest

from accounts.constants import ROLLEN_MET_BESLISMACHT, Rol, Roltoekenningstatus
from accounts.models import Roltoekenning, User
from tests.accounts.factories import UserFactory
from tests.formulierdata import admin_formulier

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def bea():
    return UserFactory(username="bea", first_name="Bea", rollen=[Rol.BEHEERDER], is_staff=True)


@pytest.fixture
def bram():
    return UserFactory(username="bram", first_name="Bram", rollen=[Rol.BEHEERDER], is_staff=True)


@pytest.fixture
def tessa():
    return UserFactory(username="tessa", first_name="Tessa", rollen=[Rol.TREKKER])


def _rollen(user) -> set[str]:
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def _groep(rol) -> str:
    return str(Group.objects.get(name=rol).pk)


def _wijzig(client, user, **wijziging):
    """Open `user`'s change form, change what is given, save; returns the answer (redirects followed)."""
    url = reverse("admin:accounts_user_change", args=[user.pk])
    data = admin_formulier(client.get(url), User)
    data.update(wijziging)
    return client.post(url, data, follow=True)


def _meldingen(antwoord) -> str:
    return " ".join(str(m) for m in antwoord.context["messages"]) if antwoord.context else ""


def _beoordeel(client, toekenning, actie):
    return client.post(
        reverse("admin:accounts_roltoekenning_changelist"),
        {"action": actie, "_selected_action": [toekenning.pk]},
        follow=True,
    )


def test_the_own_account_shows_roles_and_rights_read_only(bea):
    html = _client(bea).get(reverse("admin:accounts_user_change", args=[bea.pk])).content.decode()
    velden = admin_formulier(_client(bea).get(reverse("admin:accounts_user_change", args=[bea.pk])), User)
    for veld in ("groups", "user_permissions", "is_superuser", "is_staff", "is_active"):
        assert veld not in velden, veld
    assert "first_name" in velden  # the rest of one's own account stays editable
    assert "Beheerder (datakernteam)" in html or "beheerder" in html


@pytest.mark.parametrize("rol", sorted(Rol.values))
def test_a_beheerder_cannot_give_himself_any_role_in_his_own_change_form(bea, rol):
    antwoord = _wijzig(_client(bea), bea, groups=[_groep(Rol.BEHEERDER), _groep(rol)])
    assert antwoord.status_code == 200
    assert _rollen(bea) == {Rol.BEHEERDER}
    assert not Roltoekenning.objects.filter(gebruiker=bea).exists()


def test_a_beheerder_cannot_make_himself_superuser_or_hand_himself_permissions(bea):
    from django.contrib.auth.models import Permission

    publiceren = Permission.objects.get(codename="vaststellen_rapportage")
    _wijzig(_client(bea), bea, is_superuser="on", user_permissions=[str(publiceren.pk)])
    bea = User.objects.get(pk=bea.pk)
    assert not bea.is_superuser
    assert not bea.user_permissions.exists()
    assert not bea.has_perm("rapportage.vaststellen_rapportage")


def test_a_superuser_cannot_change_his_own_roles_either():
    baas = UserFactory(username="baas", is_staff=True, is_superuser=True)
    _wijzig(_client(baas), baas, groups=[_groep(Rol.COLLEGE)], is_staff="")
    baas = User.objects.get(pk=baas.pk)
    assert baas.is_staff and _rollen(baas) == set()


def test_the_roles_themselves_cannot_be_changed_or_added_in_the_admin(bea):
    from django.contrib.auth.models import Permission

    client = _client(bea)
    beheerder = Group.objects.get(name=Rol.BEHEERDER)
    publiceren = Permission.objects.get(codename="vaststellen_rapportage")
    url = reverse("admin:auth_group_change", args=[beheerder.pk])
    assert client.post(url, {"name": "beheerder", "permissions": [str(publiceren.pk)]}).status_code == 403
    assert client.post(reverse("admin:auth_group_add"), {"name": "macht"}).status_code == 403
    assert not beheerder.permissions.filter(pk=publiceren.pk).exists()
    assert not User.objects.get(pk=bea.pk).has_perm("rapportage.vaststellen_rapportage")


@pytest.mark.parametrize("rol", sorted(ROLLEN_MET_BESLISMACHT))
def test_a_role_that_publishes_or_decides_waits_for_a_second_beheerder(bea, bram, tessa, rol):
    antwoord = _wijzig(_client(bea), tessa, groups=[_groep(Rol.TREKKER), _groep(rol)])
    assert "wacht op goedkeuring door een tweede beheerder" in _meldingen(antwoord)
    assert _rollen(tessa) == {Rol.TREKKER}
    toekenning = Roltoekenning.objects.get(gebruiker=tessa, rol=rol)
    assert toekenning.status == Roltoekenningstatus.AANGEVRAAGD and toekenning.aangevraagd_door == bea

    # Saving the form again does not ask twice.
    _wijzig(_client(bea), tessa, groups=[_groep(Rol.TREKKER), _groep(rol)])
    assert Roltoekenning.objects.filter(gebruiker=tessa, rol=rol).count() == 1

    # The requester cannot approve her own request.
    antwoord = _beoordeel(_client(bea), toekenning, "goedkeuren")
    assert "een tweede beheerder" in _meldingen(antwoord)
    assert _rollen(tessa) == {Rol.TREKKER}

    antwoord = _beoordeel(_client(bram), toekenning, "goedkeuren")
    assert "1 roltoekenning(en) goedgekeurd" in _meldingen(antwoord)
    assert _rollen(tessa) == {Rol.TREKKER, rol}
    toekenning.refresh_from_db()
    assert toekenning.status == Roltoekenningstatus.DOORGEVOERD and toekenning.beoordeeld_door == bram


def test_a_second_account_of_ones_own_gets_no_power_without_a_second_beheerder(bea):
    client = _client(bea)
    antwoord = client.post(
        reverse("admin:accounts_user_add"),
        {"username": "bea-privé", "password1": "Een-lang-wachtwoord-1", "password2": "Een-lang-wachtwoord-1"},
    )
    assert antwoord.status_code == 302
    tweede = User.objects.get(username="bea-privé")
    _wijzig(client, tweede, groups=[_groep(Rol.COLLEGE)], is_staff="on")
    assert _rollen(tweede) == set()
    assert not User.objects.get(pk=tweede.pk).has_perm("rapportage.vaststellen_rapportage")
    toekenning = Roltoekenning.objects.get(gebruiker=tweede, rol=Rol.COLLEGE)
    # Nor can the second account approve the request made for it.
    tweede.groups.add(Group.objects.get(name=Rol.BEHEERDER))  # even if it already were a beheerder
    _beoordeel(_client(tweede), toekenning, "goedkeuren")
    assert Rol.COLLEGE not in _rollen(tweede)


def test_no_one_approves_a_request_for_himself(bea, bram):
    UserFactory(username="derde", rollen=[Rol.BEHEERDER], is_staff=True)
    _wijzig(_client(bea), bram, groups=[_groep(Rol.BEHEERDER), _groep(Rol.COLLEGE)])
    toekenning = Roltoekenning.objects.get(gebruiker=bram, rol=Rol.COLLEGE)
    antwoord = _beoordeel(_client(bram), toekenning, "goedkeuren")
    assert "niet de aanvrager en niet de gebruiker zelf" in _meldingen(antwoord)
    assert Rol.COLLEGE not in _rollen(bram)
    _beoordeel(_client(User.objects.get(username="derde")), toekenning, "goedkeuren")
    assert Rol.COLLEGE in _rollen(bram)


def test_a_refused_request_gives_nothing_and_a_decided_one_is_not_decided_again(bea, bram, tessa):
    _wijzig(_client(bea), tessa, groups=[_groep(Rol.TREKKER), _groep(Rol.GRIFFIE)])
    toekenning = Roltoekenning.objects.get(gebruiker=tessa, rol=Rol.GRIFFIE)
    assert "afgewezen" in _meldingen(_beoordeel(_client(bram), toekenning, "afwijzen"))
    antwoord = _beoordeel(_client(bram), toekenning, "goedkeuren")
    assert "al beoordeeld (afgewezen)" in _meldingen(antwoord)
    assert _rollen(tessa) == {Rol.TREKKER}


def test_other_roles_are_given_and_withdrawn_at_once_and_logged(bea, tessa, caplog):
    with caplog.at_level(logging.INFO, logger="beveiliging"):
        _wijzig(_client(bea), tessa, groups=[_groep(Rol.MANAGER)])
    assert _rollen(tessa) == {Rol.MANAGER}
    log = {(t.rol, t.soort, t.status) for t in Roltoekenning.objects.filter(gebruiker=tessa)}
    assert log == {
        (Rol.MANAGER, "toekenning", Roltoekenningstatus.DOORGEVOERD),
        (Rol.TREKKER, "intrekking", Roltoekenningstatus.DOORGEVOERD),
    }
    regels = [r.getMessage() for r in caplog.records if r.name == "beveiliging"]
    assert any("actie=toekenning rol=manager gebruiker=tessa door=bea" in r for r in regels)
    assert any("actie=intrekking rol=trekker gebruiker=tessa door=bea" in r for r in regels)


def test_a_beheerder_cannot_set_the_password_of_an_account_with_power(bea, bram, tessa):
    client = _client(bea)
    oud = User.objects.get(pk=bram.pk).password
    url = reverse("admin:auth_user_password_change", args=[bram.pk])
    antwoord = client.post(url, {"password1": "Overgenomen-123", "password2": "Overgenomen-123"}, follow=True)
    assert "U kunt het wachtwoord van" in _meldingen(antwoord)
    assert User.objects.get(pk=bram.pk).password == oud
    # A trekker's password (the helpdesk's daily work) can still be set.
    url = reverse("admin:auth_user_password_change", args=[tessa.pk])
    antwoord = client.post(url, {"password1": "Nieuw-wachtwoord-1", "password2": "Nieuw-wachtwoord-1"})
    assert antwoord.status_code == 302
    assert User.objects.get(pk=tessa.pk).check_password("Nieuw-wachtwoord-1")


def test_the_log_of_role_changes_cannot_be_changed_added_or_deleted(bea, bram, tessa):
    _wijzig(_client(bea), tessa, groups=[_groep(Rol.COLLEGE)])
    toekenning = Roltoekenning.objects.get(gebruiker=tessa, rol=Rol.COLLEGE)
    client = _client(bram)
    wijzig = reverse("admin:accounts_roltoekenning_change", args=[toekenning.pk])
    assert client.get(wijzig).status_code == 200  # to read
    assert client.post(wijzig, {"status": Roltoekenningstatus.DOORGEVOERD}).status_code == 403
    assert client.post(reverse("admin:accounts_roltoekenning_add"), {}).status_code == 403
    verwijder = reverse("admin:accounts_roltoekenning_delete", args=[toekenning.pk])
    assert client.post(verwijder, {"post": "yes"}).status_code == 403
    toekenning.refresh_from_db()
    assert toekenning.status == Roltoekenningstatus.AANGEVRAAGD
    assert Rol.COLLEGE not in _rollen(tessa)


def test_a_role_request_lapses_when_the_role_is_taken_off_the_form(bea, tessa):
    _wijzig(_client(bea), tessa, groups=[_groep(Rol.TREKKER), _groep(Rol.OPDRACHTGEVER)])
    _wijzig(_client(bea), tessa, groups=[_groep(Rol.TREKKER)])
    toekenning = Roltoekenning.objects.get(gebruiker=tessa, rol=Rol.OPDRACHTGEVER)
    assert toekenning.status == Roltoekenningstatus.AFGEWEZEN and toekenning.beoordeeld_door == bea
