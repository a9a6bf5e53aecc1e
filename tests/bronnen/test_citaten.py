"""
A note's quote is source text (issue 24): every `citaat` is read back from the seed of the document its `bron`
names (../shared/seeds, through `Brondocument.bestand`), with white space normalised. A summary belongs in the
`toelichting`, labelled "Samenvatting: …", never in the quote.

How a quote is written (docs/architectuur.md, bronnen):
- passages from different places are separated by " — ";
- a passage may name its document first, `Jaarstukken 2023: "…"` (the document's korte naam and nothing else),
  where the note's `bron` names more than one; the quotation marks around it are not part of the quote;
- within a passage " / " marks a line break (the next row or cell) and "…" text left out: its parts are found in
  that order, close together (within `NABIJ` characters), in one document the note's `bron` names.
"""

import re

import pytest

from bronnen.models import Brondocument, Datakwaliteitsnotitie
from tests.seeds import tekst

pytestmark = pytest.mark.django_db

# The parts of one passage lie within this many characters of the source (a table row, a paragraph).
NABIJ = 600


def _normaal(waarde: str) -> str:
    return " ".join(waarde.replace("’", "'").split())


def _genoemd(bron: str, documenten: dict[str, str]) -> list[str]:
    """The documents a `bron` names: each part after a ';' starts with a korte naam (the longest that fits)."""
    namen = sorted(documenten, key=len, reverse=True)
    genoemd = []
    for deel in bron.split(";"):
        naam = next((n for n in namen if deel.strip().startswith(n)), None)
        assert naam is not None, f"bron {bron!r} noemt geen brondocument"
        genoemd.append(naam)
    return genoemd


def _delen_gevonden(delen: list[str], bron: str) -> bool:
    """The parts occur in `bron` in this order, each within NABIJ characters of the end of the one before."""

    def vanaf(index: int, start: int, grens: int | None) -> bool:
        if index == len(delen):
            return True
        positie = bron.find(delen[index], start)
        while positie != -1 and (grens is None or positie <= grens):
            if vanaf(index + 1, positie + len(delen[index]), positie + len(delen[index]) + NABIJ):
                return True
            positie = bron.find(delen[index], positie + 1)
        return False

    return vanaf(0, 0, None)


def problemen_van(notitie: Datakwaliteitsnotitie, documenten: dict[str, str]) -> list[str]:
    genoemd = _genoemd(notitie.bron, documenten)
    problemen = []
    for passage in notitie.citaat.split(" — "):
        passage = _normaal(passage)
        kandidaten = genoemd
        label = re.match(r"^([^:\"]+): \"(.*)\"$", passage)
        if label and label[1] in documenten:
            if label[1] not in genoemd:
                problemen.append(f"{label[1]} staat niet in de bron {notitie.bron!r}")
            kandidaten, passage = [label[1]], label[2]
        delen = [d.strip() for d in re.split(r" / |…", passage) if d.strip()]
        if not delen or not any(_delen_gevonden(delen, documenten[naam]) for naam in kandidaten):
            problemen.append(f"niet letterlijk in {' of '.join(kandidaten)}: {passage!r}")
    return problemen


def test_every_note_quotes_its_source_verbatim(programma):
    documenten = {d.korte_naam: _normaal(tekst(d.bestand)) for d in Brondocument.objects.all()}
    notities = list(Datakwaliteitsnotitie.objects.order_by("sleutel"))
    assert len(notities) >= 54
    fouten = [f"{n.sleutel}: {p}" for n in notities for p in problemen_van(n, documenten)]
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize(
    ("citaat", "goed"),
    [
        ("c. Basisondersteuning si voordeliger voor aanbieders bij fixed budget dan maatwerk", True),
        ("c. Basisondersteuning is voordeliger voor aanbieders bij fixed budget dan maatwerk", False),
        # A passage's parts in the source's order and close together; not two cells from far apart.
        ("2021 2022 2023 / … (%) 65% 73% 77%", True),
        ("65% 73% 77% / 2021 2022 2023", False),
        ("Beleidsindicatoren 2021: 65% / 77% / 97%", False),
        ('Jaarstukken 2023: "Beleidsindicatoren 2021 2022 2023"', True),
        ('Uitvoeringsplan 2023: "Beleidsindicatoren 2021 2022 2023"', False),
    ],
)
def test_the_check_itself_refuses_a_paraphrase(programma, citaat, goed):
    documenten = {d.korte_naam: _normaal(tekst(d.bestand)) for d in Brondocument.objects.all()}
    bron = "Jaarstukken 2023, factsheet" if "si" not in citaat.split() and "is" not in citaat.split() else ""
    bron = bron or "Uitvoeringsplan 2023, §3"
    notitie = Datakwaliteitsnotitie(sleutel="proef", citaat=citaat, bron=bron)
    assert (problemen_van(notitie, documenten) == []) is goed
