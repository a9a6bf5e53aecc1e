"""
The security headers every response carries, also those that never reach the inner middleware.

Pages get them from Django's middleware (SecurityMiddleware, XFrameOptionsMiddleware, django-csp's CSPMiddleware).
Two kinds of response leave before that middleware runs: a static file, which WhiteNoise answers itself, and the
400 page for a refused request (hengelo_sd.foutpaginas, hengelo_sd.invoerbewaking). Both take the headers from
here, so a stylesheet or an error page cannot be framed or sniffed either, under the same policy as the pages.
"""

from django.conf import settings

from csp.utils import build_policy


def koppen() -> dict[str, str]:
    """The headers: the Content-Security-Policy built by django-csp from settings.CONTENT_SECURITY_POLICY (the
    pages' policy, character for character), X-Frame-Options, X-Content-Type-Options and Referrer-Policy."""
    uit = {
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
    }
    if beleid := build_policy():
        uit["Content-Security-Policy"] = beleid
    return uit


def statisch_bestand(headers, path: str, url: str) -> None:
    """settings.WHITENOISE_ADD_HEADERS_FUNCTION: WhiteNoise serves /static/ before Django's middleware runs."""
    for naam, waarde in koppen().items():
        headers[naam] = waarde


def toevoegen(antwoord):
    """Put the headers on a response that skips the inner middleware; what is already set stays."""
    for naam, waarde in koppen().items():
        antwoord.headers.setdefault(naam, waarde)
    return antwoord
