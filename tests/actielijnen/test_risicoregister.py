"""The risk register (issue 15): every risk on one page, each risk with its log, and the manager scoring and owning
the programme risks of §3 in the application, through the service and its access rules."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.models import User
from actielijnen import risicoregister, selectors, services
from actielijnen.constants import RisicoStatus, RisicoWijzigingSoort
from actielijnen.models import Activiteit, Risico, RisicoWijziging
from rapportage.programma_laden import laad_programma
from tests.actielijnen.factories import RisicoFactory

REGISTER = reverse("actielijnen:risicoregister")
CODES = ["1a", "1b", "1c", "2a", "2b", "2c", "3a", "3b", "3c", "3d"]


def _als(gebruikersnaam: str | None, **kwargs) -> Client:
    client = Client(**kwargs)
    if gebruikersnaam:
        client.force_login(User.objects.get(username=gebruikersnaam))
    return client


def _beoordelen_url(risico) -> str:
    return reverse("actielijnen:risico_beoordelen", kwargs={"pk": risico.pk})


def _token(client, risico) -> str:
    return client.get(_beoordelen_url(risico)).context["form"]["origineel"].value()


def _beoordeling(client, risico, **anders) -> dict:
    data = {
        "kans": 4,
        "impact": 5,
        "eigenaar": User.objects.get(username="manager").pk,
        "beheersmaatregel": "Kwartaalgesprek met de zorgaanbieders over de bekostiging.",
        "status": RisicoStatus.ACTIEF,
        "toelichting": "Eerste beoordeling door de manager.",
        "origineel": _token(client, risico),
    }
    data.update(anders)
    return data


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    """The demo programme, loaded once for this module and rolled back after it (each test runs in a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield laad_programma(demo=True)
        transaction.set_rollback(True)


@pytest.fixture
def programma(_demo, db):
    """Overrides tests/conftest.py's `programma`: the same demo programme, loaded once per module."""
    return _demo


@pytest.fixture
def basisrisico(programma):
    return Risico.objects.get(code="1b")


@pytest.fixture
def activiteitrisico(programma):
    activiteit = Activiteit.objects.op_agenda().filter(trekker__username="trekker").order_by("code").first()
    return RisicoFactory(activiteit=activiteit, omschrijving="Te weinig wijkteamcapaciteit", kans=5, impact=4)


# --- The register -------------------------------------------------------------------------------------------------


def test_register_lists_every_programme_and_activity_risk(programma, activiteitrisico):
    antwoord = _als("manager").get(REGISTER)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    for risico in Risico.objects.basisrisicos():
        assert risico.get_absolute_url() in html, risico.code
    assert activiteitrisico.omschrijving in html
    assert "hoog (20)" in html  # score as word and number
    assert "Programma" in html
    assert len(antwoord.context["risicos"]) == Risico.objects.count()
    assert sorted(r.code for r in antwoord.context["risicos"] if r.code) == CODES


def test_register_filters_and_sorting(programma, activiteitrisico, basisrisico):
    laag = RisicoFactory(
        activiteit=activiteitrisico.activiteit, omschrijving="Klein risico", kans=1, impact=2
    )
    vervallen = RisicoFactory(
        activiteit=activiteitrisico.activiteit, kans=5, impact=5, status=RisicoStatus.VERVALLEN
    )
    client = _als("manager")

    def rijen(**params):
        antwoord = client.get(REGISTER, params)
        assert antwoord.status_code == 200
        return antwoord.context["risicos"]

    programma_risicos = rijen(soort="programma")
    # The ten basisrisico's of §3 and the one the Jaarstukken 2023 added without a code.
    assert {r.code for r in programma_risicos} == {*CODES, ""}
    assert not any(r.activiteit_id for r in programma_risicos)
    assert all(r.activiteit_id for r in rijen(soort="activiteit"))
    assert laag in rijen(soort="activiteit")
    vervallen_rijen = rijen(status="vervallen")
    assert vervallen in vervallen_rijen and laag not in vervallen_rijen
    assert {r.status for r in vervallen_rijen} == {RisicoStatus.VERVALLEN}
    boven = rijen(boven_drempel="1")
    assert boven == [activiteitrisico]  # the vervallen 25 no longer counts; the programme risks are unscored
    assert len(boven) == risicoregister.aantal_boven_drempel()  # what the dashboard counts and links to
    scores = [r.score for r in rijen() if r.score is not None]
    assert scores == sorted(scores, reverse=True)
    op_code = rijen(sortering="code")
    assert [r.code for r in op_code if r.code] == CODES  # programme risks first, by code
    assert not any(r.activiteit_id for r in op_code[:11])
    # Nonsense in the address: the whole register, no error.
    assert len(rijen(soort="iets", sortering="'; drop")) == Risico.objects.count()


def test_a_scored_programme_risk_counts_above_the_threshold(programma, basisrisico):
    client = _als("manager")
    client.post(_beoordelen_url(basisrisico), _beoordeling(client, basisrisico))
    assert basisrisico in client.get(REGISTER, {"boven_drempel": "1"}).context["risicos"]


@pytest.mark.parametrize("rol", ["trekker", "opdrachtgever", "opgavecoordinator", "manager", "beheerder"])
def test_the_programme_organisation_reads_the_register_and_a_risk(programma, basisrisico, rol):
    client = _als(rol)
    assert client.get(REGISTER).status_code == 200
    assert client.get(basisrisico.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rol", ["college", "raad", "griffie"])
def test_college_and_raad_do_not_open_the_register(programma, basisrisico, rol):
    client = _als(rol)
    assert client.get(REGISTER).status_code == 403
    assert client.get(basisrisico.get_absolute_url()).status_code == 403


def test_anonymous_goes_to_the_login_page(programma, basisrisico):
    for url in (REGISTER, basisrisico.get_absolute_url(), _beoordelen_url(basisrisico)):
        antwoord = Client().get(url)
        assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("login"))


# --- Scoring a programme risk -------------------------------------------------------------------------------------


def test_the_manager_scores_and_owns_a_programme_risk(programma, basisrisico):
    client = _als("manager")
    historie_voor = basisrisico.history.count()
    assert basisrisico not in [t.risico for t in selectors.top_risicos(aantal=10)]

    antwoord = client.post(_beoordelen_url(basisrisico), _beoordeling(client, basisrisico))
    assert antwoord.status_code == 302 and antwoord["Location"] == basisrisico.get_absolute_url()

    basisrisico.refresh_from_db()
    assert (basisrisico.kans, basisrisico.impact, basisrisico.eigenaar.username) == (4, 5, "manager")
    assert basisrisico.beheersmaatregel.startswith("Kwartaalgesprek")
    log = basisrisico.wijzigingen.get()
    assert (log.soort, log.kans, log.impact, log.auteur.username) == (
        RisicoWijzigingSoort.BEOORDELING,
        4,
        5,
        "manager",
    )
    assert log.toelichting == "Eerste beoordeling door de manager."
    assert basisrisico.history.count() == historie_voor + 1
    assert basisrisico.history.first().history_user.username == "manager"

    # The dashboard's matrix and the college's "grootste risico's" now hold it, labelled as the programme's.
    matrix = selectors.risicomatrix(activiteiten=[])
    cel = next(c for rij in matrix for c in rij if (c.kans, c.impact) == (4, 5))
    assert basisrisico in cel.risicos
    assert cel.risicos[0].betreft == "Programma"
    assert cel.risicos[0].get_absolute_url() == reverse(
        "actielijnen:risico_detail", kwargs={"pk": basisrisico.pk}
    )
    assert basisrisico in [t.risico for t in selectors.top_risicos()]


def test_the_college_sees_the_scored_programme_risk_as_an_outcome(programma, basisrisico):
    client = _als("manager")
    client.post(_beoordelen_url(basisrisico), _beoordeling(client, basisrisico))
    html = _als("college").get(reverse("rapportage:college")).content.decode()
    assert basisrisico.omschrijving in html
    assert "Het plan als geheel" in html
    # Outcomes only: no owner, and no link into the register the college may not open.
    assert "Eigenaar" not in html
    assert reverse("actielijnen:risico_detail", kwargs={"pk": basisrisico.pk}) not in html


def test_the_detail_page_shows_the_log_and_the_history(programma, basisrisico):
    client = _als("manager")
    client.post(_beoordelen_url(basisrisico), _beoordeling(client, basisrisico))
    client.post(
        _beoordelen_url(basisrisico),
        _beoordeling(client, basisrisico, kans=2, toelichting="Rijksbijdrage toegezegd, kans kleiner."),
    )
    html = client.get(basisrisico.get_absolute_url()).content.decode()
    assert "Risicolog" in html
    assert html.index("Rijksbijdrage toegezegd") < html.index(
        "Eerste beoordeling door de manager."
    )  # newest first
    assert "Risico kleiner geworden" in html and "Beoordeling gewijzigd" in html
    assert "door Mira Manager" in html
    assert "Kans (1–5)" in html  # a field of the history, with its Dutch label
    assert "Risico beoordelen" in html  # the manager's button
    assert "Risico beoordelen" not in _als("trekker").get(basisrisico.get_absolute_url()).content.decode()


def test_a_risk_no_longer_tracked_is_logged_as_such(programma, basisrisico):
    client = _als("manager")
    client.post(
        _beoordelen_url(basisrisico),
        _beoordeling(client, basisrisico, status=RisicoStatus.VERVALLEN, toelichting="Opgelost in 2024."),
    )
    assert basisrisico.wijzigingen.get().soort == RisicoWijzigingSoort.NIET_MEER_GEVOLGD


@pytest.mark.parametrize(
    "rol", ["trekker", "trekker2", "opdrachtgever", "opgavecoordinator", "college", "raad"]
)
def test_a_direct_post_by_anyone_but_the_manager_is_refused(programma, basisrisico, rol):
    geldig = _beoordeling(_als("manager"), basisrisico)
    antwoord = _als(rol).post(_beoordelen_url(basisrisico), geldig)
    assert antwoord.status_code == 403
    basisrisico.refresh_from_db()
    assert basisrisico.kans is None and not basisrisico.wijzigingen.exists()


def test_a_direct_post_by_anonymous_goes_to_login(programma, basisrisico):
    geldig = _beoordeling(_als("manager"), basisrisico)
    antwoord = Client().post(_beoordelen_url(basisrisico), geldig)
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("login"))
    assert not basisrisico.wijzigingen.exists()


