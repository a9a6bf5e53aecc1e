"""
The apps depend on each other one way, like floors: a module may import from its own app and from the floors
below it, never from a floor above, not even deferred inside a function. Nothing imports from the project package
`hengelo_sd` (settings come through `django.conf`). Migrations and tests are not checked; `hengelo_sd` itself
(settings, urls, wsgi) may import every app.

Read with `ast`, so every `import`/`from … import` counts wherever it stands, and so does
`import_module("…")` with a literal name.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "hengelo_sd"

# Bottom → top.
LAGEN = (
    "kern",
    "bronnen",
    "accounts",
    "actielijnen",
    "monitoring",
    "participatie",
    "rapportage",
    "api",
    "ontwikkeling",
)


def imports_in(bron: str, pakket: str) -> set[str]:
    """Every module name `bron` imports; relative imports resolved against `pakket`, the module's package."""
    delen = pakket.split(".")
    namen = set()
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                basis = delen[: len(delen) - knoop.level + 1]
                namen.add(".".join([*basis, *([knoop.module] if knoop.module else [])]))
            else:
                namen.add(knoop.module)
        elif (
            isinstance(knoop, ast.Call)
            and getattr(knoop.func, "id", getattr(knoop.func, "attr", None))
            in {"import_module", "__import__"}
            and knoop.args
            and isinstance(knoop.args[0], ast.Constant)
            and isinstance(knoop.args[0].value, str)
        ):
            namen.add(knoop.args[0].value)
    return namen


def _modules() -> list[Path]:
    return [
        pad
        for app in LAGEN
        for pad in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in pad.relative_to(ROOT).parts
    ]


def _pakket(pad: Path) -> str:
    """The package a module's relative imports start from: a/b/c.py and a/b/__init__.py → a.b."""
    return ".".join(pad.relative_to(ROOT).parent.parts)


def overtredingen(pad: Path) -> list[str]:
    """The imports of one app module that reach a higher floor or the project package."""
    rel = pad.relative_to(ROOT)
    verdieping = LAGEN.index(rel.parts[0])
    fout = []
    for naam in sorted(imports_in(pad.read_text(encoding="utf-8"), _pakket(pad))):
        top = naam.split(".")[0]
        if top == PROJECT:
            fout.append(f"{rel}: importeert {naam} (het project; settings via django.conf)")
        elif top in LAGEN and LAGEN.index(top) > verdieping:
            fout.append(f"{rel}: importeert {naam} ({top} is een hogere verdieping dan {rel.parts[0]})")
    return fout


def test_every_app_of_the_project_has_a_floor_and_is_installed_in_floor_order():
    apps = sorted(p.parent.name for p in ROOT.glob("*/apps.py"))
    assert sorted(LAGEN) == apps
    eigen = [app for app in settings.INSTALLED_APPS if app in LAGEN]
    assert eigen == list(LAGEN)


def test_no_module_imports_from_a_higher_floor():
    fout = [regel for pad in _modules() for regel in overtredingen(pad)]
    assert not fout, "Import naar een hogere verdieping:\n" + "\n".join(fout)


def test_the_checker_sees_deferred_relative_and_dynamic_imports():
    bron = """
import monitoring.models
from . import views
from ..selectors import versheid

def later():
    from rapportage.models import Rapportage
    import_module("participatie.laden")
"""
    assert imports_in(bron, "actielijnen.management") == {
        "monitoring.models",
        "actielijnen.management",
        "actielijnen.selectors",
        "rapportage.models",
        "participatie.laden",
    }
