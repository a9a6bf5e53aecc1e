"""
The published editions and their sections: an edition (with its list of sections) and one section's frozen content.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import selectors
from api.constants import SECTIES
from api.serializers.basis import LinkSerializer, ZelfLinksSerializer, absoluut, als_camelcase, link

# --- Editions ---------------------------------------------------------------------------------------------------


class EditieLinksSerializer(ZelfLinksSerializer):
    vervangt = LinkSerializer(required=False, help_text="De editie die deze correctie vervangt.")
    vervangenDoor = LinkSerializer(required=False, help_text="De gepubliceerde correctie die deze vervangt.")
    pagina = LinkSerializer(
        help_text="De rapportage op de website, met PDF en Excel (alleen na inloggen als raadslid, "
        "griffie of medewerker)."
    )
    reeksen = LinkSerializer(required=False, help_text="De indicatorreeksen van deze editie.")
    actielijnen = LinkSerializer(required=False, help_text="De actielijnen zoals deze editie ze toont.")
    activiteiten = LinkSerializer(required=False, help_text="De activiteiten zoals deze editie ze toont.")
    moties = LinkSerializer(required=False, help_text="De moties zoals deze editie ze toont.")


class EditieSerializer(serializers.Serializer):
    """A published edition (rapportage aan de raad) without its content."""

    id = serializers.IntegerField(help_text="Vast nummer van de editie.")
    titel = serializers.CharField()
    pcMoment = serializers.CharField(
        source="pc_moment",
        help_text="P&C-moment: begroting, zomernota, viermaandsrapportage of jaarstukken.",
    )
    pcMomentLabel = serializers.CharField(source="get_pc_moment_display", help_text="Het P&C-moment voluit.")
    jaar = serializers.IntegerField()
    peildatum = serializers.DateField(help_text="De cijfers zijn van deze datum.")
    versie = serializers.IntegerField(help_text="1, of hoger voor een correctie.")
    status = serializers.CharField(help_text="gepubliceerd, of vervangen (door een correctie).")
    statusLabel = serializers.CharField(source="get_status_display")
    zaaknummer = serializers.CharField()
    gepubliceerdOp = serializers.DateTimeField(source="gepubliceerd_op")
    _links = serializers.SerializerMethodField(
        method_name="links", label="Links", help_text="Links naar deze bron en verwante bronnen (HAL)."
    )

    @extend_schema_field(EditieLinksSerializer)
    def links(self, rapportage) -> dict:
        request = self.context["request"]
        uit = {"self": link(absoluut(request, "editie", id=rapportage.pk))}
        if (oud := selectors.voorganger(rapportage)) is not None:
            uit["vervangt"] = link(absoluut(request, "editie", id=oud.pk), str(oud))
        if (nieuw := selectors.vervanger(rapportage)) is not None:
            uit["vervangenDoor"] = link(absoluut(request, "editie", id=nieuw.pk), str(nieuw))
        uit["pagina"] = link(
            request.build_absolute_uri(rapportage.get_absolute_url()),
            "De rapportage op de website, met PDF en Excel (alleen na inloggen)",
        )
        return uit


class SectieSamenvattingSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="De naam van de sectie in het adres.")
    titel = serializers.CharField()
    toelichting = serializers.CharField(
        help_text="De toelichting van het college bij deze sectie (kan leeg zijn)."
    )
    _links = ZelfLinksSerializer(label="Links", help_text="Links naar deze bron en verwante bronnen (HAL).")


class EditieDetailSerializer(EditieSerializer):
    """A published edition with the list of its sections."""

    gemeente = serializers.CharField(source="inhoud.gemeente")
    programma = serializers.CharField(source="inhoud.programma")
    secties = serializers.SerializerMethodField()

    @extend_schema_field(SectieSamenvattingSerializer(many=True))
    def get_secties(self, rapportage) -> list[dict]:
        request = self.context["request"]
        return [
            {
                "naam": naam,
                "titel": SECTIES[naam][1].label,
                "toelichting": selectors.toelichting(rapportage, naam),
                "_links": {"self": link(absoluut(request, "sectie", id=rapportage.pk, sectie=naam))},
            }
            for naam in selectors.secties(rapportage)
        ]

    @extend_schema_field(EditieLinksSerializer)
    def links(self, rapportage) -> dict:
        request = self.context["request"]
        uit = super().links(rapportage)
        query = f"?editie={rapportage.pk}"
        for naam in ("reeksen", "actielijnen", "activiteiten", "moties"):
            uit[naam] = link(absoluut(request, naam, query))
        return uit


class SectieLinksSerializer(ZelfLinksSerializer):
    editie = LinkSerializer(help_text="De editie waar deze sectie in staat.")


class SectieSerializer(serializers.Serializer):
    """One section of a published edition: its content exactly as the edition froze it."""

    editie = serializers.IntegerField(help_text="Het nummer van de editie.")
    naam = serializers.CharField()
    titel = serializers.CharField()
    toelichting = serializers.CharField()
    peildatum = serializers.DateField()
    inhoud = serializers.JSONField(
        help_text="De inhoud van de sectie uit de momentopname van de editie, met de namen in camelCase. "
        "Cijfers en bedragen staan als decimale tekst ('47.3000'), zoals opgeslagen. Aantallen personen "
        "onder de drempel voor kleine aantallen zijn weggelaten (waarde null, met een opmerking)."
    )
    _links = SectieLinksSerializer(label="Links", help_text="Links naar deze bron en verwante bronnen (HAL).")


def sectie_gegevens(request, rapportage, naam: str, inhoud) -> dict:
    """What SectieSerializer writes for one section: the frozen content in camelCase, with its links."""
    return {
        "editie": rapportage.pk,
        "naam": naam,
        "titel": SECTIES[naam][1].label,
        "toelichting": selectors.toelichting(rapportage, naam),
        "peildatum": rapportage.peildatum,
        "inhoud": als_camelcase(inhoud),
        "_links": {
            "self": link(absoluut(request, "sectie", id=rapportage.pk, sectie=naam)),
            "editie": link(absoluut(request, "editie", id=rapportage.pk)),
        },
    }
