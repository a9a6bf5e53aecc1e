"""
The begrippenlijst (issue 24): the Scenario document's "Afkortingen en begrippenlijst" as data, as printed.

Expected terms and explanations are read from the seed text itself (../shared/seeds), never from fixtures/: the
parse below finds the headings on its own (a short line without closing punctuation that follows an explanation)
and the tests compare every loaded term and explanation with it, character for character. Then the page, as every
role and without an account, and the `{% begrip %}` tag that links a term where a page uses it.
"""

import html
import re
from pathlib import Path

from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from bronnen.constants import Begripsoort
from bronnen.laden import Verslag, laad_begrippen
from bronnen.models import Begrip, Brondocument, Datakwaliteitsnotitie
from bronnen.selectors import begrippen_opzoeken
from tests.seeds import SCENARIOS, regels, tekst

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _is_kop(blok: str, volgende: str | None) -> bool:
    """A heading of the list: one short line that does not end a sentence. A line ending in a colon that opens
    the list below it ("Voorbeelden … zijn:") is text, not a heading."""
    if "\n" in blok or len(blok.split()) > 6 or blok.startswith("- ") or blok[-1] in ".!;,":
        return False
    return not (blok.endswith(":") and volgende is not None and volgende.startswith("- "))


def _uit_de_bron() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(term, explanation) of the abbreviations and of the terms, in the seed's order; an explanation's paragraphs
    apart by an empty line, a list's lines kept."""
    alle = [r.rstrip() for r in regels(SCENARIOS)]
    begin = alle.index("Afkortingen en begrippenlijst")
    afkortingen_kop = alle.index("Afkortingen", begin)
    eerste = alle.index("Begrippen", afkortingen_kop)
    afkortingen = [tuple(r.split(" ", 1)) for r in alle[afkortingen_kop + 1 : eerste] if r.strip()]
    # The heading "Begrippen" is printed twice (a note says so); the terms start after the second.
    tweede = alle.index("Begrippen", eerste + 1)
    assert not any(alle[eerste + 1 : tweede])
    blokken = [b.strip("\n") for b in re.split(r"\n\s*\n", "\n".join(alle[tweede + 1 :])) if b.strip()]
    begrippen: list[tuple[str, list[str]]] = []
    for i, blok in enumerate(blokken):
        volgende = blokken[i + 1] if i + 1 < len(blokken) else None
        if (not begrippen or begrippen[-1][1]) and _is_kop(blok, volgende):
            begrippen.append((blok, []))
        else:
            begrippen[-1][1].append(blok)
    return afkortingen, [(term, "\n\n".join(uitleg)) for term, uitleg in begrippen]


def test_every_abbreviation_and_term_and_its_explanation_equal_the_source(programma):
    afkortingen, begrippen = _uit_de_bron()
    assert len(afkortingen) == 11 and len(begrippen) == 33
    assert (afkortingen[0][0], afkortingen[-1][0]) == ("BSO+", "VTT")
    assert (begrippen[0][0], begrippen[-1][0]) == ("Ambulante begeleiding", "Wijkhuizen")

    opgeslagen = list(Begrip.objects.order_by("volgorde"))
    assert [(b.term, b.uitleg) for b in opgeslagen if b.soort == Begripsoort.AFKORTING] == afkortingen
    assert [(b.term, b.uitleg) for b in opgeslagen if b.soort == Begripsoort.BEGRIP] == begrippen
    # The source's order: the abbreviations first, then the terms, each as printed (not re-sorted).
    assert [b.term for b in opgeslagen] == [t for t, _ in afkortingen + begrippen]
    # Kept as printed, not corrected (each with a note, below).
    terms = {b.term for b in opgeslagen}
    assert {"Powerfull aging", "Basis voorziening", "Basis zorg", "Magic-Mix:"} <= terms
    maatwerk = Begrip.objects.get(term="Maatwerk / maatwerkvoorziening")
    assert "\n- vervoersvoorziening;\n- individuele begeleiding;\n" in maatwerk.uitleg


def test_every_entry_cites_the_glossary_of_the_scenario_document(programma):
    document = Brondocument.objects.get(code="003")
    assert Path(document.bestand).name == SCENARIOS
    for begrip in Begrip.objects.all():
        deel = "Afkortingen" if begrip.soort == Begripsoort.AFKORTING else "Begrippen"
        assert begrip.bron == f"{document.korte_naam}, Afkortingen en begrippenlijst, {deel}", begrip.term