def test_the_form_needs_the_csrf_token(programma, basisrisico):
    client = _als("manager", enforce_csrf_checks=True)
    antwoord = client.post(_beoordelen_url(basisrisico), _beoordeling(_als("manager"), basisrisico))
    assert antwoord.status_code == 403
    assert not basisrisico.wijzigingen.exists()


def test_an_activity_risk_is_not_scored_here(programma, activiteitrisico):
    client = _als("manager")
    assert client.get(_beoordelen_url(activiteitrisico)).status_code == 404
    assert client.post(_beoordelen_url(activiteitrisico), {"kans": 1, "impact": 1}).status_code == 404
    # …but the service refuses it too, should a view ever call it.
    with pytest.raises(ValidationError):
        services.programmarisico_beoordelen(
            risico=activiteitrisico,
            auteur=User.objects.get(username="manager"),
            kans=1,
            impact=1,
            eigenaar=None,
            beheersmaatregel="",
            status=RisicoStatus.ACTIEF,
            toelichting="Niet hier.",
        )
    activiteitrisico.refresh_from_db()
    assert (activiteitrisico.kans, activiteitrisico.impact) == (5, 4)


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("kans", "7", "Selecteer een geldige keuze"),
        ("impact", "", "Kies de impact (1 tot en met 5)."),
        ("toelichting", "", "Schrijf waarom u het risico zo beoordeelt"),
        ("toelichting", "   ", "Schrijf waarom u het risico zo beoordeelt"),
        ("eigenaar", "999999", "Selecteer een geldige keuze"),
        ("origineel", "vervalst", "formulier"),
    ],
)
def test_bad_input_gives_a_dutch_error_and_saves_nothing(programma, basisrisico, veld, waarde, melding):
    client = _als("manager")
    antwoord = client.post(_beoordelen_url(basisrisico), _beoordeling(client, basisrisico, **{veld: waarde}))
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert "Het formulier is niet opgeslagen" in antwoord.content.decode()
    basisrisico.refresh_from_db()
    assert basisrisico.kans is None and not basisrisico.wijzigingen.exists()


