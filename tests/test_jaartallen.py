"""
A year is never printed with a thousands dot ("2.023"), on any page any role can reach.

The cause was `USE_THOUSAND_SEPARATOR = True`: Django groups every integer a template prints, and it cannot tell
a year from an amount. The fix is at the root (hengelo_sd/settings.py): no automatic grouping; figures that want
it go through kern.notatie.format_getal.

How the scan tells a year from an amount. "2.023" can be a real figure (2.023 clients), so the test does not
simply forbid the pattern. It looks for a year-shaped number with a dot, 1.900 to 2.099, standing on its own:
not part of a longer number (12.023, 1.502.023, 2.023,5) and not an amount in euros (€ 2.023). Such a string
is allowed only when the database holds a figure of exactly that value in a field that is not a year (a
Meting, Bedrag, Kerncijfer …), found by looking at every numeric field of every model; in the demo programme
there is none, so any hit is a year. `test_the_scan_finds_the_dotted_years_the_old_setting_printed` shows
the scan is not blind: with the old setting it finds "2.023" on the college and Financiën pages (the raad's
edition pages had been patched one by one with `|jaartal`; the crawl covers them too).

Crawled: every demo account (one per role) and an anonymous visitor, from the start page, every named URL
without parameters and a published raad edition, following every same-site link (the admin's object pages and
filter links aside, see `_volgen`), scanning HTML and CSV responses.
"""

import re
from collections import deque
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from accounts.models import User
from actielijnen import services as actielijnen_services
from actielijnen.models import Activiteit
from kern.notatie import format_getal
from rapportage import services as rapportage_services

pytestmark = pytest.mark.django_db

JAAR_MET_PUNT = re.compile(r"(?<![\w.,])(?P<jaar>1\.9\d\d|2\.0\d\d)(?![\d]|[.,]\d)")
LINK = re.compile(r'href="(/[^"#]*)')
EURO = re.compile(r"(€|&euro;|&#8364;)(\s|&nbsp;|\u00a0)*$")
NIET_VOLGEN = ("/static/", "/media/", "/uitloggen/")
# Admin pages that show a single object or its history, and the changelists' filter and sort links: thousands
# of near-identical forms; the changelists themselves (where years are columns) are crawled.
ADMIN_OBJECT = re.compile(r"^/admin/.+/(\d+|add)/|/history/|\?")
# A stop for a crawl that never ends (links that keep making new addresses); the beheerder, who may open every
# participatie form of every activity besides the admin's lists, reaches some 800 (issue 16).
MAXIMUM = 1500


def _benoemde_urls() -> list[str]:
    """Every named URL without parameters (outside the admin), so pages not linked from the menus are seen too."""

    def patronen(resolver: URLResolver, prefix: str = ""):
        for patroon in resolver.url_patterns:
            if isinstance(patroon, URLResolver):
                if patroon.namespace == "admin":
                    continue
                yield from patronen(patroon, prefix + (f"{patroon.namespace}:" if patroon.namespace else ""))
            elif isinstance(patroon, URLPattern) and patroon.name and not patroon.pattern.converters:
                yield prefix + patroon.name

    return sorted({reverse(naam) for naam in patronen(get_resolver())} - {reverse("logout")})


def _volgen(url: str) -> bool:
    return not url.startswith(NIET_VOLGEN) and not (url.startswith("/admin/") and ADMIN_OBJECT.search(url))


def _kruip(client: Client, begin: list[str]) -> dict[str, str]:
    """Every same-site URL reachable by links from `begin`, with its text (HTML and CSV responses)."""
    gezien: dict[str, str] = {}
    rij = deque(begin)
    while rij and len(gezien) < MAXIMUM:
        url = rij.popleft()
        if url in gezien or not _volgen(url):
            continue
        antwoord = client.get(url)
        soort = antwoord.get("Content-Type", "")
        tekst = ""
        if soort.startswith(("text/html", "text/csv")):
            inhoud = b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content
            tekst = inhoud.decode("utf-8-sig")
            if soort.startswith("text/html"):
                rij.extend(u.replace("&amp;", "&") for u in LINK.findall(tekst))
        elif antwoord.status_code in (301, 302):
            rij.append(antwoord["Location"])
        gezien[url] = tekst
    assert len(gezien) < MAXIMUM, "de crawl houdt niet op: te veel adressen"
    return gezien


