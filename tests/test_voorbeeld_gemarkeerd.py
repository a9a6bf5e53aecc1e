"""Nothing invented shown as fact (issue 24): every demo value is marked where it shows, as every role reads it.

The crawl follows the links of the application as each role, from its start page, on two databases:
- *demo*: the programme after `manage.py demo_laden`'s example history (ontwikkeling/voorbeeldgeschiedenis.py), in a
  transaction that is then rolled back;
- *echt*: the programme as the sources give it, with an edition published from it (no demo); the pages the demo
  crawl found are asked here too.

Whatever the demo page shows that the real page does not (a row, a list item, a paragraph, a heading, a cell of a
CSV or a sheet) came from invented content, and must carry the mark "(demo)" in that same block, or in the record
around it (a table row for its cells, a description list or article for its items). A block the real page shows too,
word for word (a figure from the Jaarstukken), needs no mark. Labels (column headings, captions, terms) and blocks
that are only a link are not values. A file with any new row says so in its name and first line.

Links are followed up to `PER_ROUTE` pages per URL name (the 25 activity pages are alike), and never into the admin,
logging out or the background job pages. A request that is not a 200 is skipped: the authorization matrix tests who
may open what (tests/test_autorisatiematrix.py).
"""

import csv
import io
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from accounts.models import User
from ontwikkeling.voorbeeldgeschiedenis import voorbeeldgeschiedenis_laden
from rapportage import services as rapportage_services
from rapportage.constants import PcMoment
from tests.autorisatiematrix_verwachting import ROLLEN

MARK = "(demo)"
PER_ROUTE = 2
OVERSLAAN = ("/admin/", "/uitloggen/", "/taken/", "/static/", "/media/")
# The blocks a value shows in. Column headings (`<th scope="col">`, read as "kolomkop"), a table's caption and a
# term (`<dt>`) are labels, not values: they are not checked.
BLOKKEN = {"tr", "li", "p", "dd", "h1", "h2", "h3", "h4", "figcaption", "summary", "th", "td"}
# Blocks that cover what is inside them: a table row for its cells, a description list or an article for its items
# (one record: its "Herkomst" item says it). A list item does not: each paragraph of it is read on its own.
OMVATTEND = {"tr", "summary", "dl", "article"}
LEEG = {"br", "img", "input", "meta", "link", "hr", "source", "col", "wbr"}


