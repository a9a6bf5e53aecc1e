"""
The raad boundary, tested by crawling: raad, griffie and the public see published editions only.

Publish, then change live data — an indicator value and its source, a progress update, a risk, a data-quality
note, and a newer concept edition — and crawl every link (pages and downloads) each of those readers can reach,
before and after. Every response must be byte-for-byte the same (CSRF tokens aside) and none may carry the
change, while the manager sees all of it on the live pages.
"""

import json
import re
from collections import deque
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from actielijnen.models import Activiteit, Risico, Voortgangsrapportage
from bronnen.models import Datakwaliteitsnotitie
from monitoring.models import Indicator
from rapportage import services
from rapportage.editiegrens import VRIJE_PAGINAS, EditiegrensMiddleware

pytestmark = pytest.mark.django_db

MARKERS = (
    "987.654",
    "987654",
    "MARKERBRON",
    "MARKERUPDATE",
    "MARKERRISICO",
    "MARKERNOTITIE",
    "MARKERCONCEPT",
)
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
LINK = re.compile(r'href="(/[^"#]*)')
# Not followed: static files (no data) and logging out (a POST form, never a link).
NIET_VOLGEN = ("/static/",)


def _kruip(client: Client, begin: list[str], *, maximum: int = 400) -> dict[str, tuple[int, bytes]]:
    """Every same-site URL reachable by links from `begin`: status and body (CSRF tokens blanked)."""
    gezien: dict[str, tuple[int, bytes]] = {}
    rij = deque(begin)
    while rij and len(gezien) < maximum:
        url = rij.popleft()
        if url in gezien or url.startswith(NIET_VOLGEN):
            continue
        antwoord = client.get(url)
        inhoud = b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content
        if antwoord.get("Content-Type", "").startswith("text/html"):
            tekst = CSRF.sub(r"\1…\2", inhoud.decode())
            rij.extend(u.replace("&amp;", "&") for u in LINK.findall(tekst))
            inhoud = tekst.encode()
        elif antwoord.status_code in (301, 302):
            rij.append(antwoord["Location"])
        gezien[url] = (antwoord.status_code, inhoud)
    assert len(gezien) < maximum, "de crawl houdt niet op: te veel adressen"
    return gezien


def _lezers(demo) -> dict[str, Client]:
    lezers = {"anoniem": Client()}
    for naam in ("raad", "griffie"):
        lezers[naam] = Client()
        lezers[naam].force_login(demo[naam])
    return lezers


def _beginpunten(eerste, tweede) -> list[str]:
    return [
        "/",
        reverse("rapportage:raad"),
        reverse("rapportage:inwoners"),
        reverse("rapportage:editie_lijst"),
        reverse("rapportage:motie_lijst"),
        f"{reverse('rapportage:vergelijken')}?oud={eerste.pk}&nieuw={tweede.pk}",
    ]


def _wijzig_live_gegevens(demo, rapportage) -> dict:
    """Change what the published edition shows, in every kind of live data; return where the manager sees it."""
    indicator = Indicator.objects.get(code="6.2.3.3")
    meting = indicator.metingen.get(soort="realisatie", wijk=None, gebied=None, periode="2021")
    meting.waarde = Decimal("987654")
    meting.bron = "MARKERBRON"
    meting.save()

    snapshot = json.dumps(rapportage.inhoud)
    notitie = next(
        n
        for n in Datakwaliteitsnotitie.objects.filter(content_type__model="indicator")
        if n.citaat in snapshot and n.onderwerp.code == indicator.code
    )
    notitie.citaat = "MARKERNOTITIE"
    notitie.save()

    activiteit = Activiteit.objects.filter(trekker=demo["trekker"]).order_by("volgorde").first()
    Voortgangsrapportage.objects.create(
        activiteit=activiteit,
        auteur=demo["trekker"],
        periode="2024-04",
        datum=date(2024, 4, 1),  # before the peildatum: a late update must not enter a published edition
        rag="rood",
        percentage_gereed=10,
        toelichting="MARKERUPDATE",
    )
    Risico.objects.create(activiteit=activiteit, omschrijving="MARKERRISICO", kans=5, impact=5)
    services.rapportage_aanmaken(
        door=demo["manager"],
        pc_moment="viermaandsrapportage",
        jaar=2024,
        titel="MARKERCONCEPT",
        peildatum=date(2024, 8, 31),
    )
    return {
        indicator.get_absolute_url(): ("987.654", "MARKERBRON", "MARKERNOTITIE"),
        activiteit.get_absolute_url(): ("MARKERUPDATE", "MARKERRISICO"),
        reverse("rapportage:editie_lijst"): ("MARKERCONCEPT",),
    }


