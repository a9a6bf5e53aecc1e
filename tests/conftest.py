"""Shared fixtures. Test speed-ups live here, not in settings."""

import pytest

from actielijnen.programma_laden import laad_programma


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
