"""
A published edition is a snapshot: later edits of live data, of history or of the programme never change it.

Read back through the real stack: the raad's page, the manager's edition page (its <main>), the stored PDF and
XLSX, every CSV table, and the stored snapshot itself, before and after a round of edits everywhere.
"""

import re
from datetime import date
from decimal import Decimal

from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

import pytest

from actielijnen.models import Actielijn, Activiteit, Risico, Voortgangsrapportage
from bronnen.models import Datakwaliteitsnotitie
from monitoring.models import Indicator, Meting
from rapportage import export_csv, services
from rapportage.models import Motie, Rapportage
from rapportage.views import ACTIES
from tests.achtergrondtaken import met_taken

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
MAIN = re.compile(r"<main.*?</main>", re.S)


def _main(html: str) -> str:
    return CSRF.sub(r"\1…\2", MAIN.search(html).group(0))


def _alles_van(client, demo, rapportage) -> dict:
    """Every way an edition can be read: pages, files, tables and the stored snapshot."""
    client.force_login(demo["raad"])
    gezien = {
        "raad": CSRF.sub("", client.get(reverse("rapportage:raad")).content.decode()),
        "raad_editie": CSRF.sub("", client.get(rapportage.get_absolute_url()).content.decode()),
    }
    for soort in ("pdf", "xlsx"):
        gezien[soort] = client.get(reverse("rapportage:editie_download", args=[rapportage.pk, soort])).content
    for tabel in export_csv.TABELLEN:
        gezien[f"csv-{tabel}"] = client.get(
            reverse("rapportage:editie_csv", args=[rapportage.pk, tabel])
        ).content
    client.force_login(demo["manager"])
    gezien["manager_editie"] = _main(client.get(rapportage.get_absolute_url()).content.decode())
    client.force_login(demo["griffie"])
    gezien["griffie_editie"] = CSRF.sub("", client.get(rapportage.get_absolute_url()).content.decode())
    gezien["inhoud"] = Rapportage.objects.get(pk=rapportage.pk).inhoud
    return gezien


def _bewerk_alles(demo):
    """A round of edits to everything an edition shows, its history and the programme itself."""
    for activiteit in Activiteit.objects.all():
        activiteit.naam = f"Hernoemd {activiteit.pk}"
        activiteit.status = "afgerond"
        activiteit.save()
    Actielijn.objects.update(naam="Hernoemde actielijn", beschrijving="Andere tekst")
    for meting in Meting.objects.filter(soort="realisatie")[:50]:
        meting.waarde += Decimal("1.5")
        meting.bron = "gecorrigeerd"
        meting.save()
    Indicator.objects.update(naam="Hernoemde indicator")
    Risico.objects.update(kans=1, impact=1, omschrijving="Ander risico")
    Datakwaliteitsnotitie.objects.update(citaat="ander citaat", toelichting="andere toelichting")
    activiteit = Activiteit.objects.filter(trekker=demo["trekker"]).first()
    Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        auteur=demo["trekker"],
        periode="2024-03",
        datum=date(2024, 3, 1),
        rag="rood",
        percentage_gereed=5,
        toelichting="Na publicatie ingevoerd",
    )
    # History is rewritten too: the snapshot must not lean on it.
    Voortgangsrapportage.history.all().delete()
    Activiteit.history.all().delete()


def test_pages_files_and_snapshot_stay_value_for_value_the_same_after_every_kind_of_edit(
    client, demo, maak_editie
):
    rapportage = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    voor = _alles_van(client, demo, rapportage)
    assert "Hernoemd" not in voor["raad"]

    _bewerk_alles(demo)

    na = _alles_van(client, demo, rapportage)
    assert na.keys() == voor.keys()
    for onderdeel in voor:
        assert na[onderdeel] == voor[onderdeel], onderdeel
    # …while a new edition made now does show the edits: the comparison above is not blind.
    nieuw = maak_editie(peildatum=date(2024, 5, 31), titel="Na de wijzigingen")
    assert "Hernoemd" in str(nieuw.inhoud) and "Hernoemde indicator" in str(nieuw.inhoud)


