"""
The progress of the programme as the newest (or a chosen) published edition shows it: actielijnen, activiteiten
and moties.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from api import selectors
from api import serializers as s
from api.fouten import NietGevonden
from api.views.basis import (
    ACTIVITEIT,
    ALGEMENE_FOUTEN,
    EDITIE,
    FOUT_400,
    FOUT_404,
    LIJST_KOPPEN,
    MOTIE,
    PAGINA_PARAMETERS,
    ApiView,
    _als_view,
    _editie_link,
    _ok,
    _pagina,
)

# --- Actielijnen, activiteiten, moties ----------------------------------------------------------------------------


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


actielijnen = _als_view(Actielijnen)
activiteiten = _als_view(Activiteiten)
activiteit = _als_view(Activiteit)
moties = _als_view(Moties)
motie = _als_view(Motie)
