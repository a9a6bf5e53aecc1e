"""Step III (§4.1) through the real stack: the seeded register equals the sources, the manager alone sets the
threshold, a trekker writes only trajectories of their own activities (also by direct POST), bad input gets a
Dutch message and saves nothing, every change is in the history, and pages run a fixed number of queries."""

import re
from datetime import date

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from actielijnen.models import Activiteit
from bronnen.laden import Verslag, lees_fixture
from kern.gelijktijdigheid import VELDNAAM
from participatie.laden import laad_participatie
from participatie.models import Bijeenkomst, Overvragingsdrempel, Participatietraject, Stakeholder
from tests.seeds import JAARSTUKKEN_2023, REKENKAMER_2018, SCENARIOS, UITVOERINGSPLAN, tekst

pytestmark = pytest.mark.django_db

BRONBESTAND = {
    "Uitvoeringsplan 2023": UITVOERINGSPLAN,
    "Scenario's transformatie sociaal domein": SCENARIOS,
    "Jaarstukken 2023": JAARSTUKKEN_2023,
    "Rekenkamerrapport Sociaal Domein 2018": REKENKAMER_2018,
}


def _gebruiker(naam):
    return get_user_model().objects.get(username=naam)


def _als(client, naam):
    client.force_login(_gebruiker(naam))
    return client


def _activiteit_van(naam):
    return Activiteit.objects.filter(trekker__username=naam).order_by("pk").first()


def _plat(waarde: str) -> str:
    return " ".join(waarde.split())


# --- Seed ---------------------------------------------------------------------------------------------------


def test_every_seeded_stakeholder_and_trajectory_is_quoted_from_its_source(programma):
    data = lees_fixture("programma/stakeholders.yaml")
    for record in data["stakeholders"] + data["trajecten_buiten_programma"]:
        document = next(naam for naam in BRONBESTAND if record["bron"].startswith(naam))
        assert _plat(record["citaat"]) in _plat(tekst(BRONBESTAND[document])), record["naam"]
        # The name itself is in the quote (case aside), so nothing is named that the source does not name.
        eerste_woord = record["naam"].split()[0].lower()
        assert eerste_woord.rstrip("s")[:8] in record["citaat"].lower(), record["naam"]
    namen = {s["naam"] for s in data["stakeholders"]}
    assert set(Stakeholder.objects.values_list("naam", flat=True)) == namen
    assert {"Wijkkracht", "Menzis", "UWV", "SWB", "Adviesraad Sociaal Domein", "Cliëntenraden"} <= namen


def test_trajectories_outside_the_programme_have_no_invented_dates_or_members(programma):
    for naam in ("Omgevingsvisie stedelijk gebied", "Bestuurlijke opdracht wijkgericht werken"):
        traject = Participatietraject.objects.get(naam=naam)
        assert traject.activiteit is None and traject.start is None and traject.einde is None
        assert not traject.stakeholders.exists() and not traject.wijken.exists()
    assert re.search(
        r"Denk aan de omgevingsvisie stedelijk gebied en de bestuurlijke opdracht wijkgericht werken",
        tekst(UITVOERINGSPLAN),
    )


def test_loading_again_changes_nothing_and_keeps_what_users_wrote(programma):
    wijkkracht = Stakeholder.objects.get(naam="Wijkkracht")
    wijkkracht.omschrijving = "Eigen tekst"
    wijkkracht.save()
    verslag = Verslag()
    laad_participatie(verslag)
    assert "stakeholders" not in verslag.aangemaakt and "stakeholders" not in verslag.bijgewerkt
    assert "participatietrajecten" not in verslag.aangemaakt
    assert Stakeholder.objects.get(naam="Wijkkracht").omschrijving == "Eigen tekst"


def _token(client, url) -> dict:
    """The form's hidden lost-update token, as the browser sends it back (bronnen/gelijktijdigheid)."""
    return {VELDNAAM: client.get(url).context["form"][VELDNAAM].value()}


# --- Threshold ----------------------------------------------------------------------------------------------


