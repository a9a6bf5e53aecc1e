"""Words (issue 15): no English "RAG" anywhere a user reads, counts with the right singular or plural, and
exports that show labels, never the stored codes of a choice ("effect_kwalitatief", "hoger").

The pages are every application URL of the authorization matrix (tests/test_autorisatiematrix.py: its objects
and its concrete URLs), asked as each role that sees something different; what counts is the text a user reads
or hears: the page text, the accessible names and titles, the chart data handed to plotly.
"""

import io
import re
from html.parser import HTMLParser

from django.test import Client
from django.urls import NoReverseMatch, reverse

import openpyxl
import pytest

from actielijnen.models import Voortgangsrapportage
from monitoring import export as monitoring_export
from monitoring.constants import (
    Eenheid,
    FitGap,
    IndicatorSoort,
    MetingSoort,
    MetingStatus,
    OutputOutcome,
    Richting,
)
from rapportage import export_csv, export_xlsx
from tests.test_autorisatiematrix import objecten, patronen, urls  # noqa: F401  (objecten is a fixture)

ROLLEN = ("anoniem", "trekker", "opdrachtgever", "manager", "college", "raad", "beheerder")

RAG = re.compile(r"\bRAG\b")
# "1 activiteiten", "zijn er 1 begonnen", "1 indicatoren missen", "1 dagen": a count of one with a plural.
MEERVOUD_NA_EEN = re.compile(
    r"(?<![\d.,])1 (activiteiten|indicatoren|mijlpalen|risico's|updates|fouten|rijen|metingen|wijzigingen|"
    r"dagen|taken|notities|moties|edities|besluiten|bestanden)\b|zijn er 1 |\b1 \w+ (zijn|hebben|missen|staan)\b"
)

# New pages of issue 15 whose arguments the matrix does not build (yet): built here from the same objects.
EXTRA_ARGUMENTEN = {
    "actielijnen:risico_detail": lambda o: {"pk": o["risico"].pk},
    "actielijnen:risico_beoordelen": lambda o: {"pk": o["risico"].pk},
    "monitoring:fitgap_bewerken": lambda o: {"code": o["indicator"].code},
    "monitoring:indicator_koppelingen": lambda o: {"code": o["indicator"].code},
    "actielijnen:besluit_nemen": lambda o: {
        "pk": Voortgangsrapportage.objects.order_by("-besluit_nodig", "-pk").values_list("pk", flat=True)[0]
    },
}


class _Tekst(HTMLParser):
    """What a user reads or hears: text, accessible names, titles, alt texts and chart data (json_script)."""

    ATTRIBUTEN = ("aria-label", "title", "alt", "placeholder", "aria-description")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self._in_code = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script" and ("type", "application/json") not in attrs:
            self._in_code += 1
        elif tag == "style":
            self._in_code += 1
        self.delen.extend(waarde for naam, waarde in attrs if naam in self.ATTRIBUTEN and waarde)
        if tag == "input" and ("type", "submit") in attrs:
            self.delen.extend(waarde for naam, waarde in attrs if naam == "value" and waarde)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._in_code:
            self._in_code -= 1

    def handle_data(self, data):
        if not self._in_code:
            self.delen.append(data)


def leesbare_tekst(html: str) -> str:
    lezer = _Tekst()
    lezer.feed(html)
    return re.sub(r"\s+", " ", " ".join(lezer.delen))


def _paginas(objecten) -> tuple[list[tuple[str, str]], list[str]]:  # noqa: F811
    """(key, url) of every application page (no admin) with its concrete URL, and the keys without one."""
    paginas, onbekend = [], []
    for sleutel, route in patronen():
        if route.startswith("admin/") or sleutel.startswith("admin:"):
            continue
        try:
            paginas.extend(urls(sleutel, route, objecten).items())
        except NoReverseMatch:
            if sleutel in EXTRA_ARGUMENTEN:
                paginas.append((sleutel, reverse(sleutel, kwargs=EXTRA_ARGUMENTEN[sleutel](objecten))))
            else:
                onbekend.append(sleutel)
    return paginas, onbekend


@pytest.mark.django_db
def test_every_page_gets_a_concrete_url(objecten):  # noqa: F811
    """A page this module cannot build an address for is a page nobody checks: name it."""
    assert not _paginas(objecten)[1], (
        "Geen adres voor deze pagina's; geef ze argumenten in tests/test_autorisatiematrix.py (urls) of "
        "EXTRA_ARGUMENTEN hier."
    )


