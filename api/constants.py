"""The fixed values of the API: its version, its base path, page sizes and the sections of an edition."""

from rapportage.constants import Sectie

# The full version (semantic versioning), sent as the API-Version header on every response and as info.version
# in the OpenAPI document. The major version is in the path (/api/v1); api/CHANGELOG.md lists every change.
API_VERSIE = "1.1.0"
BASISPAD = "/api/v1"
# Every response under this prefix gets the API headers (api/middleware.py).
PREFIX = "/api/"

# Pagination: `page` and `pageSize`; a larger page than the maximum is refused with a 400, not cut silently.
PAGINAGROOTTE = 20
MAX_PAGINAGROOTTE = 100

# Errors (RFC 9457): application/problem+json, a `type` per HTTP status pointing at its definition in RFC 9110.
PROBLEEM_MEDIA_TYPE = "application/problem+json"
PROBLEEMSOORT = "https://www.rfc-editor.org/rfc/rfc9110#status.{status}"

# The sections of an edition as the API names them (lower case, hyphenated) → (key in the snapshot, the section
# whose title and toelichting it has). In the order of the annex of the Jaarstukken (rapportage.constants).
SECTIES = {
    "financien": ("financien", Sectie.FINANCIEN),
    "risicos": ("risicos", Sectie.RISICOBEHEERSING),
    "indicatoren": ("indicatoren", Sectie.MONITORING),
    "sociaal-domein": ("sociaal_domein", Sectie.SOCIAAL_DOMEIN),
    "voortgang": ("voortgang", Sectie.VOORTGANG),
    "moties": ("moties", Sectie.MOTIES),
    "participatie": ("participatie", Sectie.PARTICIPATIE),
}

# Who publishes: Gemeente Hengelo in the TOOI register of Dutch government organisations (CBS code 0164).
GEMEENTE = "Gemeente Hengelo"
GEMEENTE_URI = "https://identifier.overheid.nl/tooi/id/gemeente/gm0164"
GEMEENTE_URL = "https://www.hengelo.nl"
