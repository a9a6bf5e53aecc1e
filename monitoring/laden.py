"""
Loads monitoring's part of the programme from `fixtures/`: the informatiepiramide levels, doelen, indicators and
their metingen from the plan (`fixtures/programma/`), and the source figures under `fixtures/monitoring/`
(finances, transformatiepiramide, factsheet, areas).

Called by `rapportage.programma_laden.laad_programma` after actielijnen's loader (it needs the Modellagen); the
composer then loads the data-quality notes of `DATAKWALITEIT` with the lookups of `OPZOEKEN`. Idempotent
(bronnen/laden.py): every record is found by its natural key and saved only when a field the sources own differs,
so a second run changes nothing and writes no history.
"""

from decimal import Decimal

from actielijnen.models import Modellaag
from bronnen.laden import Verslag, lees_fixture, upsert
from bronnen.notatie import parse_getal, parse_meervoudig
from monitoring.constants import FinancienSoort, IndicatorSoort, MetingSoort, MetingStatus
from monitoring.models import (
    Bedrag,
    Doel,
    Indicator,
    Informatieniveau,
    Kerncijfer,
    Meting,
    Piramidestand,
    Scenario,
    Vergelijkingsgebied,
    Wijk,
)

BRON_PLAN_62 = "000 §6.2"

# The fixture files whose data-quality notes concern monitoring's objects, and how to find those objects.
DATAKWALITEIT = ("programma/indicatoren.yaml", "monitoring/financien.yaml", "monitoring/piramide.yaml")
OPZOEKEN = {
    "indicator": lambda sleutel: Indicator.objects.get(code=sleutel),
    "doel": lambda sleutel: Doel.objects.get(code=sleutel),
    "scenario": lambda sleutel: Scenario.objects.get(nummer=sleutel),
    "bedrag": lambda sleutel: Bedrag.objects.get(sleutel=sleutel),
    "kerncijfer": lambda sleutel: Kerncijfer.objects.get(sleutel=sleutel),
}


class OngeldigeFixture(ValueError):
    pass


def laad_monitoring(verslag: Verslag) -> None:
    """Load monitoring's fixtures (not their data-quality notes, see DATAKWALITEIT); `verslag` counts changes."""
    _laad_informatiepiramide(verslag)
    _laad_indicatoren(verslag)
    _laad_gebieden(verslag, _lees_monitoring("gebieden.yaml"))
    _laad_financien(verslag, _lees_monitoring("financien.yaml"))
    _laad_piramide(verslag, _lees_monitoring("piramide.yaml"))


def _laad_informatiepiramide(verslag: Verslag) -> None:
    for volgorde, niveau in enumerate(lees_fixture("programma/informatiepiramide.yaml")["niveaus"], start=1):
        waarden = {k: (v or "").strip() for k, v in niveau.items() if k != "sleutel"}
        upsert(
            verslag,
            Informatieniveau,
            {"sleutel": niveau["sleutel"]},
            {**waarden, "volgorde": volgorde, "bron": "000 §5.3"},
        )


def _laad_indicatoren(verslag: Verslag) -> None:
    data = lees_fixture("programma/indicatoren.yaml")
    for doel in data["doelen"]:
        ouder = Doel.objects.get(code=doel["ouder"]) if doel.get("ouder") else None
        upsert(
            verslag,
            Doel,
            {"code": doel["code"]},
            {"omschrijving": doel["omschrijving"], "ouder": ouder, "bron": BRON_PLAN_62},
        )
    for volgorde, ind in enumerate(data["indicatoren"], start=1):
        indicator = upsert(
            verslag,
            Indicator,
            {"code": ind["code"]},
            {
                "naam": ind["naam"],
                "doel": Doel.objects.get(code=ind["doel"]),
                "volgorde": volgorde,
                "eenheid": ind["eenheid"],
                "richting": ind["richting"],
                "soort": IndicatorSoort.EFFECT_KWALITATIEF,  # §5.2: programma 6 indicators are the qualitative effects
                "vindplaats": ind["vindplaats"],
            },
        )
        bron = f"{BRON_PLAN_62}, tabel {ind['doel']}"
        for jaar, getal in parse_meervoudig(ind.get("peilwaarde")):
            _meting(verslag, indicator, jaar, MetingSoort.PEILWAARDE, getal.waarde, bron)
        for jaar, cel in (ind.get("streefwaarden") or {}).items():
            getal = parse_getal(cel)
            if getal is not None:
                _meting(verslag, indicator, jaar, MetingSoort.STREEFWAARDE, getal.waarde, bron)
        realisatie_bron = ind.get("realisatie_bron", f"{bron}, Jaarstukken 2021")
        for jaar, cel in (ind.get("realisatie") or {}).items():
            getal = parse_getal(cel)
            if getal is not None:
                _meting(verslag, indicator, jaar, MetingSoort.REALISATIE, getal.waarde, realisatie_bron)


def _meting(verslag: Verslag, indicator, jaar: int, soort: str, waarde, bron: str) -> None:
    bestaand = Meting.objects.filter(
        indicator=indicator, periode=str(jaar), soort=soort, wijk__isnull=True
    ).first()
    if bestaand is not None and bestaand.bron != bron:
        return  # replaced by an import or by hand since: the data team's value wins
    upsert(
        verslag,
        Meting,
        {"indicator": indicator, "periode": str(jaar), "soort": soort, "wijk": None},
        {"waarde": waarde, "bron": bron},
        bij_aanmaken={"status": MetingStatus.DEFINITIEF},
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