def test_after_publication_no_live_change_reaches_raad_griffie_or_the_public(client, demo, maak_editie):
    eerste = maak_editie(peildatum=date(2023, 12, 31), publiceren=True, titel="Jaarstukken 2023")
    tweede = maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    services.motie_opslaan(
        door=demo["griffie"],
        datum=date(2024, 2, 1),
        vergadering="Raadsvergadering 1 februari 2024",
        titel="Motie wijkteams",
        tekst="Verzoekt het college de wijkteams te versterken.",
        soort="motie",
        nummer="M2024-03",
        status="open",
    )
    lezers = _lezers(demo)
    voor = {naam: _kruip(c, _beginpunten(eerste, tweede)) for naam, c in lezers.items()}

    # The crawl reaches the editions and their downloads, not only the start pages.
    raad = voor["raad"]
    for rapportage in (eerste, tweede):
        assert raad[rapportage.get_absolute_url()][0] == 200
        for soort in ("pdf", "xlsx"):
            assert raad[reverse("rapportage:editie_download", args=[rapportage.pk, soort])][0] == 200
    assert any("/csv/" in url and status == 200 for url, (status, _) in raad.items())
    assert any("/csv/" in url and status == 200 for url, (status, _) in voor["griffie"].items())
    assert voor["anoniem"][reverse("rapportage:inwoners")][0] == 200
    # The source texts every footer links to (issue 24) are reached and open to all three.
    for naam in ("anoniem", "raad", "griffie"):
        assert voor[naam][reverse("bronnen:begrippen")][0] == 200, naam
        assert voor[naam][reverse("monitoring:informatiepiramide")][0] == 200, naam

    bij_manager = _wijzig_live_gegevens(demo, tweede)

    for naam, c in lezers.items():
        na = _kruip(c, _beginpunten(eerste, tweede))
        assert na.keys() == voor[naam].keys(), naam
        for url, (status, inhoud) in na.items():
            assert (status, inhoud) == voor[naam][url], (naam, url)
            tekst = inhoud.decode("utf-8", "replace")
            for marker in MARKERS:
                assert marker not in tekst, (naam, url, marker)

    manager = Client()
    manager.force_login(demo["manager"])
    for url, markers in bij_manager.items():
        html = manager.get(url).content.decode()
        for marker in markers:
            assert marker in html, (url, marker)


def _patronen(resolver: URLResolver, prefix: str = ""):
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            naamruimte = f"{patroon.namespace}:" if patroon.namespace else ""
            yield from _patronen(patroon, prefix + naamruimte)
        elif isinstance(patroon, URLPattern):
            yield prefix + (patroon.name or ""), patroon.callback


# The views raad, griffie and the public may open. Each promises to read stored editions, the plan's text or the
# griffie's motie register only; adding one here is a decision to review, not a routine edit.
VOOR_EDITIELEZERS = {
    "rapportage:raad",
    "rapportage:inwoners",
    "rapportage:editie_lijst",
    "rapportage:editie",
    "rapportage:editie_download",
    "rapportage:editie_csv",
    "rapportage:vergelijken",
    "rapportage:motie_lijst",
    "rapportage:motie_nieuw",
    "rapportage:motie",
    # The history of a motie is the griffie's own register, not live programme data.
    "rapportage:motie_geschiedenis",
    # Open data (issue 15): the indicator series of published editions' snapshots only (rapportage/open_data.py).
    "rapportage:open_data",
    "rapportage:open_data_reeks",
    # The read-only public API (issue 27): published editions' snapshots only (api/selectors.py); the
    # documents describe the API; every other /api/ address is a 404. tests/api/test_geen_lek.py crawls it.
    "api:start",
    "api:edities",
    "api:editie",
    "api:sectie",
    "api:reeksen",
    "api:reeks",
    "api:actielijnen",
    "api:activiteiten",
    "api:activiteit",
    "api:moties",
    "api:motie",
    "api:catalogus",
    "api:openapi",
    "api:wijzigingen",
    "api:niet_gevonden",
    "api:niet_gevonden_wortel",
    # Source text only (issue 24): the Scenario document's glossary with its notes, and the plan's §5.3 table with
    # its own sentences and notes. They carry kern.permissions.alleen_edities (the mark lives on the bottom floor,
    # so bronnen and monitoring need not import from rapportage).
    "bronnen:begrippen",
    "monitoring:informatiepiramide",
    # The source documents themselves, as stored, with their data-quality notes (issue 24): source text only.
    "bronnen:bronnen",
}


def test_only_the_reviewed_views_are_open_to_readers_of_editions():
    open_ = {naam for naam, view in _patronen(get_resolver()) if getattr(view, "leest_alleen_edities", False)}
    assert open_ == VOOR_EDITIELEZERS


def test_every_other_view_is_closed_to_raad_griffie_and_the_public(client, demo):
    """Every URL pattern that is not reviewed and not a sign-in page: 403 for raad and griffie, login for others."""
    gesloten = [
        (naam, view)
        for naam, view in _patronen(get_resolver())
        if naam and naam not in VOOR_EDITIELEZERS | VRIJE_PAGINAS and not naam.startswith("admin:")
    ]
    assert len(gesloten) > 20
    grens = EditiegrensMiddleware(lambda request: None)
    for gebruiker in (demo["raad"], demo["griffie"], AnonymousUser()):
        for naam, view in gesloten:
            request = RequestFactory().get("/ergens/")
            request.user = gebruiker
            request.resolver_match = None
            if gebruiker.is_authenticated:
                with pytest.raises(PermissionDenied):
                    grens.process_view(request, view, (), {})
            else:
                antwoord = grens.process_view(request, view, (), {})
                assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("login")), naam
    # And the managers pass the same gate.
    request = RequestFactory().get("/ergens/")
    request.user = demo["manager"]
    assert all(grens.process_view(request, view, (), {}) is None for _, view in gesloten)


def test_the_admin_is_closed_to_raad_and_griffie_even_with_staff_status(client, demo):
    griffie = demo["griffie"]
    griffie.is_staff = True
    griffie.save()
    client.force_login(griffie)
    assert client.get(reverse("admin:index")).status_code == 403
    assert client.get(reverse("admin:monitoring_meting_changelist")).status_code == 403
