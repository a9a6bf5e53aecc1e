"""The public page at language level B1 (issue 15), measured on the rendered page with a Dutch readability formula.

The measure: Flesch-Douma reading ease (textstat with set_lang("nl"): 206,835 − 0,93 × words per sentence
− 77 × syllables per word, syllables by pyphen's Dutch dictionary) of at least 70 ("makkelijk"; 60 is often
named as the B1 floor, but the plan's own text of actielijn 4 reaches 60,4), and at most 12 words per sentence
on average, per section of the page. Each list item, heading and paragraph counts as a sentence of
its own when it does not end in a full stop: that is how a reader meets it.
"""

from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from django.urls import reverse

import pytest
import textstat
import yaml

from actielijnen.models import Actielijn
from monitoring.models import Meting
from rapportage import inwonerstekst

pytestmark = pytest.mark.usefixtures("pdf_als_stempel")

MIN_LEESGEMAK = 70  # Flesch-Douma: 70–80 is "makkelijk"; B1 asks at least 60
MAX_ZINSLENGTE = 12  # words per sentence on average; B1 guidance: at most 15
# The page's introduction before issue 15.
OUDE_INLEIDING = (
    "De gemeente Hengelo verandert de manier waarop zij inwoners helpt en ondersteunt. Dat staat in het "
    "uitvoeringsplan Transformatie Sociaal Domein. Op deze pagina leest u wat de gemeente wil bereiken, wat zij "
    "daarvoor doet en hoe ver zij is."
)
SECTIES = ("doel", "actielijnen", "cijfers", "inbreng", "reageren")
BLOKKEN = {"p", "li", "h1", "h2", "h3", "summary", "td", "th", "caption"}


class _Secties(HTMLParser):
    """The visible text of each `<section data-leesbaarheid="…">`, as a list of blocks (paragraphs, items …)."""

    def __init__(self):
        super().__init__()
        self.secties: dict[str, list[str]] = {}
        self._sectie = None
        self._diepte = 0
        self._blok: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-leesbaarheid" in attrs:
            self._sectie, self._diepte = attrs["data-leesbaarheid"], 1
            self.secties[self._sectie] = []
        elif tag == "section" and self._sectie:
            self._diepte += 1
        if tag in BLOKKEN:
            self._afsluiten()

    def handle_endtag(self, tag):
        if tag in BLOKKEN:
            self._afsluiten()
        if tag == "section" and self._sectie:
            self._diepte -= 1
            if self._diepte == 0:
                self._afsluiten()
                self._sectie = None

    def handle_data(self, data):
        if self._sectie:
            self._blok.append(data)

    def _afsluiten(self):
        tekst = " ".join("".join(self._blok).split())
        self._blok = []
        if self._sectie and tekst:
            self.secties[self._sectie].append(tekst)


def secties(html: str) -> dict[str, str]:
    lezer = _Secties()
    lezer.feed(html)
    return {
        naam: " ".join(b if b[-1] in ".?!:" else b + "." for b in blokken)
        for naam, blokken in lezer.secties.items()
    }


def leesbaarheid(tekst: str) -> tuple[float, float]:
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(tekst), textstat.words_per_sentence(tekst)


@pytest.fixture
def gepubliceerd(maak_editie):
    return maak_editie(peildatum=date(2024, 4, 30), publiceren=True)


def test_de_maat_is_die_van_douma_en_keurt_de_brontekst_af():
    """The measure can fail: the plan's own text of the actielijnen (what the page showed before) and the old
    introduction of the page do not pass."""
    textstat.set_lang("nl")
    zin = "De gemeente helpt u in de wijk."
    woorden, lettergrepen = 7, 9  # de ge-meen-te helpt u in de wijk: pyphen's Dutch syllables
    assert textstat.flesch_reading_ease(zin) == pytest.approx(
        206.835 - 0.93 * woorden - 77 * lettergrepen / woorden
    )
    bron = yaml.safe_load((Path(__file__).parents[2] / "fixtures/programma/actielijnen.yaml").read_text())
    oude_teksten = [a["beschrijving"] for a in bron["actielijnen"]] + [OUDE_INLEIDING]
    assert len(oude_teksten) == 5
    for tekst in oude_teksten:
        leesgemak, zinslengte = leesbaarheid(tekst)
        assert leesgemak < MIN_LEESGEMAK or zinslengte > MAX_ZINSLENGTE, tekst


