import pytest

from accounts.constants import Rol
from tests.accounts.factories import UserFactory
from tests.actielijnen.factories import ActiviteitFactory


@pytest.fixture
def gebruiker(db):
    """gebruiker(rol, ...) → a user holding those roles."""

    def maak(*rollen, **kwargs):
        return UserFactory(rollen=list(rollen), **kwargs)

    return maak


@pytest.fixture
def trekker(gebruiker):
    return gebruiker(Rol.TREKKER, username="tessa")


@pytest.fixture
def andere_trekker(gebruiker):
    return gebruiker(Rol.TREKKER, username="tom")


@pytest.fixture
def opdrachtgever(gebruiker):
    return gebruiker(Rol.OPDRACHTGEVER, username="olga")


@pytest.fixture
def opdrachtnemer(gebruiker):
    return gebruiker(Rol.TREKKER, username="otto")


@pytest.fixture
def opgavecoordinator(gebruiker):
    return gebruiker(Rol.OPGAVECOORDINATOR, username="oscar")


@pytest.fixture
def manager(gebruiker):
    return gebruiker(Rol.MANAGER, username="mira")


@pytest.fixture
def activiteit(trekker, opdrachtgever, opdrachtnemer, opgavecoordinator):
    """An activity of `trekker`, with all three roles of §2.2 filled."""
    return ActiviteitFactory(
        trekker=trekker,
        opdrachtgever=opdrachtgever,
        opdrachtnemer=opdrachtnemer,
        opgavecoordinator=opgavecoordinator,
        met_opdracht=True,
    )


@pytest.fixture
def andere_activiteit(andere_trekker, opdrachtgever):
    return ActiviteitFactory(trekker=andere_trekker, opdrachtgever=opdrachtgever)
