"""Wijkgericht werken (§2.3.2): activities and trajectories tied to wijken, the programme per wijk with each
activity's stoplicht, who may choose an activity's wijken, the history of that choice, and the demo's example."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import VELDNAAM
from monitoring.models import Wijk
from ontwikkeling.voorbeelden import VOORBEELD
from ontwikkeling.voorbeelden import betrokkenen as voorbeeld
from participatie.models import Participatietraject, Stakeholder, Wijkkoppeling
from participatie.selectors import overvraging
from participatie.services import betrokkenen

pytestmark = pytest.mark.django_db


def _als(client, naam):
    client.force_login(get_user_model().objects.get(username=naam))
    return client


def _token(client, url) -> dict:
    """The hidden lost-update token of the wijken form, as the browser sends it back (bronnen/gelijktijdigheid)."""
    pagina = client.get(url)
    if pagina.status_code != 200:
        return {}
    return {VELDNAAM: pagina.context["form"][VELDNAAM].value()}


def _activiteit_van(naam):
    return Activiteit.objects.filter(trekker__username=naam).order_by("pk").first()


def _sectie(pagina: str, kop: str) -> str:
    """The HTML of one wijk's section on the page."""
    return pagina.split(f">{kop}</h2>")[1].split("</section>")[0]


def test_the_wijk_view_shows_per_wijk_the_activities_with_stoplicht_and_the_trajectories(client, programma):
    noord, zuid = Wijk.objects.create(naam="Noord"), Wijk.objects.create(naam="Zuid")
    a, b = (
        Activiteit.objects.get(sleutel="versterken-sociale-basis"),
        Activiteit.objects.get(sleutel="wijkteams-jeugd"),
    )
    betrokkenen.wijken_koppelen(activiteit=a, door=a.trekker, wijken=[noord, zuid])
    betrokkenen.wijken_koppelen(activiteit=b, door=b.trekker, wijken=[zuid])
    traject = Participatietraject.objects.create(naam="Wijkschouw Noord", activiteit=a)
    traject.wijken.add(noord)
    pagina = _als(client, "opdrachtgever").get(reverse("participatie:wijken")).content.decode()
    noord_html, zuid_html = _sectie(pagina, "Noord"), _sectie(pagina, "Zuid")
    assert a.naam in noord_html and b.naam not in noord_html and "Wijkschouw Noord" in noord_html
    assert a.naam in zuid_html and b.naam in zuid_html and "Wijkschouw Noord" not in zuid_html
    assert "1 activiteit en 1 traject" in noord_html and "2 activiteiten en 0 trajecten" in zuid_html
    assert "app-rag" in noord_html  # the stoplicht, as a word (partials/rag.html)
    zonder = pagina.split('id="zonder-wijk"')[1]
    aantal = Activiteit.objects.count() - 2
    assert f"Activiteiten zonder wijk ({aantal})" in pagina
    assert a.naam not in zonder and Activiteit.objects.get(sleutel="zorgloket-naar-de-wijk").naam in zonder


def test_without_wijken_the_page_says_the_datakernteam_keeps_them_and_links_only_for_the_beheerder(
    client, programma
):
    Wijk.objects.all().delete()
    pagina = _als(client, "manager").get(reverse("participatie:wijken")).content.decode()
    assert "Het datakernteam houdt de wijken bij in het beheer" in pagina
    assert reverse("admin:monitoring_wijk_changelist") not in pagina
    pagina = _als(client, "beheerder").get(reverse("participatie:wijken")).content.decode()
    assert reverse("admin:monitoring_wijk_changelist") in pagina


def test_the_trekker_chooses_the_wijken_of_their_activity_and_it_is_in_the_history(client, programma):
    noord, zuid = Wijk.objects.create(naam="Noord"), Wijk.objects.create(naam="Zuid")
    eigen = _activiteit_van("trekker")
    url = reverse("participatie:wijken_koppelen", args=[eigen.sleutel])
    _als(client, "trekker")
    antwoord = client.post(
        url,
        {"wijken": [noord.pk, zuid.pk], "toelichting": "Vanuit het wijkcentrum", **_token(client, url)},
        follow=True,
    )
    assert "De wijken van de activiteit zijn opgeslagen." in antwoord.content.decode()
    client.post(url, {"wijken": [zuid.pk], **_token(client, url)})
    assert list(Wijkkoppeling.objects.filter(activiteit=eigen).values_list("wijk__naam", flat=True)) == [
        "Zuid"
    ]
    historie = Wijkkoppeling.history.filter(activiteit_id=eigen.pk)
    # Two added, Noord removed, Zuid's toelichting emptied by the second form.
    assert sorted(historie.values_list("history_type", flat=True)) == ["+", "+", "-", "~"]
    assert historie.get(history_type="-").wijk_id == noord.pk


