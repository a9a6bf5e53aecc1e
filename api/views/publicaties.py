"""
The published editions: the list of them, one edition with its sections, and one section's frozen content.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api import selectors
from api import serializers as s
from api.constants import SECTIES
from api.fouten import NietGevonden
from api.views.basis import (
    ALGEMENE_FOUTEN,
    BEVROREN_KOPPEN,
    FOUT_400,
    FOUT_404,
    ID,
    LIJST_KOPPEN,
    NIET_GEWIJZIGD,
    PAGINA_PARAMETERS,
    ApiView,
    _als_view,
    _bevroren,
    _met_validatie,
    _ok,
    _pagina,
)

# --- Editions -----------------------------------------------------------------------------------------------------


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


edities = _als_view(Edities)
editie = _als_view(Editie)
sectie = _als_view(Sectie)