@pytest.mark.parametrize("met_editie", [True, False])
def test_elke_sectie_is_b1(client, programma, maak_editie, met_editie):
    if met_editie:
        maak_editie(peildatum=date(2024, 4, 30), publiceren=True)
    html = client.get(reverse("rapportage:inwoners")).content.decode()
    gemeten = secties(html)
    assert set(gemeten) == set(SECTIES)
    for naam, tekst in gemeten.items():
        leesgemak, zinslengte = leesbaarheid(tekst)
        assert leesgemak >= MIN_LEESGEMAK, (naam, round(leesgemak, 1), tekst)
        assert zinslengte <= MAX_ZINSLENGTE, (naam, round(zinslengte, 1), tekst)


def hoofdinhoud(html: str) -> str:
    """The page's own content, without the site header and navigation (the product's name is not the text)."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_geen_technische_achtervoegsels_of_jargon(client, gepubliceerd):
    html = hoofdinhoud(client.get(reverse("rapportage:inwoners")).content.decode())
    for woord in ("(%)", "(aantal)", "RAG", "transformatie", "Transformatie", "informatiepiramide", "Wmo)"):
        assert woord not in html, woord
    # "Wmo" is explained where it appears.
    assert "Wmo" in html and inwonerstekst.WMO_UITLEG in html


def test_elke_actielijn_heeft_een_tekst_voor_inwoners(client, gepubliceerd):
    assert set(Actielijn.objects.values_list("nummer", flat=True)) == set(inwonerstekst.ACTIELIJNEN)
    html = client.get(reverse("rapportage:inwoners")).content.decode()
    for nummer, lijn in inwonerstekst.ACTIELIJNEN.items():
        assert f"{nummer}. {lijn['titel']}" in html
        for alinea in lijn["alineas"]:
            assert alinea in html
        assert "§2.1" in lijn["bron"]


def test_voortgang_per_actielijn_uit_de_editie(client, gepubliceerd):
    html = client.get(reverse("rapportage:inwoners")).content.decode()
    for lijn in gepubliceerd.inhoud["voortgang"]["actielijnen"]:
        assert f"Dit deel heeft {lijn['aantal']} ta" in html
    assert "zijn er 1 " not in html and " 1 taken" not in html


def test_cijfers_komen_uit_de_gepubliceerde_editie_met_clientervaring(client, gepubliceerd):
    antwoord = client.get(reverse("rapportage:inwoners"))
    html = antwoord.content.decode()
    assert "Wat vinden inwoners van de hulp?" in html
    # Cliëntervaring (goal 6.2.6) from the edition: the newest year (2023) of each of the three series.
    clientervaring = [
        i for i in gepubliceerd.inhoud["indicatoren"] if i["clientervaring"] and i["realisaties"]
    ]
    assert len(clientervaring) == 3
    # The plan's report marks on the same subject (§6.2.6): their own line, the baseline as printed, never a %.
    assert f"{inwonerstekst.CIJFERS['6.2.6.1-cijfer']}: <strong>6,5</strong> in 2018." in html
    for indicator in clientervaring:
        nieuwste = max(indicator["realisaties"], key=lambda m: m["periode"])
        waarde = f"{Decimal(nieuwste['waarde']):.0f}%"
        regel = (
            f"{inwonerstekst.CIJFERS[indicator['code']]}: <strong>{waarde}</strong> in {nieuwste['periode']}."
        )
        assert regel in html

    # A live change after publishing does not reach the public page.
    meting = Meting.objects.get(
        indicator__code="6.2.6.2", soort="realisatie", periode="2023", wijk=None, gebied=None
    )
    meting.waarde = Decimal("12")
    meting.save()
    assert "<strong>90%</strong> in 2023." in client.get(reverse("rapportage:inwoners")).content.decode()
    assert "<strong>12%</strong>" not in client.get(reverse("rapportage:inwoners")).content.decode()


def test_nieuwste_cijfer_is_de_recentste_periode(client, gepubliceerd):
    """Mantelzorg: realisation 45,5% (2021), baseline 47,3% (2022): the page shows 2022, not the 2021 figure."""
    html = client.get(reverse("rapportage:inwoners")).content.decode()
    assert f"{inwonerstekst.CIJFERS['6.1.1.1']}: <strong>47,3%</strong> in 2022." in html


def test_zonder_editie_geen_cijfers(client, programma):
    html = client.get(reverse("rapportage:inwoners")).content.decode()
    assert "Er zijn nog geen cijfers." in html
    assert "<strong>" not in html.split('id="cijfers-kop"')[1].split("</section>")[0]