def test_the_snapshot_is_stored_not_recomputed(demo, maak_editie):
    rapportage = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    inhoud = rapportage.inhoud
    # Everything the annex shows is in it (issue 17, §Editions).
    assert {"voortgang", "indicatoren", "financien", "risicos", "sociaal_domein", "moties"} <= set(inhoud)
    assert len(inhoud["voortgang"]["activiteiten"]) == Activiteit.objects.count()
    assert len(inhoud["indicatoren"]) == Indicator.objects.count()
    assert any(i["notities"] for i in inhoud["indicatoren"]), "data-quality notes travel with the figures"
    # The raad's page reads the stored JSON: a forged stored value shows, the live figure does not.
    inhoud["voortgang"]["actielijnen"][0]["naam"] = "Alleen in de opgeslagen momentopname"
    Rapportage.objects.filter(pk=rapportage.pk).update(inhoud=inhoud)
    client = Client()
    client.force_login(demo["raad"])
    assert "Alleen in de opgeslagen momentopname" in client.get(reverse("rapportage:raad")).content.decode()


# --- Wat is er veranderd --------------------------------------------------------------------------------------


def test_two_editions_are_compared_per_activity_indicator_risk_and_motie(client, demo, maak_editie):
    motie = services.motie_opslaan(
        door=demo["griffie"],
        soort="motie",
        nummer="M2024-01",
        titel="Wijkteams versterken",
        datum=date(2024, 1, 25),
        vergadering="Raad 25 januari 2024",
        tekst="Verzoekt het college …",
        status="open",
    )
    oud = maak_editie(peildatum=date(2024, 4, 30), publiceren=True, titel="Viermaandsrapportage I 2024")

    activiteit = Activiteit.objects.filter(trekker=demo["trekker"]).order_by("volgorde").first()
    Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        auteur=demo["trekker"],
        periode="2024-06",
        datum=date(2024, 6, 1),
        rag="rood",
        percentage_gereed=40,
    )
    indicator = Indicator.objects.get(code="6.2.3.3")
    Meting.objects.create(indicator=indicator, periode="2023", soort="realisatie", waarde=Decimal("250"))
    Risico.objects.create(activiteit=activiteit, omschrijving="Nieuw risico: wachtlijsten", kans=4, impact=3)
    services.motie_opslaan(door=demo["griffie"], motie=motie, status="in_behandeling")

    nieuw = maak_editie(peildatum=date(2024, 8, 31), publiceren=True, titel="Viermaandsrapportage II 2024")
    client.force_login(demo["raad"])
    html = client.get(reverse("rapportage:vergelijken"), {"oud": oud.pk, "nieuw": nieuw.pk}).content.decode()
    verschillen = client.get(reverse("rapportage:vergelijken"), {"oud": oud.pk, "nieuw": nieuw.pk}).context[
        "vergelijking"
    ]

    (act,) = [v for v in verschillen.activiteiten if v.sleutel == activiteit.sleutel]
    assert {w.wat for w in act.wijzigingen} >= {"stoplichtkleur", "% gereed"}
    assert activiteit.naam in html and "Rood: bijsturing nodig" in html
    (ind,) = [v for v in verschillen.indicatoren if v.sleutel == "6.2.3.3"]
    assert [(w.oud, w.nieuw) for w in ind.wijzigingen if w.wat == "laatste realisatie"] == [
        ("199 (2021)", "250 (2023)")
    ]
    # Dutch notation and words on the page, never the stored form (issue 28: "45.5000 → 48.1000", "True").
    assert "199 (2021)" in html and "250 (2023)" in html
    assert ".0000" not in html and "True" not in html and "False" not in html
    assert "Nieuw risico: wachtlijsten" in [v.naam for v in verschillen.risicos if v.soort == "nieuw"]
    (mot,) = verschillen.moties
    assert [(w.oud, w.nieuw) for w in mot.wijzigingen] == [("Open", "In behandeling")]
    assert "In behandeling" in html

    # Nothing changed between an edition and itself: refused with a Dutch message.
    antwoord = client.get(reverse("rapportage:vergelijken"), {"oud": oud.pk, "nieuw": oud.pk})
    assert "Kies twee verschillende rapportages." in antwoord.content.decode()


# --- Moties ---------------------------------------------------------------------------------------------------


