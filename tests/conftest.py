"""Shared fixtures. Test speed-ups live here, not in settings."""

import os
from pathlib import Path

import pytest

from rapportage.programma_laden import laad_programma


@pytest.fixture(autouse=True)
def _snelle_tests(settings):
    # A fast hasher: password hashing would dominate the suite otherwise.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def programma(db):
    """The programme as `load_programma --demo` loads it."""
    return laad_programma(demo=True)


@pytest.fixture
def programma_zonder_demo(db):
    return laad_programma(demo=False)


# Browser tests: Playwright (Python) drives Debian's chromium; Playwright never downloads a browser here.
# Playwright's sync API runs an event loop in the test thread; without this Django refuses ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"De browsertests hebben {CHROMIUM} nodig: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    yield context.new_page()
    context.close()


@pytest.fixture
def axe():
    """Run axe-core (from npm) in a page; returns the violations as (id, impact, targets)."""
    source = AXE_JS.read_text(encoding="utf-8")

    def run(page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
        # Evaluated over the DevTools protocol, not as an inline <script>: the Content-Security-Policy
        # (script-src 'self') would refuse that, and the page runs under the real policy.
        page.evaluate(source)
        resultaat = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags)
        )
        return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in resultaat["violations"]]

    return run
