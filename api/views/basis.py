"""
What every view of the API shares: the base view `ApiView` (GET only, JSON only, errors as problem+json), the
documentation of operations (parameters, responses, the schema of a page), the validators of a frozen edition
(ETag, Last-Modified, 304) and `_als_view`, which marks a view `@alleen_edities`. The lowest module of the package.
"""

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api import selectors
from api import serializers as s
from api.constants import API_VERSIE, PROBLEEM_MEDIA_TYPE
from api.fouten import OngeldigeParameter
from api.paginering import GEHEEL_GETAL, PAGINA, PAGINAGROOTTE_PARAMETER, Paginering
from monitoring.weergave import drempel
from rapportage.editiegrens import alleen_edities

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


def _als_view(klasse):
    return alleen_edities(klasse.as_view())
