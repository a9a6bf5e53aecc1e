"""The same rooms in every app (issue 23; docs/architectuur.md, "De kamers van een app").

A newcomer finds a form in `<app>/forms`, a view in `<app>/views`, the reads of pages in `<app>/selectors`, the
actions in `<app>/services` and who may do what in `<app>/permissions` — a module or, past ~400 lines, a package
split by topic. Tested on what the code does, not on file names alone: every form class and every URL's view is
looked up where it is defined.
"""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

from django import forms
from django.urls import URLPattern, URLResolver, get_resolver

import pytest

from tests.test_lagen import LAGEN

ROOT = Path(__file__).resolve().parent.parent
DOMEIN = ("accounts", "actielijnen", "monitoring", "participatie", "rapportage")
KAMERS = ("models", "constants", "permissions", "rollen", "selectors", "services", "views", "urls", "admin")


def _kamer(app: str, naam: str) -> bool:
    return (ROOT / app / f"{naam}.py").is_file() or (ROOT / app / naam / "__init__.py").is_file()


def _alle_modules():
    for app in LAGEN:
        for info in pkgutil.walk_packages([str(ROOT / app)], prefix=f"{app}."):
            if ".migrations" in info.name or ".management." in info.name:
                continue
            yield importlib.import_module(info.name)


def _in_kamer(module: str, kamer: str) -> bool:
    delen = module.split(".")
    return len(delen) >= 2 and delen[1] == kamer


@pytest.mark.parametrize("app", DOMEIN)
def test_every_domain_app_has_the_same_rooms(app):
    assert [k for k in KAMERS if not _kamer(app, k)] == []


def test_every_form_is_defined_in_its_apps_forms_room():
    """Admin forms stay with their admin; everything a page posts is a form in `forms`."""
    buiten = set()
    for module in _alle_modules():
        for _naam, klasse in inspect.getmembers(module, inspect.isclass):
            if klasse.__module__ != module.__name__ or not issubclass(
                klasse, forms.BaseForm | forms.BaseFormSet
            ):
                continue
            # kern is machinery, not a domain: its form base classes are the lost-update guard's own.
            if module.__name__.startswith("kern."):
                continue
            if not (_in_kamer(module.__name__, "forms") or _in_kamer(module.__name__, "admin")):
                buiten.add(f"{module.__name__}.{klasse.__name__}")
    assert sorted(buiten) == []


def _views(patronen, gevonden):
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            _views(patroon.url_patterns, gevonden)
        elif isinstance(patroon, URLPattern):
            view = patroon.callback
            view = getattr(view, "view_class", None) or getattr(view, "cls", None) or view
            gevonden.append((str(patroon.pattern), inspect.unwrap(view).__module__))
    return gevonden


def test_every_page_of_the_product_is_a_view_in_its_apps_views_room():
    buiten = [
        (patroon, module)
        for patroon, module in _views(get_resolver().url_patterns, [])
        # The admin's pages are its ModelAdmins' (the `admin` room).
        if module.split(".")[0] in LAGEN and not (_in_kamer(module, "views") or _in_kamer(module, "admin"))
    ]
    assert buiten == []


def test_access_is_asked_in_permissions_only():
    """One access mechanism: `user.has_perm` is asked by the predicates in `<app>/permissions.py`; views use
    `kern.permissions.toegang_vereist` with them, services and admins call them."""
    buiten = []
    for app in LAGEN:
        if app == "ontwikkeling":
            continue
        for pad in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in pad.parts or pad.name == "permissions.py":
                continue
            for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
                if isinstance(knoop, ast.Attribute) and knoop.attr in {"has_perm", "has_perms"}:
                    buiten.append(f"{pad.relative_to(ROOT)}:{knoop.lineno}")
    assert buiten == []


def test_one_decorator_guards_the_views():
    """No app keeps its own copy of the access decorator (there were three)."""
    kopieen = []
    for module in _alle_modules():
        for naam, functie in inspect.getmembers(module, inspect.isfunction):
            if functie.__module__ != module.__name__ or module.__name__ == "kern.permissions":
                continue
            bron = inspect.getsource(functie)
            if "PermissionDenied" in bron and "def wrapper" in bron:
                kopieen.append(f"{module.__name__}.{naam}")
    assert kopieen == []


GROTE_KAMER = 450  # lines: past ~400 a room becomes a package split by topic (docs/architectuur.md)


def test_no_room_module_passes_the_size_of_a_room():
    """A module of a room (models, selectors, services, forms, views, …) that grows past ~400 lines is split into a
    package by topic, so a newcomer finds a rule by its subject, not by scrolling (the largest were 700-800)."""
    te_groot = []
    for app in LAGEN:
        if app == "ontwikkeling":
            continue
        for pad in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in pad.parts:
                continue
            regels = len(pad.read_text(encoding="utf-8").splitlines())
            if regels > GROTE_KAMER:
                te_groot.append(f"{pad.relative_to(ROOT)}: {regels}")
    assert te_groot == []
