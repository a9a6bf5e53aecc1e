"""
The tables of an edition, and each of them as CSV: `TABELLEN` (key → label) and `csv_maken(rapportage, tabel)`.

`tabellen(rapportage)` turns the edition's snapshot into the same tables the sections show, with typed cells
(a `Getal` with its unit, a date, a year, a text); the CSV files here and the XLSX (rapportage/export_xlsx.py)
both write them, so the two never disagree. Only the snapshot and the edition's texts are read.

CSV as in monitoring/export.py, as Dutch Excel opens it: UTF-8 with a BOM, `;` between cells, a decimal comma
and no thousands separator, dates as dd-mm-jjjj; every text cell neutralised against formula injection by the
sanitiser there (`veilig`); counts of people below the threshold written as "< 10".
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from monitoring.constants import Eenheid
from monitoring.export import veilig
from monitoring.weergave import drempel, verborgen
from participatie.selectors.inbreng import editie_inbreng
from participatie.selectors.inbreng import tellingen as inbreng_tellingen
from rapportage.constants import Sectie
from rapportage.templatetags.rapportage import (
    NIET_GETOOND,
    afstand_tekst,
    als_datum,
    besparingen_per_jaar,
    cijfer_tekst,
    indicator_notities,
    kans_maal_impact,
    koers_tekst,
    motiestatus,
    piramide_rijen,
    trend_tekst,
    volgende_streefwaarde,
)

# Every table of an edition, in the order of the sections (key → label); the last one gathers the notes.
TABELLEN = {
    "besparingen_per_jaar": "Financiën: besparingen per jaar, gepland en gerealiseerd",
    "besparingen": "Financiën: besparingen per domein per jaar",
    "scenarios": "Financiën: scenario's vergeleken met de realisatie",
    "budget": "Financiën: transformatiebudget en investeringen",
    "risicos": "Risicobeheersing: actieve risico's",
    "risicowijzigingen": "Risicobeheersing: wijzigingen in risico's en maatregelen",
    "indicatoren": "Monitoring en sturing: kernindicatoren",
    "clientervaring": "Monitoring en sturing: cliëntervaring",
    "kerncijfers": "Sociaal Domein in beeld: kerncijfers",
    "piramide": "Sociaal Domein in beeld: transformatiepiramide",
    "actielijnen": "Voortgang: activiteiten per actielijn",
    "activiteiten": "Voortgang: de activiteiten",
    "mijlpalen": "Voortgang: mijlpalen bereikt en gemist",
    "moties": "Moties, amendementen en toezeggingen",
    "inbreng_telling": "Participatie: inbreng per verwerking",
    "inbreng": "Participatie: wat deden we met de inbreng?",
    "datakwaliteit": "Datakwaliteit: notities bij de cijfers",
}
NOTITIE_KOPPEN = ["Betreft", "Citaat uit de bron", "Bron", "Toelichting", "Ernst"]


@dataclass(frozen=True)
class Getal:
    """A figure with its unit (percentage, aantal, bedrag, rapportcijfer or ""); `personen`: a count of people."""

    waarde: Decimal | None
    eenheid: str = ""
    personen: bool = False

    def verborgen(self, user) -> bool:
        return self.waarde is not None and verborgen(
            self.waarde, self.eenheid, user, telt_personen=self.personen
        )


@dataclass(frozen=True)
class Jaar:
    """A year: a number without a thousands separator."""

    jaar: int


@dataclass
class Tabel:
    sleutel: str
    label: str
    sectie: str
    koppen: list[str]
    rijen: list[list] = field(default_factory=list)
    notities: list[dict] = field(default_factory=list)


def _getal(waarde, eenheid: str = "", personen: bool = False) -> Getal:
    return Getal(None if waarde in (None, "") else Decimal(waarde), eenheid, personen)


def _bedrag(waarde) -> Getal:
    return _getal(waarde, "bedrag")


def _jaar(jaar) -> Jaar | str:
    return Jaar(int(jaar)) if jaar not in (None, "") else "structureel"


def _eenheid(code: str) -> str:
    """The unit as a reader knows it ("Percentage", "Bedrag in euro"); the snapshot stores the code."""
    return Eenheid(code).label if code in Eenheid.values else code


def _notities(rijen, naam=lambda rij: rij.get("code") or rij.get("naam", "")) -> list[dict]:
    return [
        {**n, "betreft": f"{naam(rij)}: {n['betreft']}"} for rij in rijen for n in rij.get("notities", ())
    ]


# --- the tables -----------------------------------------------------------------------------------------


def _financien(inhoud: dict) -> list[Tabel]:
    financien = inhoud.get("financien") or {}
    scenarios = financien.get("scenarios", [])
    jaren = financien.get("jaren", [])
    per_jaar = Tabel(
        "besparingen_per_jaar",
        TABELLEN["besparingen_per_jaar"],
        Sectie.FINANCIEN,
        ["Jaar", "Gepland (taakstelling, €)", "Gerealiseerd (€)"],
        [
            [Jaar(r["jaar"]), _bedrag(r["gepland"]), _bedrag(r["gerealiseerd"])]
            for r in besparingen_per_jaar(financien)
        ],
    )
    per_domein = Tabel(
        "besparingen",
        TABELLEN["besparingen"],
        Sectie.FINANCIEN,
        ["Domein", "Jaar", "Gepland (taakstelling, €)", "Gerealiseerd (€)", "Niet behaald (€)"]
        + [f"Scenario {s['nummer']} (€)" for s in scenarios],
        [
            [r["domein_label"], _jaar(r["jaar"]), _bedrag(r["taakstelling"]), _bedrag(r["gerealiseerd"])]
            + [_bedrag(r["niet_behaald"])]
            + [_bedrag(r["scenarios"].get(str(s["nummer"]))) for s in scenarios]
            for r in financien.get("rijen", [])
        ],
        notities=list(financien.get("notities", [])),
    )
    totalen = financien.get("scenario_totalen", {})
    vergelijking = Tabel(
        "scenarios",
        TABELLEN["scenarios"],
        Sectie.FINANCIEN,
        ["Scenario", "Naam", *(f"{j} (€)" for j in jaren)],
        [
            [
                f"Scenario {s['nummer']}",
                s["naam"],
                *(_bedrag(totalen.get(str(s["nummer"]), {}).get(str(j))) for j in jaren),
            ]
            for s in scenarios
        ]
        + [
            [
                "Gerealiseerd",
                "",
                *(_bedrag(financien.get("gerealiseerd_totaal", {}).get(str(j))) for j in jaren),
            ]
        ],
    )
    budget = Tabel(
        "budget",
        TABELLEN["budget"],
        Sectie.FINANCIEN,
        ["Soort", "Domein", "Jaar", "Bedrag (€)", "Toelichting", "Bron"],
        [
            [
                b["soort_label"],
                b["domein_label"],
                _jaar(b["jaar"]),
                _bedrag(b["bedrag"]),
                b["toelichting"],
                b["bron"],
            ]
            for b in financien.get("budget", []) + financien.get("investeringen", [])
        ],
    )
    return [per_jaar, per_domein, vergelijking, budget]


def _risicos(inhoud: dict) -> list[Tabel]:
    risicos = inhoud.get("risicos") or {}
    sinds = als_datum(risicos.get("sinds"))
    actief = Tabel(
        "risicos",
        TABELLEN["risicos"],
        Sectie.RISICOBEHEERSING,
        ["Code", "Risico", "Categorie", "Betreft", "Kans (1–5)", "Impact (1–5)", "Score (kans × impact)"]
        + ["Beheersmaatregel"],
        [
            [r["code"], r["omschrijving"], r["categorie"], r["betreft"], r["kans"], r["impact"]]
            + [r["score"] if r["score"] is not None else kans_maal_impact(r), r["beheersmaatregel"]]
            for r in risicos.get("actief", [])
        ],
    )
    label = TABELLEN["risicowijzigingen"]
    wijzigingen = Tabel(
        "risicowijzigingen",
        f"{label}, sinds {sinds:%d-%m-%Y}" if sinds else f"{label}, sinds de start van het programma",
        Sectie.RISICOBEHEERSING,
        ["Datum", "Risico", "Wijziging", "Toelichting", "Bron"],
        [
            [als_datum(w["datum"]), w["risico"], w["soort_label"], w["toelichting"], w["bron"]]
            for w in risicos.get("wijzigingen", [])
        ],
    )
    return [actief, wijzigingen]


def _indicatortabel(sleutel: str, indicatoren: list[dict]) -> Tabel:
    def meting(m, eenheid):
        return [_getal(m["waarde"], eenheid) if m else Getal(None, eenheid), m["periode"] if m else ""]

    def reeks(metingen, eenheid):
        return "; ".join(
            f"{m['periode']}: {cijfer_tekst(m['waarde'], eenheid, decimalen=m.get('decimalen'))}"
            for m in metingen
        )

    def afstand(i):
        # A difference, not a figure of the indicator's unit: 1,8 procentpunt is written as 1,8, never as 1,8%.
        tekst = afstand_tekst(i)
        if tekst == NIET_GETOOND or not i["realisatie"] or not volgende_streefwaarde(i):
            return [Getal(None), tekst]
        verschil = Decimal(volgende_streefwaarde(i)["waarde"]) - Decimal(i["realisatie"]["waarde"])
        return [Getal(verschil, "bedrag" if i["eenheid"] == "bedrag" else ""), tekst]

    return Tabel(
        sleutel,
        TABELLEN[sleutel],
        Sectie.MONITORING,
        ["Code", "Indicator", "Doel", "Eenheid", "Peilwaarde", "Peilperiode", "Laatste realisatie"]
        + ["Periode realisatie", "Streefwaarde van dat jaar", "Periode streefwaarde"]
        + ["Volgende streefwaarde", "Periode volgende streefwaarde"]
        + ["Afstand tot de volgende streefwaarde (procentpunt bij een percentage)", "Afstand in woorden"]
        + ["Alle streefwaarden", "Realisaties", "Trend", "Op koers?", "Richting", "Bron"],
        [
            [i["code"], i["naam"], i["doel_code"], _eenheid(i["eenheid"])]
            + meting(i["peilwaarde"], i["eenheid"])
            + meting(i["realisatie"], i["eenheid"])
            + meting(i["streefwaarde"], i["eenheid"])
            + meting(volgende_streefwaarde(i), i["eenheid"])
            + afstand(i)
            + [reeks(i["streefwaarden"], i["eenheid"])]
            + [
                NIET_GETOOND
                if trend_tekst(i) == NIET_GETOOND
                else reeks(i.get("realisaties") or [], i["eenheid"])
            ]
            + [trend_tekst(i), koers_tekst(i), i["richting_label"], i["bron"] or i["vindplaats"]]
            for i in indicatoren
        ],
        notities=[{**n, "betreft": f"{n['rij']}: {n['betreft']}"} for n in indicator_notities(indicatoren)],
    )


def _monitoring(inhoud: dict) -> list[Tabel]:
    indicatoren = inhoud.get("indicatoren", [])
    return [
        _indicatortabel("indicatoren", [i for i in indicatoren if not i.get("clientervaring")]),
        _indicatortabel("clientervaring", [i for i in indicatoren if i.get("clientervaring")]),
    ]


def _sociaal_domein(inhoud: dict) -> list[Tabel]:
    sociaal = inhoud.get("sociaal_domein") or {}
    kerncijfers = sociaal.get("kerncijfers", [])
    piramide = sociaal.get("piramide") or {}
    return [
        Tabel(
            "kerncijfers",
            TABELLEN["kerncijfers"],
            Sectie.SOCIAAL_DOMEIN,
            ["Onderwerp", "Kerncijfer", "Periode", "Waarde", "Eenheid", "Bron"],
            [
                [k["onderwerp_label"], k["naam"], k["periode"]]
                + [_getal(k["waarde"], k["eenheid"], k["telt_personen"]), _eenheid(k["eenheid"]), k["bron"]]
                for k in kerncijfers
            ],
            notities=_notities(kerncijfers, naam=lambda k: k["naam"]),
        ),
        Tabel(
            "piramide",
            TABELLEN["piramide"],
            Sectie.SOCIAAL_DOMEIN,
            ["Laag", *(f"Aantal cliënten {p}" for p in piramide.get("perioden", []))],
            [
                [rij["laag"], *(_getal(a, "aantal", personen=True) for a in rij["aantallen"])]
                for rij in piramide_rijen(piramide)
            ],
        ),
    ]


def _voortgang(inhoud: dict) -> list[Tabel]:
    voortgang = inhoud.get("voortgang") or {}
    tellingen = ["aantal", "gestart", "afgerond", "groen", "oranje", "rood", "onbekend"]

    def telling(naam, lijn):
        return [naam, *(lijn.get(t) for t in tellingen), _getal(lijn.get("gemiddeld_gereed"), "percentage")]

    return [
        Tabel(
            "actielijnen",
            TABELLEN["actielijnen"],
            Sectie.VOORTGANG,
            [
                "Actielijn",
                "Activiteiten",
                "Gestart",
                "Afgerond",
                "Op koers (groen)",
                "Aandacht nodig (oranje)",
            ]
            + ["Bijsturing nodig (rood)", "Nog geen update", "Gemiddeld gereed"],
            [telling(f"{lijn['nummer']}. {lijn['naam']}", lijn) for lijn in voortgang.get("actielijnen", [])]
            + [telling("Totaal (het programma als geheel)", voortgang.get("totaal") or {})],
        ),
        Tabel(
            "activiteiten",
            TABELLEN["activiteiten"],
            Sectie.VOORTGANG,
            ["Actielijn", "Code", "Activiteit", "Status", "Stoplicht", "% gereed", "Fase", "Laatste update"],
            [
                [a["actielijn"], a["code"], a["naam"], a["status_label"], a["rag_label"]]
                + [_getal(a["percentage"], "percentage"), a["fase_label"], als_datum(a["laatste_update"])]
                for a in voortgang.get("activiteiten", [])
            ],
        ),
        Tabel(
            "mijlpalen",
            TABELLEN["mijlpalen"],
            Sectie.VOORTGANG,
            ["Stand", "Mijlpaal", "Activiteit", "Actielijn", "Gepland", "Bereikt"],
            [
                [m["stand"], m["omschrijving"], m["activiteit_naam"], m["actielijn"]]
                + [als_datum(m["datum_gepland"]), als_datum(m["datum_bereikt"])]
                for m in voortgang.get("mijlpalen", [])
            ],
        ),
    ]


def _moties(inhoud: dict) -> list[Tabel]:
    def wijziging(m):
        if not m["vorige_status"]:
            return "nieuw in deze rapportage"
        if m["vorige_status"] == m["status"]:
            return "ongewijzigd"
        return f"gewijzigd: was {motiestatus(m['vorige_status']).lower()}"

    return [
        Tabel(
            "moties",
            TABELLEN["moties"],
            Sectie.MOTIES,
            [
                "Soort",
                "Nummer",
                "Titel",
                "Datum",
                "Vergadering",
                "Tekst",
                "Status",
                "Sinds de vorige rapportage",
            ]
            + ["Wat het college deed", "Activiteiten", "Beleidsindicatoren"],
            [
                [
                    m["soort_label"],
                    m["nummer"],
                    m["titel"],
                    als_datum(m["datum"]),
                    m["vergadering"],
                    m["tekst"],
                ]
                + [m["status_label"], wijziging(m), m["uitvoering"]]
                + ["; ".join(f"{a['code']} {a['naam']}".strip() for a in m["activiteiten"])]
                + ["; ".join(f"{i['code']} {i['naam']}" for i in m["indicatoren"])]
                for m in inhoud.get("moties", [])
            ],
        )
    ]


def _participatie(inhoud: dict) -> list[Tabel]:
    """The contributions processed by the peildatum, counts per verwerking first; never a person's name (the
    snapshot has none). An edition stored before issue 16 has empty tables."""
    rijen = editie_inbreng(inhoud)
    return [
        Tabel(
            "inbreng_telling",
            TABELLEN["inbreng_telling"],
            Sectie.PARTICIPATIE,
            ["Verwerking", "Aantal"],
            [[t["label"], t["aantal"]] for t in inbreng_tellingen(rijen)] if rijen else [],
        ),
        Tabel(
            "inbreng",
            TABELLEN["inbreng"],
            Sectie.PARTICIPATIE,
            ["Traject", "Activiteit", "Ingebracht door", "Datum", "Wat is ingebracht", "Verwerking"]
            + ["Wat is ermee gedaan", "Verwerkt op"],
            [
                [
                    r["traject"],
                    r["activiteit"] or "Buiten het programma",
                    r["stakeholder"],
                    als_datum(r["datum"]),
                ]
                + [r["inbreng"], r["verwerking_label"], r["reactie"], als_datum(r.get("verwerkt_op"))]
                for r in rijen
            ],
        ),
    ]


def tabellen(rapportage) -> list[Tabel]:
    """Every table of the edition in section order, each with the data-quality notes on its rows."""
    inhoud = rapportage.inhoud
    alle = [
        *_financien(inhoud),
        *_risicos(inhoud),
        *_monitoring(inhoud),
        *_sociaal_domein(inhoud),
        *_voortgang(inhoud),
        *_moties(inhoud),
        *_participatie(inhoud),
    ]
    notities = Tabel(
        "datakwaliteit",
        TABELLEN["datakwaliteit"],
        "",
        ["Tabel", *NOTITIE_KOPPEN],
        [
            [t.label, n["betreft"], n["citaat"], n["bron"], n["toelichting"], n["ernst_label"]]
            for t in alle
            for n in t.notities
        ],
    )
    return [*alle, notities]


# --- CSV ------------------------------------------------------------------------------------------------


def _csv_cel(cel, user) -> str:
    if cel is None:
        return ""
    if isinstance(cel, Getal):
        if cel.waarde is None:
            return ""
        if cel.verborgen(user):
            return f"< {drempel()}"
        getal = (
            cel.waarde.quantize(Decimal(1))
            if cel.waarde == cel.waarde.to_integral()
            else cel.waarde.normalize()
        )
        return f"{getal:f}".replace(".", ",")
    if isinstance(cel, Jaar):
        return str(cel.jaar)
    if isinstance(cel, date):
        return f"{cel:%d-%m-%Y}"
    if isinstance(cel, int):
        return str(cel)
    return veilig(str(cel))


def csv_maken(rapportage, tabel: str) -> bytes:
    """One table of the edition as CSV for Dutch Excel; an unknown `tabel` raises KeyError."""
    if tabel not in TABELLEN:
        raise KeyError(tabel)
    gekozen = next(t for t in tabellen(rapportage) if t.sleutel == tabel)
    lezer = AnonymousUser()
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([veilig(k) for k in gekozen.koppen])
    for rij in gekozen.rijen:
        schrijver.writerow([_csv_cel(cel, lezer) for cel in rij])
    return ("\ufeff" + uitvoer.getvalue()).encode("utf-8")
