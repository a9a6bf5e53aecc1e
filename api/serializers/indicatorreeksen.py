"""
The indicator series of an edition: the list of them and one series with its definition, figures and
data-quality notes, linked to the same series as open data (CSV, JSON).
"""

from django.urls import reverse

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.basis import GetalField, LinkSerializer, ZelfLinksSerializer, absoluut, link

# --- Indicator series -------------------------------------------------------------------------------------------


class ReeksLinksSerializer(ZelfLinksSerializer):
    csv = LinkSerializer(help_text="Dezelfde reeks als CSV (open data).")
    json = LinkSerializer(help_text="Dezelfde reeks als JSON-bestand (open data).")
    editie = LinkSerializer(required=False, help_text="De editie waar de cijfers uit komen.")


def _reeks_links(request, rapportage, code: str, *, editie: bool) -> dict:
    query = f"?editie={rapportage.pk}"
    uit = {"self": link(absoluut(request, "reeks", query, code=code))}
    for formaat in ("csv", "json"):
        uit[formaat] = link(
            request.build_absolute_uri(
                reverse("rapportage:open_data_reeks", kwargs={"code": code, "formaat": formaat}) + query
            )
        )
    if editie:
        uit["editie"] = link(absoluut(request, "editie", id=rapportage.pk))
    return uit


class ReeksSamenvattingSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="De code van de beleidsindicator, bijvoorbeeld 6.1.1.1.")
    naam = serializers.CharField()
    eenheid = serializers.CharField(help_text="De eenheid voluit (Percentage, Aantal, …).")
    clientervaring = serializers.BooleanField(help_text="Of de indicator cliëntervaring meet (doel 6.2.6).")
    aantalWaarden = serializers.IntegerField(source="aantal_waarden")
    _links = serializers.SerializerMethodField(
        method_name="links", label="Links", help_text="Links naar deze bron en verwante bronnen (HAL)."
    )

    @extend_schema_field(ReeksLinksSerializer)
    def links(self, reeks) -> dict:
        return _reeks_links(self.context["request"], self.context["editie"], reeks["code"], editie=False)


class DoelSerializer(serializers.Serializer):
    code = serializers.CharField()
    omschrijving = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(help_text="De definitie: wat de indicator meet.")
    eenheid = serializers.CharField(help_text="percentage, aantal, bedrag of rapportcijfer.")
    eenheidLabel = serializers.CharField(source="eenheid_label")
    richting = serializers.CharField(help_text="Hoger is beter, of Lager is beter.")
    doel = DoelSerializer()
    bron = serializers.CharField()
    vindplaats = serializers.CharField(help_text="Waar in de bron de indicator staat.")


class EditieKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    titel = serializers.CharField()
    peildatum = serializers.DateField()
    gepubliceerdOp = serializers.DateTimeField(source="gepubliceerd_op", allow_null=True)
    status = serializers.CharField()


class WaardeSerializer(serializers.Serializer):
    soort = serializers.CharField(help_text="peilwaarde, realisatie of streefwaarde.")
    periode = serializers.CharField(help_text="2023, 2023-Q2 of 2023-05.")
    jaar = serializers.IntegerField(allow_null=True)
    waarde = GetalField(help_text="null bij een klein aantal personen (zie opmerking).")
    decimalen = serializers.IntegerField(allow_null=True, help_text="Het aantal decimalen van de bron.")
    opmerking = serializers.CharField()
    bron = serializers.CharField()


class NotitieSerializer(serializers.Serializer):
    betreft = serializers.CharField()
    citaat = serializers.CharField(help_text="Letterlijk uit de bron.")
    bron = serializers.CharField()
    toelichting = serializers.CharField()
    ernst = serializers.CharField()
    ernstLabel = serializers.CharField(source="ernst_label")
    doel = serializers.CharField(
        allow_null=True, help_text="De code van het doel als de notitie daarover gaat."
    )


class ReeksSerializer(serializers.Serializer):
    """One indicator series: definition, unit, source, its figures and the data-quality notes."""

    indicator = IndicatorSerializer()
    editie = EditieKortSerializer()
    uitgever = serializers.CharField()
    licentie = serializers.CharField()
    licentieUrl = serializers.URLField(source="licentie_url")
    waarden = WaardeSerializer(many=True)
    datakwaliteit = NotitieSerializer(many=True)
    _links = serializers.SerializerMethodField(
        method_name="links", label="Links", help_text="Links naar deze bron en verwante bronnen (HAL)."
    )

    @extend_schema_field(ReeksLinksSerializer)
    def links(self, reeks) -> dict:
        request = self.context["request"]
        return _reeks_links(request, self.context["editie"], reeks["indicator"]["code"], editie=True)
