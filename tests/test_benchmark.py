"""manage.py benchmark: runs on tiny data and writes JSON with the expected keys (no timing assertions)."""

import json

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from ontwikkeling import testdata


@pytest.mark.django_db
def test_snel_paginas_schrijft_json(programma, settings, tmp_path):
    settings.DEBUG = True
    testdata.genereer(0.001)
    pad = tmp_path / "bench.json"
    call_command("benchmark", "--snel", "--alleen", "paginas", "--json", str(pad))
    uitkomst = json.loads(pad.read_text())
    assert set(uitkomst) >= {"machine", "database", "snel", "delen"}
    assert list(uitkomst["delen"]) == ["paginas"]
    rijen = uitkomst["delen"]["paginas"]["paginas"]
    namen = {r["pagina"] for r in rijen}
    assert {"dashboard", "college", "raad", "inwoners", "indicatorenlijst", "indicator", "import"} <= namen
    assert {"api-edities", "api-reeksen", "api-catalogus", "api-openapi"} <= namen
    for rij in rijen:
        assert set(rij) >= {"pagina", "rol", "status", "queries", "p50_ms", "p95_ms", "gehaald"}
        assert rij["status"] == 200, rij
        # The OpenAPI document is generated from the code alone; every other page reads the database.
        assert rij["queries"] > 0 or rij["pagina"] == "api-openapi", rij
    assert any(r["url"] == "/monitoring/indicatoren/TD-001/" for r in rijen)


@pytest.mark.django_db
def test_snel_import_en_edities(programma, settings, tmp_path):
    settings.DEBUG = True
    pad = tmp_path / "bench.json"
    call_command("benchmark", "--snel", "--alleen", "import", "--rijen", "200", "--json", str(pad))
    imp = json.loads(pad.read_text())["delen"]["import"]
    assert imp["rijen"] == 200
    assert imp["csv_historie"] == 200  # one history row per new meting: the import with history was measured
    assert {"csv_s", "xlsx_s", "ongedaan_s", "ie_s"} <= set(imp)


def test_onbekend_deel_geweigerd():
    with pytest.raises(CommandError, match="Onbekend deel"):
        call_command("benchmark", "--alleen", "vliegen")


def test_gezond_antwoordt_alleen_op_get(client, programma):
    from accounts.models import User

    client.force_login(User.objects.get(username="manager"))
    client.get("/gezond/")  # the session and permissions are read once per request
    antwoord = client.get("/gezond/")
    assert antwoord.status_code == 200
    assert antwoord.content == b"ok"
    assert client.post("/gezond/").status_code == 405
