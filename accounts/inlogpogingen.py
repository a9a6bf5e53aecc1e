"""
Login throttling around django-axes: which address a login comes from, and unlocking an account or address.

Axes counts failed logins per account and per address (settings: AXES_LOCKOUT_PARAMETERS) and refuses both for
the cool-off time after too many; the beheerder unlocks earlier in the admin (accounts/admin.py, "Ontgrendelen").
"""

from functools import lru_cache
from ipaddress import ip_address, ip_network

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.shortcuts import render

from axes.models import AccessAttempt

# 429 Too Many Requests: the request was fine, there were too many of them.
STATUS_GEBLOKKEERD = 429


@lru_cache(maxsize=8)
def _netwerken(proxies: tuple[str, ...]) -> tuple:
    """settings.VERTROUWDE_PROXIES as networks (a single address is a /32 or /128). A typo is an error, not a
    proxy silently left out (which would put every user behind it on the proxy's one address)."""
    try:
        return tuple(ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())
    except ValueError as fout:
        raise ImproperlyConfigured(
            f"VERTROUWDE_PROXIES bevat een ongeldig adres of netwerk: {fout}"
        ) from fout


def is_vertrouwde_proxy(adres: str | None) -> bool:
    """Whether `adres` is one of settings.VERTROUWDE_PROXIES (addresses or networks)."""
    try:
        ip = ip_address((adres or "").strip())
    except ValueError:
        return False
    return any(ip in netwerk for netwerk in _netwerken(tuple(settings.VERTROUWDE_PROXIES)))


def client_adres(request) -> str | None:
    """The address a request comes from, as axes counts it.

    Behind the reverse proxy REMOTE_ADDR is the proxy: every user would share one address and one lockout. The
    proxy appends the address it saw to X-Forwarded-For, so the entry PROXY_AANTAL places from the right is the
    client; entries further left come from the client itself and can be forged. Only a proxy in
    VERTROUWDE_PROXIES vouches for the entry to its left: starting at REMOTE_ADDR, step left past at most
    PROXY_AANTAL trusted proxies, and the address reached is the client. Whoever reaches the app server directly
    is no trusted proxy, so their own REMOTE_ADDR counts, whatever they put in X-Forwarded-For (else a forged
    address per attempt would escape the lockout); whoever skips the first of two proxies is counted by the
    address the second one saw. An entry that is no address (a misconfigured proxy) falls back to REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR")
    doorgestuurd = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d.strip()]
    keten = [*doorgestuurd, remote]  # left to right; the last one connected to us
    positie = len(keten) - 1
    for _ in range(settings.PROXY_AANTAL):
        if positie == 0 or not is_vertrouwde_proxy(keten[positie]):
            break
        positie -= 1
    if positie == len(keten) - 1:
        return remote
    try:
        return str(ip_address(keten[positie]))
    except ValueError:
        return remote  # rather than lock out a shared "unknown"


@transaction.atomic
def ontgrendelen(pogingen) -> int:
    """Unlock the accounts and addresses of the given attempts: remove every failed attempt for those usernames
    and for those addresses (a lockout sums all of them). Returns the number of attempts removed."""
    gebruikersnamen = {p.username for p in pogingen if p.username}
    adressen = {p.ip_address for p in pogingen if p.ip_address}
    verwijderd, _ = AccessAttempt.objects.filter(username__in=gebruikersnamen).delete()
    extra, _ = AccessAttempt.objects.filter(ip_address__in=adressen).delete()
    return verwijderd + extra


def geblokkeerd(request, original_response=None, credentials=None):
    """The Dutch lockout page (settings.AXES_LOCKOUT_CALLABLE), in the site's layout: what happened, how long it
    lasts and who can help. It does not say whether the account exists."""
    minuten = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(
        request,
        "registration/geblokkeerd.html",
        {"minuten": minuten, "pogingen": settings.AXES_FAILURE_LIMIT},
        status=STATUS_GEBLOKKEERD,
    )
