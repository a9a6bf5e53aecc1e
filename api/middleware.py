"""
The headers every response under /api/ carries, whatever answered it: API-Version and CORS.

First in settings.MIDDLEWARE, so it also sees the responses that never reach a view: the HTTPS redirect of
SecurityMiddleware, the Dutch 400 of hengelo_sd.invoerbewaking, a 404 for an unknown path, a 500. An error that
is not problem+json yet (an HTML page of the site) becomes problem+json with the same status and headers
(api.fouten.probleem_van), so a client of the API never has to parse HTML.

CORS: the API is public and read-only, without cookies or login, so any site may read it:
`Access-Control-Allow-Origin: *` on every response (never with credentials). A preflight (OPTIONS with
Access-Control-Request-Method) goes through to the view like any OPTIONS and gets the allowed methods and
headers here. A few lines instead of django-cors-headers: one fixed policy for one path prefix.
"""

from api.constants import API_VERSIE, PREFIX, PROBLEEM_MEDIA_TYPE
from api.fouten import probleem_van

TOEGESTANE_METHODEN = "GET, HEAD, OPTIONS"
TOEGESTANE_KOPPEN = "Accept, Accept-Language, If-Modified-Since, If-None-Match, API-Version"
ZICHTBARE_KOPPEN = (
    "API-Version, ETag, Last-Modified, Link, X-Total-Count, X-Pagination-Page, X-Pagination-Limit, Allow"
)
PREFLIGHT_GELDIG = str(24 * 60 * 60)


def is_api(request) -> bool:
    """Under /api/, or /api itself (a 404 problem too)."""
    return request.path_info.startswith(PREFIX) or request.path_info == PREFIX.rstrip("/")


class ApiKoppenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        antwoord = self.get_response(request)
        if not is_api(request):
            return antwoord
        if antwoord.status_code >= 400 and not antwoord.get("Content-Type", "").startswith(
            PROBLEEM_MEDIA_TYPE
        ):
            antwoord = probleem_van(request, antwoord)
        antwoord["API-Version"] = API_VERSIE
        antwoord["Access-Control-Allow-Origin"] = "*"
        antwoord["Access-Control-Expose-Headers"] = ZICHTBARE_KOPPEN
        if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
            antwoord["Access-Control-Allow-Methods"] = TOEGESTANE_METHODEN
            antwoord["Access-Control-Allow-Headers"] = TOEGESTANE_KOPPEN
            antwoord["Access-Control-Max-Age"] = PREFLIGHT_GELDIG
        return antwoord