class _Blokken(HTMLParser):
    """The text of every block of a page, with whether an enclosing block carries the mark; and its links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stapel: list[list] = []  # [tag, texts]
        self.blokken: list[tuple[str, str, list[str]]] = []  # (tag, text, texts of enclosing covering blocks)
        self.links: list[str] = []
        self.linkteksten: set[str] = set()
        self._open: list[tuple[str, str, list[list[str]]]] = []
        self._verborgen = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in LEEG:
            return
        if tag in ("script", "style", "template"):
            self._verborgen += 1
        self.stapel.append(["kolomkop" if tag == "th" and attrs.get("scope") == "col" else tag, []])

    def handle_endtag(self, tag):
        if tag in LEEG:
            return
        while self.stapel:
            naam, teksten = self.stapel.pop()
            if naam in ("script", "style", "template"):
                self._verborgen -= 1
            tekst = " ".join(" ".join(teksten).split())
            if self.stapel:
                self.stapel[-1][1].append(tekst)
            if naam == "a":
                self.linkteksten.add(tekst)
            # A block that is only a link ("Naar al uw besluiten") is a way to another page, not a value.
            in_kop = any(n == "thead" for n, _ in self.stapel)
            if naam in BLOKKEN and tekst and tekst not in self.linkteksten and not in_kop:
                # The enclosing rows themselves, read when the page is done (a row's later cells count too).
                omvattend = [t for n, t in self.stapel if n in OMVATTEND]
                self._open.append((naam, tekst, omvattend))
            if naam == tag or (naam, tag) == ("kolomkop", "th"):
                break

    def close(self):
        super().close()
        self.blokken = [
            (naam, tekst, [" ".join(" ".join(t).split()) for t in omvattend])
            for naam, tekst, omvattend in self._open
        ]

    def handle_data(self, data):
        if self.stapel and not self._verborgen:
            self.stapel[-1][1].append(data)


def _route(pad: str) -> str | None:
    try:
        return resolve(pad).view_name
    except Resolver404:
        return None


def _inhoud(antwoord) -> tuple[str, list[str], list[str]]:
    """(kind, blocks, links) of a response: blocks are texts; for HTML they come with their covering blocks."""
    soort = antwoord.get("Content-Type", "")
    naam = antwoord.get("Content-Disposition", "")
    if soort.startswith("text/html"):
        parser = _Blokken()
        parser.feed(antwoord.content.decode())
        parser.close()
        return "html", parser.blokken, parser.links
    if soort.startswith("text/csv"):
        tekst = antwoord.content.decode("utf-8-sig")
        rijen = [";".join(r) for r in csv.reader(io.StringIO(tekst), delimiter=";")]
        return "csv", [("bestand", naam, [])] + [("rij", r, []) for r in rijen if r.strip(";")], []
    if "spreadsheetml" in soort:
        werkmap = load_workbook(io.BytesIO(antwoord.content), read_only=True)
        blokken = [("bestand", naam, [])]
        for blad in werkmap.worksheets:
            regels = [
                " | ".join("" if c is None else str(c) for c in rij)
                for rij in blad.iter_rows(values_only=True)
            ]
            # Trailing empty cells (a sheet with a wider table) say nothing; a header naming "Herkomst" is a label.
            regels = [r.rstrip(" |") for r in regels if r.strip(" |") and "| Herkomst" not in r]
            # A sheet's first lines say whether it holds invented rows; each such row says so itself.
            blokken.append(("blad", f"{blad.title}: {' '.join(regels[:2])}", []))
            blokken += [("rij", f"{blad.title}: {r}", []) for r in regels[2:]]
        return "xlsx", blokken, []
    return "anders", [], []


def _client(gebruiker) -> Client:
    client = Client()
    if gebruiker is not None:
        client.force_login(gebruiker)
    return client


def _lezen(client: Client, pad: str) -> tuple[str, list, list[str], str]:
    """(kind, blocks, links, redirect target) of one GET; kind "overgeslagen" for anything but a 200."""
    antwoord = client.get(pad)
    if antwoord.status_code in (301, 302, 303, 307, 308):
        doel = urlsplit(antwoord["Location"])
        verder = "" if doel.netloc else doel.path + (f"?{doel.query}" if doel.query else "")
        return "overgeslagen", [], [], verder
    if antwoord.status_code != 200:
        return "overgeslagen", [], [], ""
    soort, blokken, links = _inhoud(antwoord)
    return soort, blokken, links, ""


def _crawl(gebruiker, ook: list[str] = ()) -> dict[str, tuple[str, list]]:
    """Every page and file this user reaches by following links from "/" (at most PER_ROUTE per URL name), and
    the pages `ook` (what the other database showed)."""
    client = _client(gebruiker)
    gezien: dict[str, tuple[str, list]] = {}
    per_route: dict[str, int] = {}
    rij = deque(["/"])
    while rij:
        pad = rij.popleft()
        route = _route(pad)
        if route is None or pad in gezien or per_route.get(route, 0) >= PER_ROUTE:
            continue
        soort, blokken, links, verder = _lezen(client, pad)
        gezien[pad] = (soort, blokken)
        if verder:
            if not verder.startswith(OVERSLAAN):
                rij.append(verder)
            continue
        per_route[route] = per_route.get(route, 0) + 1
        for link in links:
            delen = urlsplit(urldefrag(link)[0])
            if delen.netloc or not delen.path.startswith("/") or delen.path.startswith(OVERSLAAN):
                continue
            doel = delen.path + (f"?{delen.query}" if delen.query else "")
            if doel not in gezien:
                rij.append(doel)
    for pad in ook:
        if pad not in gezien:
            soort, blokken, _links, _verder = _lezen(client, pad)
            gezien[pad] = (soort, blokken)
    return gezien


def _echte_editie(gebruikers) -> None:
    editie = rapportage_services.rapportage_aanmaken(
        door=gebruikers["manager"],
        pc_moment=PcMoment.VIERMAANDSRAPPORTAGE,
        jaar=2026,
        titel="Viermaandsrapportage 2026",
        peildatum=timezone.localdate(),
        toelichtingen={},
    )
    rapportage_services.vaststellen(rapportage=editie, door=gebruikers["college"])
    rapportage_services.publiceren(rapportage=editie, door=gebruikers["college"])


class _Terug(Exception):
    pass


def _ongemarkeerd(echt: dict, demo: dict) -> list[str]:
    """The demo's blocks that the real pages do not show and that carry no mark, as 'page: block'.

    A page is compared with the same page on the real database; a page of an object only the demo has (its
    trajectory, its contribution) with the other pages of that URL name, and with what every real page shows
    (menu, footer)."""
    per_route: dict[str, set[str]] = {}
    overal: set[str] | None = None
    for pad, (soort, blokken) in echt.items():
        if soort == "overgeslagen":
            continue
        teksten = {tekst for _tag, tekst, _ in blokken}
        per_route.setdefault(_route(pad) or pad, set()).update(teksten)
        if soort == "html":
            overal = teksten if overal is None else overal & teksten
    fouten = []
    for pad, (soort, blokken) in demo.items():
        if soort == "overgeslagen":
            continue
        eigen = {tekst for _tag, tekst, _ in echt.get(pad, ("", []))[1]}
        bekend = eigen or (per_route.get(_route(pad), set()) | (overal or set()))
        # A page of an object only the demo has (no real page of its kind to compare with) says so in its heading:
        # the heading then covers the page's fixed texts (a form's title and hints).
        if not eigen and _route(pad) not in per_route:
            koppen = [tekst for tag, tekst, _ in blokken if tag == "h1"]
            if koppen and MARK in koppen[0].lower():
                continue
        nieuw = [
            (tag, tekst)
            for tag, tekst, omvattend in blokken
            if tag not in ("bestand", "blad")
            and tekst not in bekend
            and MARK not in tekst.lower()
            and not any(MARK in o.lower() for o in omvattend)
        ]
        fouten += [f"{pad} <{tag}>: {tekst[:160]}" for tag, tekst in nieuw]
        if soort in ("csv", "xlsx") and any(t not in bekend for tag, t, _ in blokken if tag == "rij"):
            bestandsnaam = next((t for tag, t, _ in blokken if tag == "bestand"), "")
            if "demo" not in bestandsnaam.lower():
                fouten.append(
                    f"{pad}: de bestandsnaam zegt niet dat er demo-inhoud in staat ({bestandsnaam})"
                )
            if soort == "csv" and MARK not in next((t for tag, t, _ in blokken if tag == "rij"), "").lower():
                fouten.append(f"{pad}: de eerste regel zegt niet dat er demo-inhoud in staat")
        for blad in (t for tag, t, _ in blokken if tag == "blad"):
            naam = blad.split(":")[0]
            rijen = [t for tag, t, _ in blokken if tag == "rij" and t.startswith(f"{naam}:")]
            if any(r not in bekend for r in rijen) and MARK not in blad.lower():
                fouten.append(f"{pad}: tabblad {naam} zegt bovenaan niet dat er demo-inhoud in staat")
    return fouten


@pytest.mark.parametrize("rol", [r for r in ROLLEN if r != "trekker2"])
def test_every_demo_value_a_role_reads_is_marked(programma, rol, monkeypatch):
    # The edition's PDF is not read here (it is labelled on every page, tests/rapportage/test_demo_productie.py).
    monkeypatch.setattr("rapportage.export_pdf.pdf_maken", lambda rapportage: b"%PDF-1.7 test")
    gebruikers = {u.username: u for u in User.objects.all()}
    gebruiker = None if rol == "anoniem" else gebruikers[rol]
    demo: dict = {}
    try:
        with transaction.atomic():
            verslag = voorbeeldgeschiedenis_laden()
            assert not verslag.overgeslagen, verslag.overgeslagen
            demo = _crawl(gebruiker)
            raise _Terug
    except _Terug:
        pass
    # The real database: the programme and an edition published from it; the demo's pages are asked here too.
    _echte_editie(gebruikers)
    echt = _crawl(gebruiker, ook=list(demo))
    bezocht = [p for p, (s, _) in demo.items() if s != "overgeslagen"]
    assert len(bezocht) >= 3, f"{rol} bereikte bijna niets: {bezocht}"
    fouten = _ongemarkeerd(echt, demo)
    assert fouten == [], f"{len(fouten)} ongemarkeerde demo-waarden voor {rol}:\n" + "\n".join(fouten[:400])
