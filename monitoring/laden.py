"""
Loads monitoring's part of the programme from `fixtures/`: the informatiepiramide levels, doelen, indicators and
their metingen from the plan (`fixtures/programma/`), and the source figures under `fixtures/monitoring/`
(finances, transformatiepiramide, factsheet, areas).

Called by `rapportage.programma_laden.laad_programma` after actielijnen's loader (it needs the Modellagen); the
composer then loads the data-quality notes of `DATAKWALITEIT` with the lookups of `OPZOEKEN`. Idempotent
(bronnen/laden.py): every record is found by its natural key and saved only when a field the sources own differs,
so a second run changes nothing and writes no history.
"""

import re
from decimal import Decimal

from actielijnen.models import Modellaag
from bronnen.laden import Verslag, lees_fixture, upsert
from bronnen.models import Brondocument
from kern.notatie import parse_getal
from monitoring.constants import (
    Bedragseenheid,
    FinancienSoort,
    IndicatorSoort,
    MetingSoort,
    MetingStatus,
    ScenarioTabel,
)
from monitoring.models import (
    AndereBronwaarde,
    Bedrag,
    Databedrevenheidspijler,
    Doel,
    Indicator,
    Informatieniveau,
    Kerncijfer,
    Meting,
    Pijlerelement,
    Piramidestand,
    Scenario,
    Scenariototaal,
    Vergelijkingsgebied,
    Wijk,
)

# Sources are cited as a reader knows them (bronnen.Brondocument.korte_naam), never by file code.
UITVOERINGSPLAN = "Uitvoeringsplan 2023"
BRON_PLAN_62 = f"{UITVOERINGSPLAN}, §6.2"

# The fixture files whose data-quality notes concern monitoring's objects, and how to find those objects.
DATAKWALITEIT = (
    "programma/informatiepiramide.yaml",
    "programma/indicatoren.yaml",
    "programma/databedrevenheid.yaml",
    "monitoring/financien.yaml",
    "monitoring/piramide.yaml",
)
OPZOEKEN = {
    "informatieniveau": lambda sleutel: Informatieniveau.objects.get(sleutel=sleutel),
    "indicator": lambda sleutel: Indicator.objects.get(code=sleutel),
    "doel": lambda sleutel: Doel.objects.get(code=sleutel),
    "scenario": lambda sleutel: Scenario.objects.get(nummer=sleutel),
    "bedrag": lambda sleutel: Bedrag.objects.get(sleutel=sleutel),
    "kerncijfer": lambda sleutel: Kerncijfer.objects.get(sleutel=sleutel),
    "pijler": lambda sleutel: Databedrevenheidspijler.objects.get(naam=sleutel),
    # "<modellaag>/<periode>", e.g. "maatwerkondersteuning/2023".
    "piramidestand": lambda sleutel: Piramidestand.objects.get(
        modellaag__code=sleutel.split("/")[0], periode=sleutel.split("/")[1]
    ),
}

# A value with its year in one cell: "43,2% (2019)"; several may share a cell.
_WAARDE_MET_JAAR = re.compile(r"(-?\s*[\d.,]+\s*%?)\s*\((\d{4})\)")


class OngeldigeFixture(ValueError):
    pass


def laad_monitoring(verslag: Verslag) -> None:
    """Load monitoring's fixtures (not their data-quality notes, see DATAKWALITEIT); `verslag` counts changes."""
    _laad_informatiepiramide(verslag)
    _laad_databedrevenheid(verslag)
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
            {**waarden, "volgorde": volgorde, "bron": f"{UITVOERINGSPLAN}, §5.3"},
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
        for cel, jaar in _WAARDE_MET_JAAR.findall(str(ind.get("peilwaarde") or "")):
            _meting(verslag, indicator, int(jaar), MetingSoort.PEILWAARDE, cel, bron)
        for jaar, cel in (ind.get("streefwaarden") or {}).items():
            _meting(verslag, indicator, jaar, MetingSoort.STREEFWAARDE, cel, bron)
        realisatie_bron = ind.get("realisatie_bron", f"{bron}, kolom Jaarstukken 2021")
        for jaar, cel in (ind.get("realisatie") or {}).items():
            _meting(verslag, indicator, jaar, MetingSoort.REALISATIE, cel, realisatie_bron)
        for ander in ind.get("andere_bronnen") or []:
            _andere_bronwaarde(verslag, indicator, ander)


def decimalen(cel) -> int | None:
    """The precision the source writes a figure in: '15,0%' → 1, '47,3%' → 1, '45%' → 0, '1.605' → 0.

    The thousands dot is not a decimal separator in Dutch notation; only digits after a comma count.
    """
    tekst = str(cel or "")
    if not re.search(r"\d", tekst):
        return None
    komma = re.search(r",(\d+)", tekst)
    return len(komma[1]) if komma else 0


