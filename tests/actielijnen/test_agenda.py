"""Only the 25 activities on the uitvoeringsagenda 2023 run (000 §3); the 8 others of §2.1 are shown as "niet op
de agenda 2023", are not counted, expect no updates and get no reminders. An activity's update rhythm starts at its
own start, not at the programme's first day.

Through the real stack: the loaded programme with its demo accounts, the pages as rendered HTML, the management
command as cron runs it.
"""

import datetime
import re
from html import unescape

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import User
from actielijnen.models import Activiteit
from kern.notatie import kwartaal_van
from rapportage import services as rapportage_services
from tests.actielijnen.factories import VoortgangsrapportageFactory

OP_AGENDA, NIET_OP_AGENDA = 25, 8


@pytest.fixture
def demo(programma):
    return {u.username: u for u in User.objects.all()}


def _tekst(response) -> str:
    assert response.status_code == 200
    # Tags become spaces, so "<dt>Volgende update</dt><dd>1 mei" reads as "Volgende update 1 mei".
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def _buiten_agenda():
    return Activiteit.objects.niet_op_agenda().order_by("actielijn__nummer", "volgorde")


def _op_agenda():
    return Activiteit.objects.op_agenda().order_by("actielijn__nummer", "volgorde")


@pytest.mark.django_db
def test_the_plan_has_25_activities_on_the_agenda_and_8_others(programma):
    assert (_op_agenda().count(), _buiten_agenda().count()) == (OP_AGENDA, NIET_OP_AGENDA)


# --- Totals -------------------------------------------------------------------------------------------------


@pytest.fixture
def buiten_agenda_met_update(demo):
    """An activity off the agenda that someone did report on (red, started): it must still not count."""
    activiteit = _buiten_agenda().first()
    VoortgangsrapportageFactory(
        activiteit=activiteit, auteur=demo["trekker"], rag="rood", status="lopend", datum=timezone.localdate()
    )
    return activiteit


@pytest.mark.django_db
def test_the_college_page_counts_only_the_agenda_and_explains_the_others(
    client, demo, buiten_agenda_met_update
):
    client.force_login(demo["college"])
    tekst = _tekst(client.get(reverse("rapportage:college")))
    assert (
        "Het programma als geheel: 25 activiteiten op de agenda 2023, waarvan 0 gestart en 0 afgerond; "
        "0 op koers, 0 met aandacht nodig, 0 met bijsturing nodig en 25 zonder update." in tekst
    )
    assert "De 8 andere activiteiten uit het uitvoeringsplan (§2.1) staan niet op de agenda 2023" in tekst


@pytest.mark.django_db
def test_the_management_dashboard_counts_only_the_agenda(client, demo, buiten_agenda_met_update):
    # Both have a planned start long ago and no update since: only the agenda activity is overdue.
    Activiteit.objects.filter(pk=_op_agenda().first().pk).update(geplande_start="2023-Q1")
    Activiteit.objects.filter(pk=_buiten_agenda().last().pk).update(geplande_start="2023-Q1")
    client.force_login(demo["manager"])
    tekst = _tekst(client.get(reverse("actielijnen:management")))
    assert "25 activiteiten op de agenda 2023; 1 met een update die te laat is." in tekst
    assert "8 activiteiten uit het uitvoeringsplan staan niet op de agenda 2023" in tekst


@pytest.mark.django_db
def test_off_agenda_activities_are_marked_on_the_trekkers_managers_and_activity_pages(client, demo):
    activiteit = _buiten_agenda().filter(trekker=demo["trekker"]).first()
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="2023-Q1")

    client.force_login(demo["trekker"])
    uitvoering = client.get(reverse("actielijnen:uitvoering")).content.decode()
    rij = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(activiteit.naam)}.*?</tr>", uitvoering, re.S).group(
        0
    )
    assert "niet op de agenda 2023" in rij and "te laat" not in rij

    pagina = _tekst(client.get(activiteit.get_absolute_url()))
    assert "Niet op de agenda 2023. Deze activiteit staat in het uitvoeringsplan (§2.1)" in pagina
    assert "Volgende update niet op de agenda 2023" in pagina

    client.force_login(demo["manager"])
    dashboard = client.get(reverse("actielijnen:management")).content.decode()
    rij = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(activiteit.naam)}.*?</tr>", dashboard, re.S).group(
        0
    )
    assert "niet op de agenda 2023" in rij and "te laat" not in rij and "app-rij--verouderd" not in rij


