"""Single-object rules of the programme's models."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from actielijnen.constants import AkkoordRol
from actielijnen.models import (
    Activiteit,
    Mijlpaal,
    Planningswijziging,
    PlanningswijzigingAkkoord,
    Risico,
    Voortgangsrapportage,
)
from kern.notatie import kwartaal_begin, kwartaal_einde, kwartaal_valideren, kwartaal_van

pytestmark = pytest.mark.django_db


def test_risk_score_is_kans_times_impact_and_unknown_until_both_are_assessed(programma):
    risico = Risico.objects.get(code="2a")
    assert risico.score is None
    risico.kans, risico.impact = 4, 5
    assert risico.score == 20
    assert Risico.objects.met_score().get(pk=risico.pk).score_db is None  # not saved yet
    risico.save()
    assert Risico.objects.met_score().get(pk=risico.pk).score_db == 20


def test_two_activities_cannot_share_an_agenda_code(programma):
    with pytest.raises(IntegrityError), transaction.atomic():
        Activiteit.objects.create(
            sleutel="dubbel",
            naam="Dubbel",
            actielijn_id=Activiteit.objects.get(code="1.1").actielijn_id,
            volgorde=99,
            code="1.1",
            bron="test",
        )


def test_activities_without_agenda_code_may_coexist(programma):
    assert Activiteit.objects.filter(code="").count() == 8


def test_a_quarter_must_be_written_as_year_dash_q():
    kwartaal_valideren("2024-Q4")
    with pytest.raises(ValidationError, match="2023-Q2"):
        kwartaal_valideren("Q4 2024")
    assert kwartaal_begin("2023-Q2") == date(2023, 4, 1)
    assert kwartaal_einde("2023-Q1") == date(2023, 3, 31)
    assert kwartaal_einde("2024-Q4") == date(2024, 12, 31)
    assert kwartaal_van(date(2025, 1, 1)) == "2025-Q1"


def test_an_update_that_asks_for_a_decision_must_say_which(programma):
    activiteit = Activiteit.objects.get(code="1.1")
    rapportage = Voortgangsrapportage(
        activiteit=activiteit,
        auteur=activiteit.trekker,
        periode="2023-Q1",
        rag="groen",
        percentage_gereed=10,
        fase="uitvoering",
        toelichting="Gestart",
        besluit_nodig=True,
    )
    with pytest.raises(ValidationError) as fout:
        rapportage.full_clean()
    assert "besluit_omschrijving" in fout.value.message_dict


def test_percentage_gereed_cannot_exceed_100(programma):
    activiteit = Activiteit.objects.get(code="1.1")
    rapportage = Voortgangsrapportage(
        activiteit=activiteit,
        auteur=activiteit.trekker,
        periode="2023-Q1",
        rag="groen",
        percentage_gereed=101,
        fase="uitvoering",
        toelichting="x",
    )
    with pytest.raises(ValidationError) as fout:
        rapportage.full_clean()
    assert "percentage_gereed" in fout.value.message_dict


def test_a_milestone_is_overdue_only_when_not_reached_and_past_its_date(programma):
    activiteit = Activiteit.objects.get(code="1.1")
    mijlpaal = Mijlpaal(
        activiteit=activiteit, omschrijving="Plan van aanpak", datum_gepland=date(2023, 3, 31)
    )
    assert mijlpaal.is_te_laat(peildatum=date(2023, 4, 1))
    assert not mijlpaal.is_te_laat(peildatum=date(2023, 3, 31))
    mijlpaal.datum_bereikt = date(2023, 4, 15)
    assert not mijlpaal.is_te_laat(peildatum=date(2023, 5, 1))


def test_a_planning_change_lists_the_roles_that_have_not_agreed_yet(programma, django_user_model):
    activiteit = Activiteit.objects.get(code="2.1")
    wijziging = Planningswijziging.objects.create(
        activiteit=activiteit,
        aangevraagd_door=activiteit.trekker,
        reden="Afhankelijk van 2.5",
        nieuw_einde="2024-Q4",
    )
    assert wijziging.ontbrekende_akkoorden() == list(AkkoordRol.values)
    PlanningswijzigingAkkoord.objects.create(
        planningswijziging=wijziging,
        rol=AkkoordRol.OPDRACHTGEVER,
        gebruiker=activiteit.opdrachtgever,
        akkoord=True,
    )
    assert wijziging.ontbrekende_akkoorden() == [AkkoordRol.OPDRACHTNEMER, AkkoordRol.OPGAVECOORDINATOR]


def test_a_planning_change_needs_a_new_date_that_is_not_before_its_start(programma):
    activiteit = Activiteit.objects.get(code="2.1")
    leeg = Planningswijziging(activiteit=activiteit, aangevraagd_door=activiteit.trekker, reden="x")
    with pytest.raises(ValidationError):
        leeg.full_clean()
    omgekeerd = Planningswijziging(
        activiteit=activiteit,
        aangevraagd_door=activiteit.trekker,
        reden="x",
        nieuwe_start="2024-Q3",
        nieuw_einde="2024-Q1",
    )
    with pytest.raises(ValidationError) as fout:
        omgekeerd.full_clean()
    assert "nieuw_einde" in fout.value.message_dict


def test_changes_are_kept_in_history_with_who_changed_them(programma, django_user_model):
    activiteit = Activiteit.objects.get(code="3.3")
    beheerder = django_user_model.objects.get(username="beheerder")
    activiteit._history_user = beheerder
    activiteit.status = "lopend"
    activiteit.save()
    laatste = activiteit.history.first()
    assert laatste.status == "lopend"
    assert laatste.history_user == beheerder
    assert activiteit.history.count() >= 2
