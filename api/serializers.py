"""
How the API writes its resources: field names in camelCase, links as HAL (`_links` with `href`), dates in ISO 8601.

The serializers only shape what api/selectors.py read (an edition, or dicts from its snapshot) and describe it
for the OpenAPI document (drf-spectacular reads their fields and help texts). A section's content is the snapshot
as stored, its keys in camelCase (`als_camelcase`); figures in it stay decimal text ("47.3000") as the snapshot
keeps them, so nothing is rounded. Where a resource has its own serializer, figures are JSON numbers.
"""

import re
from decimal import Decimal

from django.urls import reverse

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import selectors
from api.constants import SECTIES

# Snapshot keys renamed for readers: the site says "stoplicht", never the English "RAG" (README, "Woorden").
HERNOEMD = {"rag": "stoplicht", "rag_label": "stoplichtLabel"}
_LAAG_STREEPJE = re.compile(r"_([a-z0-9])")


def camelcase(naam: str) -> str:
    """'doel_code' → 'doelCode', 'op_agenda_2023' → 'opAgenda2023'; a key like '2023' stays as it is."""
    return HERNOEMD.get(naam) or _LAAG_STREEPJE.sub(lambda m: m.group(1).upper(), naam)


def als_camelcase(waarde):
    """Every key of a snapshot structure in camelCase (values untouched)."""
    if isinstance(waarde, dict):
        return {camelcase(str(k)): als_camelcase(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [als_camelcase(v) for v in waarde]
    return waarde


def absoluut(request, naam: str, query: str = "", **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"api:{naam}", kwargs=kwargs) + query)


def link(href: str, title: str | None = None) -> dict:
    return {"href": href, **({"title": title} if title else {})}


@extend_schema_field(
    {
        "type": "number",
        "nullable": True,
        "description": "Een getal; null als het niet bekend of niet openbaar is.",
    }
)
class GetalField(serializers.Field):
    """A figure from the snapshot (decimal text, '47.3000') as a JSON number: 47.3; a whole number stays whole."""

    def to_representation(self, value):
        if value in (None, ""):
            return None
        getal = Decimal(str(value)).normalize()
        return int(getal) if getal == getal.to_integral_value() else float(getal)


class LinkSerializer(serializers.Serializer):
    href = serializers.URLField(help_text="Het absolute adres.")
    title = serializers.CharField(required=False, help_text="Wat er achter de link staat.")


class ZelfLinksSerializer(serializers.Serializer):
    self = LinkSerializer(help_text="Deze bron.")


class PaginaLinksSerializer(serializers.Serializer):
    """The links of a page of a list (HAL): prev and next only where there is such a page."""

    self = LinkSerializer(help_text="Deze pagina.")
    first = LinkSerializer(help_text="De eerste pagina.")
    prev = LinkSerializer(required=False, help_text="De vorige pagina.")
    next = LinkSerializer(required=False, help_text="De volgende pagina.")
    last = LinkSerializer(help_text="De laatste pagina.")
    editie = LinkSerializer(required=False, help_text="De editie waar de gegevens uit komen.")


# --- Errors -----------------------------------------------------------------------------------------------------


class OngeldigeParameterSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="De naam van de parameter.")
    code = serializers.CharField(help_text="Soort fout, bijvoorbeeld invalid of maximum.")
    reason = serializers.CharField(help_text="Waarom de waarde niet klopt, in het Nederlands.")


class ProbleemSerializer(serializers.Serializer):
    """An error (RFC 9457, application/problem+json)."""

    type = serializers.URLField(help_text="Het soort fout: de definitie van de HTTP-status in RFC 9110.")
    title = serializers.CharField(help_text="Korte omschrijving van de fout, in het Nederlands.")
    status = serializers.IntegerField(help_text="De HTTP-statuscode.")
    detail = serializers.CharField(help_text="Uitleg van deze fout, in het Nederlands.")
    instance = serializers.CharField(help_text="Het adres van het verzoek dat de fout gaf.")
    invalidParams = OngeldigeParameterSerializer(
        many=True, required=False, help_text="Bij een 400: welke parameters ongeldig zijn en waarom."
    )


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
