"""The OpenAPI document is complete enough for a client generator and for the NL API Design Rules' linter.

Public at /api/v1/openapi.json, in Dutch, with contact, version, server, tags; every operation with an
operationId, a Dutch summary and description, the API-Version header on every response, and every 4xx as
application/problem+json with the problem schema. The changelog it links is served.
"""

import re

from django.urls import reverse

import pytest
from drf_spectacular.validation import validate_schema

from api.constants import API_VERSIE
from api.views import CHANGELOG
from tests.api.conftest import json_van

pytestmark = pytest.mark.django_db

# Words a Dutch text has and an English one does not: enough to tell the languages apart.
NEDERLANDS = re.compile(r"\b(de|het|een|van|en|met|of|zoals|alle|per)\b", re.I)


@pytest.fixture
def document(client):
    antwoord = client.get("/api/v1/openapi.json")
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("application/json")
    return json_van(antwoord)


def _operaties(document):
    for pad, operaties in document["paths"].items():
        for methode, operatie in operaties.items():
            yield pad, methode, operatie


def test_the_document_is_valid_openapi_3(document):
    validate_schema(document)  # drf-spectacular's check against the OpenAPI 3.0 JSON schema


def test_info_is_dutch_with_contact_version_licence_and_the_changelog(document, settings):
    info = document["info"]
    assert document["openapi"].startswith("3.")
    assert info["version"] == API_VERSIE
    assert info["title"] == "API Transformatiemonitor Sociaal Domein Hengelo"
    assert NEDERLANDS.search(info["description"]) and "gepubliceerde" in info["description"]
    assert set(info["contact"]) == {"name", "email", "url"}
    assert info["contact"]["email"] == settings.API_CONTACT_EMAIL == "transformatiemonitor@hengelo.nl"
    assert info["license"]["name"] == "CC0 1.0"
    assert "http://testserver/api/v1/wijzigingen" in info["description"]
    assert document["servers"] == [
        {"url": "http://testserver/api/v1", "description": "Gemeente Hengelo, versie 1 van de API"}
    ]


def test_the_contact_address_comes_from_the_setting(client, settings):
    settings.API_CONTACT_EMAIL = "api@example.org"
    assert json_van(client.get("/api/v1/openapi.json"))["info"]["contact"]["email"] == "api@example.org"


def test_every_route_is_documented_and_every_operation_is_complete(document):
    paden = set(document["paths"])
    assert paden == {
        "/",
        "/edities",
        "/edities/{id}",
        "/edities/{id}/secties/{sectie}",
        "/reeksen",
        "/reeksen/{code}",
        "/actielijnen",
        "/activiteiten",
        "/activiteiten/{sleutel}",
        "/moties",
        "/moties/{sleutel}",
        "/catalogus",
        "/openapi.json",
        "/wijzigingen",
    }
    tags = {tag["name"]: tag["description"] for tag in document["tags"]}
    assert all(tags.values())
    ids = []
    for pad, methode, operatie in _operaties(document):
        assert methode == "get", pad  # read-only
        ids.append(operatie["operationId"])
        assert re.fullmatch(r"[a-z]+[A-Za-z]*", operatie["operationId"])
        assert operatie["summary"] and NEDERLANDS.search(operatie["summary"] + " " + operatie["description"])
        assert len(operatie["description"]) > 40, pad
        assert operatie["tags"] and set(operatie["tags"]) <= set(tags), pad
        for parameter in operatie.get("parameters", []):
            assert parameter.get("description"), (pad, parameter["name"])
    assert len(ids) == len(set(ids)) == 14


def test_every_response_documents_the_version_header_and_every_4xx_is_problem_json(document):
    probleem = document["components"]["schemas"]["Probleem"]
    assert {"type", "title", "status", "detail", "instance"} <= set(probleem["properties"])
    assert set(probleem["required"]) == {"type", "title", "status", "detail", "instance"}
    for pad, _, operatie in _operaties(document):
        antwoorden = operatie["responses"]
        assert {"200", "405", "406"} <= set(antwoorden), pad
        if "{" in pad or pad in ("/edities", "/reeksen", "/actielijnen", "/activiteiten", "/moties"):
            assert "404" in antwoorden, pad
        if any(p["in"] == "query" for p in operatie.get("parameters", [])):
            assert "400" in antwoorden, pad
        for status, antwoord in antwoorden.items():
            assert antwoord["description"], (pad, status)
            assert antwoord["headers"]["API-Version"] == {"$ref": "#/components/headers/API-Version"}
            if status.startswith("4"):
                assert antwoord["content"] == {
                    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}
                }, (pad, status)
    assert document["components"]["headers"]["API-Version"]["schema"]["example"] == API_VERSIE


def test_lists_document_their_pages_and_frozen_resources_their_validators(document):
    lijst = document["paths"]["/edities"]["get"]
    schema = lijst["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    pagina = document["components"]["schemas"][schema]
    assert {"_links", "_embedded", "totaal"} <= set(pagina["properties"])
    assert {"Link", "X-Total-Count"} <= set(lijst["responses"]["200"]["headers"])
    grootte = next(p for p in lijst["parameters"] if p["name"] == "pageSize")
    assert "100" in grootte["description"]
    editie = document["paths"]["/edities/{id}"]["get"]["responses"]
    assert {"ETag", "Last-Modified"} <= set(editie["200"]["headers"]) and "304" in editie
    sectie = next(
        p
        for p in document["paths"]["/edities/{id}/secties/{sectie}"]["get"]["parameters"]
        if p["name"] == "sectie"
    )
    assert set(sectie["schema"]["enum"]) >= {"voortgang", "sociaal-domein", "moties"}


def test_the_changelog_is_served_and_names_this_version(client):
    antwoord = client.get(reverse("api:wijzigingen"))
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/markdown")
    tekst = antwoord.content.decode()
    assert tekst == CHANGELOG.read_text(encoding="utf-8")
    assert f"## {API_VERSIE}" in tekst