def test_the_text_finder_sees_what_a_user_reads():
    """The checks below are only as good as this: text, names and chart data count; code and styles do not."""
    html = (
        '<p>Kolom <span aria-label="RAG">x</span></p><script src="a.js">var RAG;</script><style>.RAG{}</style>'
        '<script type="application/json">{"name": "1 activiteiten"}</script>'
    )
    tekst = leesbare_tekst(html)
    assert RAG.search(tekst) and MEERVOUD_NA_EEN.search(tekst)
    assert "var" not in tekst and ".RAG{" not in tekst
    assert not RAG.search(leesbare_tekst("<p>Stoplicht: DRAGEND, ragfijn</p>"))
    assert MEERVOUD_NA_EEN.search("daarvan zijn er 1 begonnen")
    assert not MEERVOUD_NA_EEN.search("21 activiteiten, 1 activiteit, 1.605 rijen")


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ROLLEN)
def test_no_page_says_rag_or_one_with_a_plural(objecten, rol):  # noqa: F811
    client = Client()
    if rol != "anoniem":
        client.force_login(objecten["gebruikers"][rol])
    gelezen, fout = 0, []
    for sleutel, url in _paginas(objecten)[0]:
        antwoord = client.get(url)
        if antwoord.status_code != 200 or "text/html" not in antwoord.get("Content-Type", ""):
            continue
        inhoud = b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content
        tekst = leesbare_tekst(inhoud.decode())
        gelezen += 1
        for patroon in (RAG, MEERVOUD_NA_EEN):
            if m := patroon.search(tekst):
                fout.append(f"{sleutel} ({url}): …{tekst[max(m.start() - 60, 0) : m.end() + 30]}…")
    assert gelezen >= (3 if rol == "anoniem" else 8), f"te weinig pagina's gelezen als {rol}: {gelezen}"
    assert not fout, "\n".join(fout)


# Stored codes a reader must never meet in an export cell: those whose label differs from the code itself.
RUWE_CODES = {
    waarde
    for keuzes in (Eenheid, Richting, IndicatorSoort, OutputOutcome, FitGap, MetingSoort, MetingStatus)
    for waarde, label in keuzes.choices
    if waarde != label
}


def _ruwe_cellen(rijen) -> list:
    return sorted({(str(c)) for rij in rijen for c in rij if isinstance(c, str) and c.strip() in RUWE_CODES})


@pytest.mark.django_db
def test_edition_csv_and_xlsx_show_labels_not_codes(objecten):  # noqa: F811
    editie = objecten["edities"]["gepubliceerd"]
    assert editie.inhoud["indicatoren"], "de editie moet indicatoren hebben om iets te bewijzen"
    for tabel in export_csv.TABELLEN:
        tekst = export_csv.csv_maken(editie, tabel).decode("utf-8-sig")
        rijen = [regel.split(";") for regel in tekst.splitlines()]
        assert not _ruwe_cellen(rijen), (tabel, _ruwe_cellen(rijen))
    indicatoren = export_csv.csv_maken(editie, "indicatoren").decode("utf-8-sig")
    assert ";Percentage;" in indicatoren or ";Aantal;" in indicatoren
    werkmap = openpyxl.load_workbook(io.BytesIO(export_xlsx.xlsx_maken(editie)))
    for blad in werkmap.worksheets:
        rijen = list(blad.iter_rows(values_only=True))
        assert not _ruwe_cellen(rijen), (blad.title, _ruwe_cellen(rijen))


@pytest.mark.django_db
def test_monitoring_exports_show_labels_not_codes(objecten):  # noqa: F811
    beheerder = objecten["gebruikers"]["beheerder"]
    for wat in ("metingen", "indicatoren"):
        rijen = [regel.split(";") for regel in monitoring_export.als_csv(beheerder, wat).splitlines()]
        assert len(rijen) > 1
        assert not _ruwe_cellen(rijen[1:]), (wat, _ruwe_cellen(rijen[1:]))
    indicatoren = monitoring_export.als_csv(beheerder, "indicatoren")
    assert "Hoger is beter" in indicatoren or "Lager is beter" in indicatoren
    werkmap = openpyxl.load_workbook(io.BytesIO(monitoring_export.als_xlsx(beheerder)))
    for blad in werkmap.worksheets:
        rijen = list(blad.iter_rows(values_only=True))[1:]
        assert not _ruwe_cellen(rijen), (blad.title, _ruwe_cellen(rijen))
