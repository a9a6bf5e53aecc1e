"""
Login throttling around django-axes: which address a login comes from, and unlocking an account or address.

Axes counts failed logins per account and per address (settings: AXES_LOCKOUT_PARAMETERS) and refuses both for
the cool-off time after too many; the beheerder unlocks earlier in the admin (accounts/admin.py, "Ontgrendelen").
"""

from ipaddress import ip_address

from django.conf import settings
from django.db import transaction
from django.shortcuts import render

from axes.models import AccessAttempt

# 429 Too Many Requests: the request was fine, there were too many of them.
STATUS_GEBLOKKEERD = 429


def client_adres(request) -> str | None:
    """The address a request comes from, as axes counts it.

    Behind the reverse proxy REMOTE_ADDR is the proxy: every user would share one address and one lockout. The
    proxy appends the address it saw to X-Forwarded-For, so the entry PROXY_AANTAL places from the right is the
    client; entries further left come from the client itself and can be forged. Without a proxy, or without a
    usable header, REMOTE_ADDR.
    """
    aantal = settings.PROXY_AANTAL
    doorgestuurd = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d.strip()]
    if aantal and len(doorgestuurd) >= aantal:
        kandidaat = doorgestuurd[-aantal]
        try:
            return str(ip_address(kandidaat))
        except ValueError:
            pass  # not an address (a misconfigured proxy): fall back rather than lock out a shared "unknown"
    return request.META.get("REMOTE_ADDR")


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