# What the source gets wrong or leaves ambiguous in its glossary, read by hand; each must carry a note that quotes
# the source (subject: the entry's anchor, or the document for the list as a whole) → a piece of its citation.
VERWACHTE_NOTITIES = {
    "sociale-basis": "zodat Utrechters gewoon mee kunnen doen",
    "powerfull-aging": "Een training powerful ageing kan dan helpen.",
    "basis-zorg": "Suggestie om deze term niet te gebruiken!",
    "magic-mix": "Zie Samen & Anders",
    "swb": "in de maatschappij..",
    "basis-voorziening": "Basis voorziening",
    "ggz": "Geestelijke Gezondheid Zorg",
    "uwv": "arbeids markt-",
    "ob1": "Ondersteuningsbehoefte 1, (",
    "governance": "als 'het uitvoeren van beleid",
    "groepsgerichte-ondersteuning-groepsbegeleiding": "het ontlasten van mantelzorger",
    "doorbraakmethode": "goedkoper te maken.",
    "kickstart": "Deze aanpak is al effectief gebleken",
    "specialistische-zorg": "Zorg die naar doorverwijzing",
    "maatwerk-maatwerkvoorziening": "- Een hulpmiddel -",
    "fixed-budget": "een duidelijk afbakening",
    "super-sociaal": "zonder winst oogmerk",
    "generieke-zorg": "met het zelfde probleem",
}


def test_what_is_broken_in_the_glossary_stays_as_printed_with_a_note_quoting_it(programma):
    bron = " ".join(tekst(SCENARIOS).split())
    for sleutel, stuk in VERWACHTE_NOTITIES.items():
        begrip = Begrip.objects.get(sleutel=sleutel)
        assert begrip.datakwaliteit.filter(citaat__contains=stuk).exists(), sleutel
        assert " ".join(stuk.split()) in bron, sleutel
    # Every note on an entry quotes the source verbatim (apart from the "…" between two quoted pieces).
    for notitie in Datakwaliteitsnotitie.objects.filter(content_type__model="begrip"):
        for stuk in notitie.citaat.split(" … "):
            assert stuk in bron, (notitie.sleutel, stuk)
        assert notitie.bron.startswith(
            "Scenario's transformatie sociaal domein, Afkortingen en begrippenlijst"
        )
    # The doubled heading concerns the list, not one entry: on the document, citing the list.
    dubbel = Brondocument.objects.get(code="003").datakwaliteit.get(citaat__contains="Begrippen Begrippen")
    assert dubbel.citaat in bron
    # Two warnings: a text copied from another municipality, and an entry that is no definition at all.
    assert set(
        Datakwaliteitsnotitie.objects.filter(content_type__model="begrip", ernst="waarschuwing").values_list(
            "object_id", flat=True
        )
    ) == set(Begrip.objects.filter(sleutel__in=["sociale-basis", "basis-zorg"]).values_list("pk", flat=True))


def test_loading_the_glossary_again_changes_nothing(programma):
    verslag = Verslag()
    laad_begrippen(verslag)
    assert verslag.ongewijzigd
    assert Begrip.history.count() == Begrip.objects.count() == 44


# --- the page -------------------------------------------------------------------------------------------------


def _zichtbaar(inhoud: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inhoud)).split())


def _definitie(pagina: str, sleutel: str) -> str:
    """The HTML of one entry: from its <dt> to the next entry."""
    begin = pagina.index(f'<dt id="{sleutel}">')
    einde = pagina.find("<dt id=", begin + 1)
    return pagina[begin : einde if einde > 0 else len(pagina)]


@pytest.mark.parametrize(
    "rol", [None, "trekker", "opdrachtgever", "manager", "college", "raad", "griffie", "beheerder"]
)
def test_every_role_and_an_inwoner_without_account_read_the_glossary_with_its_notes(programma, demo, rol):
    client = Client()
    if rol:
        client.force_login(demo[rol])
    antwoord = client.get(reverse("bronnen:begrippen"))
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    assert '<h1 class="utrecht-heading-1">Begrippenlijst</h1>' in pagina
    afkortingen, begrippen = _uit_de_bron()
    for begrip in Begrip.objects.prefetch_related("datakwaliteit"):
        deel = _definitie(pagina, begrip.sleutel)
        assert f'<dt id="{begrip.sleutel}"><dfn>{html.escape(begrip.term)}</dfn></dt>' in deel
        zichtbaar = _zichtbaar(deel)
        # The explanation as the source prints it (a list's items as list items), and where it comes from.
        for blok in begrip.uitleg.split("\n\n"):
            for regel in blok.split("\n"):
                assert " ".join(regel.removeprefix("- ").split()) in zichtbaar, (begrip.term, regel)
        assert f"Bron: {begrip.bron}" in zichtbaar
        # Its notes beside it: what, the quote and why.
        for notitie in begrip.datakwaliteit.all():
            for deel_van_notitie in (notitie.betreft, notitie.citaat, notitie.toelichting):
                assert " ".join(deel_van_notitie.split()) in zichtbaar, (begrip.term, notitie.sleutel)
    assert '<li class="utrecht-unordered-list__item">respijtzorg;</li>' in _definitie(
        pagina, "maatwerk-maatwerkvoorziening"
    )
    # The note on the list as a whole, and both parts as sections.
    assert "Begrippen Begrippen" in _zichtbaar(pagina)
    assert '<h2 class="utrecht-heading-2" id="afkortingen">Afkortingen</h2>' in pagina
    assert '<h2 class="utrecht-heading-2" id="begrippen">Begrippen</h2>' in pagina
    assert len(afkortingen) + len(begrippen) == pagina.count("<dfn>")


