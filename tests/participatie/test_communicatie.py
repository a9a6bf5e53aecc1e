"""Communicatie (§4.2): the newsletter norm, budget against spent, who may write actions, Dutch messages, history,
the warning on the real dashboard and fixed query counts."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

import pytest

from actielijnen.models import Activiteit
from participatie.models import Communicatieactie, Communicatiebudget, Communicatielijn
from participatie.selectors import communicatie
from participatie.services import communicatie as communicatiediensten

User = get_user_model()
BUDGET = "overkoepelende-client-en-inwonercommunicatie"


@pytest.fixture
def leeg(programma):
    """The programme without any communication action (whatever a demo may have added)."""
    Communicatieactie.objects.all().delete()
    return programma


def gebruiker(naam):
    return User.objects.get(username=naam)


def lijn(sleutel="partner"):
    return Communicatielijn.objects.get(sleutel=sleutel)


def activiteit_van(trekker):
    return Activiteit.objects.filter(trekker__username=trekker).order_by("pk").first()


def nieuwsbrief(uitgevoerd_op, activiteit=None, **extra):
    return Communicatieactie.objects.create(
        naam=f"Nieuwsbrief {uitgevoerd_op}",
        middel="nieuwsbrief",
        communicatielijn=lijn(),
        activiteit=activiteit,
        eigenaar=gebruiker("manager"),
        gepland_op=uitgevoerd_op,
        uitgevoerd_op=uitgevoerd_op,
        **extra,
    )


def per_kwartaal(jaar_van, jaar_tot, behalve=()):
    """One newsletter in the middle of every quarter of the years, but the quarters in `behalve`."""
    for jaar in range(jaar_van, jaar_tot + 1):
        for q in range(1, 5):
            if f"{jaar}-Q{q}" not in behalve:
                nieuwsbrief(date(jaar, 3 * q - 1, 15))


# --- The newsletter norm (hand-made data) ---------------------------------------------------------------------


def test_a_quarter_without_newsletter_is_a_gap_and_its_year_falls_short(leeg):
    per_kwartaal(2023, 2024, behalve={"2024-Q3"})
    controle = communicatie.nieuwsbriefcontrole(date(2025, 2, 10))
    assert controle.kwartalen_zonder == ["2024-Q3"]
    assert controle.jaren_onder_norm == [(2024, 3)]
    assert communicatie.signalen(date(2025, 2, 10))[0].tekst == (
        "1 kwartaal zonder nieuwsbrief, het laatst 3e kwartaal 2024; in 2024 3 nieuwsbrieven "
        "(norm: minimaal 4 keer per jaar)"
    )


def test_a_quarter_gap_in_a_year_that_still_met_the_norm_is_no_failure(leeg):
    """The norm is per year (§4.2: "minimaal vier keer per jaar"): two newsletters in one quarter and none in the
    next still make four; the empty quarter is information, not "norm niet gehaald"."""
    per_kwartaal(2023, 2023, behalve={"2023-Q3"})
    nieuwsbrief(date(2023, 11, 20))
    controle = communicatie.nieuwsbriefcontrole(date(2024, 2, 1))
    assert controle.kwartalen_zonder == ["2023-Q3"]
    assert controle.jaren_onder_norm == []
    assert not controle
    assert communicatie.signalen(date(2024, 2, 1)) == []


def test_the_running_year_is_not_judged_before_it_ends(leeg, client):
    per_kwartaal(2023, 2023)
    nieuwsbrief(date(2024, 2, 15))
    controle = communicatie.nieuwsbriefcontrole(date(2024, 8, 1))
    assert controle.kwartalen_zonder == ["2024-Q2"]
    assert not controle
    assert controle.lopend_tekst == (
        "In 2024 tot nu toe 1 nieuwsbrief; of de norm van dit jaar gehaald wordt, is nog niet te zeggen: "
        "het jaar loopt nog."
    )


def test_four_a_year_meets_the_norm_and_gives_no_warning(leeg):
    per_kwartaal(2023, 2024)
    controle = communicatie.nieuwsbriefcontrole(date(2025, 3, 31))
    assert not controle
    assert controle.jaren_onder_norm == []
    assert communicatie.signalen(date(2025, 3, 31)) == []


def test_the_current_unfinished_quarter_never_counts(leeg):
    per_kwartaal(2023, 2024)
    # 2025-Q1 has no newsletter; on its last day it is still running, the day after it is a gap.
    assert communicatie.nieuwsbriefcontrole(date(2025, 3, 31)).kwartalen_zonder == []
    assert communicatie.nieuwsbriefcontrole(date(2025, 4, 1)).kwartalen_zonder == ["2025-Q1"]


def test_a_year_with_all_quarters_in_one_is_still_under_the_norm_only_when_fewer_than_four(leeg):
    per_kwartaal(2023, 2023)
    nieuwsbrief(date(2024, 1, 10))
    nieuwsbrief(date(2024, 4, 10))
    nieuwsbrief(date(2024, 7, 10))
    nieuwsbrief(date(2024, 10, 10))
    nieuwsbrief(date(2024, 10, 20))
    controle = communicatie.nieuwsbriefcontrole(date(2025, 1, 2))
    assert controle.per_jaar == {2023: 4, 2024: 5}
    assert not controle


def test_only_an_executed_overarching_newsletter_counts(leeg):
    per_kwartaal(2023, 2023, behalve={"2023-Q2"})
    nieuwsbrief(date(2023, 5, 1), activiteit=activiteit_van("trekker"))  # an activity's own: not the norm's
    gepland = nieuwsbrief(date(2023, 5, 2))
    gepland.uitgevoerd_op = None
    gepland.save()
    assert communicatie.nieuwsbriefcontrole(date(2024, 1, 5)).kwartalen_zonder == ["2023-Q2"]


def test_no_newsletter_at_all_counts_every_completed_quarter_from_2023(leeg):
    controle = communicatie.nieuwsbriefcontrole(date(2024, 5, 1))
    assert controle.kwartalen_zonder == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]
    assert controle.jaren_onder_norm == [(2023, 0)]
    assert communicatie.nieuwsbriefcontrole(date(2023, 2, 1)).kwartalen_zonder == []


# --- Budget versus spent ----------------------------------------------------------------------------------------


def _kosten(bedrag, budget=True, sleutel="client"):
    return Communicatieactie.objects.create(
        naam=f"Actie {bedrag}",
        middel="publiekscampagne",
        communicatielijn=lijn(sleutel),
        eigenaar=gebruiker("manager"),
        gepland_op=date(2024, 1, 1),
        budget=Communicatiebudget.objects.get(sleutel=BUDGET) if budget else None,
        kosten=Decimal(bedrag),
    )


def test_budget_versus_spent_sums_exactly(leeg):
    _kosten("0.10")
    _kosten("0.20")
    _kosten("99999.69")
    _kosten("500.00", budget=False)
    (stand,) = communicatie.budgetstanden()
    assert stand.besteed == Decimal("99999.99")
    assert stand.aantal_acties == 3
    assert stand.oordeel.replace("\u00a0", " ") == (
        "onder de ondergrens: nog € 0,01 tot de ondergrens (€ 100.000) en € 20.000,01 tot de bovengrens (€ 120.000)"
    )
    assert communicatie.besteed_zonder_budget() == Decimal("500.00")


def test_budget_within_and_above_the_range(leeg):
    _kosten("100000")
    (stand,) = communicatie.budgetstanden()
    assert (
        stand.oordeel.replace("\u00a0", " ")
        == "binnen de bandbreedte: nog € 20.000 tot de bovengrens (€ 120.000)"
    )
    _kosten("20000.50")
    (stand,) = communicatie.budgetstanden()
    assert stand.is_overschreden
    assert stand.oordeel.replace("\u00a0", " ") == "boven de bovengrens (€ 120.000): € 0,50 meer besteed"


def test_the_page_shows_the_budget_and_quotes_the_missing_period(client, leeg):
    _kosten("1250.50")
    client.force_login(gebruiker("manager"))
    inhoud = client.get(reverse("participatie:communicatie")).content.decode()
    assert "€\u00a0100.000 tot en met €\u00a0120.000" in inhoud
    assert "€\u00a01.250,50" in inhoud
    assert "geen jaar of looptijd" in inhoud  # the data-quality note: the plan names no period


# --- Who may write --------------------------------------------------------------------------------------------


def _post(activiteit=None, **extra):
    data = {
        "naam": "Informatiebijeenkomst",
        "middel": "informatiemarkt",
        "communicatielijn": lijn("inwoner").pk,
        "activiteit": activiteit.pk if activiteit else "",
        "eigenaar": gebruiker("trekker").pk,
        "gepland_op": "2024-06-01",
        "uitgevoerd_op": "",
        "budget": "",
        "kosten": "1.250,50",
        "toelichting": "",
    }
    data.update(extra)
    return data


def test_the_trekker_adds_an_action_for_own_activity(client, leeg):
    activiteit = activiteit_van("trekker")
    client.force_login(gebruiker("trekker"))
    antwoord = client.post(reverse("participatie:communicatieactie_toevoegen"), _post(activiteit))
    assert antwoord.status_code == 302
    actie = Communicatieactie.objects.get()
    assert (actie.activiteit, actie.kosten) == (activiteit, Decimal("1250.50"))
    assert actie.history.get().history_type == "+"


@pytest.mark.parametrize(
    ("naam", "van_trekker", "verwacht"),
    [
        ("trekker2", True, 403),  # another trekker's activity
        ("trekker", False, 403),  # a trekker on overarching communication
        ("opdrachtgever", True, 403),
        ("raad", True, 403),
        (None, True, 302),  # anonymous: to the login page
    ],
)
def test_adding_is_refused_by_direct_post_and_nothing_is_saved(client, leeg, naam, van_trekker, verwacht):
    if naam:
        client.force_login(gebruiker(naam))
    data = _post(activiteit_van("trekker") if van_trekker else None)
    antwoord = client.post(reverse("participatie:communicatieactie_toevoegen"), data)
    assert antwoord.status_code == verwacht
    if verwacht == 302:
        assert antwoord["Location"].startswith("/inloggen/")
    assert not Communicatieactie.objects.exists()


@pytest.mark.parametrize("naam", ["manager", "beheerder"])
def test_manager_and_datakernteam_write_overarching_actions(client, leeg, naam):
    client.force_login(gebruiker(naam))
    antwoord = client.post(reverse("participatie:communicatieactie_toevoegen"), _post(None))
    assert antwoord.status_code == 302
    assert Communicatieactie.objects.get().activiteit is None


def test_editing_someone_elses_action_is_refused_and_changes_nothing(client, leeg):
    actie = nieuwsbrief(date(2024, 2, 1), activiteit=activiteit_van("trekker"))
    url = reverse("participatie:communicatieactie_bewerken", args=[actie.pk])
    client.force_login(gebruiker("trekker2"))
    assert client.get(url).status_code == 403
    assert client.post(url, _post(activiteit_van("trekker2"), naam="Gekaapt")).status_code == 403
    # Moving one's own action to someone else's activity is refused too (with a valid form token).
    client.force_login(gebruiker("trekker"))
    data = _post(activiteit_van("trekker2"), naam="Verplaatst")
    data["origineel"] = client.get(url).context["form"]["origineel"].value()
    assert client.post(url, data).status_code == 403
    actie.refresh_from_db()
    assert actie.naam == "Nieuwsbrief 2024-02-01"
    assert actie.history.count() == 1


def test_an_edit_is_in_the_history(client, leeg):
    actie = nieuwsbrief(date(2024, 2, 1), activiteit=activiteit_van("trekker"))
    client.force_login(gebruiker("trekker"))
    url = reverse("participatie:communicatieactie_bewerken", args=[actie.pk])
    formulier = client.get(url).context["form"]
    data = _post(activiteit_van("trekker"), naam="Nieuwsbrief februari", uitgevoerd_op="2024-02-03")
    data["origineel"] = formulier["origineel"].value()
    assert client.post(url, data).status_code == 302
    laatste = actie.history.order_by("-history_id").first()
    assert (laatste.naam, laatste.history_type, laatste.history_user) == (
        "Nieuwsbrief februari",
        "~",
        gebruiker("trekker"),
    )
    assert laatste.history_change_reason == "Communicatieactie bijgewerkt"


# --- Dutch messages for bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("kosten", "-5", "De kosten kunnen niet negatief zijn."),
        ("kosten", "twaalf", "is geen bedrag. Schrijf het in euro"),
        ("kosten", "12,345", "hooguit twee cijfers na de komma"),
        ("uitgevoerd_op", "morgen", "Vul een geldige datum in."),
        ("communicatielijn", "999999", "Kies een bestaande lijn."),
        ("naam", "", "Geef de actie een naam."),
    ],
)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(client, leeg, veld, waarde, melding):
    client.force_login(gebruiker("manager"))
    antwoord = client.post(reverse("participatie:communicatieactie_toevoegen"), _post(None, **{veld: waarde}))
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert not Communicatieactie.objects.exists()


def test_executed_in_the_future_is_refused(client, leeg):
    morgen = timezone.localdate() + timedelta(days=1)
    client.force_login(gebruiker("manager"))
    antwoord = client.post(
        reverse("participatie:communicatieactie_toevoegen"), _post(None, uitgevoerd_op=morgen.isoformat())
    )
    assert "Uitgevoerd op ligt in de toekomst" in antwoord.content.decode()
    assert not Communicatieactie.objects.exists()
    # The service refuses it too, whatever calls it.
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        communicatiediensten.actie_toevoegen(
            door=gebruiker("manager"),
            vandaag=timezone.localdate(),
            naam="X",
            middel="webpagina",
            communicatielijn=lijn(),
            activiteit=None,
            eigenaar=gebruiker("manager"),
            gepland_op=date(2024, 1, 1),
            uitgevoerd_op=morgen,
        )


def test_a_budget_only_takes_its_own_lines(client, leeg):
    budget = Communicatiebudget.objects.get(sleutel=BUDGET)
    client.force_login(gebruiker("manager"))
    antwoord = client.post(
        reverse("participatie:communicatieactie_toevoegen"),
        _post(None, communicatielijn=lijn("intern").pk, budget=budget.pk),
    )
    assert "Dit budget is voor Cliëntcommunicatie en Inwonerscommunicatie" in antwoord.content.decode()
    assert not Communicatieactie.objects.exists()


# --- The page and the dashboard ---------------------------------------------------------------------------------


def test_the_warning_is_on_the_real_dashboard_and_the_page(client, leeg):
    per_kwartaal(2023, 2023, behalve={"2023-Q4"})
    client.force_login(gebruiker("manager"))
    dashboard = client.get(reverse("actielijnen:management")).content.decode()
    assert "zonder nieuwsbrief, het laatst" in dashboard
    assert reverse("participatie:communicatie") + "#nieuwsbrief" in dashboard
    pagina = client.get(reverse("participatie:communicatie")).content.decode()
    assert "4e kwartaal 2023" in pagina


def test_the_page_filters_and_marks_overdue_actions(client, leeg):
    activiteit = activiteit_van("trekker")
    Communicatieactie.objects.create(
        naam="Folder wijkteams",
        middel="overig",
        communicatielijn=lijn("client"),
        activiteit=activiteit,
        eigenaar=gebruiker("trekker"),
        gepland_op=date(2024, 1, 1),
    )
    nieuwsbrief(date(2024, 2, 1))
    client.force_login(gebruiker("opdrachtgever"))
    url = reverse("participatie:communicatie")
    eigen = client.get(url, {"activiteit": activiteit.sleutel}).content.decode()
    assert "Folder wijkteams" in eigen and "Nieuwsbrief 2024-02-01" not in eigen
    assert "Te laat: niet uitgevoerd" in eigen
    overkoepelend = client.get(url, {"activiteit": "overkoepelend"}).content.decode()
    assert "Folder wijkteams" not in overkoepelend and "Nieuwsbrief 2024-02-01" in overkoepelend
    assert client.get(url, {"lijn": "bestaat-niet", "pagina": "x"}).status_code == 200


@pytest.mark.parametrize("naam", ["college", "raad"])
def test_college_and_raad_do_not_read_live_communication(client, leeg, naam):
    client.force_login(gebruiker(naam))
    assert client.get(reverse("participatie:communicatie")).status_code == 403


def _veel_acties(aantal):
    trekker = activiteit_van("trekker")
    budget = Communicatiebudget.objects.get(sleutel=BUDGET)
    Communicatieactie.objects.bulk_create(
        Communicatieactie(
            naam=f"Actie {i}",
            middel="nieuwsbrief" if i % 3 == 0 else "webpagina",
            communicatielijn=lijn(("client", "inwoner", "partner", "intern")[i % 4]),
            activiteit=trekker if i % 2 else None,
            eigenaar=gebruiker("manager"),
            gepland_op=date(2023, 1, 1) + timedelta(days=7 * i),
            uitgevoerd_op=date(2023, 1, 1) + timedelta(days=7 * i) if i % 5 else None,
            budget=budget if i % 4 in (0, 1) else None,
            kosten=Decimal(i),
        )
        for i in range(aantal)
    )


@pytest.mark.parametrize("aantal", [3, 120])
def test_page_and_signal_run_a_fixed_number_of_queries(client, leeg, django_assert_max_num_queries, aantal):
    _veel_acties(aantal)
    client.force_login(gebruiker("manager"))
    url = reverse("participatie:communicatie")
    client.get(url)  # warm the session and permission caches
    with django_assert_max_num_queries(17):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(2):
        communicatie.signalen(date(2026, 1, 5))


class _Verslag:
    def __init__(self):
        self.tellingen = {}

    def tel(self, naam, aantal):
        self.tellingen[naam] = self.tellingen.get(naam, 0) + aantal


def test_the_demo_fills_all_four_lines_and_misses_one_newsletter(leeg):
    from ontwikkeling.voorbeelden import VOORBEELD
    from ontwikkeling.voorbeelden import communicatie as voorbeeld

    gebruikers = {u.username: u for u in User.objects.all()}
    verslag = _Verslag()
    voorbeeld.laden(gebruikers, date(2025, 5, 20), verslag)
    assert verslag.tellingen["communicatieacties"] == Communicatieactie.objects.count()
    assert set(Communicatieactie.objects.values_list("communicatielijn__sleutel", flat=True)) == {
        "client",
        "inwoner",
        "partner",
        "intern",
    }
    assert all(
        t.startswith(VOORBEELD) for t in Communicatieactie.objects.values_list("toelichting", flat=True)
    )
    assert communicatie.nieuwsbriefcontrole(date(2025, 5, 20)).kwartalen_zonder == ["2024-Q4"]
    assert communicatie.budgetstanden()[0].besteed == Decimal("51250.50")
