"""The NL API Design Rules the API keeps, each with its own test.

Version header, CORS, paths, camelCase query parameters, pagination with links, problem+json errors, the
site's security headers, HTTPS, conditional GET on frozen editions, and a query count that does not grow with
the number of editions.
"""

import re
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

import pytest

from api.constants import API_VERSIE, MAX_PAGINAGROOTTE
from rapportage import services
from tests.api.conftest import json_van

pytestmark = pytest.mark.django_db

PROBLEEM = "application/problem+json"


@pytest.fixture
def editie(maak_editie):
    return maak_editie(peildatum=date(2024, 4, 30), publiceren=True)


def _verzoeken(editie) -> list[tuple[str, str, dict]]:
    """(method, url, headers) of every kind of response: ok, not modified, every error, preflight, documents."""
    detail = f"/api/v1/edities/{editie.pk}"
    return [
        ("get", "/api/v1", {}),
        ("get", "/api/v1/edities", {}),
        ("head", "/api/v1/edities", {}),
        ("get", detail, {}),
        ("get", f"{detail}/secties/financien", {}),
        ("get", detail, {"HTTP_IF_NONE_MATCH": "*"}),  # 304
        ("get", "/api/v1/reeksen/6.1.1.1", {}),
        ("get", "/api/v1/catalogus", {}),
        ("get", "/api/v1/openapi.json", {}),
        ("get", "/api/v1/wijzigingen", {}),
        ("get", "/api/v1/edities?page=x", {}),  # 400
        ("get", "/api/v1/edities?page=%00", {}),  # 400 from hengelo_sd.invoerbewaking, before any view
        ("get", "/api/v1/edities/987654", {}),  # 404
        ("get", "/api/v1/bestaat-niet", {}),  # 404, unknown route
        ("get", "/api/v1/edities/", {}),  # 404, trailing slash
        ("get", "/api/v2/edities", {}),  # 404, unknown version
        ("post", "/api/v1/edities", {}),  # 405
        ("delete", detail, {}),  # 405
        ("get", "/api/v1/edities", {"HTTP_ACCEPT": "text/html"}),  # 406
        (
            "options",
            "/api/v1/edities",
            {"HTTP_ORIGIN": "https://example.org", "HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET"},
        ),
    ]


def test_every_response_carries_the_full_api_version(client, editie):
    statussen = set()
    for methode, url, koppen in _verzoeken(editie):
        antwoord = getattr(client, methode)(url, **koppen)
        statussen.add(antwoord.status_code)
        assert antwoord["API-Version"] == API_VERSIE, (methode, url, antwoord.status_code)
        assert re.fullmatch(r"\d+\.\d+\.\d+", antwoord["API-Version"])
    assert {200, 304, 400, 404, 405, 406} <= statussen
    # Not outside the API.
    assert "API-Version" not in client.get("/inwoners/")


