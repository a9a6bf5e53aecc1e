"""The procurement tracks as the fixture loads them: every figure from §2.3.1, nothing guessed, idempotent."""

from datetime import date

import pytest

from bronnen.laden import Verslag, lees_fixture
from participatie import laden
from participatie.models import Inkooptraject
from rapportage.programma_laden import laad_programma

pytestmark = pytest.mark.django_db


def test_trajecten_met_datum_uit_de_bron(programma_zonder_demo):
    trajecten = {t.sleutel: t for t in Inkooptraject.objects.all()}
    assert list(trajecten) == [
        "jeugd",
        "wmo",
        "wi",
        "welzijn",
        "huishoudelijke-ondersteuning",
        "doelgroepenvervoer",
    ]
    assert trajecten["jeugd"].ingangsdatum == date(2025, 1, 1)
    assert trajecten["wmo"].ingangsdatum == date(2025, 1, 1)
    assert trajecten["huishoudelijke-ondersteuning"].ingangsdatum == date(2024, 1, 1)
    assert trajecten["doelgroepenvervoer"].ingangsdatum == date(2023, 8, 1)
    # No source gives a date for W&I or welzijn: empty, with a note quoting the source.
    for sleutel in ("wi", "welzijn"):
        assert trajecten[sleutel].ingangsdatum is None
        assert trajecten[sleutel].datakwaliteit.filter(ernst="waarschuwing").exists()


def test_stappen_volgens_plan_zonder_verzonnen_duur(programma_zonder_demo):
    jeugd = Inkooptraject.objects.get(sleutel="jeugd")
    stappen = list(jeugd.stappen.order_by("volgorde"))
    assert [s.naam for s in stappen] == [
        "Voorbereiden contractering",
        "Bepalen afbakening",
        "Bepalen wijze van toegang",
        "Bepalen bekostigingsvariant",
        "Vormgeven samenwerkingen en partnerschappen",
        "Vormgeven verantwoording",
        "Inrichting contract en contractmanagement",
        "Contractering",
    ]
    assert [s.fase.nummer for s in stappen] == [1, 2, 2, 2, 2, 2, 2, 3]
    assert (stappen[0].gepland_start, stappen[0].gepland_einde) == (date(2022, 10, 1), date(2023, 3, 31))
    assert (stappen[-1].gepland_start, stappen[-1].gepland_einde) == (date(2024, 1, 1), date(2024, 3, 31))
    assert all(s.gepland_start is None for s in stappen[1:7])
    # The sources name no duration and no margin: both "niet bekend", never a default shown as a fact.
    assert all(s.duur_dagen is None and s.marge_dagen is None for s in stappen)
    assert Inkooptraject.objects.get(sleutel="wi").stappen.count() == 8
    for sleutel in ("welzijn", "huishoudelijke-ondersteuning", "doelgroepenvervoer"):
        assert not Inkooptraject.objects.get(sleutel=sleutel).stappen.exists()


def test_activiteiten_per_domein_en_jht_nergens(programma_zonder_demo):
    per_traject = {
        t.sleutel: sorted(a.sleutel for a in t.activiteiten.all()) for t in Inkooptraject.objects.all()
    }
    assert per_traject == {
        "jeugd": ["regionale-inkoop-jeugdhulp-lokaal", "verblijf-jeugd-regionaal", "wijkteams-jeugd"],
        "wmo": ["overgang-ob1-ob2-wmo", "wonen-en-verblijf-wmo"],
        "wi": ["ketensamenwerking-huis-van-de-arbeid"],
        "welzijn": ["selectieve-preventie", "versterken-sociale-basis"],
        "huishoudelijke-ondersteuning": ["inkoop-ho"],
        "doelgroepenvervoer": [],
    }
    assert not Inkooptraject.objects.filter(activiteiten__sleutel="doorontwikkeling-jht").exists()


def test_tweede_keer_laden_verandert_niets_en_bewaart_gebruikersdata(programma_zonder_demo):
    stap = Inkooptraject.objects.get(sleutel="jeugd").stappen.get(volgorde=2)
    stap.duur_dagen = 30
    stap.gepland_start = date(2023, 4, 1)
    stap.save()
    assert laad_programma().ongewijzigd
    stap.refresh_from_db()
    assert (stap.duur_dagen, stap.gepland_start) == (30, date(2023, 4, 1))


def test_onbekende_activiteitnaam_faalt_luid(programma_zonder_demo, monkeypatch):
    data = lees_fixture("programma/inkoop.yaml")
    data["inkooptrajecten"][0]["activiteiten"] = ["Wijkteams jeugd met preventieteam"]
    monkeypatch.setattr(laden, "lees_fixture", lambda pad: data)
    with pytest.raises(ValueError, match="niet gevonden"):
        laden._laad_inkooptrajecten(Verslag())