def _vorige_notatie(bron: str) -> str:
    """How this loader wrote the same `bron` before sources were cited by name ('000 §6.2, tabel 6.1.1')."""
    return (
        bron.replace(f"{UITVOERINGSPLAN}, §", "000 §")
        .replace(", kolom Jaarstukken 2021", ", Jaarstukken 2021")
        .replace("Jaarstukken 2023, factsheet", "002 Jaarstukken 2023, factsheet")
    )


def _meting(verslag: Verslag, indicator, jaar: int, soort: str, cel, bron: str) -> Meting | None:
    """One value of the plan, with the precision its cell is written in; a "no value" cell stores nothing."""
    getal = parse_getal(cel)
    if getal is None:
        return None
    bestaand = Meting.objects.filter(
        indicator=indicator, periode=str(jaar), soort=soort, wijk__isnull=True, gebied__isnull=True
    ).first()
    if bestaand is not None and bestaand.bron not in (bron, _vorige_notatie(bron)):
        return None  # replaced by an import or by hand since: the data team's value wins
    return upsert(
        verslag,
        Meting,
        {"indicator": indicator, "periode": str(jaar), "soort": soort, "wijk": None, "gebied": None},
        {"waarde": getal.waarde, "bron": bron, "decimalen": decimalen(cel)},
        bij_aanmaken={"status": MetingStatus.DEFINITIEF},
    )


def _andere_bronwaarde(verslag: Verslag, indicator, ander: dict) -> None:
    """What a second source prints for the same slot, kept beside the Meting (whose unique key stays as it is)."""
    meting = Meting.objects.filter(
        indicator=indicator,
        periode=str(ander["jaar"]),
        soort=ander["soort"],
        wijk__isnull=True,
        gebied__isnull=True,
    ).first()
    if meting is None:
        raise OngeldigeFixture(
            f"{indicator.code} {ander['jaar']}: geen meting om de andere bronwaarde aan te hangen."
        )
    getal = parse_getal(ander["cel"])
    upsert(
        verslag,
        AndereBronwaarde,
        {"meting": meting, "bron": ander["bron"]},
        {
            "brondocument": Brondocument.objects.get(code=ander["brondocument"]),
            "cel": ander["cel"],
            "waarde": None if getal is None else getal.waarde,
            "decimalen": None if getal is None else decimalen(ander["cel"]),
            "is_conflict": getal is None or getal.waarde != meting.waarde,
        },
    )


def _laad_databedrevenheid(verslag: Verslag) -> None:
    """The four pillars of databedrevenheid with their elements (§5.1), column by column as the table prints them."""
    data = lees_fixture("programma/databedrevenheid.yaml")
    for volgorde, pijler_data in enumerate(data["pijlers"], start=1):
        pijler = upsert(
            verslag,
            Databedrevenheidspijler,
            {"naam": pijler_data["naam"]},
            {"volgorde": volgorde, "bron": data["bron"]},
        )
        for nummer, naam in enumerate(pijler_data["elementen"], start=1):
            upsert(verslag, Pijlerelement, {"pijler": pijler, "volgorde": nummer}, {"naam": naam})


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
    sommen: dict[int, dict[int, Decimal]] = {}
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
        # The document's own totals are stored as printed, each beside the sum of its domains. A difference is
        # flagged, and must be documented as a data-quality note (quoting the source), or loading stops.
        _scenariototalen(
            verslag,
            scenario,
            ScenarioTabel.DOORREKENING,
            item["totaal"],
            Bedragseenheid.EURO,
            item["bron"],
            som,
            gedocumenteerd,
        )
        sommen[scenario.nummer] = som
    overzicht = data["op_een_rij"]
    for nummer, per_jaar in overzicht["scenarios"].items():
        _scenariototalen(
            verslag,
            Scenario.objects.get(nummer=nummer),
            ScenarioTabel.OP_EEN_RIJ,
            per_jaar,
            overzicht["eenheid"],
            overzicht["bron"],
            sommen[nummer],
            gedocumenteerd,
        )


def _scenariototalen(
    verslag, scenario, tabel, per_jaar: dict, eenheid: str, bron: str, som: dict, gedocumenteerd
):
    for jaar, cel in per_jaar.items():
        gedrukt = _euro(cel)
        wijkt_af = gedrukt * Bedragseenheid.factor(eenheid) != som[jaar]
        sleutel = f"scenario-{scenario.nummer}-totaal-{jaar}"
        if wijkt_af and sleutel not in gedocumenteerd:
            raise OngeldigeFixture(
                f"Scenario {scenario.nummer} {jaar}: totaal {cel} ≠ som van de domeinen € {som[jaar]}; "
                f"leg dit vast als datakwaliteitsnotitie '{sleutel}'."
            )
        upsert(
            verslag,
            Scenariototaal,
            {"scenario": scenario, "tabel": tabel, "jaar": jaar},
            {
                "cel": cel,
                "bedrag": gedrukt,
                "eenheid": eenheid,
                "som_van_de_domeinen": som[jaar],
                "wijkt_af": wijkt_af,
                "bron": bron,
            },
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
