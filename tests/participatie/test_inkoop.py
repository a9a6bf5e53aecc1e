"""The procurement track pages through the real stack: who sees and edits, validation, history, recomputation,
the warning on the dashboard and the activity page, the demo and the query counts."""

from datetime import date

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from kern.gelijktijdigheid import token_voor
from ontwikkeling.voorbeelden import inkoop as voorbeeld
from participatie.forms.inkoop import StapForm
from participatie.models import Inkooptraject, Inkooptrajectstap
from participatie.selectors import inkoop

pytestmark = pytest.mark.django_db

OVERZICHT = reverse("participatie:inkoop")


def _client(client, naam):
    client.force_login(get_user_model().objects.get(username=naam))
    return client


def _stap(volgorde=2, sleutel="jeugd"):
    return Inkooptrajectstap.objects.get(traject__sleutel=sleutel, volgorde=volgorde)


def _stap_url(stap):
    return reverse("participatie:inkoopstap_bewerken", args=[stap.traject.sleutel, stap.pk])


def _post(stap, **velden):
    data = {
        "naam": stap.naam,
        "duur_dagen": "" if stap.duur_dagen is None else stap.duur_dagen,
        "marge_dagen": "" if stap.marge_dagen is None else stap.marge_dagen,
        "gepland_start": stap.gepland_start or "",
        "gepland_einde": stap.gepland_einde or "",
        "werkelijk_start": stap.werkelijk_start or "",
        "werkelijk_einde": stap.werkelijk_einde or "",
    }
    data.update(velden)
    # The form's hidden token, as the page would give it now (no lost updates, bronnen/gelijktijdigheid.py).
    data["origineel"] = token_voor(Inkooptrajectstap.objects.get(pk=stap.pk), StapForm._meta.fields)
    return data


def test_manager_ziet_tijdlijn_en_tabellen(programma, client):
    antwoord = _client(client, "manager").get(OVERZICHT)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Jeugd" in html and "Doelgroepenvervoer" in html
    assert "1 januari 2025" in html and "1 augustus 2023" in html
    # Without durations (no source gives them) the page says what is missing instead of guessing.
    assert "Onvolledig" in html and "de duur van stap “Voorbereiden contractering”" in html
    # The planned period of phase 1 (§2.3.1: Q4 2022–Q1 2023) is on the timeline.
    assert antwoord.context["tijdlijn"] is not None


def test_trekker_leest_maar_bewerkt_niet_en_raad_niet(programma, client):
    traject_url = reverse("participatie:inkooptraject", args=["jeugd"])
    antwoord = _client(client, "trekker").get(traject_url)
    assert antwoord.status_code == 200
    assert _stap_url(_stap()) not in antwoord.content.decode()
    assert client.get(_stap_url(_stap())).status_code == 403
    assert _client(client, "raad").get(OVERZICHT).status_code == 403
    client.logout()
    assert client.get(OVERZICHT).status_code == 302


def test_directe_post_zonder_recht_geeft_403_en_verandert_niets(programma, client):
    stap = _stap()
    for naam in ("trekker", "opdrachtgever", "college"):
        antwoord = _client(client, naam).post(_stap_url(stap), _post(stap, duur_dagen=99))
        assert antwoord.status_code == 403
    stap.refresh_from_db()
    assert stap.duur_dagen is None
    traject_url = reverse("participatie:inkooptraject_bewerken", args=["jeugd"])
    antwoord = _client(client, "trekker").post(traject_url, {"naam": "Gekaapt", "ingangsdatum": "2030-01-01"})
    assert antwoord.status_code == 403
    assert Inkooptraject.objects.get(sleutel="jeugd").naam == "Jeugd"
    antwoord = _client(client, "manager").post(
        reverse("participatie:inkooptraject_toevoegen"), {"sleutel": "x"}
    )
    assert antwoord.status_code == 403
    assert not Inkooptraject.objects.filter(sleutel="x").exists()


