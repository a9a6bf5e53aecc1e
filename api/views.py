"""
The read-only public API (issue 27): only HTTP here; reads in api/selectors.py, shapes in api/serializers.py.

Every view is marked `@alleen_edities` (rapportage/editiegrens.py): it reads published editions, their frozen
snapshot or the plan's public texts only, so anonymous visitors, raad and griffie reach it. GET (and HEAD,
OPTIONS) only: any other method is a 405 with an Allow header. Errors are application/problem+json
(api/fouten.py); API-Version and CORS headers come from api/middleware.py. An edition and its sections are
frozen: they carry ETag and Last-Modified and answer If-None-Match / If-Modified-Since with 304.
"""

from pathlib import Path

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.settings import patched_settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api import catalogus, selectors
from api import serializers as s
from api.constants import API_VERSIE, PROBLEEM_MEDIA_TYPE, SECTIES
from api.fouten import SCHUINE_STREEP, NietGevonden, OngeldigeParameter
from api.openapi import INSTELLINGEN
from api.paginering import GEHEEL_GETAL, PAGINA, PAGINAGROOTTE_PARAMETER, Paginering
from monitoring.weergave import drempel
from rapportage.editiegrens import alleen_edities

CHANGELOG = Path(__file__).resolve().parent / "CHANGELOG.md"
EDITIE_PARAMETER = "editie"


# --- Documentation of the operations ------------------------------------------------------------------------------


def _fout(status: int, uitleg: str):
    return {(status, PROBLEEM_MEDIA_TYPE): OpenApiResponse(s.ProbleemSerializer, description=uitleg)}


FOUT_400 = _fout(400, "Ongeldige parameter (page, pageSize of editie); invalidParams noemt welke.")
FOUT_404 = _fout(404, "De bron bestaat niet of is niet openbaar.")
FOUT_406 = _fout(406, "Het gevraagde formaat (Accept) wordt niet geleverd.")
ALGEMENE_FOUTEN = {
    **_fout(405, "Alleen GET, HEAD en OPTIONS zijn toegestaan; de Allow-header noemt ze."),
    **FOUT_406,
}

PAGINA_PARAMETERS = [
    OpenApiParameter(
        PAGINA,
        OpenApiTypes.INT,
        OpenApiParameter.QUERY,
        description="Het paginanummer, vanaf 1.",
        required=False,
    ),
    OpenApiParameter(
        PAGINAGROOTTE_PARAMETER,
        OpenApiTypes.INT,
        OpenApiParameter.QUERY,
        description="Het aantal items per pagina: 1 tot en met 100 (standaard 20).",
        required=False,
    ),
]
EDITIE = OpenApiParameter(
    EDITIE_PARAMETER,
    OpenApiTypes.INT,
    OpenApiParameter.QUERY,
    description="Het nummer van een gepubliceerde editie; zonder deze parameter de nieuwste gepubliceerde.",
    required=False,
)

ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het nummer van een gepubliceerde editie."
)
CODE = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="De code van de beleidsindicator, bijvoorbeeld 6.1.1.1.",
)
ACTIVITEIT = OpenApiParameter(
    "sleutel", OpenApiTypes.STR, OpenApiParameter.PATH, description="De vaste sleutel van de activiteit."
)
MOTIE = OpenApiParameter(
    "sleutel",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="De vaste sleutel van de motie: soort en nummer, bijvoorbeeld motie-M2024-03.",
)


def _ok(serializer, uitleg: str):
    return {200: OpenApiResponse(serializer, description=uitleg)}


def _pagina(naam: str, item) -> serializers.Serializer:
    """The schema of one page of a list: HAL links, the items under _embedded.<naam>, the total."""
    titel = naam[0].upper() + naam[1:]
    return inline_serializer(
        name=f"{titel}Pagina",
        fields={
            "_links": s.PaginaLinksSerializer(
                label="Links", help_text="Links naar de pagina's van de lijst (HAL)."
            ),
            "_embedded": inline_serializer(
                name=f"{titel}Inhoud",
                fields={naam: item(many=True)},
                label="Items",
                help_text="De items van deze pagina (HAL).",
            ),
            "totaal": serializers.IntegerField(help_text="Het aantal items in de hele lijst."),
        },
    )


# --- Base -------------------------------------------------------------------------------------------------------


