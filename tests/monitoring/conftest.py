import pytest

from bronnen.laden import Verslag
from monitoring.laden import laad_monitoring


@pytest.fixture
def monitoring(programma):
    """The programme with demo users, plus monitoring's figures (finances, piramide, factsheet, areas)."""
    verslag = Verslag()
    laad_monitoring(verslag)
    return verslag


@pytest.fixture
def beheerder(programma, django_user_model):
    return django_user_model.objects.get(username="beheerder")


@pytest.fixture
def gebruiker(programma, django_user_model):
    """Look up a demo user by name."""
    return lambda naam: django_user_model.objects.get(username=naam)
