"""
Loads monitoring's source figures from `fixtures/monitoring/` (finances, transformatiepiramide, factsheet, areas).

Called by `actielijnen.programma_laden.laad_programma` after the programme itself (it needs the Modellagen).
Idempotent like the programme loader: every record is found by its natural key and saved only when a field the
sources own differs, so a second run changes nothing and writes no history.
"""

from decimal import Decimal

from actielijnen.models import Modellaag
from hengelo_sd.laden import datakwaliteit_laden, lees_fixture, upsert
from monitoring.constants import FinancienSoort
from monitoring.models import (
    Bedrag,
    Kerncijfer,
    Piramidestand,
    Scenario,
    Vergelijkingsgebied,
    Wijk,
)
from monitoring.notatie import parse_getal


class OngeldigeFixture(ValueError):
    pass


def laad_monitoring(verslag) -> None:
    """Load every file under fixtures/monitoring; `verslag` counts what was created or updated (its `tel`)."""
    _laad_gebieden(verslag, _lees_monitoring("gebieden.yaml"))
    financien = _lees_monitoring("financien.yaml")
    _laad_financien(verslag, financien)
    piramide = _lees_monitoring("piramide.yaml")
    _laad_piramide(verslag, piramide)
    datakwaliteit_laden(
        verslag, financien.get("datakwaliteit", []) + piramide.get("datakwaliteit", []), _OPZOEKEN
    )


def _lees_monitoring(naam: str) -> dict:
    return lees_fixture(f"monitoring/{naam}")


def _euro(tekst) -> Decimal:
    getal = parse_getal(tekst)
    if getal is None:
        raise OngeldigeFixture(f"Geen bedrag: {tekst!r}")
    return getal.waarde.quantize(Decimal("0.01"))


def _laad_gebieden(verslag, data: dict) -> None:
    for wijk in data.get("wijken") or []:
        upsert(verslag, Wijk, {"naam": wijk["naam"]}, {"cbs_code": wijk.get("cbs_code")})
    for gebied in data.get("vergelijkingsgebieden") or []:
        upsert(
            verslag,
            Vergelijkingsgebied,
            {"naam": gebied["naam"]},
            {"soort": gebied["soort"], "cbs_code": gebied.get("cbs_code"), "bron": gebied["bron"]},
        )


def _laad_financien(verslag, data: dict) -> None:
    for regel in data["bedragen"]:
        upsert(
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
        scenario = upsert(
            verslag, Scenario, {"nummer": item["nummer"]}, {"naam": item["naam"], "bron": item["bron"]}
        )
        som: dict[int, Decimal] = {}
        for domein, per_jaar in item["doorrekening"].items():
            for jaar, cel in per_jaar.items():
                bedrag = _euro(cel)
                som[jaar] = som.get(jaar, Decimal(0)) + bedrag
                upsert(
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
        upsert(
            verslag,
            Piramidestand,
            {"modellaag": lagen[stand["modellaag"]], "periode": stand["periode"]},
            {"aantal_clienten": int(parse_getal(stand["aantal_clienten"]).waarde), "bron": stand["bron"]},
        )
    for volgorde, cijfer in enumerate(data["kerncijfers"], start=1):
        upsert(
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


_OPZOEKEN = {
    "scenario": lambda sleutel: Scenario.objects.get(nummer=sleutel),
    "bedrag": lambda sleutel: Bedrag.objects.get(sleutel=sleutel),
    "kerncijfer": lambda sleutel: Kerncijfer.objects.get(sleutel=sleutel),
}
