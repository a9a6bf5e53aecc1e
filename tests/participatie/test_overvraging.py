"""Overvraging (§4.1 stap III): the count per stakeholder per quarter against the manager's threshold, worked out
by hand, and the warnings on the real dashboard and activity page."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from accounts.constants import Rol
from actielijnen.models import Activiteit
from participatie.models import Bijeenkomst, Overvragingsdrempel, Participatietraject, Stakeholder
from participatie.overvraging import Kwartaal, is_overvraagd
from participatie.selectors import overvraging
from participatie.services import betrokkenen

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 11, 24)  # 4e kwartaal 2026: 1 oktober – 31 december
Q4 = Kwartaal("2026-Q4")


def _stakeholder(naam="Testorganisatie"):
    return Stakeholder.objects.create(naam=naam)


def _traject(stakeholder, start=None, einde=None, activiteit=None, naam="Traject"):
    traject = Participatietraject.objects.create(naam=naam, start=start, einde=einde, activiteit=activiteit)
    traject.stakeholders.add(stakeholder)
    return traject


def _bijeenkomsten(traject, stakeholder, datums):
    for datum in datums:
        bijeenkomst = Bijeenkomst.objects.create(traject=traject, datum=datum, onderwerp="Overleg")
        bijeenkomst.stakeholders.add(stakeholder)


def _vraag(stakeholder, kwartaal=Q4):
    return overvraging.tellingen([kwartaal])[kwartaal.code].get(stakeholder.pk)


def _manager():
    """The threshold is the manager's: the service checks who sets it."""
    manager, _ = get_user_model().objects.get_or_create(username="manager-overvraging")
    manager.groups.add(Group.objects.get(name=Rol.MANAGER))
    return manager


def _drempel(trajecten=2, bijeenkomsten=3):
    return betrokkenen.drempel_zetten(
        max_trajecten=trajecten, max_bijeenkomsten=bijeenkomsten, door=_manager()
    )


def test_quarters_have_their_first_and_last_day_and_a_dutch_name():
    assert (Q4.begin, Q4.einde, Q4.tekst) == (date(2026, 10, 1), date(2026, 12, 31), "4e kwartaal 2026")
    assert Q4.plus(1).code == "2027-Q1" and Q4.plus(-4).code == "2025-Q4"
    assert Kwartaal.van(date(2026, 3, 31)).code == "2026-Q1"


def test_a_trajectory_counts_in_every_quarter_it_runs_and_not_the_day_after(db):
    s = _stakeholder()
    _traject(s, start=date(2026, 1, 1), einde=date(2026, 9, 30), naam="Eindigt de dag voor Q4")
    _traject(s, start=date(2026, 12, 31), naam="Begint op de laatste dag van Q4")
    _traject(
        s, start=None, einde=date(2026, 10, 1), naam="Geen start: loopt vanaf het begin, eindigt op dag 1"
    )
    _traject(s, start=date(2027, 1, 1), naam="Begint na Q4")
    vraag = _vraag(s)
    assert vraag.aantal_trajecten == 2
    namen = set(Participatietraject.objects.filter(pk__in=vraag.trajecten).values_list("naam", flat=True))
    assert namen == {"Begint op de laatste dag van Q4", "Geen start: loopt vanaf het begin, eindigt op dag 1"}
    assert _vraag(s, Kwartaal("2026-Q3")).aantal_trajecten == 2  # the first and the one without start


def test_meetings_count_in_the_quarter_of_their_date_only_for_who_was_asked(db):
    s, ander = _stakeholder(), _stakeholder("Ander")
    traject = _traject(s, start=date(2027, 6, 1))  # does not run in Q4: only its meetings count there
    _bijeenkomsten(traject, s, [date(2026, 9, 30), date(2026, 10, 1), date(2026, 12, 31), date(2027, 1, 1)])
    _bijeenkomsten(traject, ander, [date(2026, 11, 1)])
    vraag = _vraag(s)
    assert (vraag.aantal_trajecten, vraag.aantal_bijeenkomsten) == (0, 2)
    assert _vraag(ander).aantal_bijeenkomsten == 1


def test_exactly_at_the_threshold_is_not_overvraagd_one_above_is(db):
    s = _stakeholder()
    traject = _traject(s, start=date(2026, 1, 1))
    _traject(s, start=date(2026, 1, 1), naam="Tweede")
    _bijeenkomsten(traject, s, [date(2026, 10, 5), date(2026, 11, 5), date(2026, 12, 5)])
    grens = _drempel(trajecten=2, bijeenkomsten=3)
    assert not is_overvraagd(_vraag(s), grens)
    _bijeenkomsten(traject, s, [date(2026, 12, 6)])
    assert is_overvraagd(_vraag(s), grens)
    _drempel(trajecten=2, bijeenkomsten=4)
    assert not is_overvraagd(_vraag(s), overvraging.drempel())
    _traject(s, start=date(2026, 12, 1), naam="Derde")
    assert is_overvraagd(_vraag(s), overvraging.drempel())


