"""
The entry point of the API: its name, version and links to every collection and the documentation.
"""

from rest_framework import serializers

from api.serializers.basis import LinkSerializer, ZelfLinksSerializer

# --- The entry point --------------------------------------------------------------------------------------------


class StartLinksSerializer(ZelfLinksSerializer):
    edities = LinkSerializer()
    reeksen = LinkSerializer()
    actielijnen = LinkSerializer()
    activiteiten = LinkSerializer()
    moties = LinkSerializer()
    catalogus = LinkSerializer()
    openapi = LinkSerializer()
    wijzigingen = LinkSerializer()


class StartSerializer(serializers.Serializer):
    naam = serializers.CharField()
    versie = serializers.CharField()
    _links = StartLinksSerializer(label="Links", help_text="Links naar deze bron en verwante bronnen (HAL).")
