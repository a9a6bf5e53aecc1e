"""
Loads monitoring's source figures from `fixtures/monitoring/` (finances, transformatiepiramide, factsheet, areas).

Called by `actielijnen.programma_laden.laad_programma` after the programme itself (it needs the Modellagen).
Idempotent like the programme loader: every record is found by its natural key and saved only when a field the
sources own differs, so a second run changes nothing and writes no history.
"""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

import yaml

from actielijnen.models import Modellaag
from monitoring.constants import FinancienSoort
from monitoring.models import (
    Bedrag,
    Datakwaliteitsnotitie,
    Kerncijfer,
    Piramidestand,
    Scenario,
    Vergelijkingsgebied,
    Wijk,
)
from monitoring.notatie import parse_getal

MAP = Path(settings.BASE_DIR) / "fixtures" / "monitoring"


class OngeldigeFixture(ValueError):
    pass


def laad_monitoring(verslag) -> None:
    """Load every file under fixtures/monitoring; `verslag` counts what was created or updated (its `tel`)."""
    _laad_gebieden(verslag, _lees("gebieden.yaml"))
    financien = _lees("financien.yaml")
    _laad_financien(verslag, financien)
    piramide = _lees("piramide.yaml")
    _laad_piramide(verslag, piramide)
    _laad_datakwaliteit(verslag, financien.get("datakwaliteit", []) + piramide.get("datakwaliteit", []))


def _lees(naam: str) -> dict:
    with open(MAP / naam, encoding="utf-8") as bestand:
        return yaml.safe_load(bestand)


def _upsert(verslag, model, sleutel: dict, waarden: dict):
    """Create or update one record by natural key; save only when a source-owned field differs."""
    obj = model.objects.filter(**sleutel).first()
    if obj is None:
        verslag.tel(model, "aangemaakt")
        return model.objects.create(**sleutel, **waarden)
    gewijzigd = {naam: waarde for naam, waarde in waarden.items() if getattr(obj, naam) != waarde}
    if gewijzigd:
        for naam, waarde in gewijzigd.items():
            setattr(obj, naam, waarde)
        obj.save()
        verslag.tel(model, "bijgewerkt")
    return obj


def _euro(tekst) -> Decimal:
    getal = parse_getal(tekst)
    if getal is None:
        raise OngeldigeFixture(f"Geen bedrag: {tekst!r}")
    return getal.waarde.quantize(Decimal("0.01"))


def _laad_gebieden(verslag, data: dict) -> None:
    for wijk in data.get("wijken") or []:
        _upsert(verslag, Wijk, {"naam": wijk["naam"]}, {"cbs_code": wijk.get("cbs_code")})
    for gebied in data.get("vergelijkingsgebieden") or []:
        _upsert(
            verslag,
            Vergelijkingsgebied,
            {"naam": gebied["naam"]},
            {"soort": gebied["soort"], "cbs_code": gebied.get("cbs_code"), "bron": gebied["bron"]},
        )


def _laad_financien(verslag, data: dict) -> None:
    for regel in data["bedragen"]:
        _upsert(
            verslag,
            Bedrag,
            {"sleutel": regel["sleutel"]},
            {
                "soort": regel["soort"],
                "domein": regel.get("domein") or "",
                "jaar": regel.get("jaar"),
                "scenario": None,
                "bedrag": _euro(regel["bedrag"]),
                "bron": regel["bron"],
                "toelichting": " ".join(regel.get("toelichting", "").split()),
            },
        )
    gedocumenteerd = {n["sleutel"] for n in data.get("datakwaliteit", [])}
    for item in data["scenarios"]:
        scenario = _upsert(
            verslag, Scenario, {"nummer": item["nummer"]}, {"naam": item["naam"], "bron": item["bron"]}
        )
        som: dict[int, Decimal] = {}
        for domein, per_jaar in item["doorrekening"].items():
            for jaar, cel in per_jaar.items():
                bedrag = _euro(cel)
                som[jaar] = som.get(jaar, Decimal(0)) + bedrag
                _upsert(
                    verslag,
                    Bedrag,
                    {"sleutel": f"scenario-{scenario.nummer}-{domein}-{jaar}"},
                    {
                        "soort": FinancienSoort.SCENARIO,
                        "domein": domein,
                        "jaar": jaar,
                        "scenario": scenario,
                        "bedrag": bedrag,
                        "bron": item["bron"],
                        "toelichting": "",
                    },
                )
        # The document's own totals are not stored (the page sums the domains), but each one is checked: a
        # difference must be documented as a data-quality note, or loading stops.
        for jaar, cel in item["totaal"].items():
            sleutel = f"scenario-{scenario.nummer}-totaal-{jaar}"
            if _euro(cel) != som[jaar] and sleutel not in gedocumenteerd:
                raise OngeldigeFixture(
                    f"Scenario {scenario.nummer} {jaar}: totaal {cel} ≠ som van de domeinen € {som[jaar]}; "
                    f"leg dit vast als datakwaliteitsnotitie '{sleutel}'."
                )


def _laad_piramide(verslag, data: dict) -> None:
    lagen = {laag.code: laag for laag in Modellaag.objects.all()}
    for stand in data["piramidestanden"]:
        _upsert(
            verslag,
            Piramidestand,
            {"modellaag": lagen[stand["modellaag"]], "periode": stand["periode"]},
            {"aantal_clienten": int(parse_getal(stand["aantal_clienten"]).waarde), "bron": stand["bron"]},
        )
    for volgorde, cijfer in enumerate(data["kerncijfers"], start=1):
        _upsert(
            verslag,
            Kerncijfer,
            {"sleutel": cijfer["sleutel"]},
            {
                "onderwerp": cijfer["onderwerp"],
                "naam": cijfer["naam"],
                "domein": cijfer.get("domein") or "",
                "periode": cijfer["periode"],
                "waarde": parse_getal(cijfer["waarde"]).waarde.quantize(Decimal("0.0001")),
                "eenheid": cijfer["eenheid"],
                "telt_personen": cijfer.get("telt_personen", False),
                "volgorde": volgorde,
                "bron": cijfer["bron"],
            },
        )


def _onderwerp(verwijzing: dict):
    ((soort, sleutel),) = verwijzing.items()
    opzoeken = {
        "scenario": lambda: Scenario.objects.get(nummer=sleutel),
        "bedrag": lambda: Bedrag.objects.get(sleutel=sleutel),
        "kerncijfer": lambda: Kerncijfer.objects.get(sleutel=sleutel),
    }
    return opzoeken[soort]()


def _laad_datakwaliteit(verslag, notities: list[dict]) -> None:
    for notitie in notities:
        onderwerp = _onderwerp(notitie["onderwerp"])
        _upsert(
            verslag,
            Datakwaliteitsnotitie,
            {"sleutel": notitie["sleutel"]},
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
