"""
Open data: every indicator series of a published edition, for anyone, as CSV and as JSON.

Read only from the edition's stored snapshot (`Rapportage.inhoud`), never from live metingen: what the raad got
is what anyone can download, and a later correction of a meting appears only in the next published edition.
Concept and set editions are never served (`gepubliceerde_editie` answers None, the view a 404).

One series is one indicator: its baselines (peilwaarde), realisations (realisatie) and targets (streefwaarde)
as the snapshot stores them, period by period. `reeks()` returns a plain dict that the JSON file is; the CSV
has the same rows. Both are machine-readable: periods as "2023", "2023-Q2" or "2023-05", figures with a decimal
point (CSV: RFC 4180, comma-separated, UTF-8 without BOM). Counts of people below the threshold
(KLEINE_AANTALLEN_DREMPEL) are withheld as on the public page: no figure, with a remark.
The shape is meant for the read-only API of the ROADMAP, which can serve `reeks()` as it is.
"""

import csv
import io
import json
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from kern.herkomst import BESTANDSDEEL, LABEL, bevat_voorbeeld
from kern.notatie import OngeldigePeriode, Periode
from monitoring.constants import Eenheid
from monitoring.export import veilig
from monitoring.weergave import drempel, verborgen
from rapportage.constants import OPENBAAR, RapportageStatus
from rapportage.inwonerstekst import zonder_eenheid
from rapportage.models import Rapportage

LICENTIE = "CC0 1.0"
LICENTIE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"
FORMATEN = ("csv", "json")
# The kinds of figures in a series, in the order a reader meets them, with their snapshot list.
SOORTEN = (("peilwaarde", "peilwaarden"), ("realisatie", "realisaties"), ("streefwaarde", "streefwaarden"))
CSV_KOPPEN = [
    "indicator",
    "naam",
    "eenheid",
    "soort",
    "periode",
    "jaar",
    "waarde",
    "opmerking",
    "bron",
    "editie",
    "peildatum",
]


def _klein_aantal() -> str:
    return f"kleiner dan {drempel()}: niet gepubliceerd (kleine aantallen)"


def gepubliceerde_editie(pk: int | None = None) -> Rapportage | None:
    """The edition open data reads: the given published (or replaced) one, or the newest published one."""
    edities = Rapportage.objects.filter(status__in=OPENBAAR)
    if pk is not None:
        return edities.filter(pk=pk).first()
    return (
        edities.filter(status=RapportageStatus.GEPUBLICEERD)
        .order_by("-peildatum", "-gepubliceerd_op", "-pk")
        .first()
    )


def _editie(rapportage: Rapportage) -> dict:
    return {
        "id": rapportage.pk,
        "titel": rapportage.titel,
        "peildatum": rapportage.peildatum.isoformat(),
        "gepubliceerd_op": rapportage.gepubliceerd_op.isoformat(timespec="seconds")
        if rapportage.gepubliceerd_op
        else None,
        "status": rapportage.get_status_display(),
        # An edition of the demo (kern/herkomst.py): its figures come from the sources, its progress and risks
        # are invented. A reader of the file is told, in the file's name and first line too.
        "voorbeeld": bevat_voorbeeld(rapportage.inhoud),
    }


def _getal(waarde: str) -> int | float:
    """A snapshot figure ('47.3000') as a JSON number: 47.3; a whole number stays whole (1605)."""
    getal = Decimal(waarde).normalize()
    return int(getal) if getal == getal.to_integral_value() else float(getal)


def _jaar(periode: str) -> int | None:
    try:
        return Periode.parse(periode).jaar
    except OngeldigePeriode:
        return None


def _waarden(indicator: dict) -> list[dict]:
    rijen = []
    for soort, lijst in SOORTEN:
        for meting in indicator.get(lijst) or ():
            if not meting or meting.get("waarde") in (None, ""):
                continue
            klein = verborgen(meting["waarde"], indicator["eenheid"], AnonymousUser())
            rijen.append(
                {
                    "soort": soort,
                    "periode": meting["periode"],
                    "jaar": _jaar(meting["periode"]),
                    "waarde": None if klein else _getal(meting["waarde"]),
                    "decimalen": meting.get("decimalen"),
                    "opmerking": _klein_aantal() if klein else "",
                    "bron": meting.get("bron") or "",
                }
            )
    return rijen


