"""genereer_testdata: the ten-year shape scaled down, deterministic, named apart from the real programme."""

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from accounts.models import User
from actielijnen.models import Voortgangsrapportage
from monitoring.models import Indicator, Meting, Wijk
from ontwikkeling import testdata


def test_omvang_volgt_de_formule():
    tien_jaar = testdata.Omvang.voor(1)
    assert (tien_jaar.indicatoren, tien_jaar.maanden, tien_jaar.plaatsen) == (100, 120, 25)
    assert tien_jaar.metingen == 1_200_000
    assert (tien_jaar.updates, tien_jaar.gebruikers) == (26_000, 500)
    klein = testdata.Omvang.voor(0.001)
    assert (klein.indicatoren, klein.maanden, klein.metingen, klein.updates, klein.gebruikers) == (
        1,
        12,
        1200,
        26,
        1,
    )
    with pytest.raises(ValueError):
        testdata.Omvang.voor(0)


@pytest.mark.django_db
def test_zonder_debug_geweigerd(programma, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("genereer_testdata", "--schaal", "0.001")
    assert not Indicator.objects.filter(code__startswith="TD-").exists()


@pytest.mark.django_db
def test_klein_deterministisch_en_volgens_formule(programma, settings):
    settings.DEBUG = True
    voor = {"metingen": Meting.objects.count(), "updates": Voortgangsrapportage.objects.count()}
    call_command("genereer_testdata", "--schaal", "0.001")
    omvang = testdata.Omvang.voor(0.001)
    assert Meting.objects.count() - voor["metingen"] == omvang.metingen
    assert Meting.objects.filter(indicator__code__startswith="TD-").count() == omvang.metingen
    assert Voortgangsrapportage.objects.count() - voor["updates"] == omvang.updates
    assert User.objects.filter(username__startswith="testgebruiker-").count() == omvang.gebruikers
    assert Indicator.objects.filter(code__startswith="TD-").count() == omvang.indicatoren
    # 25 places: Hengelo itself plus 24 wijken/gebieden, one meting per place per month per soort.
    plaatsen = Meting.objects.filter(indicator__code="TD-001", periode="2016-01", soort="peil")
    assert plaatsen.count() == 25
    assert plaatsen.filter(wijk__isnull=True, gebied__isnull=True).count() == 1
    eerste = testdata.controlegetal()

    with pytest.raises(CommandError, match="--opnieuw"):
        call_command("genereer_testdata", "--schaal", "0.001")
    call_command("genereer_testdata", "--schaal", "0.001", "--opnieuw")
    assert testdata.controlegetal() == eerste
    assert Meting.objects.count() - voor["metingen"] == omvang.metingen  # replaced, not added

    call_command("genereer_testdata", "--verwijder")
    assert not Meting.objects.filter(indicator__code__startswith="TD-").exists()
    assert not Wijk.objects.filter(naam__startswith="TD-wijk").exists()
    assert Meting.objects.count() == voor["metingen"]
    assert Voortgangsrapportage.objects.count() == voor["updates"]


@pytest.mark.django_db
def test_andere_schaal_ander_controlegetal(programma, settings):
    settings.DEBUG = True
    testdata.genereer(0.001)
    klein = testdata.controlegetal()
    testdata.genereer(0.002, opnieuw=True)
    assert testdata.controlegetal() != klein
