"""
The read-only public API (issue 27): only HTTP here; reads in api/selectors.py, shapes in api/serializers/. One
module per topic (the tags of the OpenAPI document); import the views from here, as api/urls.py does.

Every view is marked `@alleen_edities` (rapportage/editiegrens.py): it reads published editions, their frozen
snapshot or the plan's public texts only, so anonymous visitors, raad and griffie reach it. GET (and HEAD,
OPTIONS) only: any other method is a 405 with an Allow header. Errors are application/problem+json
(api/fouten.py); API-Version and CORS headers come from api/middleware.py. An edition and its sections are
frozen: they carry ETag and Last-Modified and answer If-None-Match / If-Modified-Since with 304.

- `basis`: the base view `ApiView`, the documentation of the operations (parameters, error responses, the schema
  of a page of a list), the validators of a frozen edition (`_bevroren`) and `_als_view`; the lowest module.
- `publicaties`: the published editions (`edities`, `editie`) and one section of an edition (`sectie`).
- `indicatorreeksen`: the indicator series of an edition (`reeksen`, `reeks`).
- `voortgang`: actielijnen, activiteiten and moties as an edition shows them (`actielijnen`, `activiteiten`,
  `activiteit`, `moties`, `motie`).
- `documentatie`: the entry point (`start`), the DCAT-AP-NL catalogue (`catalogus_view`), the changelog
  (`wijzigingen`), the OpenAPI document (`openapi`) and the 404 for every other address (`niet_gevonden`).
"""

from api.views.basis import (
    ACTIVITEIT,
    ALGEMENE_FOUTEN,
    BEVROREN_KOPPEN,
    CODE,
    EDITIE,
    EDITIE_PARAMETER,
    FOUT_400,
    FOUT_404,
    FOUT_406,
    ID,
    LIJST_KOPPEN,
    MOTIE,
    NIET_GEWIJZIGD,
    PAGINA_PARAMETERS,
    ApiView,
)
from api.views.documentatie import (
    CHANGELOG,
    Catalogus,
    JsonLdAlsJsonRenderer,
    JsonLdRenderer,
    MarkdownRenderer,
    NietGevondenView,
    OpenApi,
    Start,
    Wijzigingen,
    catalogus_view,
    niet_gevonden,
    openapi,
    start,
    wijzigingen,
)
from api.views.indicatorreeksen import Reeks, Reeksen, reeks, reeksen
from api.views.publicaties import Editie, Edities, Sectie, editie, edities, sectie
from api.views.voortgang import (
    Actielijnen,
    Activiteit,
    Activiteiten,
    Motie,
    Moties,
    actielijnen,
    activiteit,
    activiteiten,
    motie,
    moties,
)

__all__ = [
    "ACTIVITEIT",
    "ALGEMENE_FOUTEN",
    "BEVROREN_KOPPEN",
    "CHANGELOG",
    "CODE",
    "EDITIE",
    "EDITIE_PARAMETER",
    "FOUT_400",
    "FOUT_404",
    "FOUT_406",
    "ID",
    "LIJST_KOPPEN",
    "MOTIE",
    "NIET_GEWIJZIGD",
    "PAGINA_PARAMETERS",
    "Actielijnen",
    "Activiteit",
    "Activiteiten",
    "ApiView",
    "Catalogus",
    "Editie",
    "Edities",
    "JsonLdAlsJsonRenderer",
    "JsonLdRenderer",
    "MarkdownRenderer",
    "Motie",
    "Moties",
    "NietGevondenView",
    "OpenApi",
    "Reeks",
    "Reeksen",
    "Sectie",
    "Start",
    "Wijzigingen",
    "actielijnen",
    "activiteit",
    "activiteiten",
    "catalogus_view",
    "editie",
    "edities",
    "motie",
    "moties",
    "niet_gevonden",
    "openapi",
    "reeks",
    "reeksen",
    "sectie",
    "start",
    "wijzigingen",
]
