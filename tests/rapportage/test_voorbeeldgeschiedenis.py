"""`demo_laden` (app ontwikkeling) adds a lived-in, clearly labelled example history (issue 15), once and never on real use."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from actielijnen.constants import OpdrachtbeschrijvingStatus, PlanningswijzigingStatus, RisicoStatus
from actielijnen.models import (
    Activiteit,
    Mijlpaal,
    Opdrachtbeschrijving,
    Planningswijziging,
    Risico,
    Voortgangsrapportage,
)
from actielijnen.selectors import standen
from ontwikkeling.voorbeeldgeschiedenis import VOORBEELD, WIJZIGINGSREDEN
from rapportage.constants import RapportageStatus
from rapportage.models import Exportbestand, Rapportage

pytestmark = pytest.mark.django_db


def _demo_laden(*extra) -> str:
    uitvoer = StringIO()
    with override_settings(DEBUG=True):
        call_command("demo_laden", *extra, stdout=uitvoer)
    return uitvoer.getvalue()


@pytest.fixture
def voorbeeld():
    _demo_laden()


def test_elke_lopende_activiteit_heeft_een_geschiedenis_van_updates(voorbeeld):
    lopend = Activiteit.objects.op_agenda().exclude(trekker=None)
    assert lopend.count() == 25
    for activiteit in lopend:
        updates = activiteit.voortgangsrapportages.all()
        assert updates.count() >= 6, activiteit
        assert len({u.datum for u in updates}) >= 6, "updates over tijd, niet op één dag"
        assert all(u.toelichting.startswith(VOORBEELD) for u in updates)
        assert activiteit.geplande_start and activiteit.gepland_einde
    # Not every activity overdue (the fresh demo's complaint), but the signal shows; every colour occurs.
    rijen = [s for s in standen() if s.op_agenda]
    status = [s.update_status(timezone.localdate()) for s in rijen]
    te_laat = status.count("te laat")
    assert 0 < te_laat < len(rijen) / 4, status
    assert {s.rag for s in rijen} == {"groen", "oranje", "rood"}


def test_risicos_besluiten_en_een_gepubliceerde_rapportage(voorbeeld):
    programmarisicos = Risico.objects.basisrisicos()
    assert programmarisicos.count() == 10
    gevolgd = programmarisicos.filter(status=RisicoStatus.ACTIEF)
    assert gevolgd.count() == 9
    assert all(r.score for r in gevolgd)
    assert all(r.wijzigingen.filter(toelichting__startswith=VOORBEELD).exists() for r in gevolgd)
    # 3b is no longer followed separately (Jaarstukken 2023): the demo leaves it so, unscored and unlabelled.
    niet_gevolgd = programmarisicos.exclude(status=RisicoStatus.ACTIEF).get()
    assert niet_gevolgd.code == "3b" and niet_gevolgd.score is None
    assert not niet_gevolgd.wijzigingen.filter(toelichting__startswith=VOORBEELD).exists()
    assert Risico.objects.filter(activiteit__isnull=False, kans__isnull=False).exists()
    assert Planningswijziging.objects.filter(status=PlanningswijzigingStatus.INGEDIEND).count() == 1
    assert Voortgangsrapportage.objects.filter(besluit_nodig=True).count() == 1
    assert Opdrachtbeschrijving.objects.filter(status=OpdrachtbeschrijvingStatus.TER_GOEDKEURING).count() == 1
    assert Mijlpaal.objects.filter(datum_bereikt__isnull=False).exists()
    assert Mijlpaal.objects.filter(datum_bereikt=None, datum_gepland__lt=timezone.localdate()).exists()
    editie = Rapportage.objects.get()
    assert editie.status == RapportageStatus.GEPUBLICEERD
    assert "Voorbeeld" in editie.titel and "geen echte gegevens" in editie.titel
    assert Exportbestand.objects.filter(rapportage=editie).count() == 2
    # Every history row of the example says so (the history pages show the reason).
    activiteit = Activiteit.objects.op_agenda().first()
    assert set(activiteit.history.values_list("history_change_reason", flat=True)) >= {WIJZIGINGSREDEN}
    for update in activiteit.voortgangsrapportages.all():
        assert set(update.history.values_list("history_change_reason", flat=True)) == {WIJZIGINGSREDEN}
    risico = Risico.objects.basisrisicos().first()
    assert set(risico.history.filter(history_type="~").values_list("history_change_reason", flat=True)) == {
        WIJZIGINGSREDEN
    }


def test_paginas_laten_zien_waarvoor_ze_zijn(voorbeeld, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="manager"))
    dashboard = client.get(reverse("actielijnen:management")).content.decode()
    assert "tijdlijn-data" in dashboard  # the planning chart has data
    activiteit = Activiteit.objects.op_agenda().first()
    pagina = client.get(activiteit.get_absolute_url()).content.decode()
    assert VOORBEELD in pagina
    client.force_login(django_user_model.objects.get(username="raad"))
    assert client.get(reverse("rapportage:raad")).status_code == 200
    assert "Voorbeeldrapportage (demo)" in client.get(reverse("rapportage:editie_lijst")).content.decode()


def test_tweede_keer_en_zonder_voorbeelden_voegt_niets_toe():
    uitvoer = _demo_laden("--zonder-voorbeelden")
    assert "voorbeeld" not in uitvoer.lower()
    assert not Voortgangsrapportage.objects.exists() and not Rapportage.objects.exists()
    _demo_laden()
    aantal = Voortgangsrapportage.objects.count()
    uitvoer = _demo_laden()
    assert "voorbeeldgeschiedenis niet toegevoegd: er staan al voortgangsupdates" in uitvoer
    assert Voortgangsrapportage.objects.count() == aantal
    assert Rapportage.objects.count() == 1


def test_nooit_bovenop_echt_gebruik(django_user_model):
    _demo_laden("--zonder-voorbeelden")
    activiteit = Activiteit.objects.op_agenda().exclude(trekker=None).first()
    from actielijnen.services import voortgangsrapportage_create

    voortgangsrapportage_create(
        activiteit=activiteit,
        auteur=activiteit.trekker,
        periode="2026-Q4",
        rag="groen",
        percentage_gereed=10,
        fase="verkenning",
        toelichting="Een echte update.",
    )
    uitvoer = _demo_laden()
    assert "niet toegevoegd" in uitvoer
    assert Voortgangsrapportage.objects.count() == 1
    assert not Rapportage.objects.exists()