class ApiView(APIView):
    """GET only, JSON only; errors always rendered as JSON (problem+json), whatever the view's format."""

    def finalize_response(self, request, response, *args, **kwargs):
        if getattr(response, "exception", False):
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), PROBLEEM_MEDIA_TYPE
        return super().finalize_response(request, response, *args, **kwargs)

    def editie_uit_parameter(self, request):
        """The edition a snapshot resource reads: `?editie=<id>` (published only, else 400) or the newest."""
        waarde = request.query_params.get(EDITIE_PARAMETER)
        if waarde is None:
            return selectors.nieuwste_of(None)
        if not GEHEEL_GETAL.fullmatch(waarde):
            raise OngeldigeParameter(EDITIE_PARAMETER, "verwacht het nummer van een gepubliceerde editie.")
        rapportage = selectors.nieuwste_of(int(waarde))
        if rapportage is None:
            raise OngeldigeParameter(
                EDITIE_PARAMETER,
                f"er is geen gepubliceerde editie met nummer {waarde}.",
                code="unknown",
            )
        return rapportage

    def lijst(self, request, naam: str, items, serializer_class, context=None, extra_links=None):
        paginering = Paginering(naam)
        pagina = paginering.paginate_queryset(items, request, self)
        data = serializer_class(pagina, many=True, context={"request": request, **(context or {})}).data
        return paginering.get_paginated_response(data, extra_links)


def _editie_link(request, rapportage) -> dict:
    return {} if rapportage is None else {"editie": s.link(s.absoluut(request, "editie", id=rapportage.pk))}


def _bevroren(request, rapportage, *delen) -> tuple[str, int, Response | None]:
    """ETag and Last-Modified of a frozen edition (or a section of it), and the 304 when the client has it.

    What can still change about a published edition is only that a correction replaces it: its status and the
    correction are part of the tag, and the correction's publication date counts as the last modification.
    """
    nieuw = selectors.vervanger(rapportage)
    tag = quote_etag(
        "-".join(
            str(d)
            for d in (
                rapportage.pk,
                rapportage.status,
                nieuw.pk if nieuw else 0,
                drempel(),
                API_VERSIE,
                *delen,
            )
        )
    )
    momenten = [rapportage.gepubliceerd_op, nieuw.gepubliceerd_op if nieuw else None]
    gewijzigd = int(max(m for m in momenten if m is not None).timestamp())
    niet_gewijzigd = get_conditional_response(request, etag=tag, last_modified=gewijzigd)
    if niet_gewijzigd is not None:
        niet_gewijzigd["ETag"], niet_gewijzigd["Last-Modified"] = tag, http_date(gewijzigd)
    return tag, gewijzigd, niet_gewijzigd


def _met_validatie(antwoord: Response, tag: str, gewijzigd: int) -> Response:
    antwoord["ETag"], antwoord["Last-Modified"] = tag, http_date(gewijzigd)
    return antwoord


BEVROREN_KOPPEN = [
    OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="De versie van deze bevroren bron; stuur hem terug in If-None-Match.",
    ),
    OpenApiParameter(
        "Last-Modified",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="Wanneer de editie werd gepubliceerd (of vervangen); voor If-Modified-Since.",
    ),
]
LIJST_KOPPEN = [
    OpenApiParameter(
        "Link",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200],
        description="Dezelfde paginalinks als in _links (RFC 8288).",
    ),
    OpenApiParameter(
        "X-Total-Count",
        OpenApiTypes.INT,
        OpenApiParameter.HEADER,
        response=[200],
        description="Het aantal items in de hele lijst.",
    ),
]
NIET_GEWIJZIGD = {304: OpenApiResponse(description="Niet gewijzigd: de versie van de client is actueel.")}


# --- Entry point and editions -------------------------------------------------------------------------------------


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


