"""Demo accounts never reach production: `load_programma --demo` refuses without DEBUG and creates no user."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Demo-accounts worden alleen aangemaakt met DEBUG aan"):
        call_command("load_programma", "--demo", stdout=StringIO())
    # Refused before loading anything: no demo user and no superuser.
    assert not get_user_model().objects.exists()


def test_the_programme_itself_loads_without_debug(settings):
    settings.DEBUG = False
    call_command("load_programma", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_demo_accounts_load_in_development(settings):
    settings.DEBUG = True
    call_command("load_programma", "--demo", stdout=StringIO())
    assert get_user_model().objects.filter(username="beheerder").exists()
