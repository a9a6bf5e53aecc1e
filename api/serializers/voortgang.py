"""
The progress of the programme as an edition froze it: actielijnen, activiteiten (with their milestones) and moties.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.basis import GetalField, ZelfLinksSerializer, absoluut, link

# --- Actielijnen, activiteiten, moties --------------------------------------------------------------------------


class ActielijnSerializer(serializers.Serializer):
    """An actielijn with the count of its activities on the agenda 2023 by state, as the edition froze it."""

    nummer = serializers.IntegerField()
    naam = serializers.CharField()
    beschrijving = serializers.CharField()
    aantal = serializers.IntegerField(help_text="Activiteiten op de agenda 2023.")
    gestart = serializers.IntegerField()
    afgerond = serializers.IntegerField()
    groen = serializers.IntegerField(help_text="Stoplicht groen: op koers.")
    oranje = serializers.IntegerField(help_text="Stoplicht oranje: aandacht nodig.")
    rood = serializers.IntegerField(help_text="Stoplicht rood: bijsturing nodig.")
    onbekend = serializers.IntegerField(help_text="Nog zonder update.")
    nietOpAgenda = serializers.IntegerField(
        source="niet_op_agenda",
        required=False,
        help_text="Activiteiten uit het plan die niet op de agenda 2023 staan.",
    )
    gemiddeldGereed = GetalField(source="gemiddeld_gereed", help_text="Gemiddeld percentage gereed.")
    voorbeeld = serializers.BooleanField(
        default=False,
        help_text="Verzonnen voor de demonstratie (manage.py demo_laden), geen echte gegevens van de gemeente.",
    )


class ActiviteitSerializer(serializers.Serializer):
    sleutel = serializers.CharField(help_text="Vaste sleutel van de activiteit.")
    code = serializers.CharField(help_text="1.1–4.7 op de uitvoeringsagenda 2023 (kan leeg zijn).")
    naam = serializers.CharField()
    actielijn = serializers.IntegerField(help_text="Het nummer van de actielijn.")
    status = serializers.CharField()
    statusLabel = serializers.CharField(source="status_label")
    opAgenda2023 = serializers.BooleanField(source="op_agenda_2023")
    stoplicht = serializers.CharField(source="rag", allow_null=True, help_text="groen, oranje, rood of leeg.")
    stoplichtLabel = serializers.CharField(source="rag_label", allow_null=True)
    percentage = serializers.IntegerField(allow_null=True, help_text="Percentage gereed.")
    fase = serializers.CharField(allow_null=True)
    faseLabel = serializers.CharField(source="fase_label", allow_null=True)
    laatsteUpdate = serializers.DateField(source="laatste_update", allow_null=True)
    voorbeeld = serializers.BooleanField(
        default=False,
        help_text="Verzonnen voor de demonstratie (manage.py demo_laden), geen echte gegevens van de gemeente.",
    )
    _links = serializers.SerializerMethodField(
        method_name="links", label="Links", help_text="Links naar deze bron en verwante bronnen (HAL)."
    )

    @extend_schema_field(ZelfLinksSerializer)
    def links(self, activiteit) -> dict:
        request = self.context["request"]
        query = f"?editie={self.context['editie'].pk}"
        return {"self": link(absoluut(request, "activiteit", query, sleutel=activiteit["sleutel"]))}


class MijlpaalSerializer(serializers.Serializer):
    omschrijving = serializers.CharField()
    datumGepland = serializers.DateField(source="datum_gepland")
    datumBereikt = serializers.DateField(source="datum_bereikt", allow_null=True)
    stand = serializers.CharField(help_text="bereikt of gemist, op de peildatum.")
    voorbeeld = serializers.BooleanField(
        default=False,
        help_text="Verzonnen voor de demonstratie (manage.py demo_laden), geen echte gegevens van de gemeente.",
    )


class ActiviteitDetailSerializer(ActiviteitSerializer):
    mijlpalen = MijlpaalSerializer(many=True, help_text="Mijlpalen bereikt of gemist op de peildatum.")


class CodeNaamSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()


class MotieSerializer(serializers.Serializer):
    """A motie, amendement or toezegging as the edition froze it."""

    sleutel = serializers.CharField(help_text="Vaste sleutel: soort en nummer, bijvoorbeeld motie-M2024-03.")
    soort = serializers.CharField()
    soortLabel = serializers.CharField(source="soort_label")
    nummer = serializers.CharField()
    titel = serializers.CharField()
    datum = serializers.DateField()
    vergadering = serializers.CharField()
    tekst = serializers.CharField(help_text="Het dictum.")
    status = serializers.CharField(help_text="open, in_behandeling of afgedaan.")
    statusLabel = serializers.CharField(source="status_label")
    vorigeStatus = serializers.CharField(
        source="vorige_status", allow_null=True, help_text="De status in de vorige gepubliceerde editie."
    )
    uitvoering = serializers.CharField(help_text="Wat het college deed.")
    activiteiten = CodeNaamSerializer(many=True)
    indicatoren = CodeNaamSerializer(many=True)
    _links = serializers.SerializerMethodField(
        method_name="links", label="Links", help_text="Links naar deze bron en verwante bronnen (HAL)."
    )

    @extend_schema_field(ZelfLinksSerializer)
    def links(self, motie) -> dict:
        request = self.context["request"]
        query = f"?editie={self.context['editie'].pk}"
        return {"self": link(absoluut(request, "motie", query, sleutel=motie["sleutel"]))}
