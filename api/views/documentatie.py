"""
The entry point, the catalogue (DCAT-AP-NL), the changelog and the OpenAPI document, and the 404 for every other
address under /api/.
"""

from pathlib import Path

from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.settings import patched_settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from api import catalogus, selectors
from api import serializers as s
from api.constants import API_VERSIE
from api.fouten import SCHUINE_STREEP, NietGevonden
from api.openapi import INSTELLINGEN
from api.views.basis import ALGEMENE_FOUTEN, ApiView, _als_view, _ok
from rapportage.editiegrens import alleen_edities

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"


# --- Entry point --------------------------------------------------------------------------------------------------


class Start(ApiView):
    @extend_schema(
        operation_id="startOphalen",
        summary="Startpunt van de API",
        description="De naam en versie van de API, met links naar alle verzamelingen en de documentatie.",
        tags=["documentatie"],
        responses={**_ok(s.StartSerializer, "Naam, versie en links."), **ALGEMENE_FOUTEN},
    )
    def get(self, request):
        links = {"self": s.link(s.absoluut(request, "start"))}
        for naam in ("edities", "reeksen", "actielijnen", "activiteiten", "moties", "catalogus", "openapi"):
            links[naam] = s.link(s.absoluut(request, naam))
        links["wijzigingen"] = s.link(s.absoluut(request, "wijzigingen"), "Wijzigingen per versie")
        return Response(
            {"naam": "API Transformatiemonitor Sociaal Domein Hengelo", "versie": API_VERSIE, "_links": links}
        )


# --- Catalogue and documentation ----------------------------------------------------------------------------------


class JsonLdRenderer(BaseRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data.encode("utf-8") if isinstance(data, str) else JSONRenderer().render(data)


class JsonLdAlsJsonRenderer(JsonLdRenderer):
    """The same JSON-LD for a client that asks for application/json."""

    media_type = "application/json"
    format = "json"


class Catalogus(ApiView):
    renderer_classes = [JsonLdRenderer, JsonLdAlsJsonRenderer]

    @extend_schema(
        operation_id="catalogusOphalen",
        summary="DCAT-AP-NL-catalogus",
        description="De catalogus van de open data volgens DCAT-AP-NL 3.0, als JSON-LD: elke indicatorreeks "
        "als dcat:Dataset met distributies (CSV, JSON, API), de edities als dcat:DatasetSeries en deze API "
        "als dcat:DataService.",
        tags=["documentatie"],
        responses={
            (200, "application/ld+json"): OpenApiResponse(OpenApiTypes.OBJECT, description="De catalogus."),
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request):
        edities = list(selectors.edities())
        nieuwste = selectors.nieuwste_of(None)
        graaf = catalogus.Catalogus(request.build_absolute_uri("/")).bouwen(edities, nieuwste)
        return Response(catalogus.als_jsonld(graaf))


class MarkdownRenderer(BaseRenderer):
    media_type = "text/markdown"
    format = "md"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data.encode("utf-8") if isinstance(data, str) else JSONRenderer().render(data)


class Wijzigingen(ApiView):
    renderer_classes = [MarkdownRenderer]

    @extend_schema(
        operation_id="wijzigingenOphalen",
        summary="Wijzigingen per versie",
        description="Het wijzigingslogboek van de API (CHANGELOG), in Markdown, nieuwste versie eerst.",
        tags=["documentatie"],
        responses={
            (200, "text/markdown"): OpenApiResponse(OpenApiTypes.STR, description="Het wijzigingslogboek."),
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request):
        return Response(CHANGELOG.read_text(encoding="utf-8"))


class NietGevondenView(ApiView):
    """Every other address under /api/: a 404 as problem+json, for every method (never a redirect)."""

    @extend_schema(exclude=True)
    def get(self, request, rest=""):
        detail = "Deze bron bestaat niet."
        if request.path_info.endswith("/"):
            detail += SCHUINE_STREEP
        raise NietGevonden(detail)

    post = put = patch = delete = options = get


start = _als_view(Start)
catalogus_view = _als_view(Catalogus)
wijzigingen = _als_view(Wijzigingen)
niet_gevonden = _als_view(NietGevondenView)


class OpenApi(ApiView, SpectacularJSONAPIView):
    """The document as application/json (or application/vnd.oai.openapi+json when asked)."""

    renderer_classes = [OpenApiJsonRenderer2, OpenApiJsonRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    urlconf = "api.urls"
    custom_settings = INSTELLINGEN

    @extend_schema(
        operation_id="openapiOphalen",
        summary="OpenAPI-document",
        description="Dit document: de beschrijving van de API volgens OpenAPI 3.",
        tags=["documentatie"],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="Het OpenAPI-document."),
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request, *args, **kwargs):
        # Always Dutch: drf-spectacular's own ?lang= (another language per request) is not offered.
        with patched_settings(self.custom_settings):
            return self._get_schema_response(request)


openapi = alleen_edities(OpenApi.as_view())