def reeksen(rapportage: Rapportage) -> list[dict]:
    """Every indicator series of a published edition, without its figures: for the list on the open-data page."""
    return [
        {
            "code": i["code"],
            "naam": zonder_eenheid(i["naam"]),
            "eenheid": Eenheid(i["eenheid"]).label if i["eenheid"] in Eenheid.values else i["eenheid"],
            "clientervaring": i.get("clientervaring", False),
            "aantal_waarden": len(_waarden(i)),
        }
        for i in rapportage.inhoud.get("indicatoren", [])
    ]


def reeks(rapportage: Rapportage, code: str) -> dict | None:
    """One indicator series of a published edition with its metadata, as the JSON file has it; None if absent."""
    indicator = next((i for i in rapportage.inhoud.get("indicatoren", []) if i["code"] == code), None)
    if indicator is None:
        return None
    return {
        "indicator": {
            "code": indicator["code"],
            "naam": zonder_eenheid(indicator["naam"]),
            "eenheid": indicator["eenheid"],
            "eenheid_label": Eenheid(indicator["eenheid"]).label
            if indicator["eenheid"] in Eenheid.values
            else indicator["eenheid"],
            "richting": indicator.get("richting_label", ""),
            "doel": {"code": indicator["doel_code"], "omschrijving": indicator["doel_omschrijving"]},
            "bron": indicator.get("bron", ""),
            "vindplaats": indicator.get("vindplaats", ""),
        },
        "editie": _editie(rapportage),
        "uitgever": rapportage.inhoud.get("gemeente", "Gemeente Hengelo"),
        "licentie": LICENTIE,
        "licentie_url": LICENTIE_URL,
        "waarden": _waarden(indicator),
    }


VOORBEELDEDITIE = (
    f"{LABEL}: deze cijfers staan in een rapportage van de demonstratie; de cijfers komen uit de bronnen, de "
    "voortgang en risico's van die rapportage zijn verzonnen."
)


def bestandsnaam(gegevens: dict, code: str, formaat: str) -> str:
    """The file's name; an edition of the demo says so in it."""
    demo = f"-{BESTANDSDEEL}" if gegevens["editie"].get("voorbeeld") else ""
    return f"hengelo-indicator-{code}-editie-{gegevens['editie']['id']}{demo}.{formaat}"


def als_json(gegevens: dict) -> str:
    """The JSON file: UTF-8, readable indentation, non-ASCII kept (é, ë)."""
    return json.dumps(gegevens, ensure_ascii=False, indent=2) + "\n"


def _tekst(waarde) -> str:
    """A text cell, neutralised against formula injection (monitoring/export.py): names never start with '='."""
    return veilig(waarde or "")


def als_csv(gegevens: dict) -> str:
    """The CSV file: RFC 4180 (comma, double quotes, CRLF), one row per figure, decimal point, Dutch headers."""
    uit = io.StringIO()
    schrijver = csv.writer(uit)
    indicator, editie = gegevens["indicator"], gegevens["editie"]
    if editie.get("voorbeeld"):
        schrijver.writerow([VOORBEELDEDITIE])
    schrijver.writerow(CSV_KOPPEN)
    for rij in gegevens["waarden"]:
        schrijver.writerow(
            [
                indicator["code"],
                _tekst(indicator["naam"]),
                indicator["eenheid"],
                rij["soort"],
                rij["periode"],
                rij["jaar"] if rij["jaar"] is not None else "",
                "" if rij["waarde"] is None else rij["waarde"],
                _tekst(rij["opmerking"]),
                _tekst(rij["bron"]),
                _tekst(editie["titel"]),
                editie["peildatum"],
            ]
        )
    return uit.getvalue()