def test_griffie_registers_a_motie_that_trekker_manager_and_every_edition_show(client, demo, maak_editie):
    activiteit = Activiteit.objects.filter(trekker=demo["trekker"]).order_by("volgorde").first()
    gegevens = {
        "soort": "motie",
        "nummer": "M2024-07",
        "titel": "Overvraging van partners voorkomen",
        "datum": "2024-02-15",
        "vergadering": "Raadsvergadering 15 februari 2024",
        "tekst": "Verzoekt het college partners niet te overvragen.",
        "status": "open",
        "uitvoering": "",
        "activiteiten": [activiteit.pk],
        "indicatoren": [Indicator.objects.get(code="6.2.3.3").pk],
    }
    client.force_login(demo["raad"])
    assert client.post(reverse("rapportage:motie_nieuw"), gegevens).status_code == 403
    assert client.get(reverse("rapportage:motie_lijst")).status_code == 403

    client.force_login(demo["griffie"])
    antwoord = client.post(reverse("rapportage:motie_nieuw"), gegevens, follow=True)
    assert "De motie is opgeslagen." in antwoord.content.decode()
    assert "Overvraging van partners voorkomen" in antwoord.content.decode()

    for rol in ("trekker", "manager"):
        client.force_login(demo[rol])
        assert (
            "Overvraging van partners voorkomen" in client.get(activiteit.get_absolute_url()).content.decode()
        )

    eerste = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    client.force_login(demo["raad"])
    html = client.get(eerste.get_absolute_url()).content.decode()
    assert "Overvraging van partners voorkomen" in html and "nieuw in deze rapportage" in html

    client.force_login(demo["griffie"])
    motie = activiteit.moties.get()
    url = reverse("rapportage:motie", args=[motie.pk])
    token = client.get(url).context["form"]["origineel"].value()  # as the browser sends it back
    client.post(
        url,
        {
            **gegevens,
            "origineel": token,
            "status": "afgedaan",
            "uitvoering": "Het college bundelt de overleggen per wijk.",
        },
    )
    tweede = maak_editie(peildatum=date(2024, 8, 31), publiceren=True, titel="Viermaandsrapportage II")
    client.force_login(demo["raad"])
    html = client.get(tweede.get_absolute_url()).content.decode()
    assert "gewijzigd: was open" in html and "Het college bundelt de overleggen per wijk." in html
    # The first edition still says what it said.
    assert "nieuw in deze rapportage" in client.get(eerste.get_absolute_url()).content.decode()
    # Settled in the second edition, it is not carried into a third.
    derde = maak_editie(peildatum=date(2024, 12, 31), publiceren=True, titel="Jaarstukken 2024")
    assert derde.inhoud["moties"] == []


def test_a_motie_with_a_bad_date_is_refused_with_a_dutch_message_and_nothing_saved(client, demo):
    client.force_login(demo["griffie"])
    antwoord = client.post(
        reverse("rapportage:motie_nieuw"),
        {
            "soort": "motie",
            "nummer": "M1",
            "titel": "X",
            "datum": "vorige week",
            "tekst": "Y",
            "status": "open",
        },
    )
    assert antwoord.status_code == 200
    assert "Voer een geldige datum in." in antwoord.content.decode()
    assert not Motie.objects.exists()


# --- Who may do what with which edition ------------------------------------------------------------------


def _editie_per_status(maak_editie, demo):
    concept = maak_editie(peildatum=date(2024, 8, 31), titel="Concept")
    vastgesteld = maak_editie(peildatum=date(2024, 7, 31), vaststellen=True, titel="Vastgesteld")
    vervangen = maak_editie(peildatum=date(2024, 4, 30), publiceren=True, titel="Oud")
    correctie = services.correctie_maken(rapportage=vervangen, door=demo["manager"])
    services.vaststellen(rapportage=correctie, door=demo["college"])
    gepubliceerd = services.publiceren(rapportage=correctie, door=demo["college"])
    vervangen.refresh_from_db()
    return {
        "concept": concept,
        "vastgesteld": vastgesteld,
        "gepubliceerd": gepubliceerd,
        "vervangen": vervangen,
    }


# role → statuses whose edition page (and downloads) it may open; the rest answers 404 (or 403 without access).
OPENEN = {
    "manager": {"concept", "vastgesteld", "gepubliceerd", "vervangen"},
    "beheerder": {"concept", "vastgesteld", "gepubliceerd", "vervangen"},
    "college": {"concept", "vastgesteld", "gepubliceerd", "vervangen"},
    "raad": {"gepubliceerd", "vervangen"},
    "griffie": {"gepubliceerd", "vervangen"},
    "trekker": {"gepubliceerd", "vervangen"},
    "opdrachtgever": {"gepubliceerd", "vervangen"},
}