@pytest.mark.parametrize(
    "rol,status",
    [
        ("trekker2", 403),
        ("opdrachtgever", 403),
        ("opgavecoordinator", 403),
        ("manager", 302),
        ("beheerder", 302),
    ],
)
def test_who_may_choose_an_activitys_wijken_also_by_direct_post(client, programma, rol, status):
    noord = Wijk.objects.create(naam="Noord")
    eigen = _activiteit_van("trekker")
    url = reverse("participatie:wijken_koppelen", args=[eigen.sleutel])
    antwoord = _als(client, rol).post(url, {"wijken": [noord.pk], **_token(client, url)})
    assert antwoord.status_code == status
    assert Wijkkoppeling.objects.filter(activiteit=eigen).exists() == (status == 302)


def test_a_wijk_that_does_not_exist_gets_a_dutch_message(client, programma):
    eigen = _activiteit_van("trekker")
    url = reverse("participatie:wijken_koppelen", args=[eigen.sleutel])
    antwoord = _als(client, "trekker").post(url, {"wijken": ["999999"], **_token(client, url)})
    assert antwoord.status_code == 200 and "Selecteer een geldige keuze" in antwoord.content.decode()
    assert not Wijkkoppeling.objects.exists()


def test_a_toelichting_without_a_wijk_is_refused_not_silently_dropped(client, programma):
    """The probe's finding: a toelichting saved with no wijk ticked got a success message and was stored nowhere."""
    eigen = _activiteit_van("trekker")
    url = reverse("participatie:wijken_koppelen", args=[eigen.sleutel])
    _als(client, "trekker")
    antwoord = client.post(url, {"toelichting": "Vooral in Noord", **_token(client, url)}, follow=True)
    html = antwoord.content.decode()
    assert "Kies ten minste één wijk" in html and "Er is niets opgeslagen" in html
    assert "zijn opgeslagen" not in html
    assert "Vooral in Noord</textarea>" in html  # the input stays
    assert not Wijkkoppeling.objects.filter(activiteit=eigen).exists()


def test_saving_the_wijken_unchanged_says_nothing_was_changed(client, programma):
    noord = Wijk.objects.create(naam="Noord")
    eigen = _activiteit_van("trekker")
    betrokkenen.wijken_koppelen(
        activiteit=eigen, door=eigen.trekker, wijken=[noord], toelichting="Wijkcentrum"
    )
    url = reverse("participatie:wijken_koppelen", args=[eigen.sleutel])
    _als(client, "trekker")
    data = {"wijken": [noord.pk], "toelichting": "Wijkcentrum", **_token(client, url)}
    html = client.post(url, data, follow=True).content.decode()
    assert "Er was niets gewijzigd" in html and "zijn opgeslagen" not in html
    assert Wijkkoppeling.history.filter(activiteit_id=eigen.pk).count() == 1


def test_the_wijk_view_runs_a_fixed_number_of_queries(client, programma):
    _als(client, "manager")
    activiteiten = list(Activiteit.objects.all())
    aantallen = []
    for aantal in (2, 20):
        wijken = [Wijk.objects.create(naam=f"Wijk {aantal}-{n}") for n in range(aantal)]
        for n, wijk in enumerate(wijken):
            Wijkkoppeling.objects.create(activiteit=activiteiten[n % len(activiteiten)], wijk=wijk)
            traject = Participatietraject.objects.create(
                naam=f"T {aantal}-{n}", activiteit=activiteiten[n % 5]
            )
            traject.wijken.add(wijk)
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(reverse("participatie:wijken")).status_code == 200
        aantallen.append(len(vastgelegd))
    assert aantallen[0] == aantallen[1], aantallen


class _Verslag:
    def __init__(self):
        self.aantallen = {}

    def tel(self, naam, aantal=1):
        self.aantallen[naam] = self.aantallen.get(naam, 0) + aantal


def test_the_demo_overvraagt_wijkkracht_this_quarter_and_ties_activities_to_example_wijken(programma):
    gebruikers = {u.username: u for u in get_user_model().objects.all()}
    vandaag = date(2026, 11, 24)
    verslag = _Verslag()
    voorbeeld.laden(gebruikers, vandaag, verslag)
    assert verslag.aantallen["bijeenkomsten"] == 4
    assert set(Wijk.objects.filter(naam__endswith="(demo)").values_list("cbs_code", flat=True)) == {None}
    assert Wijkkoppeling.objects.filter(activiteit__sleutel="versterken-sociale-basis").count() == 2
    assert all(
        t.startswith(VOORBEELD)
        for t in Participatietraject.objects.exclude(activiteit=None).values_list("naam", flat=True)
    )
    teksten = [s.tekst for s in overvraging.signalen(vandaag) if s.activiteit_id is None]
    assert teksten == [
        "Overvraging: Wijkkracht wordt in het 4e kwartaal 2026 gevraagd voor 4 bijeenkomsten (drempel 3)."
    ]
    assert Stakeholder.objects.get(naam="Wijkkracht").bijeenkomsten.count() == 4
    voorbeeld.laden(gebruikers, vandaag, _Verslag())  # a second time adds nothing
    assert Stakeholder.objects.get(naam="Wijkkracht").bijeenkomsten.count() == 4