class Edities(ApiView):
    @extend_schema(
        operation_id="editiesOphalen",
        summary="Gepubliceerde edities",
        description="Alle gepubliceerde rapportages aan de raad (ook de door een correctie vervangen), "
        "nieuwste peildatum eerst, per pagina. Concepten en vastgestelde, nog niet gepubliceerde edities "
        "bestaan hier niet.",
        tags=["edities"],
        parameters=[*PAGINA_PARAMETERS, *LIJST_KOPPEN],
        responses={
            **_ok(_pagina("edities", s.EditieSerializer), "Eén pagina edities."),
            **FOUT_400,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request):
        return self.lijst(request, "edities", selectors.edities(), s.EditieSerializer)


class Editie(ApiView):
    @extend_schema(
        operation_id="editieOphalen",
        summary="Eén gepubliceerde editie",
        description="Een gepubliceerde editie met haar secties. Een correctie is een nieuwe versie: "
        "_links.vervangt wijst naar de editie die zij vervangt, _links.vervangenDoor omgekeerd. Bevroren: "
        "met ETag en Last-Modified (304 bij If-None-Match of If-Modified-Since).",
        tags=["edities"],
        parameters=[ID, *BEVROREN_KOPPEN],
        responses={
            **_ok(s.EditieDetailSerializer, "De editie met haar secties."),
            **NIET_GEWIJZIGD,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request, id):
        rapportage = selectors.editie(id)
        if rapportage is None:
            raise NietGevonden(f"Er is geen gepubliceerde editie met nummer {id}.")
        tag, gewijzigd, niet_gewijzigd = _bevroren(request, rapportage)
        if niet_gewijzigd is not None:
            return niet_gewijzigd
        data = s.EditieDetailSerializer(rapportage, context={"request": request}).data
        return _met_validatie(Response(data), tag, gewijzigd)


class Sectie(ApiView):
    @extend_schema(
        operation_id="sectieOphalen",
        summary="Eén sectie van een editie",
        description="De bevroren inhoud van één sectie uit de momentopname van een gepubliceerde editie: "
        + ", ".join(SECTIES)
        + ". Aantallen personen onder de drempel voor kleine aantallen zijn weggelaten, zoals op de "
        "openbare pagina. Met ETag en Last-Modified.",
        tags=["edities"],
        parameters=[
            ID,
            OpenApiParameter(
                "sectie",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                enum=list(SECTIES),
                description="De sectie.",
            ),
            *BEVROREN_KOPPEN,
        ],
        responses={
            **_ok(s.SectieSerializer, "De bevroren inhoud van de sectie."),
            **NIET_GEWIJZIGD,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request, id, sectie):
        rapportage = selectors.editie(id)
        if rapportage is None:
            raise NietGevonden(f"Er is geen gepubliceerde editie met nummer {id}.")
        inhoud = selectors.sectie(rapportage, sectie)
        if inhoud is None:
            raise NietGevonden(
                f"Editie {id} heeft geen sectie {sectie}. Secties: {', '.join(selectors.secties(rapportage))}."
            )
        tag, gewijzigd, niet_gewijzigd = _bevroren(request, rapportage, sectie)
        if niet_gewijzigd is not None:
            return niet_gewijzigd
        data = s.SectieSerializer(s.sectie_gegevens(request, rapportage, sectie, inhoud)).data
        return _met_validatie(Response(data), tag, gewijzigd)


# --- Resources from the newest (or a chosen) published edition ----------------------------------------------------


class Reeksen(ApiView):
    @extend_schema(
        operation_id="reeksenOphalen",
        summary="Indicatorreeksen",
        description="Elke beleidsindicator van de nieuwste gepubliceerde editie (of van ?editie=), met links "
        "naar de reeks en naar de open-databestanden (CSV, JSON).",
        tags=["reeksen"],
        parameters=[EDITIE, *PAGINA_PARAMETERS, *LIJST_KOPPEN],
        responses={
            **_ok(_pagina("reeksen", s.ReeksSamenvattingSerializer), "Eén pagina indicatorreeksen."),
            **FOUT_400,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request):
        rapportage = self.editie_uit_parameter(request)
        items = selectors.reeksen(rapportage) if rapportage else []
        return self.lijst(
            request,
            "reeksen",
            items,
            s.ReeksSamenvattingSerializer,
            {"editie": rapportage},
            _editie_link(request, rapportage),
        )


class Reeks(ApiView):
    @extend_schema(
        operation_id="reeksOphalen",
        summary="Eén indicatorreeks",
        description="Eén beleidsindicator: definitie, doel, eenheid, bron en vindplaats, alle peilwaarden, "
        "realisaties en streefwaarden zoals gepubliceerd, en de notities over de datakwaliteit. Dezelfde "
        "gegevens als het open-databestand /open-data/{code}.json.",
        tags=["reeksen"],
        parameters=[CODE, EDITIE],
        responses={**_ok(s.ReeksSerializer, "De indicatorreeks."), **FOUT_400, **FOUT_404, **ALGEMENE_FOUTEN},
    )
    def get(self, request, code):
        rapportage = self.editie_uit_parameter(request)
        gegevens = selectors.reeks(rapportage, code) if rapportage else None
        if gegevens is None:
            raise NietGevonden(f"Er is geen indicatorreeks {code} in de gepubliceerde editie.")
        return Response(s.ReeksSerializer(gegevens, context={"request": request, "editie": rapportage}).data)


class Actielijnen(ApiView):
    @extend_schema(
        operation_id="actielijnenOphalen",
        summary="Actielijnen",
        description="De vier actielijnen met de stand van hun activiteiten (aantallen per stoplichtkleur, "
        "gestart, afgerond) zoals de nieuwste gepubliceerde editie (of ?editie=) ze toont.",
        tags=["voortgang"],
        parameters=[EDITIE, *PAGINA_PARAMETERS, *LIJST_KOPPEN],
        responses={
            **_ok(_pagina("actielijnen", s.ActielijnSerializer), "De actielijnen."),
            **FOUT_400,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request):
        rapportage = self.editie_uit_parameter(request)
        items = selectors.actielijnen(rapportage) if rapportage else []
        return self.lijst(
            request,
            "actielijnen",
            items,
            s.ActielijnSerializer,
            extra_links=_editie_link(request, rapportage),
        )


class Activiteiten(ApiView):
    @extend_schema(
        operation_id="activiteitenOphalen",
        summary="Activiteiten",
        description="De activiteiten van het uitvoeringsplan met fase, status, stoplicht en percentage gereed "
        "zoals de nieuwste gepubliceerde editie (of ?editie=) ze toont.",
        tags=["voortgang"],
        parameters=[EDITIE, *PAGINA_PARAMETERS, *LIJST_KOPPEN],
        responses={
            **_ok(_pagina("activiteiten", s.ActiviteitSerializer), "Eén pagina activiteiten."),
            **FOUT_400,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request):
        rapportage = self.editie_uit_parameter(request)
        items = selectors.activiteiten(rapportage) if rapportage else []
        return self.lijst(
            request,
            "activiteiten",
            items,
            s.ActiviteitSerializer,
            {"editie": rapportage},
            _editie_link(request, rapportage),
        )


class Activiteit(ApiView):
    @extend_schema(
        operation_id="activiteitOphalen",
        summary="Eén activiteit",
        description="Eén activiteit zoals de nieuwste gepubliceerde editie (of ?editie=) haar toont, met de "
        "mijlpalen die op de peildatum bereikt of gemist waren.",
        tags=["voortgang"],
        parameters=[ACTIVITEIT, EDITIE],
        responses={
            **_ok(s.ActiviteitDetailSerializer, "De activiteit met haar mijlpalen."),
            **FOUT_400,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request, sleutel):
        rapportage = self.editie_uit_parameter(request)
        activiteit = selectors.activiteit(rapportage, sleutel) if rapportage else None
        if activiteit is None:
            raise NietGevonden(f"Er is geen activiteit {sleutel} in de gepubliceerde editie.")
        return Response(
            s.ActiviteitDetailSerializer(activiteit, context={"request": request, "editie": rapportage}).data
        )


class Moties(ApiView):
    @extend_schema(
        operation_id="motiesOphalen",
        summary="Moties, amendementen en toezeggingen",
        description="De moties, amendementen en toezeggingen zoals de nieuwste gepubliceerde editie (of "
        "?editie=) ze toont, met hun status en wat het college deed.",
        tags=["moties"],
        parameters=[EDITIE, *PAGINA_PARAMETERS, *LIJST_KOPPEN],
        responses={
            **_ok(_pagina("moties", s.MotieSerializer), "Eén pagina moties."),
            **FOUT_400,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request):
        rapportage = self.editie_uit_parameter(request)
        items = selectors.moties(rapportage) if rapportage else []
        return self.lijst(
            request,
            "moties",
            items,
            s.MotieSerializer,
            {"editie": rapportage},
            _editie_link(request, rapportage),
        )


class Motie(ApiView):
    @extend_schema(
        operation_id="motieOphalen",
        summary="Eén motie, amendement of toezegging",
        description="Eén motie, amendement of toezegging zoals de nieuwste gepubliceerde editie (of ?editie=) "
        "haar toont, op haar vaste sleutel (soort en nummer).",
        tags=["moties"],
        parameters=[MOTIE, EDITIE],
        responses={
            **_ok(s.MotieSerializer, "De motie, het amendement of de toezegging."),
            **FOUT_400,
            **FOUT_404,
            **ALGEMENE_FOUTEN,
        },
    )
    def get(self, request, sleutel):
        rapportage = self.editie_uit_parameter(request)
        motie = selectors.motie(rapportage, sleutel) if rapportage else None
        if motie is None:
            raise NietGevonden(f"Er is geen motie {sleutel} in de gepubliceerde editie.")
        return Response(s.MotieSerializer(motie, context={"request": request, "editie": rapportage}).data)


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


def _als_view(klasse):
    return alleen_edities(klasse.as_view())


start = _als_view(Start)
edities = _als_view(Edities)
editie = _als_view(Editie)
sectie = _als_view(Sectie)
reeksen = _als_view(Reeksen)
reeks = _als_view(Reeks)
actielijnen = _als_view(Actielijnen)
activiteiten = _als_view(Activiteiten)
activiteit = _als_view(Activiteit)
moties = _als_view(Moties)
motie = _als_view(Motie)
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
