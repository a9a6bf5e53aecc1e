"""
What pages read from bronnen: the data-quality notes of the objects a page shows.

A note hangs on any object through a generic relation (`Datakwaliteitsnotitie.onderwerp`); not every model that
carries notes declares a `GenericRelation` (actielijnen's do not), so pages fetch them here: one query for all the
objects of a page, whatever their models, never one per row. The page shows them with
`templates/bronnen/partials/notities.html`; a row's notes are found with the filter `van`
(`{% load datakwaliteit %}{{ notities|van:risico }}`).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q

from bronnen.constants import Begripsoort
from bronnen.models import Begrip, Brondocument, Datakwaliteitsnotitie


class Notities(dict):
    """The notes of a page's objects: object → its notes (bronnen's order); `alle` is every note once.

    No `__missing__`: a template reads `notities.alle` as a key first, and must fall through to the attribute.
    """

    @property
    def alle(self) -> list[Datakwaliteitsnotitie]:
        per_pk: dict[int, Datakwaliteitsnotitie] = {}
        for lijst in self.values():
            for notitie in lijst:
                per_pk.setdefault(notitie.pk, notitie)
        return list(per_pk.values())


def notities_van(objecten: Iterable[Model | None]) -> Notities:
    """The data-quality notes on these objects, in one query (none when there are no objects).

    Each note keeps its subject (`notitie.onderwerp` is the object passed in, without a query), so a list can say
    which row a note concerns.
    """
    per_sleutel: dict[tuple[int, int], Model] = {}
    for obj in objecten:
        if obj is not None and obj.pk is not None:
            type_id = ContentType.objects.get_for_model(obj).pk  # cached by Django after the first lookup
            per_sleutel.setdefault((type_id, obj.pk), obj)
    notities = Notities()
    if not per_sleutel:
        return notities
    filter_ = Q()
    for type_id in {t for t, _ in per_sleutel}:
        filter_ |= Q(content_type_id=type_id, object_id__in=[pk for t, pk in per_sleutel if t == type_id])
    for notitie in Datakwaliteitsnotitie.objects.filter(filter_):
        onderwerp = per_sleutel[notitie.content_type_id, notitie.object_id]
        notitie.onderwerp = onderwerp
        notities.setdefault(onderwerp, []).append(notitie)
    return notities


@dataclass(frozen=True)
class Verwijzing:
    """Where a term links to on the begrippenlijst: its anchor, and for an abbreviation its expansion."""

    sleutel: str
    afkorting: bool
    uitleg: str


def begrippen_opzoeken() -> dict[str, Verwijzing]:
    """Every name a page may use for an entry, in lower case: the term as printed, each part of a term with a slash
    ("maatwerk" for "Maatwerk / maatwerkvoorziening") and the anchor (one query; empty without the glossary).
    """
    opzoeken: dict[str, Verwijzing] = {}
    for sleutel, term, soort, uitleg in Begrip.objects.values_list("sleutel", "term", "soort", "uitleg"):
        verwijzing = Verwijzing(sleutel, soort == Begripsoort.AFKORTING, " ".join(uitleg.split()))
        namen = {term, *term.split("/"), sleutel}
        for naam in namen:
            opzoeken.setdefault(naam.strip().lower(), verwijzing)
    return opzoeken


# The glossary is printed at the end of the Scenario document (Brondocument 003), under this heading.
SCENARIOS = "003"
BEGRIPPENLIJST = "Afkortingen en begrippenlijst"


@dataclass
class Begrippenlijst:
    document: Brondocument | None
    afkortingen: list[Begrip]  # each with its notes prefetched (`datakwaliteit`)
    begrippen: list[Begrip]
    notities: list[Datakwaliteitsnotitie]  # notes on the list as a whole (on its document, citing the list)


def begrippenlijst() -> Begrippenlijst:
    """The glossary as printed, abbreviations then terms, each with its notes; and the notes on the list itself
    (4 queries, however long the list)."""
    alle = list(Begrip.objects.prefetch_related("datakwaliteit"))
    document = Brondocument.objects.filter(code=SCENARIOS).first()
    notities = list(document.datakwaliteit.filter(bron__contains=BEGRIPPENLIJST)) if document else []
    return Begrippenlijst(
        document=document,
        afkortingen=[b for b in alle if b.soort == Begripsoort.AFKORTING],
        begrippen=[b for b in alle if b.soort == Begripsoort.BEGRIP],
        notities=notities,
    )


def brondocumenten() -> list[Brondocument]:
    """The source documents in their order (000–004), each with its data-quality notes (two queries)."""
    return list(Brondocument.objects.prefetch_related("datakwaliteit"))