def test_manager_bewerkt_stap_met_historie_en_herberekening(programma, client):
    stap = _stap(8)
    _client(client, "manager")
    antwoord = client.post(_stap_url(stap), _post(stap, duur_dagen=90, marge_dagen=30))
    assert antwoord.status_code == 302
    stap.refresh_from_db()
    assert (stap.duur_dagen, stap.marge_dagen) == (90, 30)
    laatste = stap.history.first()
    assert laatste.history_user.username == "manager"
    assert laatste.duur_dagen == 90
    # Backward: 1-1-2025 − 30 = 2-12-2024; − 90 = 3-9-2024 is the latest start of Contractering.
    html = client.get(reverse("participatie:inkooptraject", args=["jeugd"])).content.decode()
    assert "3 september 2024 – 2 december 2024" in html


def test_eigenaar_bewerkt_stappen_van_eigen_traject(programma, client):
    traject = Inkooptraject.objects.get(sleutel="jeugd")
    stap = _stap()
    assert (
        _client(client, "opgavecoordinator").post(_stap_url(stap), _post(stap, duur_dagen=5)).status_code
        == 403
    )
    traject.eigenaar = get_user_model().objects.get(username="opgavecoordinator")
    traject.save()
    assert client.post(_stap_url(stap), _post(stap, duur_dagen=5)).status_code == 302
    stap.refresh_from_db()
    assert stap.duur_dagen == 5


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        (
            {"gepland_start": "2024-05-01", "gepland_einde": "2024-04-01"},
            "gepland_einde",
            "vóór de geplande start",
        ),
        ({"werkelijk_einde": "2024-04-01"}, "werkelijk_start", "Vul de werkelijke start in"),
        (
            {"werkelijk_start": "2024-05-01", "werkelijk_einde": "2024-04-01"},
            "werkelijk_einde",
            "vóór de werkelijke start",
        ),
        ({"duur_dagen": "-3"}, "duur_dagen", "niet negatief"),
        ({"marge_dagen": "veel"}, "marge_dagen", "heel aantal dagen"),
        ({"gepland_start": "morgen"}, "gepland_start", "geldige datum"),
    ],
)
def test_ongeldige_invoer_geeft_nederlandse_melding_en_slaat_niets_op(
    programma, client, velden, veld, melding
):
    stap = _stap()
    historie = stap.history.count()
    antwoord = _client(client, "manager").post(_stap_url(stap), _post(stap, **velden))
    assert antwoord.status_code == 200
    assert melding in " ".join(antwoord.context["form"].errors[veld])
    assert stap.history.count() == historie
    stap_na = Inkooptrajectstap.objects.get(pk=stap.pk)
    assert (stap_na.duur_dagen, stap_na.werkelijk_einde, stap_na.gepland_einde) == (
        stap.duur_dagen,
        stap.werkelijk_einde,
        stap.gepland_einde,
    )


def test_stap_toevoegen_schuift_de_volgorde(programma, client):
    url = reverse("participatie:inkoopstap_toevoegen", args=["jeugd"])
    antwoord = _client(client, "manager").post(
        url, {"naam": "Marktconsultatie", "marge_dagen": "0", "na": "1"}
    )
    assert antwoord.status_code == 302
    namen = list(
        Inkooptraject.objects.get(sleutel="jeugd").stappen.order_by("volgorde").values_list("naam", flat=True)
    )
    assert namen[:3] == ["Voorbereiden contractering", "Marktconsultatie", "Bepalen afbakening"]
    assert len(namen) == 9


