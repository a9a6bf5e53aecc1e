"""
What every resource's serializers share: keys in camelCase, absolute links (HAL), figures as JSON numbers, the
links of a page of a list, and the error (problem+json). The lowest module of the package.
"""

import re
from decimal import Decimal

from django.urls import reverse

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

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