def test_the_https_redirect_carries_the_version_too(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    antwoord = client.get("/api/v1/edities")
    assert antwoord.status_code == 301 and antwoord["Location"] == "https://testserver/api/v1/edities"
    assert antwoord["API-Version"] == API_VERSIE
    assert client.get("/api/v1/edities", secure=True).status_code == 200


def test_cors_is_open_on_every_response_and_a_preflight_works(client, editie):
    for methode, url, koppen in _verzoeken(editie):
        antwoord = getattr(client, methode)(url, **{"HTTP_ORIGIN": "https://example.org", **koppen})
        assert antwoord["Access-Control-Allow-Origin"] == "*", (methode, url)
        assert "Access-Control-Allow-Credentials" not in antwoord
        assert "API-Version" in antwoord["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/edities",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"].lower()
    assert int(preflight["Access-Control-Max-Age"]) > 0
    # The rest of the site stays same-origin.
    assert "Access-Control-Allow-Origin" not in client.get("/inwoners/")


def _api_routes() -> list[str]:
    routes = []

    def loop(resolver, prefix=""):
        for patroon in resolver.url_patterns:
            if isinstance(patroon, URLResolver):
                loop(patroon, prefix + str(patroon.pattern))
            elif isinstance(patroon, URLPattern):
                route = prefix + str(patroon.pattern)
                if route.startswith("api"):
                    routes.append(route)

    loop(get_resolver())
    return routes


SEGMENT = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(\.json)?|<(int|str|slug|path):[a-z]+>")


def test_paths_are_lower_case_hyphenated_without_trailing_slash():
    routes = _api_routes()
    assert "api/v1/edities/<int:id>/secties/<slug:sectie>" in routes and len(routes) >= 14
    for route in routes:
        assert not route.endswith("/"), route
        assert all(SEGMENT.fullmatch(deel) for deel in route.split("/")), route


@pytest.mark.parametrize("append_slash", [True, False])
def test_a_trailing_slash_is_a_404_problem_never_a_redirect(client, editie, settings, append_slash):
    """Chosen: 404 (documented in the README and the OpenAPI description), so a client finds its mistake."""
    settings.APPEND_SLASH = append_slash
    for route in _api_routes():
        if "<" in route:
            continue
        antwoord = client.get(f"/{route}/")
        assert antwoord.status_code == 404, route
        assert antwoord["Content-Type"] == PROBLEEM
        assert "schuine streep" in antwoord.json()["detail"]
    for url in ("/api/v1/bestaat-niet", "/api/v1/Edities", f"/api/v1/edities/{editie.pk}/"):
        assert client.get(url).status_code == 404, url


def test_query_parameters_are_camel_case(client):
    document = json_van(client.get("/api/v1/openapi.json"))
    namen = {
        parameter["name"]
        for pad in document["paths"].values()
        for operatie in pad.values()
        for parameter in operatie.get("parameters", [])
        if parameter["in"] == "query"
    }
    assert namen == {"page", "pageSize", "editie"}
    assert all(re.fullmatch(r"[a-z]+([A-Z][a-z0-9]*)*", naam) for naam in namen)


def _link_kop(antwoord) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="([a-z]+)"', antwoord["Link"])}


def test_pages_have_hal_links_and_a_link_header(client, editie):
    alle = [a["sleutel"] for a in editie.inhoud["voortgang"]["activiteiten"]]
    url, gezien, paginas = "/api/v1/activiteiten?pageSize=5", [], 0
    while url:
        antwoord = client.get(url)
        body = json_van(antwoord)
        paginas += 1
        links = body["_links"]
        assert {"self", "first", "last"} <= set(links)
        assert ("prev" in links) == (paginas > 1)
        assert {rel: link["href"] for rel, link in links.items() if rel != "editie"} == _link_kop(antwoord)
        assert antwoord["X-Total-Count"] == str(len(alle)) == str(body["totaal"])
        assert antwoord["X-Pagination-Limit"] == "5" and antwoord["X-Pagination-Page"] == str(paginas)
        gezien += [a["sleutel"] for a in body["_embedded"]["activiteiten"]]
        url = links.get("next", {}).get("href")
    assert gezien == alle and paginas == -(-len(alle) // 5)
    assert links["last"]["href"] == links["self"]["href"]


def test_page_size_is_bounded_and_page_numbers_are_checked(client, editie):
    assert client.get(f"/api/v1/activiteiten?pageSize={MAX_PAGINAGROOTTE}").status_code == 200
    for query in (
        f"pageSize={MAX_PAGINAGROOTTE + 1}",
        "pageSize=1000",
        "pageSize=0",
        "page=x",
        "page=0",
        "page=-1",
    ):
        antwoord = client.get(f"/api/v1/activiteiten?{query}")
        assert antwoord.status_code == 400, query
        assert antwoord.json()["invalidParams"][0]["name"] == query.split("=")[0]
    antwoord = client.get("/api/v1/activiteiten?page=999")
    assert antwoord.status_code == 404 and "Pagina 999 bestaat niet" in antwoord.json()["detail"]
    # Without pageSize a page holds 20.
    assert len(json_van(client.get("/api/v1/activiteiten"))["_embedded"]["activiteiten"]) == 20


def _is_probleem(antwoord, status: int) -> dict:
    assert antwoord.status_code == status
    assert antwoord["Content-Type"] == PROBLEEM
    probleem = antwoord.json()
    assert set(probleem) >= {"type", "title", "status", "detail", "instance"}
    assert probleem["status"] == status and probleem["type"].startswith("https://")
    return probleem


def test_errors_are_problem_json_in_dutch(client, editie):
    probleem = _is_probleem(client.get("/api/v1/edities?pageSize=abc"), 400)
    assert probleem["title"] == "Ongeldig verzoek" and "geheel getal" in probleem["detail"]
    assert probleem["instance"] == "/api/v1/edities?pageSize=abc"
    assert (
        _is_probleem(client.get("/api/v1/reeksen?editie=987654"), 400)["invalidParams"][0]["code"]
        == "unknown"
    )
    assert _is_probleem(client.get("/api/v1/edities/987654"), 404)["title"] == "Niet gevonden"
    assert _is_probleem(client.get("/api/v1/nergens/iets"), 404)["detail"] == "Deze bron bestaat niet."
    for methode in ("post", "put", "patch", "delete"):
        antwoord = getattr(client, methode)(f"/api/v1/edities/{editie.pk}")
        probleem = _is_probleem(antwoord, 405)
        assert methode.upper() in probleem["detail"] and "alleen-lezen" in probleem["detail"]
        assert set(antwoord["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    probleem = _is_probleem(client.get("/api/v1/edities", HTTP_ACCEPT="text/html"), 406)
    assert "application/json" in probleem["detail"]
    # A request refused before any view (control characters) is problem+json as well, not the HTML page.
    assert _is_probleem(client.get("/api/v1/edities?page=%01"), 400)["title"] == "Ongeldig verzoek"
    # JSON and problem+json are accepted.
    assert client.get("/api/v1/edities", HTTP_ACCEPT="application/json").status_code == 200
    assert client.get("/api/v1/catalogus", HTTP_ACCEPT="application/ld+json").status_code == 200


def test_the_site_security_headers_apply(client, editie):
    for url in (
        "/api/v1/edities",
        f"/api/v1/edities/{editie.pk}",
        "/api/v1/bestaat-niet",
        "/api/v1/edities?page=x",
    ):
        antwoord = client.get(url)
        assert "default-src 'self'" in antwoord["Content-Security-Policy"], url
        assert "frame-ancestors 'none'" in antwoord["Content-Security-Policy"]
        assert antwoord["X-Content-Type-Options"] == "nosniff"
        assert antwoord["X-Frame-Options"] == "DENY"
        assert antwoord["Referrer-Policy"] == "same-origin"
        assert "Set-Cookie" not in antwoord, url  # no session, no CSRF cookie: nothing to steal


def test_hsts_on_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    antwoord = client.get("/api/v1/edities", secure=True)
    assert antwoord["Strict-Transport-Security"].startswith("max-age=31536000")


def test_frozen_editions_answer_conditional_requests_with_304(client, demo, editie):
    for url in (f"/api/v1/edities/{editie.pk}", f"/api/v1/edities/{editie.pk}/secties/voortgang"):
        eerst = client.get(url)
        tag, gewijzigd = eerst["ETag"], eerst["Last-Modified"]
        assert tag.startswith('"') and gewijzigd.endswith("GMT")
        niet = client.get(url, HTTP_IF_NONE_MATCH=tag)
        assert niet.status_code == 304 and niet.content == b""
        assert niet["ETag"] == tag and niet["Last-Modified"] == gewijzigd
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=gewijzigd).status_code == 304
        assert client.get(url, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200
    sectie = client.get(f"/api/v1/edities/{editie.pk}/secties/voortgang")["ETag"]
    assert sectie != client.get(f"/api/v1/edities/{editie.pk}/secties/financien")["ETag"]

    # Once a correction replaces it, the edition says so: a new tag, and the old one no longer matches.
    oud_tag = client.get(f"/api/v1/edities/{editie.pk}")["ETag"]
    correctie = services.correctie_maken(rapportage=editie, door=demo["manager"])
    assert client.get(f"/api/v1/edities/{editie.pk}", HTTP_IF_NONE_MATCH=oud_tag).status_code == 304
    services.vaststellen(rapportage=correctie, door=demo["college"])
    services.publiceren(rapportage=correctie, door=demo["college"])
    antwoord = client.get(f"/api/v1/edities/{editie.pk}", HTTP_IF_NONE_MATCH=oud_tag)
    assert antwoord.status_code == 200 and antwoord["ETag"] != oud_tag
    assert antwoord.json()["_links"]["vervangenDoor"]


ADRESSEN = (
    "/api/v1/edities",
    "/api/v1/edities/{id}",
    "/api/v1/edities/{id}/secties/voortgang",
    "/api/v1/reeksen",
    "/api/v1/reeksen/6.1.1.1",
    "/api/v1/actielijnen",
    "/api/v1/activiteiten",
    "/api/v1/moties",
    "/api/v1/catalogus",
)


def _queries(client, editie_id: int) -> dict[str, int]:
    uit = {}
    for adres in ADRESSEN:
        url = adres.format(id=editie_id)
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200, url
        uit[adres] = len(context)
    return uit


def test_the_same_number_of_queries_for_one_and_for_five_published_editions(client, maak_editie):
    eerste = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    een = _queries(client, eerste.pk)
    for dag in range(1, 5):
        maak_editie(peildatum=date(2024, 4, 30) - timedelta(days=dag), publiceren=True)
    vijf = _queries(client, eerste.pk)
    assert vijf == een, {a: (een[a], vijf[a]) for a in een if een[a] != vijf[a]}
    assert max(een.values()) <= 2
    assert json_van(client.get("/api/v1/edities"))["totaal"] == 5