def test_beheerder_voegt_traject_toe(programma, client):
    antwoord = _client(client, "beheerder").post(
        reverse("participatie:inkooptraject_toevoegen"),
        {"sleutel": "beschermd-wonen", "naam": "Beschermd wonen", "ingangsdatum": "2026-01-01"},
    )
    assert antwoord.status_code == 302
    traject = Inkooptraject.objects.get(sleutel="beschermd-wonen")
    assert traject.ingangsdatum == date(2026, 1, 1) and traject.history.count() == 1
    dubbel = client.post(reverse("participatie:inkooptraject_toevoegen"), {"sleutel": "jeugd", "naam": "J"})
    assert "Er is al een inkooptraject met deze sleutel." in dubbel.content.decode()


def _onhaalbaar_maken():
    # Every Jeugd step gets a duration; none has started, so the path runs from today (after 1 januari 2025).
    for stap in Inkooptrajectstap.objects.filter(traject__sleutel="jeugd"):
        stap.duur_dagen = 10
        stap.save()


def test_onhaalbaar_traject_waarschuwt_op_dashboard_en_activiteit(programma, client):
    _client(client, "manager")
    dashboard = reverse("actielijnen:management")
    activiteit = reverse("actielijnen:activiteit_detail", args=["wijkteams-jeugd"])
    assert "Inkooptraject Jeugd haalt" not in client.get(dashboard).content.decode()
    _onhaalbaar_maken()
    html = client.get(dashboard).content.decode()
    assert "Inkooptraject Jeugd haalt 1 januari 2025 niet: verwacht gereed" in html
    assert "Inkooptraject Jeugd haalt 1 januari 2025 niet" in client.get(activiteit).content.decode()
    anders = reverse("actielijnen:activiteit_detail", args=["wonen-en-verblijf-wmo"])
    assert "Inkooptraject Jeugd haalt" not in client.get(anders).content.decode()


def test_demo_jeugd_krap_wmo_op_schema(programma):
    gebruikers = {u.username: u for u in get_user_model().objects.all()}

    class Verslag:
        def tel(self, naam, aantal=1):
            pass

    voorbeeld.laden(gebruikers, date(2026, 1, 1), Verslag())
    planningen = {p.traject.sleutel: p.uitkomst for p in inkoop.alle_planningen(date(2026, 1, 1))}
    assert planningen["jeugd"].status == "krap"
    assert planningen["wmo"].status == "op schema"
    assert Inkooptraject.objects.get(sleutel="jeugd").toelichting.startswith("Voorbeeld (demo):")


def _meer_trajecten(aantal):
    for nummer in range(aantal):
        traject = Inkooptraject.objects.create(
            sleutel=f"extra-{nummer}", naam=f"Extra {nummer}", ingangsdatum=date(2025, 1, 1)
        )
        for volgorde in range(1, 6):
            Inkooptrajectstap.objects.create(
                traject=traject, volgorde=volgorde, naam=f"Stap {volgorde}", duur_dagen=30
            )
        traject.activiteiten.set(Inkooptraject.objects.get(sleutel="jeugd").activiteiten.all())


def test_vaste_aantallen_queries(programma, client, django_assert_max_num_queries):
    _client(client, "manager")
    _onhaalbaar_maken()
    for extra in (0, 10):
        _meer_trajecten(extra)
        with django_assert_max_num_queries(3):
            signalen = inkoop.signalen(date(2026, 1, 1))
        assert len(signalen) >= 4 * (extra + 1)  # a track and its three activities each
        with django_assert_max_num_queries(14):
            assert client.get(OVERZICHT).status_code == 200
        with django_assert_max_num_queries(14):
            assert client.get(reverse("participatie:inkooptraject", args=["jeugd"])).status_code == 200


def test_a_margin_the_sources_do_not_give_reads_niet_bekend_not_zero(programma, client):
    """Issue 24: a default that looks like a fact (a margin of 0 days) is shown as not known, with what the
    backward planning assumes."""
    stap = _stap()
    assert stap.marge_dagen is None
    html = (
        _client(client, "manager").get(reverse("participatie:inkooptraject", args=["jeugd"])).content.decode()
    )
    assert "marge niet bekend (gerekend met 0 dagen)" in html
    assert "marge 0 dagen" not in html