@pytest.mark.parametrize("rol", list(OPENEN))
def test_who_opens_and_downloads_which_edition_per_status(client, demo, maak_editie, pdf_als_stempel, rol):
    edities = _editie_per_status(maak_editie, demo)
    client.force_login(demo[rol])
    for status, rapportage in edities.items():
        pagina = client.get(rapportage.get_absolute_url())
        download = client.get(reverse("rapportage:editie_download", args=[rapportage.pk, "xlsx"]))
        if status in OPENEN[rol]:
            assert pagina.status_code == 200, status
            assert download.status_code == 200, status
            assert download["Content-Disposition"].startswith("attachment;")
        else:
            # Concepts do not exist for those who may not see them: 404, so their existence does not leak.
            assert pagina.status_code == 404, status
            assert download.status_code == 404, status
    if OPENEN[rol]:
        html = client.get(edities["vervangen"].get_absolute_url()).content.decode()
        assert "vervangen" in html.lower() and edities["gepubliceerd"].get_absolute_url() in html


# role → the workflow steps it may take (each tried on an edition in the status the step needs).
STAPPEN = {
    # Setting and publishing are the college's alone: the beheerder (no superuser) writes concepts like the manager.
    "vaststellen": ("concept", {"college"}),
    "terug-naar-concept": ("vastgesteld", {"college"}),
    "publiceren": ("vastgesteld", {"college"}),
    "corrigeren": ("gepubliceerd", {"manager", "beheerder"}),
    "verwijderen": ("concept", {"manager", "beheerder"}),
}


@pytest.mark.parametrize("rol", ["manager", "college", "raad", "griffie", "trekker", "beheerder"])
@pytest.mark.parametrize("stap", list(STAPPEN))
def test_each_workflow_step_is_taken_only_by_its_role(client, demo, maak_editie, pdf_als_stempel, rol, stap):
    assert stap in ACTIES
    status, mogen = STAPPEN[stap]
    edities = _editie_per_status(maak_editie, demo)
    rapportage = edities[status]
    aantal = Rapportage.objects.count()
    client.force_login(demo[rol])
    # Publishing is a background job: run what the request queued, as the worker would after its commit.
    antwoord = met_taken(lambda: client.post(reverse("rapportage:editie_actie", args=[rapportage.pk, stap])))
    bestaat = Rapportage.objects.filter(pk=rapportage.pk).first()
    if rol in mogen:
        assert antwoord.status_code == 302
        assert (bestaat is None) or bestaat.status != status or Rapportage.objects.count() == aantal + 1
    else:
        assert antwoord.status_code in (403, 404)
        assert bestaat is not None and bestaat.status == status
        assert Rapportage.objects.count() == aantal


# --- The freshness footer ------------------------------------------------------------------------------------


def test_the_footer_shows_the_raad_its_edition_and_the_manager_live_dates(client, demo, maak_editie):
    client.force_login(demo["raad"])
    assert (
        "Er is nog geen rapportage aan de raad gepubliceerd."
        in client.get(reverse("rapportage:raad")).content.decode()
    )
    maak_editie(peildatum=date(2024, 4, 30), publiceren=True, titel="Viermaandsrapportage I 2024")
    html = client.get(reverse("rapportage:raad")).content.decode()
    voet = html[html.index("<footer") :]
    assert "Viermaandsrapportage I 2024, stand op" in voet and "30 april 2024" in voet
    assert "Laatste voortgangsupdate" not in voet
    client.logout()
    voet = client.get(reverse("rapportage:inwoners")).content.decode().split("<footer", 1)[1]
    assert "30 april 2024" in voet and "Laatste voortgangsupdate" not in voet

    client.force_login(demo["manager"])
    voet = client.get(reverse("actielijnen:management")).content.decode().split("<footer", 1)[1]
    assert "Laatste voortgangsupdate" in voet


def test_every_page_links_the_print_stylesheet_that_hides_the_navigation(client, demo, maak_editie):
    rapportage = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    client.force_login(demo["raad"])
    for url in (
        reverse("rapportage:raad"),
        rapportage.get_absolute_url(),
        reverse("rapportage:editie_lijst"),
    ):
        html = client.get(url).content.decode()
        assert 'href="/static/css/print.css" media="print"' in html, url
        assert 'class="app-nav' in html, url  # the rule below hides an element that is there
    regels = open(finders.find("css/print.css")).read()
    verborgen = regels[: regels.index("{ display: none !important; }")]
    for klasse in (".app-nav", ".utrecht-skip-link", ".app-downloads", "form"):
        assert klasse in verborgen, klasse