def test_the_manager_sets_the_threshold_and_it_is_in_the_history(client, programma):
    url = reverse("participatie:drempel")
    _als(client, "manager")
    pagina = client.get(url).content.decode()
    assert "Er is nog geen drempel vastgesteld" in pagina
    antwoord = client.post(
        url, {"max_trajecten": "3", "max_bijeenkomsten": "4", **_token(client, url)}, follow=True
    )
    assert "De drempel voor overvraging is opgeslagen." in antwoord.content.decode()
    client.post(url, {"max_trajecten": "2", "max_bijeenkomsten": "4", **_token(client, url)})
    drempel = Overvragingsdrempel.objects.get(pk=1)
    assert (drempel.max_trajecten, drempel.max_bijeenkomsten, drempel.gewijzigd_door.username) == (
        2,
        4,
        "manager",
    )
    assert drempel.history.count() == 2
    pagina = client.get(url).content.decode()
    assert "Eerdere drempels" in pagina and "maximaal aantal trajecten per kwartaal" in pagina.lower()
    register = client.get(reverse("participatie:stakeholders")).content.decode()
    assert "Drempel voor overvraging: 2 trajecten en 4 bijeenkomsten per kwartaal" in register


@pytest.mark.parametrize("rol", ["trekker", "opdrachtgever", "opgavecoordinator", "beheerder"])
def test_others_get_403_on_a_direct_post_of_the_threshold_and_nothing_changes(client, programma, rol):
    antwoord = _als(client, rol).post(
        reverse("participatie:drempel"), {"max_trajecten": "1", "max_bijeenkomsten": "1"}
    )
    assert antwoord.status_code == 403
    assert not Overvragingsdrempel.objects.exists()


def test_a_bad_threshold_gets_a_dutch_message_and_saves_nothing(client, programma):
    url = reverse("participatie:drempel")
    antwoord = _als(client, "manager").post(
        url, {"max_trajecten": "-1", "max_bijeenkomsten": "veel", **_token(client, url)}
    )
    pagina = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Vul 0 of meer in." in pagina and "Vul een heel getal in." in pagina
    assert not Overvragingsdrempel.objects.exists()


def test_without_threshold_the_register_says_the_manager_has_not_set_one(client, programma):
    pagina = _als(client, "trekker").get(reverse("participatie:stakeholders")).content.decode()
    assert "De manager heeft nog geen drempel voor overvraging vastgesteld" in pagina
    assert "Overvraagd" not in pagina


def test_the_register_marks_an_overvraagde_stakeholder_in_text(client, programma):
    from django.utils import timezone

    vandaag = timezone.localdate()
    uwv = Stakeholder.objects.get(naam="UWV")
    traject = Participatietraject.objects.create(naam="Loopt", start=date(vandaag.year - 1, 1, 1))
    traject.stakeholders.add(uwv)
    Overvragingsdrempel.objects.create(pk=1, max_trajecten=0, max_bijeenkomsten=5)
    pagina = _als(client, "opdrachtgever").get(reverse("participatie:stakeholders")).content.decode()
    rij = re.search(r"<tr[^>]*>\s*<th[^>]*><a[^>]*>UWV</a>.*?</tr>", pagina, re.S).group(0)
    assert "<strong>Overvraagd</strong>" in rij
    assert "1 stakeholder is in het" in pagina


# --- Stakeholders -------------------------------------------------------------------------------------------


def test_a_trekker_adds_a_stakeholder_and_a_double_name_is_refused(client, programma):
    _als(client, "trekker")
    antwoord = client.post(
        reverse("participatie:stakeholder_toevoegen"),
        {"naam": "Stichting Voorbeeld", "soort": "organisatie", "omschrijving": "", "actief": "on"},
        follow=True,
    )
    assert "De stakeholder is opgeslagen." in antwoord.content.decode()
    assert Stakeholder.objects.filter(naam="Stichting Voorbeeld").exists()
    antwoord = client.post(
        reverse("participatie:stakeholder_toevoegen"), {"naam": "wijkkracht", "soort": "organisatie"}
    )
    assert "Er staat al een stakeholder met deze naam in het register." in antwoord.content.decode()
    assert Stakeholder.objects.filter(naam__iexact="wijkkracht").count() == 1


def test_the_opdrachtgever_reads_but_may_not_add_a_stakeholder(client, programma):
    _als(client, "opdrachtgever")
    assert client.get(reverse("participatie:stakeholders")).status_code == 200
    antwoord = client.post(reverse("participatie:stakeholder_toevoegen"), {"naam": "X", "soort": "groep"})
    assert antwoord.status_code == 403 and not Stakeholder.objects.filter(naam="X").exists()


# --- Trajectories -------------------------------------------------------------------------------------------


