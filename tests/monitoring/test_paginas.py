"""Pages per role, small-number suppression, and bounded query counts."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from monitoring.models import Indicator, Meting, Piramidestand, Wijk

PAGINAS = {
    "indicator_list": {},
    "indicator_detail": {"code": "6.1.1.1"},
    "fitgap": {},
    "transformatiepiramide": {},
    "financien": {},
    "import": {},
    "export": {},
}
# role → pages that answer 200 (the rest: 403)
TOEGANG = {
    "beheerder": set(PAGINAS),
    "manager": set(PAGINAS) - {"import"},
    "college": {"indicator_list", "indicator_detail", "transformatiepiramide", "financien"},
    "trekker": {"indicator_list", "indicator_detail"},
    # Raad and griffie read published editions only (rapportage/editiegrens.py): no live monitoring page.
    "raad": set(),
    "griffie": set(),
}


def url(naam):
    return reverse(f"monitoring:{naam}", kwargs=PAGINAS[naam])


@pytest.mark.django_db
@pytest.mark.parametrize("rol", TOEGANG)
def test_each_role_gets_exactly_its_monitoring_pages(client, monitoring, gebruiker, rol):
    client.force_login(gebruiker(rol))
    for naam in PAGINAS:
        verwacht = 200 if naam in TOEGANG[rol] else 403
        assert client.get(url(naam)).status_code == verwacht, (rol, naam)


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(client, monitoring):
    for naam in PAGINAS:
        antwoord = client.get(url(naam))
        assert antwoord.status_code == 302 and antwoord.url.startswith(reverse("login")), naam


@pytest.mark.django_db
def test_only_the_beheerder_may_post_an_import_or_undo_one(client, monitoring, gebruiker):
    from django.core.files.uploadedfile import SimpleUploadedFile

    for rol in ("manager", "college", "raad", "trekker"):
        client.force_login(gebruiker(rol))
        bestand = SimpleUploadedFile(
            "x.csv", b"indicator;periode;soort;waarde\n6.1.1.1;2023;realisatie;40%\n"
        )
        assert client.post(reverse("monitoring:import"), {"bestand": bestand}).status_code == 403
        assert client.post(reverse("monitoring:import_ongedaan_maken", args=[1])).status_code == 403
    assert not Meting.objects.filter(periode="2023", soort="realisatie", indicator__code="6.1.1.1").exists()


@pytest.mark.django_db
def test_an_unknown_indicator_code_answers_404(client, monitoring, gebruiker):
    client.force_login(gebruiker("manager"))
    assert client.get(reverse("monitoring:indicator_detail", kwargs={"code": "9.9.9"})).status_code == 404


@pytest.mark.django_db
def test_small_counts_are_hidden_from_the_college_but_shown_to_managers(client, monitoring, gebruiker):
    wijk = Wijk.objects.create(naam="Klein", cbs_code="WK016499")
    Meting.objects.create(
        indicator=Indicator.objects.get(code="6.2.2.2"),
        periode="2023",
        wijk=wijk,
        soort="realisatie",
        waarde=Decimal(7),
    )
    pagina = reverse("monitoring:indicator_detail", kwargs={"code": "6.2.2.2"})
    for rol, zichtbaar in (("college", False), ("manager", True), ("beheerder", True)):
        client.force_login(gebruiker(rol))
        html = client.get(pagina).content.decode()
        assert ("&lt; 10" in html) is not zichtbaar, rol
        grafiek = client.get(pagina).context["figuur"]
        waarden = [y for trace in grafiek["data"] for y in trace["y"]]
        assert (7.0 in waarden) is zichtbaar, rol


@pytest.mark.django_db
def test_the_threshold_for_small_counts_comes_from_the_settings(client, monitoring, gebruiker, settings):
    settings.KLEINE_AANTALLEN_DREMPEL = 3000
    client.force_login(gebruiker("college"))
    html = client.get(reverse("monitoring:transformatiepiramide")).content.decode()
    assert "&lt; 3000" in html  # 2.880 clients in the sociale basis are now below the threshold
    assert "6.750" in html


@pytest.mark.django_db
def test_indicator_list_flags_goals_without_a_target_and_indicators_without_an_activity(
    client, monitoring, gebruiker
):
    Meting.objects.filter(indicator__doel__code="6.2.1", soort="streef").delete()
    client.force_login(gebruiker("manager"))
    antwoord = client.get(reverse("monitoring:indicator_list"))
    groepen = {g.doel.code: g for g in antwoord.context["doelgroepen"]}
    assert groepen["6.2.1"].zonder_streefwaarde and not groepen["6.1.1"].zonder_streefwaarde
    assert not groepen["6.1"].zonder_streefwaarde  # a sub-goal has a target
    zonder = {i.code for i in antwoord.context["zonder_activiteit"]}
    assert zonder == set(Indicator.objects.filter(activiteiten__isnull=True).values_list("code", flat=True))


@pytest.mark.django_db
def test_finances_page_shows_realised_savings_and_the_three_scenarios(client, monitoring, gebruiker):
    client.force_login(gebruiker("college"))
    html = client.get(reverse("monitoring:financien")).content.decode()
    for tekst in (
        "€\u00a0429.000",  # the euro sign never wraps from its amount
        "€\u00a0840.000",
        "€\u00a01.100.000",
        "€\u00a0668.000",
        "€\u00a01.200.000",
        "Scenario 3",
        "€\u00a01.505.000",
    ):
        assert tekst in html, tekst
    assert "Totaal Scenario 1 € 2023 € 1.506.000" in html  # the note quotes the document's own total


def _aantal_queries(client, adres):
    with CaptureQueriesContext(connection) as context:
        assert client.get(adres).status_code == 200
    return len(context)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "naam", ["indicator_list", "indicator_detail", "fitgap", "transformatiepiramide", "financien"]
)
def test_pages_need_the_same_number_of_queries_for_few_and_many_metingen(client, monitoring, gebruiker, naam):
    from actielijnen.models import Modellaag

    client.force_login(gebruiker("manager"))
    adres = url(naam)
    _aantal_queries(client, adres)  # warm caches
    weinig = _aantal_queries(client, adres)
    wijken = [Wijk.objects.create(naam=f"Wijk {i}", cbs_code=f"WK0164{i:02d}") for i in range(5)]
    for indicator in Indicator.objects.all():
        for wijk in wijken:
            for jaar in range(2010, 2016):
                Meting.objects.create(
                    indicator=indicator, periode=str(jaar), wijk=wijk, soort="realisatie", waarde=5
                )
    for jaar in range(2015, 2020):
        for laag in Modellaag.objects.all():
            Piramidestand.objects.create(modellaag=laag, periode=str(jaar), aantal_clienten=100, bron="test")
    assert _aantal_queries(client, adres) == weinig
