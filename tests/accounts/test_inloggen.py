"""Login throttling (django-axes): lockout per account and per address, the Dutch lockout page, cool-off, reset on
success, the client address behind the reverse proxy, and the beheerder unlocking in the admin."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from accounts.constants import Rol

WACHTWOORD = "Hengelo-demo-2025"
FOUT = "dit-is-het-niet"
LOGIN = "/inloggen/"


@pytest.fixture(autouse=True)
def _grens(settings):
    # The documented defaults, stated here so the tests do not depend on the environment.
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.PROXY_AANTAL = 1
    # The proxy of these tests sits on another machine (10.0.0.1), so it is configured as trusted.
    settings.VERTROUWDE_PROXIES = ["127.0.0.1", "::1", "10.0.0.1"]


def inloggen(client, gebruikersnaam, wachtwoord, **extra):
    return client.post(LOGIN, {"username": gebruikersnaam, "password": wachtwoord}, **extra)


def is_ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_right_password_is_refused_after_five_wrong_ones(client, programma):
    for _ in range(5):
        antwoord = inloggen(client, "trekker", FOUT)
    antwoord = inloggen(client, "trekker", WACHTWOORD)
    assert antwoord.status_code == 429
    assert not is_ingelogd(client)
    tekst = antwoord.content.decode()
    assert "Probeer het over 15 minuten opnieuw of neem contact op met de beheerder" in tekst
    # In the site's layout, in Dutch, and without saying whether the account exists.
    assert "Transformatiemonitor" in tekst and '<html lang="nl"' in tekst
    assert "trekker" not in tekst


def test_four_wrong_passwords_still_let_the_right_one_in(client, programma):
    for _ in range(4):
        assert inloggen(client, "trekker", FOUT).status_code == 200
    assert inloggen(client, "trekker", WACHTWOORD).status_code == 302
    assert is_ingelogd(client)


def test_a_success_resets_the_count(client, programma):
    for _ in range(4):
        inloggen(client, "trekker", FOUT)
    inloggen(client, "trekker", WACHTWOORD)
    client.logout()
    for _ in range(4):
        inloggen(client, "trekker", FOUT)
    assert inloggen(client, "trekker", WACHTWOORD).status_code == 302


def test_an_account_is_locked_whatever_address_the_attempts_come_from(client, programma):
    for nummer in range(5):
        inloggen(client, "manager", FOUT, REMOTE_ADDR=f"192.0.2.{nummer + 1}")
    antwoord = inloggen(client, "manager", WACHTWOORD, REMOTE_ADDR="192.0.2.99")
    assert antwoord.status_code == 429
    assert not is_ingelogd(client)


def test_an_address_is_locked_whatever_accounts_it_tries(client, programma, settings):
    settings.PROXY_AANTAL = 0  # no proxy: REMOTE_ADDR is the client
    for naam in ("trekker", "trekker2", "manager", "college", "raad"):
        inloggen(client, naam, FOUT, REMOTE_ADDR="192.0.2.7")
    assert inloggen(client, "griffie", WACHTWOORD, REMOTE_ADDR="192.0.2.7").status_code == 429
    # Another address is not affected: griffie itself made no failed attempt.
    assert inloggen(client, "griffie", WACHTWOORD, REMOTE_ADDR="192.0.2.8").status_code == 302


def test_behind_the_proxy_each_client_has_its_own_address(client, programma):
    # Every request reaches Django from the proxy (REMOTE_ADDR 10.0.0.1); the proxy appends the client.
    for naam in ("trekker", "trekker2", "manager", "college", "raad"):
        inloggen(client, naam, FOUT, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert AccessAttempt.objects.filter(ip_address="198.51.100.1").count() == 5
    # A colleague behind the same proxy logs in; the one who failed five times does not, not even by
    # prepending a forged address of their own.
    collega = inloggen(
        client, "griffie", WACHTWOORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert collega.status_code == 302
    client.logout()
    vervalst = inloggen(
        client,
        "griffie",
        WACHTWOORD,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1",
    )
    assert vervalst.status_code == 429


def test_a_forged_x_forwarded_for_from_outside_the_proxies_counts_against_the_real_address(client, programma):
    """Reaching gunicorn directly (REMOTE_ADDR is no trusted proxy), a client could put any address in
    X-Forwarded-For, a new one per attempt, and never be locked out. Its own address counts instead."""
    for nummer, naam in enumerate(("trekker", "trekker2", "manager", "college", "raad")):
        inloggen(
            client, naam, FOUT, REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR=f"198.51.100.{nummer + 1}"
        )
    assert AccessAttempt.objects.filter(ip_address="192.0.2.50").count() == 5
    assert not AccessAttempt.objects.filter(ip_address__startswith="198.51.100.").exists()
    # Locked out, with the right password of an account that failed nothing, whatever address it forges now.
    antwoord = inloggen(
        client, "griffie", WACHTWOORD, REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR="203.0.113.77"
    )
    assert antwoord.status_code == 429
    assert not is_ingelogd(client)


def test_with_two_proxies_the_hop_between_must_be_a_trusted_proxy_too(client, programma, settings):
    settings.PROXY_AANTAL = 2
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/24"]  # networks work as well as addresses
    # Through both proxies: the client is the second address from the right.
    inloggen(client, "trekker", FOUT, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 10.0.0.1")
    assert AccessAttempt.objects.filter(ip_address="198.51.100.1").exists()
    # Past the first proxy, straight to the second: the address the second one saw counts, not the forged one.
    inloggen(client, "trekker", FOUT, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9, 192.0.2.60")
    assert not AccessAttempt.objects.filter(ip_address="198.51.100.9").exists()
    assert AccessAttempt.objects.filter(ip_address="192.0.2.60").exists()


def test_the_lockout_ends_after_the_cool_off_time(client, programma):
    for _ in range(5):
        inloggen(client, "trekker", FOUT)
    assert inloggen(client, "trekker", WACHTWOORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert inloggen(client, "trekker", WACHTWOORD).status_code == 302


@pytest.fixture
def beheerder_zonder_superuser(programma):
    """A beheerder as production has one: staff, in the beheerder group, not a superuser."""
    gebruiker = get_user_model().objects.create_user(
        username="datakernteam", password=WACHTWOORD, is_staff=True, is_superuser=False
    )
    gebruiker.groups.add(Group.objects.get(name=Rol.BEHEERDER))
    return gebruiker


def test_the_beheerder_unlocks_in_the_admin(client, programma, beheerder_zonder_superuser):
    for nummer in range(5):
        inloggen(client, "trekker", FOUT, REMOTE_ADDR=f"192.0.2.{nummer + 1}")
    assert inloggen(client, "trekker", WACHTWOORD).status_code == 429

    beheer = client.__class__()
    beheer.force_login(beheerder_zonder_superuser)
    lijst = reverse("admin:axes_accessattempt_changelist")
    pagina = beheer.get(lijst)
    assert pagina.status_code == 200
    assert "Ontgrendelen" in pagina.content.decode()
    poging = AccessAttempt.objects.filter(username="trekker").first()
    antwoord = beheer.post(
        lijst, {"action": "ontgrendelen_actie", "_selected_action": [poging.pk]}, follow=True
    )
    assert "Ontgrendeld" in antwoord.content.decode()
    # One attempt chosen, the account unlocked: the other four addresses' attempts for trekker are gone too.
    assert not AccessAttempt.objects.filter(username="trekker").exists()
    assert inloggen(client, "trekker", WACHTWOORD).status_code == 302


def test_staff_without_the_beheerder_role_cannot_see_or_unlock(client, programma):
    for _ in range(5):
        inloggen(client, "trekker", FOUT)
    manager = get_user_model().objects.get(username="manager")
    manager.is_staff = True
    manager.is_superuser = False
    manager.save()
    client.force_login(manager)
    lijst = reverse("admin:axes_accessattempt_changelist")
    assert client.get(lijst).status_code == 403
    poging = AccessAttempt.objects.get(username="trekker")
    client.post(lijst, {"action": "ontgrendelen_actie", "_selected_action": [poging.pk]})
    assert AccessAttempt.objects.filter(username="trekker").exists()
