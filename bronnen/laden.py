"""
The shared machinery of the loaders that fill the database from `fixtures/` (each app's loader:
actielijnen/programma_laden.py, monitoring/laden.py, participatie/laden.py; composed by
rapportage/programma_laden.py): reading a fixture file, an idempotent upsert, the load report, and data-quality
notes (on one subject or several). bronnen also loads its own fixtures here: the source documents as data, and the
glossary one of them prints (the Scenario document's "Afkortingen en begrippenlijst").

Idempotent: every record is found by its natural key and saved only when a field the sources own differs, so a
second run changes nothing and writes no history.
"""

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

import yaml

from bronnen.constants import Begripsoort
from bronnen.models import Begrip, Brondocument, Datakwaliteitsnotitie

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

# bronnen's own fixtures: the source documents and the glossary; their data-quality notes concern those
# (composer: programma_laden).
BRONDOCUMENTEN = "bronnen/brondocumenten.yaml"
BEGRIPPEN = "bronnen/begrippen.yaml"
DATAKWALITEIT = (BRONDOCUMENTEN, BEGRIPPEN)
OPZOEKEN = {
    "brondocument": lambda code: Brondocument.objects.get(code=code),
    "begrip": lambda sleutel: Begrip.objects.get(sleutel=sleutel),
}
# The glossary's two parts: the fixture's list, its soort, and the heading the citation adds.
_BEGRIPPENLIJST_DELEN = (
    ("afkortingen", Begripsoort.AFKORTING, "Afkortingen"),
    ("begrippen", Begripsoort.BEGRIP, "Begrippen"),
)


@dataclass
class Verslag:
    """What a load did, per model: created and updated records."""

    aangemaakt: dict[str, int] = field(default_factory=dict)
    bijgewerkt: dict[str, int] = field(default_factory=dict)

    def tel(self, model, soort: str) -> None:
        teller = self.aangemaakt if soort == "aangemaakt" else self.bijgewerkt
        naam = str(model._meta.verbose_name_plural)
        teller[naam] = teller.get(naam, 0) + 1

    @property
    def ongewijzigd(self) -> bool:
        return not self.aangemaakt and not self.bijgewerkt


# libyaml's C parser where installed (PyYAML's wheels carry it): the same safe loader, about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=64)
def _gelezen(pad: str, gewijzigd: float):
    with open(FIXTURES / pad, encoding="utf-8") as bestand:
        return yaml.load(bestand, Loader=_LOADER)  # noqa: S506 (a safe loader)


def lees_fixture(pad: str) -> dict:
    """One YAML file under fixtures/, e.g. 'programma/actielijnen.yaml'.

    Parsed once per process while the file is unchanged (the programme loads at every deploy, and the test suite
    loads it hundreds of times); each caller gets its own copy, so changing it changes no one else's.
    """
    return copy.deepcopy(_gelezen(pad, (FIXTURES / pad).stat().st_mtime))


def upsert(verslag: Verslag, model, sleutel: dict, waarden: dict, bij_aanmaken: dict | None = None):
    """Create or update one record by natural key; save only when a source-owned field differs.

    `bij_aanmaken` holds fields users own afterwards (status, people): set on creation, never overwritten.
    """
    obj = model.objects.filter(**sleutel).first()
    if obj is None:
        obj = model.objects.create(**sleutel, **waarden, **(bij_aanmaken or {}))
        verslag.tel(model, "aangemaakt")
        return obj
    gewijzigd = [naam for naam, waarde in waarden.items() if getattr(obj, naam) != waarde]
    if gewijzigd:
        for naam in gewijzigd:
            setattr(obj, naam, waarden[naam])
        obj.save()
        verslag.tel(model, "bijgewerkt")
    return obj


def laad_bronnen(verslag: Verslag) -> None:
    """Load the source documents (code, names, dates, zaaknummer, decision date) from their fixture."""
    for document in lees_fixture(BRONDOCUMENTEN)["brondocumenten"]:
        upsert(
            verslag,
            Brondocument,
            {"code": document["code"]},
            {
                "korte_naam": document["korte_naam"],
                "titel": document["titel"],
                "datum": _datum(document.get("datum")),
                "datum_toelichting": document.get("datum_toelichting", ""),
                "briefdatum": _datum(document.get("briefdatum")),
                "zaaknummer": str(document.get("zaaknummer") or ""),
                "besluitdatum": _datum(document.get("besluitdatum")),
                "besluit": " ".join((document.get("besluit") or "").split()),
                "bestand": document["bestand"],
            },
        )
    laad_begrippen(verslag)


def laad_begrippen(verslag: Verslag) -> None:
    """Load the glossary (abbreviations, then terms) in the source's order, keyed by the anchor made from the term.

    The explanation is kept as printed: only the white space at the end of a line goes (YAML keeps none either);
    paragraphs and the lines of a list stay, so the page can show them as the source does.
    """
    data = lees_fixture(BEGRIPPEN)
    volgorde = 0
    for deel, soort, kop in _BEGRIPPENLIJST_DELEN:
        for begrip in data[deel]:
            volgorde += 1
            upsert(
                verslag,
                Begrip,
                {"sleutel": begrip_sleutel(begrip["term"])},
                {
                    "term": begrip["term"],
                    "soort": soort,
                    "uitleg": "\n".join(regel.rstrip() for regel in begrip["uitleg"].strip().split("\n")),
                    "volgorde": volgorde,
                    "bron": f"{data['bron']}, {kop}",
                },
            )


def begrip_sleutel(term: str) -> str:
    """The anchor of a term on the begrippenlijst: "Sociale basis" → "sociale-basis", "GI's" → "gis"."""
    return slugify(term)


def _datum(waarde) -> date | None:
    # YAML reads an unquoted 2022-12-14 as a date already; a quoted one arrives as text.
    if waarde is None or isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde))


def datakwaliteit_laden(verslag: Verslag, notities: list[dict], opzoeken: dict[str, Callable]) -> None:
    """Load data-quality notes; `opzoeken` maps an `onderwerp` kind ('indicator', …) to a lookup by its key.

    A note names one `onderwerp` ({indicator: "6.2.6.1"}) or several `onderwerpen` (a list of those). A note that
    concerns several tables hangs on each of them: one note per subject, with the same citation, and a key of
    its own per subject, so loading stays idempotent. The first subject keeps the plain key (a note that grows from
    one subject to several is updated, not duplicated); the others get "<sleutel>--indicator-6-2-6-2".
    """
    for notitie in notities:
        onderwerpen = notitie.get("onderwerpen") or [notitie["onderwerp"]]
        for volgnummer, onderwerp_sleutel in enumerate(onderwerpen):
            ((soort, sleutel),) = onderwerp_sleutel.items()
            onderwerp = opzoeken[soort](sleutel)
            eigen_sleutel = notitie["sleutel"]
            if volgnummer:
                eigen_sleutel = f"{eigen_sleutel}--{soort}-{slugify(str(sleutel).replace('.', '-'))}"
            upsert(
                verslag,
                Datakwaliteitsnotitie,
                {"sleutel": eigen_sleutel},
                {
                    "content_type": ContentType.objects.get_for_model(onderwerp),
                    "object_id": onderwerp.pk,
                    "betreft": notitie["betreft"],
                    "citaat": " ".join(notitie["citaat"].split()),
                    "bron": notitie["bron"],
                    "toelichting": " ".join(notitie["toelichting"].split()),
                    "ernst": notitie["ernst"],
                },
            )
