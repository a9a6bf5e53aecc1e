"""
Financiën: the savings planned and realised per year and per domain, the scenarios beside the realisation, the
totals the scenario document prints where they differ from the sum of the domains, budget and investments.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from rapportage.weergave.notities import Notitie, notitie
from rapportage.weergave.tekst import (
    NIET_BEKEND,
    bedrag_tekst,
    geen_afbreking,
    jaar_of_structureel,
    jaartal,
)


def besparingen_per_jaar(financien: dict | None) -> list[dict]:
    """Planned (taakstelling) and realised savings per year, summed over the domains; None where unknown.

    Realised savings are the snapshot's own totals (`gerealiseerd_totaal`); structural rows (no year) are
    left out, the table per domain shows them.
    """
    if not financien:
        return []
    rijen = []
    for jaar in financien.get("jaren", ()):
        gepland = [
            Decimal(r["taakstelling"]) for r in financien["rijen"] if r["jaar"] == jaar and r["taakstelling"]
        ]
        gerealiseerd = financien.get("gerealiseerd_totaal", {}).get(str(jaar))
        rijen.append(
            {
                "jaar": jaar,
                "gepland": str(sum(gepland)) if gepland else None,
                "gerealiseerd": gerealiseerd,
            }
        )
    return rijen


def afwijkende_totalen(financien: dict | None) -> list[dict]:
    """The printed scenario totals that differ from the sum of the domains, each with its scenario number."""
    return [
        {"scenario": scenario["nummer"], **totaal}
        for scenario in (financien or {}).get("scenarios", [])
        for totaal in scenario.get("gedrukte_totalen", [])
        if totaal["wijkt_af"]
    ]


@dataclass(frozen=True)
class Besparingsjaar:
    jaar: int
    gepland: str | None
    gerealiseerd: str | None
    jaar_tekst: str
    gepland_tekst: str
    gerealiseerd_tekst: str


@dataclass(frozen=True)
class Domeinrij:
    """A domain's savings in one year (or structurally), with the scenarios' calculated savings beside them."""

    domein: str
    jaar_tekst: str
    taakstelling: str
    gerealiseerd: str
    niet_behaald: str
    scenarios: list[str]
    gegevens: dict = field(repr=False)


@dataclass(frozen=True)
class Scenariorij:
    nummer: int
    naam: str
    kop: str
    totalen: list[str | None]  # per year of `Financienweergave.jaren`, from the snapshot
    totalen_tekst: list[str]


@dataclass(frozen=True)
class Afwijkendtotaal:
    scenario: int
    tabel: str
    jaar: str
    gedrukt: str  # the cell as printed, then the amount in euro: '€ 1.506 (€ 1.506.000)'
    som: str
    bron: str


@dataclass(frozen=True)
class Budgetrij:
    soort: str
    domein: str
    jaar_tekst: str
    bedrag: str
    toelichting: str
    bron: str
    gegevens: dict = field(repr=False)


@dataclass(frozen=True)
class Budgetgroep:
    label: str
    bedragen: list[Budgetrij]


@dataclass(frozen=True)
class Financienweergave:
    aanwezig: bool  # False: the edition has no financial data (the section says so)
    per_jaar: list[Besparingsjaar]
    scenarios: list[Scenariorij]
    per_domein: list[Domeinrij]
    notities: list[Notitie]
    jaren: list[int]
    jaren_tekst: list[str]
    gerealiseerd: list[str | None]  # per year, the realised total
    gerealiseerd_tekst: list[str]
    afwijkende_totalen: list[Afwijkendtotaal]
    budgetgroepen: list[Budgetgroep]


def _besparingsjaar(rij: dict) -> Besparingsjaar:
    return Besparingsjaar(
        jaar=rij["jaar"],
        gepland=rij["gepland"],
        gerealiseerd=rij["gerealiseerd"],
        jaar_tekst=jaartal(rij["jaar"]),
        gepland_tekst=bedrag_tekst(rij["gepland"], NIET_BEKEND),
        gerealiseerd_tekst=bedrag_tekst(rij["gerealiseerd"], NIET_BEKEND),
    )


def _domeinrij(rij: dict, scenarios: list[dict]) -> Domeinrij:
    per_scenario = rij.get("scenarios") or {}
    return Domeinrij(
        domein=rij.get("domein_label", ""),
        jaar_tekst=jaar_of_structureel(rij.get("jaar")),
        taakstelling=bedrag_tekst(rij.get("taakstelling"), NIET_BEKEND),
        gerealiseerd=bedrag_tekst(rij.get("gerealiseerd")),
        niet_behaald=bedrag_tekst(rij.get("niet_behaald")),
        scenarios=[bedrag_tekst(per_scenario.get(str(s["nummer"]))) for s in scenarios],
        gegevens=rij,
    )


def _scenariorij(scenario: dict, totalen: dict, jaren: list) -> Scenariorij:
    bedragen = [(totalen.get(str(scenario["nummer"])) or {}).get(str(j)) for j in jaren]
    return Scenariorij(
        nummer=scenario["nummer"],
        naam=scenario["naam"],
        kop=f"Scenario {scenario['nummer']}: {scenario['naam']}",
        totalen=bedragen,
        totalen_tekst=[bedrag_tekst(b) for b in bedragen],
    )


def _afwijkend(totaal: dict) -> Afwijkendtotaal:
    return Afwijkendtotaal(
        scenario=totaal["scenario"],
        tabel=totaal.get("tabel_label", ""),
        jaar=jaartal(totaal.get("jaar")),
        gedrukt=f"{geen_afbreking(totaal.get('cel'))} ({bedrag_tekst(totaal.get('bedrag_in_euro'))})",
        som=bedrag_tekst(totaal.get("som_van_de_domeinen")),
        bron=totaal.get("bron", ""),
    )


def _budgetrij(bedrag: dict) -> Budgetrij:
    return Budgetrij(
        soort=bedrag.get("soort_label", ""),
        domein=bedrag.get("domein_label", ""),
        jaar_tekst=jaar_of_structureel(bedrag.get("jaar")),
        bedrag=bedrag_tekst(bedrag.get("bedrag")),
        toelichting=bedrag.get("toelichting", ""),
        bron=bedrag.get("bron", ""),
        gegevens=bedrag,
    )


def financien(inhoud: dict) -> Financienweergave:
    """The section from the snapshot's `financien` (None: an edition without financial data)."""
    gegevens = inhoud.get("financien") or {}
    scenarios = gegevens.get("scenarios", [])
    jaren = gegevens.get("jaren", [])
    gerealiseerd = [(gegevens.get("gerealiseerd_totaal") or {}).get(str(j)) for j in jaren]
    return Financienweergave(
        aanwezig=bool(gegevens),
        per_jaar=[_besparingsjaar(r) for r in besparingen_per_jaar(gegevens)],
        scenarios=[_scenariorij(s, gegevens.get("scenario_totalen") or {}, jaren) for s in scenarios],
        per_domein=[_domeinrij(r, scenarios) for r in gegevens.get("rijen", [])],
        notities=[notitie(n) for n in gegevens.get("notities", [])],
        jaren=jaren,
        jaren_tekst=[jaartal(j) for j in jaren],
        gerealiseerd=gerealiseerd,
        gerealiseerd_tekst=[bedrag_tekst(b) for b in gerealiseerd],
        afwijkende_totalen=[_afwijkend(t) for t in afwijkende_totalen(gegevens)],
        budgetgroepen=[
            Budgetgroep("Transformatiebudget", [_budgetrij(b) for b in gegevens.get("budget", [])]),
            Budgetgroep(
                "Structurele investeringen", [_budgetrij(b) for b in gegevens.get("investeringen", [])]
            ),
        ],
    )