def test_without_a_threshold_nothing_is_overvraagd_and_there_is_no_warning(db):
    s = _stakeholder()
    traject = _traject(s, start=date(2026, 1, 1))
    _bijeenkomsten(traject, s, [date(2026, 10, 1)] * 9)
    assert Overvragingsdrempel.objects.count() == 0
    assert overvraging.signalen(VANDAAG) == []
    _drempel(trajecten=5, bijeenkomsten=8)
    assert len(overvraging.signalen(VANDAAG)) == 1


def test_signals_cover_this_and_next_quarter_once_per_stakeholder_and_once_per_activity(programma):
    activiteit = Activiteit.objects.get(sleutel="versterken-sociale-basis")
    wijkkracht = Stakeholder.objects.get(naam="Wijkkracht")
    # Ends with Q4, so in the next quarter only the trajectory outside the programme asks Wijkkracht.
    traject = _traject(
        wijkkracht,
        start=date(2026, 1, 1),
        einde=date(2026, 12, 31),
        activiteit=activiteit,
        naam="Sociale basis",
    )
    buiten = Participatietraject.objects.get(naam="Omgevingsvisie stedelijk gebied")
    _bijeenkomsten(traject, wijkkracht, [date(2026, 10, 1), date(2026, 10, 2)])
    _bijeenkomsten(buiten, wijkkracht, [date(2026, 10, 3), date(2026, 10, 4), date(2026, 10, 5)])
    _bijeenkomsten(buiten, wijkkracht, [date(2027, 2, d) for d in range(1, 5)])  # next quarter: 4 as well
    _bijeenkomsten(
        buiten, wijkkracht, [date(2027, 4, d) for d in range(1, 9)]
    )  # two ahead: not yet a warning
    _drempel(trajecten=5, bijeenkomsten=3)
    signalen = overvraging.signalen(VANDAAG)
    teksten = [s.tekst for s in signalen]
    assert teksten[0] == (
        "Overvraging: Wijkkracht wordt in het 4e kwartaal 2026 gevraagd voor 5 bijeenkomsten (drempel 3)."
    )
    assert signalen[0].activiteit_id is None
    assert signalen[0].url == reverse("participatie:stakeholder", kwargs={"pk": wijkkracht.pk})
    assert [s.activiteit_id for s in signalen] == [None, activiteit.pk, None]
    assert "“Versterken sociale basis” vraagt haar dan" in teksten[1]
    assert teksten[2].startswith(
        "Overvraging: Wijkkracht wordt in het 1e kwartaal 2027 gevraagd voor 4 bijeenkomsten"
    )


def test_the_warning_shows_on_the_real_dashboard_and_activity_page(client, programma, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: VANDAAG)
    activiteit = Activiteit.objects.get(sleutel="versterken-sociale-basis")
    wijkkracht = Stakeholder.objects.get(naam="Wijkkracht")
    traject = _traject(wijkkracht, start=date(2026, 1, 1), activiteit=activiteit)
    _bijeenkomsten(traject, wijkkracht, [date(2026, 10, d) for d in range(1, 5)])
    tekst = "Wijkkracht wordt in het 4e kwartaal 2026 gevraagd voor 4 bijeenkomsten (drempel 3)"
    User = get_user_model()
    client.force_login(User.objects.get(username="manager"))
    assert tekst not in client.get(reverse("actielijnen:management")).content.decode()
    _drempel(trajecten=5, bijeenkomsten=3)
    assert tekst in client.get(reverse("actielijnen:management")).content.decode()
    client.force_login(activiteit.trekker or User.objects.get(username="beheerder"))
    pagina = client.get(activiteit.get_absolute_url()).content.decode()
    assert tekst in pagina and "Waarschuwingen" in pagina
    andere = Activiteit.objects.exclude(pk=activiteit.pk).first()
    assert tekst not in client.get(andere.get_absolute_url()).content.decode()


def test_signals_run_a_fixed_number_of_queries(programma, django_assert_max_num_queries):
    _drempel(trajecten=0, bijeenkomsten=0)
    activiteiten = list(Activiteit.objects.all()[:10])
    for aantal in (2, 40):
        for n in range(aantal):
            s = _stakeholder(f"S{aantal}-{n}")
            traject = _traject(s, start=date(2026, 1, 1), activiteit=activiteiten[n % 10], naam=f"T{n}")
            _bijeenkomsten(traject, s, [date(2026, 11, 1)])
        with django_assert_max_num_queries(3):
            signalen = overvraging.signalen(VANDAAG)
        assert len([s for s in signalen if s.activiteit_id is None]) >= aantal