def test_the_page_needs_the_same_queries_however_many_entries_and_notes(programma, client):
    adres = reverse("bronnen:begrippen")
    client.get(adres)  # warm the per-process caches (content types)
    with CaptureQueriesContext(connection) as voor:
        client.get(adres)
    for nummer in range(20):
        extra = Begrip.objects.create(
            sleutel=f"proef-{nummer}",
            term=f"Proef {nummer}",
            soort="begrip",
            uitleg="Proef.",
            volgorde=100 + nummer,
        )
        Datakwaliteitsnotitie.objects.create(
            onderwerp=extra,
            sleutel=f"proef-notitie-{nummer}",
            betreft="proef",
            citaat="Proef.",
            bron="Scenario's transformatie sociaal domein, Afkortingen en begrippenlijst",
            toelichting="Proef.",
            ernst="informatie",
        )
    with CaptureQueriesContext(connection) as na:
        pagina = client.get(adres).content.decode()
    assert '<dt id="proef-19"><dfn>Proef 19</dfn></dt>' in pagina
    assert len(na) == len(voor) <= 8


# --- the tag --------------------------------------------------------------------------------------------------


def test_the_tag_links_a_term_to_its_entry_and_reads_the_glossary_once(programma, django_assert_num_queries):
    sjabloon = Template(
        '{% load begrippen %}{% begrip "Sociale basis" "de sociale basis" %}|{% begrip "GGZ" %}|'
        '{% begrip "maatwerk" %}|{% begrip "magic-mix" %}|{% begrip naam %}'
    )
    with django_assert_num_queries(1):
        uitkomst = sjabloon.render(Context({"naam": "Geen begrip <b>"}))
    sociaal, ggz, maatwerk, magic, onbekend = uitkomst.split("|")
    assert sociaal == '<a class="app-begrip" href="/begrippen/#sociale-basis">de sociale basis</a>'
    assert ggz == (
        '<a class="app-begrip" href="/begrippen/#ggz"><abbr title="Geestelijke Gezondheid Zorg">GGZ</abbr></a>'
    )
    assert maatwerk == '<a class="app-begrip" href="/begrippen/#maatwerk-maatwerkvoorziening">maatwerk</a>'
    assert magic == '<a class="app-begrip" href="/begrippen/#magic-mix">magic-mix</a>'
    # A name the list does not hold: the words alone (escaped, coming from a variable), no error.
    assert onbekend == "Geen begrip &lt;b&gt;"


def test_every_use_of_the_tag_in_the_templates_names_an_entry_of_the_source(programma):
    opzoeken = begrippen_opzoeken()
    gebruik = {
        (pad.relative_to(TEMPLATES).as_posix(), naam)
        for pad in TEMPLATES.rglob("*.html")
        for naam in re.findall(r'{%\s*begrip\s+"([^"]+)"', pad.read_text(encoding="utf-8"))
    }
    assert len(gebruik) >= 3
    assert [(pad, naam) for pad, naam in sorted(gebruik) if naam.lower() not in opzoeken] == []


def test_pages_link_the_terms_they_use_to_the_glossary(programma, demo, client):
    client.force_login(demo["college"])
    pagina = client.get(reverse("monitoring:transformatiepiramide")).content.decode()
    assert '<a class="app-begrip" href="/begrippen/#maatwerk-maatwerkvoorziening">maatwerk</a>' in pagina
    assert '<a class="app-begrip" href="/begrippen/#sociale-basis">sociale basis</a>' in pagina
    lijst = client.get(reverse("bronnen:begrippen")).content.decode()
    assert '<dt id="maatwerk-maatwerkvoorziening">' in lijst and '<dt id="sociale-basis">' in lijst
    # Every page's footer leads to the glossary and to the informatiepiramide, also without an account.
    anoniem = Client().get(reverse("rapportage:inwoners")).content.decode()
    assert f'href="{reverse("bronnen:begrippen")}"' in anoniem
    assert f'href="{reverse("monitoring:informatiepiramide")}"' in anoniem
