"""Two benchmark runs compared page by page (ontwikkeling, `manage.py benchmark_vergelijken`)."""

import json
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest


def _run(pad, rijen):
    pad.write_text(json.dumps({"delen": {"paginas": rijen}}))
    return str(pad)


def _rij(pagina, rol, p50, p95, queries):
    return {"pagina": pagina, "rol": rol, "p50_ms": p50, "p95_ms": p95, "queries": queries, "status": 200}


def test_a_page_that_got_slower_or_asks_more_queries_fails_the_comparison(tmp_path):
    oud = _run(
        tmp_path / "oud.json", [_rij("dashboard", "manager", 20, 40, 24), _rij("raad", "raad", 50, 90, 9)]
    )
    nieuw = _run(
        tmp_path / "nieuw.json", [_rij("dashboard", "manager", 30, 45, 24), _rij("raad", "raad", 40, 80, 10)]
    )
    uitvoer = StringIO()
    with pytest.raises(CommandError, match="2 pagina's trager dan 1,25×") as fout:
        call_command("benchmark_vergelijken", oud, nieuw, stdout=uitvoer)
    assert "dashboard (manager)" in str(fout.value) and "raad (raad)" in str(fout.value)
    regels = uitvoer.getvalue().splitlines()
    assert "1.5" in regels[2] and regels[2].split()[0] == "dashboard"  # slowest change first: 30 / 20 ms


def test_no_page_slower_passes(tmp_path):
    oud = _run(tmp_path / "oud.json", [_rij("dashboard", "manager", 20, 40, 24)])
    nieuw = _run(
        tmp_path / "nieuw.json", [_rij("dashboard", "manager", 21, 39, 24), _rij("nieuw", "raad", 5, 9, 3)]
    )
    uitvoer = StringIO()
    call_command("benchmark_vergelijken", oud, nieuw, stdout=uitvoer)
    assert "Geen pagina trager" in uitvoer.getvalue()


def test_a_file_that_is_no_benchmark_is_refused_in_dutch(tmp_path):
    pad = tmp_path / "leeg.json"
    pad.write_text("{}")
    with pytest.raises(CommandError, match="geen JSON van `manage.py benchmark`"):
        call_command("benchmark_vergelijken", str(pad), str(pad))
