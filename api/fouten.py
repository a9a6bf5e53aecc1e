"""
Errors as application/problem+json (RFC 9457), in Dutch: type, title, status, detail, instance.

`afhandelen` is Django REST framework's exception handler for every API view (settings.REST_FRAMEWORK); a
400 on a query parameter also names it in `invalidParams` (NL API Design Rules). `probleem_van` turns any other
error response under /api/ into the same shape (api/middleware.py): a refused request from
hengelo_sd.invoerbewaking, a failed precondition, a 500.
"""

import json

from django.http import Http404, HttpResponse

from rest_framework import exceptions, status
from rest_framework.response import Response

from api.constants import PROBLEEM_MEDIA_TYPE, PROBLEEMSOORT

TITELS = {
    400: "Ongeldig verzoek",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    412: "Voorwaarde niet vervuld",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne serverfout",
}
UITLEG = {
    400: "Het verzoek klopt niet.",
    403: "U heeft geen toegang tot deze bron.",
    404: "Deze bron bestaat niet of is niet openbaar.",
    406: "Deze bron is alleen beschikbaar als application/json (fouten als application/problem+json).",
    412: "De voorwaarde in If-Match of If-Unmodified-Since klopt niet met de huidige versie.",
    415: "Deze API neemt geen inhoud aan.",
    429: "Er kwamen te veel verzoeken. Probeer het later opnieuw.",
    500: "Er ging iets mis op de server. Probeer het later opnieuw.",
}


class OngeldigeParameter(exceptions.APIException):
    """A 400 for one query parameter: its name and why, in Dutch."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, naam: str, reden: str, code: str = "invalid"):
        super().__init__(detail=f"De parameter {naam} is ongeldig: {reden}")
        self.naam, self.reden, self.soort = naam, reden, code


class NietGevonden(exceptions.NotFound):
    """A 404 with a Dutch explanation."""


def gegevens(status_code: int, detail: str, instance: str, **extra) -> dict:
    return {
        "type": PROBLEEMSOORT.format(status=status_code),
        "title": TITELS.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
        "instance": instance,
        **extra,
    }


def _detail(exc, status_code: int, request) -> str:
    if isinstance(exc, exceptions.MethodNotAllowed):
        return f"Deze API is alleen-lezen: {request.method} is hier niet toegestaan. Gebruik GET."
    if isinstance(exc, (NietGevonden, OngeldigeParameter)):
        return str(exc.detail)
    # DRF's own texts are English: the Dutch explanation of the status instead.
    return UITLEG.get(status_code, TITELS.get(status_code, "Fout"))


def afhandelen(exc, context):
    """settings.REST_FRAMEWORK["EXCEPTION_HANDLER"]: every API error as problem+json."""
    request = context["request"]
    if isinstance(exc, Http404):
        exc = NietGevonden(str(exc) or UITLEG[404])
    if not isinstance(exc, exceptions.APIException):
        return None  # a 500: Django handles it, api/middleware.py gives it the same shape
    status_code = exc.status_code
    extra = {}
    if isinstance(exc, OngeldigeParameter):
        extra["invalidParams"] = [{"name": exc.naam, "code": exc.soort, "reason": exc.reden}]
    antwoord = Response(
        gegevens(status_code, _detail(exc, status_code, request), request.get_full_path(), **extra),
        status=status_code,
        content_type=PROBLEEM_MEDIA_TYPE,
    )
    if getattr(exc, "wait", None):
        antwoord["Retry-After"] = str(int(exc.wait))
    return antwoord


# The explanation of a 404 on an address with a trailing slash (NL API Design Rules: no trailing slash, no redirect).
SCHUINE_STREEP = " Adressen van de API eindigen zonder schuine streep (/)."


def probleem_van(request, antwoord: HttpResponse) -> HttpResponse:
    """An error response that is not problem+json yet, as problem+json with the same status and headers."""
    detail = UITLEG.get(antwoord.status_code, TITELS.get(antwoord.status_code, "Fout"))
    if antwoord.status_code == 404 and request.path_info.endswith("/"):
        detail += SCHUINE_STREEP
    nieuw = HttpResponse(
        json.dumps(
            gegevens(antwoord.status_code, detail, request.get_full_path()),
            ensure_ascii=False,
        ),
        status=antwoord.status_code,
        content_type=PROBLEEM_MEDIA_TYPE,
    )
    for naam, waarde in antwoord.items():
        if naam.lower() not in ("content-type", "content-length"):
            nieuw[naam] = waarde
    return nieuw
