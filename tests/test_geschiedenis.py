"""History in the application: who changed what, when, from which value to which, on the object's own page."""

import re
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from actielijnen.models import Activiteit, Mijlpaal, Risico, Voortgangsrapportage
from actielijnen.selectors import activiteit_geschiedenis
from kern.geschiedenis import geschiedenis
from monitoring.constants import Eenheid
from monitoring.models import Indicator, Meting
from rapportage import services as rapportage_services
from rapportage.models import Motie
from tests.accounts.factories import UserFactory
from tests.achtergrondtaken import import_doorvoeren, import_ongedaan_maken, import_proef
from tests.monitoring.bestanden import csv_bestand


def _tekst(response) -> str:
    """The page as a reader hears it: tags and visually hidden helper words gone, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r'<span class="app-visueel-verborgen">[^<]*</span>', "", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _verborgen_velden(client, url) -> dict:
    """The hidden fields the form carries (such as the signed original values against lost updates)."""
    html = client.get(url).content.decode()
    return {
        naam: waarde
        for naam, waarde in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html)
        if naam != "csrfmiddlewaretoken"
    }


@pytest.fixture
def activiteit(programma):
    return (
        Activiteit.objects.filter(trekker__username="trekker").exclude(code="").order_by("volgorde").first()
    )


@pytest.fixture
def gebruiker(programma, django_user_model):
    return lambda naam: django_user_model.objects.get(username=naam)


def _risico_via_pagina(client, trekker, activiteit, *, kans: str) -> Risico:
    client.force_login(trekker)
    client.post(
        reverse("actielijnen:risico_create", args=[activiteit.sleutel]),
        {"omschrijving": "Uitval van partners", "kans": "2", "impact": "4"},
    )
    risico = Risico.objects.get(activiteit=activiteit, omschrijving="Uitval van partners")
    url = reverse("actielijnen:risico_update", args=[activiteit.sleutel, risico.pk])
    antwoord = client.post(
        url,
        {
            **_verborgen_velden(client, url),
            "omschrijving": risico.omschrijving,
            "kans": kans,
            "impact": "4",
            "status": "actief",
            "reden": "Twee partners stoppen.",
        },
    )
    assert antwoord.status_code == 302
    return risico


@pytest.mark.django_db
def test_a_trekkers_change_of_a_risks_kans_shows_on_the_activity_history_with_name_date_and_values(
    client, activiteit, gebruiker
):
    trekker = gebruiker("trekker")
    _risico_via_pagina(client, trekker, activiteit, kans="4")

    for lezer in ("trekker", "manager", "trekker2", "opdrachtgever"):
        client.force_login(gebruiker(lezer))
        antwoord = client.get(reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel]))
        assert antwoord.status_code == 200, lezer
        tekst = _tekst(antwoord)
        wijziging = next(
            r
            for r in antwoord.context["pagina"].object_list
            if r.object_soort == "Risico" and r.soort == "gewijzigd"
        )
        assert wijziging.wie == trekker.weergavenaam()
        assert [(w.veld, w.oud, w.nieuw) for w in wijziging.wijzigingen] == [("Kans (1–5)", "2", "4")]
        assert f"{date_format(timezone.localdate(), 'j F Y')}, " in tekst
        assert f"door {trekker.weergavenaam()}" in tekst
        assert "Kans (1–5) 2 → 4" in tekst
        # The risk's log entry and the risk's creation are there too.
        assert "Risicowijziging:" in tekst and "Risico: Uitval van partners — aangemaakt" in tekst


@pytest.mark.django_db
def test_the_activity_page_shows_the_latest_changes_and_links_to_the_history(client, activiteit, gebruiker):
    _risico_via_pagina(client, gebruiker("trekker"), activiteit, kans="5")
    client.force_login(gebruiker("manager"))
    antwoord = client.get(activiteit.get_absolute_url())
    html = antwoord.content.decode()
    assert "Laatste wijzigingen" in html
    assert reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel]) in html
    assert len(antwoord.context["laatste_wijzigingen"].object_list) == 5
    assert "Kans (1–5) 2 → 5" in _tekst(antwoord)


@pytest.mark.django_db
@pytest.mark.parametrize("lezer", ["raad", "griffie", "college"])
def test_raad_griffie_and_college_may_not_open_an_activitys_history(client, activiteit, gebruiker, lezer):
    client.force_login(gebruiker(lezer))
    antwoord = client.get(reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel]))
    assert antwoord.status_code == 403
    assert "Kans" not in antwoord.content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_go_to_the_login_page_for_every_history_page(client, activiteit):
    motie = _motie()
    for url in (
        reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel]),
        reverse("monitoring:indicator_geschiedenis", args=["6.1.1.1"]),
        reverse("rapportage:motie_geschiedenis", args=[motie.pk]),
    ):
        antwoord = client.get(url)
        assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("login")), url


@pytest.mark.django_db
def test_an_unknown_activity_or_indicator_is_a_404_and_a_nonsense_page_number_shows_page_one(
    client, activiteit, gebruiker
):
    client.force_login(gebruiker("manager"))
    assert (
        client.get(reverse("actielijnen:activiteit_geschiedenis", args=["bestaat-niet"])).status_code == 404
    )
    assert client.get(reverse("monitoring:indicator_geschiedenis", args=["9.9.9"])).status_code == 404
    url = reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel])
    for pagina in ("abc", "-1", "99999", "1e9"):
        antwoord = client.get(url, {"pagina": pagina})
        assert antwoord.status_code == 200, pagina


@pytest.mark.django_db
def test_history_is_paginated_with_dutch_labels(client, activiteit, gebruiker):
    mijlpaal = Mijlpaal.objects.create(
        activiteit=activiteit, omschrijving="Plan", datum_gepland=date(2025, 3, 1)
    )
    for dag in range(2, 32):
        mijlpaal.datum_gepland = date(2025, 3, dag)
        mijlpaal.save()
    client.force_login(gebruiker("trekker"))
    url = reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel])
    eerste = client.get(url)
    totaal = eerste.context["pagina"].paginator.num_pages
    assert totaal >= 2
    tekst = _tekst(eerste)
    assert f"Pagina 1 van {totaal}" in tekst and "Volgende" in tekst and "Vorige" not in tekst
    # Newest first: the last change of the milestone heads page one.
    bovenste = eerste.context["pagina"].object_list[0]
    assert (bovenste.object_naam, bovenste.wijzigingen[0].oud, bovenste.wijzigingen[0].nieuw) == (
        "Plan",
        "30 maart 2025",
        "31 maart 2025",
    )
    tweede = client.get(url, {"pagina": 2})
    assert f"Pagina 2 van {totaal}" in _tekst(tweede) and "Vorige" in _tekst(tweede)
    gezien = {id(r) for r in eerste.context["pagina"].object_list}
    assert not gezien & {id(r) for r in tweede.context["pagina"].object_list}
    assert tweede.context["pagina"].object_list[0].wanneer <= bovenste.wanneer


def _voortgang_schrijven(activiteit, auteur, n: int):
    rapportage = Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        auteur=auteur,
        periode="2025-Q1",
        rag="groen",
        percentage_gereed=0,
        fase="uitvoering",
        toelichting="Start",
    )
    for i in range(1, n):
        rapportage.percentage_gereed = i % 100
        rapportage.toelichting = f"Stap {i}"
        rapportage.save()


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_number_of_history_records(
    activiteit, gebruiker, django_assert_max_num_queries
):
    """10 and 200 history records: page one costs the same; every page stays under a bound set by the number of
    sources (2 queries each), not by the number of records."""
    manager = gebruiker("manager")
    bronnen, gerelateerde_modellen = 10, 8
    grens = 2 + 2 * bronnen + 1 + gerelateerde_modellen

    def meten(pagina):
        lezer = gebruiker("manager")  # fresh, so each measurement loads the permissions alike
        with django_assert_max_num_queries(grens), CaptureQueriesContext(connection) as queries:
            page = activiteit_geschiedenis(activiteit=activiteit, user=lezer, pagina=pagina, per_pagina=8)
            assert len(page.object_list) >= 1
        return len(queries), page.paginator.num_pages

    _voortgang_schrijven(activiteit, manager, 10)
    bij_10, paginas_10 = meten(1)
    meten(paginas_10)
    _voortgang_schrijven(activiteit, manager, 190)
    bij_200, paginas_200 = meten(1)
    meten(paginas_200)
    meten(paginas_200 // 2)
    assert paginas_200 > paginas_10 + 20
    assert bij_10 == bij_200


@pytest.mark.django_db
def test_the_history_page_stays_within_a_fixed_query_budget(
    client, activiteit, gebruiker, django_assert_max_num_queries
):
    manager = gebruiker("manager")
    _voortgang_schrijven(activiteit, manager, 200)
    client.force_login(manager)
    with django_assert_max_num_queries(40):
        assert (
            client.get(reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel])).status_code
            == 200
        )


@pytest.mark.django_db
def test_internal_fields_and_names_stay_hidden_from_who_may_not_see_them(client, activiteit, gebruiker):
    _voortgang_schrijven(activiteit, gebruiker("trekker"), 2)
    # Someone who may open activities but not their internal notes (no such role today: the rule must hold anyway).
    lezer = UserFactory(username="buitenstaander")
    lezer.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["actielijnen", "rapportage"],
            codename__in=["view_activiteit", "view_uitvoering", "view_actueel"],
        )
    )
    client.force_login(lezer)
    antwoord = client.get(reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel]))
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    assert "Percentage gereed 0 → 1" in tekst
    assert "Stap 1" not in tekst and "Toelichting" not in tekst
    assert gebruiker("trekker").weergavenaam() not in tekst and "naam niet getoond" in tekst

    client.force_login(gebruiker("manager"))
    tekst = _tekst(client.get(reverse("actielijnen:activiteit_geschiedenis", args=[activiteit.sleutel])))
    assert "Toelichting Start → Stap 1" in tekst


@pytest.mark.django_db
def test_values_read_as_a_person_reads_them(activiteit, gebruiker):
    """Choices as their label, people by name, dates in Dutch, ja/nee, '—' for empty, deleted objects say so."""
    trekker = gebruiker("trekker")
    rapportage = Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        auteur=trekker,
        periode="2025-Q1",
        rag="groen",
        percentage_gereed=10,
        fase="uitvoering",
        toelichting="Start",
        datum=date(2025, 1, 1),
    )
    rapportage.rag = "rood"
    rapportage.besluit_nodig = True
    rapportage.besluit_omschrijving = "Extra budget"
    rapportage.datum = date(2025, 2, 14)
    rapportage.save()
    rapportage.delete()
    page = geschiedenis([Voortgangsrapportage.history.filter(activiteit_id=activiteit.pk)])
    verwijderd, gewijzigd, aangemaakt = page.object_list
    assert [verwijderd.soort, gewijzigd.soort, aangemaakt.soort] == ["verwijderd", "gewijzigd", "aangemaakt"]
    velden = {w.veld: (w.oud, w.nieuw) for w in gewijzigd.wijzigingen}
    assert velden["Datum"] == ("1 januari 2025", "14 februari 2025")
    assert velden["Besluit nodig"] == ("nee", "ja")
    assert velden["Welk besluit is nodig"] == ("—", "Extra budget")
    assert velden["Stoplichtkleur"][1] == "Rood: bijsturing nodig"
    assert {w.veld: w.nieuw for w in aangemaakt.wijzigingen}["Auteur"] == trekker.weergavenaam()
    assert gewijzigd.object_naam == f"{activiteit} — 14-02-2025"
    assert aangemaakt.wie == "onbekend" and not verwijderd.wijzigingen


# --- Indicators ---------------------------------------------------------------------------------------------


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_an_imports_metingen_show_on_the_indicator_history_with_import_as_source(
    client, programma, gebruiker, _media
):
    beheerder = gebruiker("beheerder")
    client.force_login(beheerder)
    kop = "indicator;periode;wijk;soort;waarde;bron"
    import_proef(
        client, csv_bestand([kop, "6.1.1.1;2023;;realisatie;48,1%;KT", "6.1.1.1;2021;;realisatie;46%;KT"])
    )
    import_doorvoeren(client)
    meting = Meting.objects.get(
        indicator__code="6.1.1.1", periode="2023", soort="realisatie", wijk=None, gebied=None
    )
    nummer = meting.via_import_id

    for lezer in ("manager", "trekker", "beheerder"):
        client.force_login(gebruiker(lezer))
        antwoord = client.get(reverse("monitoring:indicator_geschiedenis", args=["6.1.1.1"]))
        assert antwoord.status_code == 200
        regels = antwoord.context["pagina"].object_list[:2]
        assert {r.bron for r in regels} == {f"import (nr. {nummer})"}
        assert {r.soort for r in regels} == {"aangemaakt", "gewijzigd"}
        tekst = _tekst(antwoord)
        assert f"bron: import (nr. {nummer})" in tekst and f"door {beheerder.weergavenaam()}" in tekst
        assert "Waarde 48,1%" in tekst
        assert re.search(r"Waarde [\d,]+% → 46%", tekst), tekst[:2000]

    # Undoing the import shows too, with its own source.
    client.force_login(beheerder)
    import_ongedaan_maken(client, nummer)
    antwoord = client.get(reverse("monitoring:indicator_geschiedenis", args=["6.1.1.1"]))
    assert f"import nr. {nummer} ongedaan gemaakt" in _tekst(antwoord)


@pytest.mark.django_db
def test_small_counts_and_names_stay_hidden_from_the_college_on_the_indicator_history(client, gebruiker):
    indicator = Indicator.objects.filter(eenheid=Eenheid.AANTAL).first()
    meting = Meting(indicator=indicator, periode="2030", soort="realisatie", waarde=Decimal("25"))
    meting._history_user = gebruiker("beheerder")
    meting.save()
    meting.waarde = Decimal("4")
    meting.save()
    url = reverse("monitoring:indicator_geschiedenis", args=[indicator.code])

    client.force_login(gebruiker("college"))
    tekst = _tekst(client.get(url))
    assert "Waarde 25 → &lt; 10" in tekst
    assert "naam niet getoond" in tekst and gebruiker("beheerder").weergavenaam() not in tekst

    client.force_login(gebruiker("manager"))
    assert "Waarde 25 → 4" in _tekst(client.get(url))


@pytest.mark.django_db
@pytest.mark.parametrize("lezer", ["raad", "griffie"])
def test_raad_and_griffie_may_not_open_an_indicators_history(client, programma, gebruiker, lezer):
    client.force_login(gebruiker(lezer))
    assert client.get(reverse("monitoring:indicator_geschiedenis", args=["6.1.1.1"])).status_code == 403


@pytest.mark.django_db
def test_the_indicator_page_links_to_its_history(client, gebruiker):
    client.force_login(gebruiker("manager"))
    html = client.get(reverse("monitoring:indicator_detail", args=["6.1.1.1"])).content.decode()
    assert reverse("monitoring:indicator_geschiedenis", args=["6.1.1.1"]) in html


# --- Moties -------------------------------------------------------------------------------------------------


def _motie() -> Motie:
    from accounts.models import User

    griffie = User.objects.get(username="griffie")
    motie = rapportage_services.motie_opslaan(
        door=griffie,
        motie=None,
        soort="motie",
        nummer="M2025-1",
        titel="Wijkteams",
        datum=date(2025, 3, 1),
        vergadering="Raad 1 maart 2025",
        tekst="Verzoekt het college …",
        status="open",
        uitvoering="",
        activiteiten=[],
        indicatoren=[],
    )
    return motie


@pytest.mark.django_db
def test_the_griffie_and_who_may_see_moties_read_a_moties_history_the_raad_does_not(client, gebruiker):
    motie = _motie()
    griffie = gebruiker("griffie")
    activiteit = Activiteit.objects.exclude(code="").first()
    client.force_login(griffie)
    url = reverse("rapportage:motie", args=[motie.pk])
    antwoord = client.post(
        url,
        {
            **_verborgen_velden(client, url),
            "soort": "motie",
            "nummer": "M2025-1",
            "titel": "Wijkteams",
            "datum": "2025-03-01",
            "vergadering": "Raad 1 maart 2025",
            "tekst": "Verzoekt het college …",
            "status": "in_behandeling",
            "uitvoering": "Plan in voorbereiding",
            "activiteiten": [activiteit.pk],
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    url = reverse("rapportage:motie_geschiedenis", args=[motie.pk])
    assert url in client.get(reverse("rapportage:motie", args=[motie.pk])).content.decode()

    for lezer in ("griffie", "manager", "trekker", "college"):
        client.force_login(gebruiker(lezer))
        antwoord = client.get(url)
        assert antwoord.status_code == 200, lezer
        tekst = _tekst(antwoord)
        assert "Status Open → In behandeling" in tekst
        assert f"Activiteiten — → {activiteit}" in tekst
        if lezer == "college":
            assert griffie.weergavenaam() not in tekst and "door naam niet getoond" in tekst
        else:
            assert f"door {griffie.weergavenaam()}" in tekst

    client.force_login(gebruiker("raad"))
    assert client.get(url).status_code == 403