def _cijfers_die_geen_jaar_zijn() -> set[str]:
    """How every stored figure between 1.900 and 2.099 that is not a year would be printed ("2.023")."""
    gevonden = set()
    for model in apps.get_models():
        velden = [
            veld.name
            for veld in model._meta.concrete_fields
            if isinstance(veld, models.IntegerField | models.DecimalField | models.FloatField)
            and not isinstance(veld, models.AutoField | models.ForeignKey)
            and "jaar" not in veld.name
        ]
        for veld in velden:
            waarden = model._default_manager.filter(**{f"{veld}__gte": 1900, f"{veld}__lt": 2100})
            for waarde in waarden.values_list(veld, flat=True):
                gevonden.add(format_getal(Decimal(str(waarde))))
    return gevonden


def _jaren_met_punt(tekst: str, toegestaan: set[str]) -> list[str]:
    fouten = []
    for treffer in JAAR_MET_PUNT.finditer(tekst):
        ervoor = tekst[max(0, treffer.start() - 12) : treffer.start()]
        if EURO.search(ervoor) or treffer["jaar"] in toegestaan:
            continue
        fouten.append(tekst[max(0, treffer.start() - 60) : treffer.end() + 20].replace("\n", " "))
    return fouten


@pytest.fixture
def demo(programma):
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def gepubliceerde_editie(demo, monkeypatch):
    """A raad edition made by the manager, set and published by the college (a stamp instead of the PDF: the
    PDF's text is tested in tests/rapportage/test_export.py). Plus a yearly summary, a second place with a year."""
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%PDF-1.7 test")
    activiteit = Activiteit.objects.op_agenda().filter(trekker=demo["trekker"]).first()
    actielijnen_services.jaarsamenvatting_opslaan(
        activiteit=activiteit, jaar=2023, samenvatting="Het eerste jaar.", auteur=demo["trekker"]
    )
    rapportage = rapportage_services.rapportage_aanmaken(
        door=demo["manager"],
        pc_moment="jaarstukken",
        jaar=2023,
        titel="Jaarstukken 2023",
        peildatum=date(2023, 12, 31),
        zaaknummer="3612345",
        toelichtingen={"financien": "De besparingen van 2023."},
    )
    rapportage = rapportage_services.vaststellen(rapportage=rapportage, door=demo["college"])
    return rapportage_services.publiceren(rapportage=rapportage, door=demo["college"])


def _bezoekers(demo) -> dict[str, Client]:
    bezoekers = {"anoniem": Client()}
    for naam, gebruiker in demo.items():
        bezoekers[naam] = Client()
        bezoekers[naam].force_login(gebruiker)
    return bezoekers


def test_no_role_sees_a_year_with_a_thousands_dot_on_any_page(demo, gepubliceerde_editie):
    toegestaan = _cijfers_die_geen_jaar_zijn()
    begin = ["/", *_benoemde_urls(), reverse("rapportage:editie", args=[gepubliceerde_editie.pk])]
    bezoekers = _bezoekers(demo)
    assert set(bezoekers) >= {"anoniem", "trekker", "manager", "college", "raad", "griffie", "beheerder"}

    fouten, gelezen = {}, {}
    for naam, client in bezoekers.items():
        paginas = _kruip(client, begin)
        gelezen[naam] = paginas
        for url, tekst in paginas.items():
            if treffers := _jaren_met_punt(tekst, toegestaan):
                fouten[f"{naam} {url}"] = treffers
    assert fouten == {}

    # The crawl really read the pages where years are printed, for the roles that may open them.
    editie = reverse("rapportage:editie", args=[gepubliceerde_editie.pk])
    for naam in ("raad", "griffie", "college", "manager"):
        assert "Jaarstukken 2023" in gelezen[naam][editie], naam
    assert "2023" in gelezen["college"][reverse("rapportage:college")]
    assert "2025" in gelezen["manager"][reverse("monitoring:financien")]
    assert sum(len(p) for p in gelezen.values()) > 100


@pytest.mark.parametrize("naam", ["rapportage:college", "monitoring:financien"])
def test_the_scan_finds_the_dotted_years_the_old_setting_printed(client, demo, settings, naam):
    """The scan has teeth: with the old `USE_THOUSAND_SEPARATOR = True` it finds the "2.023" of the issue."""
    settings.USE_THOUSAND_SEPARATOR = True
    url = reverse(naam)
    client.force_login(demo["manager"])
    assert _jaren_met_punt(client.get(url).content.decode(), _cijfers_die_geen_jaar_zijn())


def test_amounts_and_longer_numbers_are_not_taken_for_years():
    assert _jaren_met_punt("€\u00a02.023 en € 2.050 en &euro;&nbsp;2.011", set()) == []
    assert _jaren_met_punt("12.023 1.502.023 2.023,5 2.023.000 v2.023", set()) == []
    assert _jaren_met_punt("2.023 cliënten", {"2.023"}) == []
    assert _jaren_met_punt("<td>2.023</td> in 1.999", set()) != []
    assert len(_jaren_met_punt("<td>2.023</td> in 1.999", set())) == 2