def _traject_data(activiteit, **extra):
    data = {
        "activiteit": str(activiteit.pk) if activiteit else "",
        "naam": "Bewonersavonden",
        "omschrijving": "Drie avonden",
        "start": "2026-01-01",
        "einde": "2026-06-30",
        "stakeholders": [str(Stakeholder.objects.get(naam="Wijkkracht").pk)],
    }
    data.update(extra)
    return data


def test_a_trekker_adds_a_trajectory_to_their_own_activity(client, programma):
    eigen = _activiteit_van("trekker")
    _als(client, "trekker")
    formulier = client.get(reverse("participatie:traject_toevoegen") + f"?activiteit={eigen.sleutel}")
    pagina = formulier.content.decode()
    for label in ("Naam", "Omschrijving", "Start", "Einde", "Stakeholders", "Wijken", "Traject opslaan"):
        assert label in pagina
    assert re.search(rf'<option value="{eigen.pk}" selected>', pagina)
    antwoord = client.post(reverse("participatie:traject_toevoegen"), _traject_data(eigen), follow=True)
    assert "Het traject is opgeslagen." in antwoord.content.decode()
    traject = Participatietraject.objects.get(naam="Bewonersavonden")
    assert traject.activiteit == eigen and list(traject.stakeholders.values_list("naam", flat=True)) == [
        "Wijkkracht"
    ]


def test_a_trekker_cannot_add_a_trajectory_to_another_trekkers_activity(client, programma):
    andere = _activiteit_van("trekker2")
    _als(client, "trekker")
    assert client.post(reverse("participatie:traject_toevoegen"), _traject_data(andere)).status_code == 403
    assert (
        client.get(reverse("participatie:traject_toevoegen") + f"?activiteit={andere.sleutel}").status_code
        == 403
    )
    assert not Participatietraject.objects.filter(naam="Bewonersavonden").exists()


def test_a_trekker_cannot_keep_trajectories_outside_the_programme_the_opgavecoordinator_can(
    client, programma
):
    _als(client, "trekker")
    antwoord = client.post(reverse("participatie:traject_toevoegen"), _traject_data(None))
    assert "Kies de activiteit waar dit traject bij hoort." in antwoord.content.decode()
    assert not Participatietraject.objects.filter(naam="Bewonersavonden").exists()
    _als(client, "opgavecoordinator")
    client.post(reverse("participatie:traject_toevoegen"), _traject_data(None))
    assert Participatietraject.objects.get(naam="Bewonersavonden").activiteit is None


def test_an_end_before_the_start_gets_a_dutch_message_and_saves_nothing(client, programma):
    eigen = _activiteit_van("trekker")
    _als(client, "trekker")
    antwoord = client.post(
        reverse("participatie:traject_toevoegen"),
        _traject_data(eigen, start="2026-06-01", einde="2026-01-01"),
    )
    assert "Het einde ligt vóór de start." in antwoord.content.decode()
    antwoord = client.post(
        reverse("participatie:traject_toevoegen"), _traject_data(eigen, start="31-31-2026")
    )
    assert "Vul een geldige datum in" in antwoord.content.decode()
    assert not Participatietraject.objects.filter(naam="Bewonersavonden").exists()


def test_trekker2_may_not_change_or_add_meetings_to_trekkers_trajectory(client, programma):
    traject = Participatietraject.objects.create(naam="Van trekker", activiteit=_activiteit_van("trekker"))
    _als(client, "trekker2")
    assert (
        client.post(reverse("participatie:traject_bewerken", args=[traject.pk]), {"naam": "Weg"}).status_code
        == 403
    )
    antwoord = client.post(
        reverse("participatie:bijeenkomst_toevoegen", args=[traject.pk]),
        {"datum": "2026-10-01", "onderwerp": "X", "stakeholders": [str(Stakeholder.objects.first().pk)]},
    )
    assert antwoord.status_code == 403
    traject.refresh_from_db()
    assert traject.naam == "Van trekker" and not Bijeenkomst.objects.exists()


def test_a_trekker_may_not_move_their_trajectory_to_someone_elses_activity(client, programma):
    traject = Participatietraject.objects.create(naam="Van trekker", activiteit=_activiteit_van("trekker"))
    _als(client, "trekker")
    antwoord = client.post(
        reverse("participatie:traject_bewerken", args=[traject.pk]),
        _traject_data(_activiteit_van("trekker2")),
    )
    assert antwoord.status_code == 403
    traject.refresh_from_db()
    assert traject.activiteit == _activiteit_van("trekker")


