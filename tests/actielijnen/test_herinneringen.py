import datetime

from django.core import mail
from django.core.management import call_command

import pytest

from actielijnen.constants import ActiviteitStatus, HerinneringSoort
from actielijnen.models import Herinnering
from actielijnen.services import herinneringen_versturen
from tests.actielijnen.factories import VoortgangsrapportageFactory

LAATSTE_UPDATE = datetime.date(2025, 3, 1)
VERVALDATUM = LAATSTE_UPDATE + datetime.timedelta(days=30)  # 31 March 2025


@pytest.fixture
def bijgewerkte_activiteit(activiteit, trekker):
    VoortgangsrapportageFactory(activiteit=activiteit, auteur=trekker, datum=LAATSTE_UPDATE)
    return activiteit


@pytest.mark.django_db
def test_a_reminder_goes_out_a_few_days_before_the_update_is_due(bijgewerkte_activiteit, trekker, settings):
    settings.SITE_URL = "https://sd.hengelo.example/"
    verstuurd = herinneringen_versturen(vandaag=VERVALDATUM - datetime.timedelta(days=2))
    assert [h.soort for h in verstuurd] == [HerinneringSoort.BINNENKORT]
    (bericht,) = mail.outbox
    assert bericht.to == [trekker.email]
    assert bijgewerkte_activiteit.naam in bericht.subject
    assert "31 maart 2025" in bericht.body
    assert (
        f"https://sd.hengelo.example/activiteiten/{bijgewerkte_activiteit.sleutel}/voortgang/" in bericht.body
    )


@pytest.mark.django_db
def test_no_reminder_long_before_or_just_after_the_due_date(bijgewerkte_activiteit):
    assert herinneringen_versturen(vandaag=VERVALDATUM - datetime.timedelta(days=10)) == []
    assert herinneringen_versturen(vandaag=VERVALDATUM + datetime.timedelta(days=1)) == []
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_reminder_goes_out_a_few_days_after_the_due_date(bijgewerkte_activiteit):
    verstuurd = herinneringen_versturen(vandaag=VERVALDATUM + datetime.timedelta(days=4))
    assert [h.soort for h in verstuurd] == [HerinneringSoort.VERLOPEN]
    assert "te laat" in mail.outbox[0].subject


@pytest.mark.django_db
def test_running_the_command_twice_the_same_day_sends_nothing_the_second_time(bijgewerkte_activiteit):
    dag = VERVALDATUM - datetime.timedelta(days=1)
    herinneringen_versturen(vandaag=dag)
    herinneringen_versturen(vandaag=dag)
    assert len(mail.outbox) == 1
    assert Herinnering.objects.count() == 1


@pytest.mark.django_db
def test_a_new_update_moves_the_due_date_and_stops_the_overdue_reminder(bijgewerkte_activiteit, trekker):
    VoortgangsrapportageFactory(activiteit=bijgewerkte_activiteit, auteur=trekker, datum=VERVALDATUM)
    assert herinneringen_versturen(vandaag=VERVALDATUM + datetime.timedelta(days=4)) == []


@pytest.mark.django_db
def test_finished_activities_get_no_reminders(bijgewerkte_activiteit):
    bijgewerkte_activiteit.status = ActiviteitStatus.AFGEROND
    bijgewerkte_activiteit.save()
    assert herinneringen_versturen(vandaag=VERVALDATUM + datetime.timedelta(days=4)) == []


@pytest.mark.django_db
def test_the_rhythm_of_the_activity_sets_the_due_date(bijgewerkte_activiteit):
    bijgewerkte_activiteit.update_ritme_dagen = 14
    bijgewerkte_activiteit.save()
    verstuurd = herinneringen_versturen(vandaag=LAATSTE_UPDATE + datetime.timedelta(days=12))
    assert [h.vervaldatum for h in verstuurd] == [LAATSTE_UPDATE + datetime.timedelta(days=14)]


@pytest.mark.django_db
def test_the_management_command_sends_and_is_idempotent(activiteit, capsys):
    # No update yet: due 30 days after the planned start (2023-Q2), long overdue.
    call_command("stuur_herinneringen")
    call_command("stuur_herinneringen")
    assert len(mail.outbox) == 1
    assert "1 herinnering(en) verstuurd." in capsys.readouterr().out
