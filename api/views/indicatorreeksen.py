"""
The indicator series of the newest (or a chosen) published edition: the list of them and one series.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api import selectors
from api import serializers as s
from api.fouten import NietGevonden
from api.views.basis import (
    ALGEMENE_FOUTEN,
    CODE,
    EDITIE,
    FOUT_400,
    FOUT_404,
    LIJST_KOPPEN,
    PAGINA_PARAMETERS,
    ApiView,
    _als_view,
    _editie_link,
    _ok,
    _pagina,
)

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


reeksen = _als_view(Reeksen)
reeks = _als_view(Reeks)