def test_an_edit_and_a_meeting_are_in_the_trajectorys_history(client, programma):
    eigen = _activiteit_van("trekker")
    traject = Participatietraject.objects.create(naam="Oude naam", activiteit=eigen)
    _als(client, "trekker")
    url = reverse("participatie:traject_bewerken", args=[traject.pk])
    data = _traject_data(eigen, naam="Nieuwe naam")
    data["origineel"] = client.get(url).context["form"]["origineel"].value()
    assert client.post(url, data).status_code == 302
    wijkkracht = Stakeholder.objects.get(naam="Wijkkracht")
    antwoord = client.post(
        reverse("participatie:bijeenkomst_toevoegen", args=[traject.pk]),
        {"datum": "2026-10-01", "onderwerp": "Eerste avond", "stakeholders": [str(wijkkracht.pk)]},
        follow=True,
    )
    pagina = antwoord.content.decode()
    assert "De bijeenkomst is opgeslagen." in pagina
    assert "1 oktober 2026" in pagina and "Eerste avond" in pagina
    geschiedenis = pagina.split("Geschiedenis</h2>")[1]
    assert "Oude naam" in geschiedenis and "Nieuwe naam" in geschiedenis
    assert "Wijkkracht" in geschiedenis  # the m2m change is recorded too
    assert "bijeenkomst" in geschiedenis.lower()


def test_a_meeting_without_stakeholders_is_refused_in_dutch(client, programma):
    traject = Participatietraject.objects.create(naam="T", activiteit=_activiteit_van("trekker"))
    antwoord = _als(client, "trekker").post(
        reverse("participatie:bijeenkomst_toevoegen", args=[traject.pk]),
        {"datum": "2026-10-01", "onderwerp": "X"},
    )
    assert "Kies ten minste één stakeholder" in antwoord.content.decode()
    assert not Bijeenkomst.objects.exists()


def test_the_trajectory_list_filters_by_activity_and_kind(client, programma):
    eigen = _activiteit_van("trekker")
    Participatietraject.objects.create(naam="Traject van de activiteit", activiteit=eigen)
    _als(client, "opdrachtgever")
    pagina = client.get(reverse("participatie:trajecten") + f"?activiteit={eigen.sleutel}").content.decode()
    assert "Traject van de activiteit" in pagina and "Omgevingsvisie stedelijk gebied" not in pagina
    pagina = client.get(reverse("participatie:trajecten") + "?soort=buiten").content.decode()
    assert "Traject van de activiteit" not in pagina and "Omgevingsvisie stedelijk gebied" in pagina
    assert "2 trajecten bij deze filters" in pagina
    assert client.get(reverse("participatie:trajecten") + "?activiteit=bestaat-niet").status_code == 200


# --- Query counts -------------------------------------------------------------------------------------------


def _veel(aantal: int) -> Participatietraject:
    activiteiten = list(Activiteit.objects.all()[:5])
    stakeholders = [Stakeholder.objects.create(naam=f"Extra {aantal}-{n}") for n in range(aantal)]
    laatste = None
    for n in range(aantal):
        laatste = Participatietraject.objects.create(
            naam=f"Traject {aantal}-{n}", activiteit=activiteiten[n % 5], start=date(2026, 1, 1)
        )
        laatste.stakeholders.set(stakeholders[: n % 4 + 1])
        bijeenkomst = Bijeenkomst.objects.create(traject=laatste, datum=date(2026, 11, 1), onderwerp="X")
        bijeenkomst.stakeholders.set(stakeholders[:2])
    return laatste


@pytest.mark.parametrize(
    "naam",
    [
        "participatie:stakeholders",
        "participatie:trajecten",
        "participatie:traject",
        "participatie:stakeholder",
    ],
)
def test_pages_run_a_fixed_number_of_queries(client, programma, django_assert_max_num_queries, naam):
    _als(client, "manager")
    Overvragingsdrempel.objects.create(pk=1, max_trajecten=1, max_bijeenkomsten=1)
    aantallen = []
    for aantal in (3, 40):
        traject = _veel(aantal)
        args = {
            "participatie:traject": [traject.pk],
            "participatie:stakeholder": [Stakeholder.objects.get(naam=f"Extra {aantal}-0").pk],
        }.get(naam, [])
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(reverse(naam, args=args)).status_code == 200
        aantallen.append(len(vastgelegd))
    assert aantallen[0] == aantallen[1], aantallen
    with django_assert_max_num_queries(aantallen[1]):
        client.get(reverse(naam, args=args))
