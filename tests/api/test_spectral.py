"""The NL API Design Rules that a linter can check: Spectral (npm, @stoplight/spectral-cli) with the project's own
ruleset (api/spectral.yaml) on the OpenAPI document the application serves.

Two tests: the served document passes with no error and no warning; and a document that breaks each rule is
caught by that rule, so the ruleset cannot pass by checking nothing.
"""

import json
import subprocess
from pathlib import Path

from django.conf import settings

import pytest

SPECTRAL = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "spectral"
RULESET = Path(settings.BASE_DIR) / "api" / "spectral.yaml"


def spectral(pad: Path) -> tuple[int, list[dict]]:
    """Run Spectral on `pad`; (exit code, findings as JSON). Fails on warnings too."""
    if not SPECTRAL.exists():
        pytest.fail(f"{SPECTRAL} ontbreekt: npm ci installeert @stoplight/spectral-cli (package-lock.json)")
    uit = subprocess.run(
        [
            str(SPECTRAL),
            "lint",
            "--ruleset",
            str(RULESET),
            "--format",
            "json",
            "--fail-severity",
            "warn",
            str(pad),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    # The JSON array comes first; Spectral may print a line of text after it.
    begin = uit.stdout.find("[")
    bevindingen = json.JSONDecoder().raw_decode(uit.stdout[begin:])[0] if begin >= 0 else []
    return uit.returncode, bevindingen


@pytest.mark.django_db
def test_the_served_openapi_document_passes_the_design_rules(client, tmp_path):
    antwoord = client.get("/api/v1/openapi.json")
    assert antwoord.status_code == 200
    document = tmp_path / "openapi.json"
    document.write_bytes(antwoord.content)
    code, bevindingen = spectral(document)
    assert code == 0, [(b["code"], b["message"], ".".join(map(str, b["path"]))) for b in bevindingen]
    assert bevindingen == []


# One document that breaks every rule of our own ruleset once.
FOUT_DOCUMENT = {
    "openapi": "2.0.0",
    "info": {"title": "", "version": "1", "contact": {"name": "Hengelo"}},
    "servers": [{"url": "https://example.org/api"}],
    "paths": {
        "/Edities/": {
            "get": {
                "operationId": "edities",
                "parameters": [{"name": "page_size", "in": "query", "schema": {"type": "integer"}}],
                "responses": {
                    "200": {"description": "ok"},
                    "404": {"description": "weg", "content": {"application/json": {"schema": {}}}},
                },
            },
            "post": {"operationId": "maak", "responses": {"201": {"description": "gemaakt"}}},
        }
    },
}
EIGEN_REGELS = {
    "nlgov-doc-openapi",
    "nlgov-semver",
    "nlgov-contact",
    "nlgov-info-description",
    "nlgov-uri-version",
    "nlgov-no-trailing-slash",
    "nlgov-path-segments-kebab-case",
    "nlgov-read-only",
    "nlgov-query-camel-case",
    "nlgov-operation-documented",
    "nlgov-version-header",
    "nlgov-problem-json",
    "nlgov-list-pagination",
}


def test_each_rule_of_the_ruleset_catches_its_violation(tmp_path):
    document = tmp_path / "fout.json"
    document.write_text(json.dumps(FOUT_DOCUMENT))
    code, bevindingen = spectral(document)
    assert code != 0
    gevonden = {b["code"] for b in bevindingen}
    assert EIGEN_REGELS <= gevonden, (
        f"Regels die hun overtreding niet vonden: {sorted(EIGEN_REGELS - gevonden)}"
    )
    geregeld = {regel for regel in RULESET.read_text().split() if regel.startswith("nlgov-")}
    assert {r.rstrip(":") for r in geregeld} == EIGEN_REGELS  # every rule of the ruleset is exercised here