def test_a_stale_form_does_not_overwrite_a_newer_assessment(programma, basisrisico):
    manager, beheerder = _als("manager"), _als("beheerder")
    oud = _beoordeling(manager, basisrisico, kans=1, toelichting="Te laat.")
    beheerder.post(_beoordelen_url(basisrisico), _beoordeling(beheerder, basisrisico, kans=3))
    antwoord = manager.post(_beoordelen_url(basisrisico), oud)
    assert antwoord.status_code == 200
    assert "iemand anders heeft dit intussen gewijzigd" in antwoord.content.decode()
    basisrisico.refresh_from_db()
    assert basisrisico.kans == 3 and basisrisico.wijzigingen.count() == 1


def test_the_activity_page_links_its_risks_to_their_page(programma, activiteitrisico):
    html = _als("opdrachtgever").get(activiteitrisico.activiteit.get_absolute_url()).content.decode()
    assert activiteitrisico.get_absolute_url() in html


# --- Bounded queries ------------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd.captured_queries)


def _meer_risicos(activiteit, aantal: int, log_per_risico: int, auteur) -> None:
    for _ in range(aantal):
        risico = RisicoFactory(activiteit=activiteit, eigenaar=auteur)
        RisicoWijziging.objects.bulk_create(
            RisicoWijziging(
                risico=risico, datum="2025-01-01", soort="ongewijzigd", toelichting="x", auteur=auteur
            )
            for _ in range(log_per_risico)
        )


def test_register_and_detail_queries_do_not_grow_with_the_data(programma, activiteitrisico):
    client = _als("manager")
    manager = User.objects.get(username="manager")
    detail = activiteitrisico.get_absolute_url()
    _meer_risicos(activiteitrisico.activiteit, 2, 1, manager)
    klein = (_queries(client, REGISTER), _queries(client, detail))
    _meer_risicos(activiteitrisico.activiteit, 60, 3, manager)
    RisicoWijziging.objects.bulk_create(
        RisicoWijziging(
            risico=activiteitrisico, datum="2025-02-01", soort="ongewijzigd", toelichting="y", auteur=manager
        )
        for _ in range(40)
    )
    groot = (_queries(client, REGISTER), _queries(client, detail))
    assert groot == klein
