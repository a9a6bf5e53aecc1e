"""Development tooling and the demo's example history live in one app, `ontwikkeling`, outside the product
(issue 23): no product app holds a benchmark, soak, test-data generator or example data, and the tools cannot
run in a production configuration."""

import os
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

import pytest

from tests.test_lagen import LAGEN

ROOT = Path(__file__).resolve().parent.parent
GEREEDSCHAP = ("benchmark", "soak", "testdata", "genereer_testdata", "voorbeeld", "demo_laden")


def test_no_product_app_holds_development_tooling_or_example_data():
    gevonden = [
        str(pad.relative_to(ROOT))
        for app in LAGEN
        if app != "ontwikkeling"
        for pad in (ROOT / app).rglob("*")
        if "migrations" not in pad.parts and pad.stem.startswith(GEREEDSCHAP)
    ]
    assert gevonden == []


def test_the_development_app_refuses_to_start_without_debug():
    config = apps.get_app_config("ontwikkeling")
    with override_settings(DEBUG=False), pytest.raises(ImproperlyConfigured, match="hoort niet in productie"):
        config.ready()


def test_a_production_configuration_has_none_of_the_tools():
    omgeving = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    omgeving.update(SECRET_KEY="x" * 64, ALLOWED_HOSTS="sd.hengelo.example")
    uitvoer = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "load_programma" in uitvoer  # the product's own commands are there
    assert not {"soak", "benchmark", "benchmark_import", "genereer_testdata", "demo_laden"} & set(uitvoer)