@pytest.mark.django_db
def test_a_new_edition_counts_only_the_agenda_and_lists_the_others_apart(
    client, demo, buiten_agenda_met_update, monkeypatch
):
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%PDF-1.7 test")
    rapportage = rapportage_services.rapportage_aanmaken(
        door=demo["manager"],
        pc_moment="viermaandsrapportage",
        jaar=timezone.localdate().year,
        titel="Viermaandsrapportage",
        peildatum=timezone.localdate(),
        zaaknummer="3612345",
        toelichtingen={},
    )
    totaal = rapportage.inhoud["voortgang"]["totaal"]
    assert (totaal["aantal"], totaal["niet_op_agenda"], totaal["rood"], totaal["gestart"]) == (25, 8, 0, 0)
    per_sleutel = {a["sleutel"]: a for a in rapportage.inhoud["voortgang"]["activiteiten"]}
    assert len(per_sleutel) == OP_AGENDA + NIET_OP_AGENDA
    assert per_sleutel[buiten_agenda_met_update.sleutel]["status_label"] == "Niet op de agenda 2023"

    rapportage = rapportage_services.vaststellen(rapportage=rapportage, door=demo["college"])
    rapportage = rapportage_services.publiceren(rapportage=rapportage, door=demo["college"])
    client.force_login(demo["raad"])
    tekst = _tekst(client.get(reverse("rapportage:editie", args=[rapportage.pk])))
    assert "Het programma als geheel: 25 activiteiten op de agenda 2023, waarvan 0 gestart" in tekst
    assert "De 8 andere activiteiten uit het uitvoeringsplan (§2.1) staan niet op de agenda 2023" in tekst


# --- Reminders ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_sends_no_reminders_for_activities_off_the_agenda(demo, capsys):
    # All started long ago with a trekker and no update: only agenda activities are due.
    Activiteit.objects.update(geplande_start="2023-Q1")
    assert not Activiteit.objects.filter(trekker__isnull=True).exists()
    call_command("stuur_herinneringen")
    assert f"{OP_AGENDA} herinnering(en) verstuurd." in capsys.readouterr().out
    namen_buiten = set(_buiten_agenda().values_list("naam", flat=True))
    onderwerpen = [bericht.subject for bericht in mail.outbox]
    assert len(onderwerpen) == OP_AGENDA
    assert not [o for o in onderwerpen if o.split(": ", 1)[1] in namen_buiten]


@pytest.mark.django_db
def test_no_reminder_before_an_activity_has_a_start(demo):
    # No start quarter planned (the demo programme has none: the plan's planning table did not survive) and no
    # update: nothing is due yet. Before, every activity was overdue since 31 January 2023.
    Activiteit.objects.update(geplande_start="")
    call_command("stuur_herinneringen")
    assert mail.outbox == []


# --- The rhythm starts at the activity's own start ----------------------------------------------------------


@pytest.mark.django_db
def test_the_rhythm_starts_at_the_planned_start_quarter(client, demo):
    eerste, tweede, derde = _op_agenda().filter(trekker=demo["trekker"])[:3]
    Activiteit.objects.filter(pk=derde.pk).update(geplande_start="")
    Activiteit.objects.filter(pk=eerste.pk).update(geplande_start="2023-Q2")
    volgend_jaar = timezone.localdate().replace(month=1, day=1) + datetime.timedelta(days=400)
    Activiteit.objects.filter(pk=tweede.pk).update(geplande_start=kwartaal_van(volgend_jaar))
    client.force_login(demo["trekker"])

    # 1 April 2023 + 30 days.
    assert "Volgende update 1 mei 2023 (te laat)" in _tekst(client.get(eerste.get_absolute_url()))
    # Starts next year: not overdue now, although the programme began in 2023.
    tweede_tekst = _tekst(client.get(tweede.get_absolute_url()))
    assert "(op tijd)" in tweede_tekst and "te laat" not in tweede_tekst
    # No planned start and no update: no due date instead of "31 januari 2023 (te laat)".
    derde_tekst = _tekst(client.get(derde.get_absolute_url()))
    assert "Volgende update geen geplande start" in derde_tekst
    assert "31 januari 2023" not in derde_tekst and "te laat" not in derde_tekst


@pytest.mark.django_db
def test_without_a_planned_start_the_first_update_starts_the_rhythm(client, demo):
    activiteit = _op_agenda().filter(trekker=demo["trekker"]).first()
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="")
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    VoortgangsrapportageFactory(activiteit=activiteit, auteur=demo["trekker"], datum=gisteren)
    client.force_login(demo["trekker"])
    verwacht = gisteren + datetime.timedelta(days=activiteit.update_ritme_dagen)
    tekst = _tekst(client.get(activiteit.get_absolute_url()))
    maand = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"][verwacht.month - 1]  # fmt: skip
    assert f"Volgende update {verwacht.day} {maand} {verwacht.year} (op tijd)" in tekst


@pytest.mark.django_db
def test_reminders_follow_the_activitys_own_start(demo):
    activiteit = _op_agenda().first()
    Activiteit.objects.filter(pk=activiteit.pk).update(geplande_start="2025-Q3")  # due 31 July 2025
    call_command("stuur_herinneringen")
    (bericht,) = mail.outbox
    assert bericht.to == [activiteit.trekker.email]
    assert "31 juli 2025" in bericht.body
