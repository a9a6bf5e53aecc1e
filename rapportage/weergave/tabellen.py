"""
The tables of an edition as the CSV files and the XLSX write them: `TABELLEN` (key → label) and `tabellen()`.

The same rows the sections show, with typed cells (a `Getal` with its unit, a date, a year, a text) instead of
Dutch text: rapportage/export_csv.py writes each table as CSV, rapportage/export_xlsx.py all of them as sheets,
so the two never disagree with each other or with the page. Counts of people are hidden when a file writes
them (for the anonymous reader), not here.
"""

from decimal import Decimal
from typing import TYPE_CHECKING

from kern.herkomst import een_voorbeeld, is_voorbeeld
from monitoring.constants import Eenheid
from rapportage.constants import Sectie
from rapportage.weergave.monitoring import Indicatorrij, Indicatortabel
from rapportage.weergave.notities import notitie
from rapportage.weergave.tabelvorm import Cel, Getal, Jaar, Tabel
from rapportage.weergave.tekst import NIET_GETOOND, als_datum, cijfer_tekst, kans_maal_impact
from rapportage.weergave.voortgang import TELLINGEN, Tellingrij

if TYPE_CHECKING:
    from rapportage.weergave import Editieweergave

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


def _getal(waarde, eenheid: str = "", personen: bool = False) -> Getal:
    return Getal(None if waarde in (None, "") else Decimal(waarde), eenheid, personen)


def _bedrag(waarde) -> Getal:
    return _getal(waarde, "bedrag")


def _jaar(jaar) -> Jaar | str:
    return Jaar(int(jaar)) if jaar not in (None, "") else "structureel"


def _eenheid(code: str) -> str:
    """The unit as a reader knows it ("Percentage", "Bedrag in euro"); the snapshot stores the code."""
    return Eenheid(code).label if code in Eenheid.values else code


def _tabel(
    sleutel: str, sectie: str, koppen: list[str], rijen, notities=(), label: str = "", bronrijen=None
) -> Tabel:
    """`bronrijen`: the snapshot rows the table's rows are made from, in order, when they can be a voorbeeld."""
    rijen = list(rijen)
    voorbeelden = [is_voorbeeld(r) for r in bronrijen] if bronrijen is not None else [False] * len(rijen)
    return Tabel(sleutel, label or TABELLEN[sleutel], sectie, koppen, rijen, list(notities), voorbeelden)


# --- per section ----------------------------------------------------------------------------------------


def _financien(weergave: "Editieweergave") -> list[Tabel]:
    financien = weergave.financien
    nummers = [s.nummer for s in financien.scenarios]
    return [
        _tabel(
            "besparingen_per_jaar",
            Sectie.FINANCIEN,
            ["Jaar", "Gepland (taakstelling, €)", "Gerealiseerd (€)"],
            ([Jaar(r.jaar), _bedrag(r.gepland), _bedrag(r.gerealiseerd)] for r in financien.per_jaar),
        ),
        _tabel(
            "besparingen",
            Sectie.FINANCIEN,
            ["Domein", "Jaar", "Gepland (taakstelling, €)", "Gerealiseerd (€)", "Niet behaald (€)"]
            + [f"Scenario {nummer} (€)" for nummer in nummers],
            (
                [r["domein_label"], _jaar(r["jaar"]), _bedrag(r["taakstelling"]), _bedrag(r["gerealiseerd"])]
                + [_bedrag(r["niet_behaald"])]
                + [_bedrag(r["scenarios"].get(str(nummer))) for nummer in nummers]
                for r in (rij.gegevens for rij in financien.per_domein)
            ),
            financien.notities,
        ),
        _tabel(
            "scenarios",
            Sectie.FINANCIEN,
            ["Scenario", "Naam", *(f"{j} (€)" for j in financien.jaren)],
            [[f"Scenario {s.nummer}", s.naam, *map(_bedrag, s.totalen)] for s in financien.scenarios]
            + [["Gerealiseerd", "", *map(_bedrag, financien.gerealiseerd)]],
        ),
        _tabel(
            "budget",
            Sectie.FINANCIEN,
            ["Soort", "Domein", "Jaar", "Bedrag (€)", "Toelichting", "Bron"],
            (
                [b["soort_label"], b["domein_label"], _jaar(b["jaar"]), _bedrag(b["bedrag"])]
                + [b["toelichting"], b["bron"]]
                for groep in financien.budgetgroepen
                for b in (rij.gegevens for rij in groep.bedragen)
            ),
        ),
    ]


def _risicos(weergave: "Editieweergave") -> list[Tabel]:
    risicos = weergave.risicobeheersing
    label = TABELLEN["risicowijzigingen"]
    return [
        _tabel(
            "risicos",
            Sectie.RISICOBEHEERSING,
            ["Code", "Risico", "Categorie", "Betreft", "Kans (1–5)", "Impact (1–5)", "Score (kans × impact)"]
            + ["Beheersmaatregel"],
            (
                [r["code"], r["omschrijving"], r["categorie"], r["betreft"], r["kans"], r["impact"]]
                + [r["score"] if r["score"] is not None else kans_maal_impact(r), r["beheersmaatregel"]]
                for r in (rij.gegevens for rij in risicos.actief)
            ),
            notities=risicos.notities,
            bronrijen=[rij.gegevens for rij in risicos.actief],
        ),
        _tabel(
            "risicowijzigingen",
            Sectie.RISICOBEHEERSING,
            [
                "Datum",
                "Datum aangenomen (de bron noemt er geen)",
                "Risico",
                "Wijziging",
                "Toelichting",
                "Bron",
            ],
            (
                [
                    als_datum(w["datum"]),
                    "ja" if w.get("datum_aangenomen") else "nee",
                    w["risico"],
                    w["soort_label"],
                ]
                + [w["toelichting"], w["bron"]]
                for w in (rij.gegevens for rij in risicos.wijzigingen)
            ),
            bronrijen=[rij.gegevens for rij in risicos.wijzigingen],
            label=f"{label}, sinds {risicos.sinds:%d-%m-%Y}"
            if risicos.sinds
            else f"{label}, sinds de start van het programma",
        ),
    ]


def _reeks(metingen, eenheid: str) -> str:
    return "; ".join(
        f"{m['periode']}: {cijfer_tekst(m['waarde'], eenheid, decimalen=m.get('decimalen'))}"
        for m in metingen
    )


def _meting(meting: dict | None, eenheid: str) -> list[Cel]:
    return [
        _getal(meting["waarde"], eenheid) if meting else Getal(None, eenheid),
        meting["periode"] if meting else "",
    ]


def _afstand(rij: Indicatorrij) -> list[Cel]:
    """A difference, not a figure of the indicator's unit: 1,8 procentpunt is written as 1,8, never as 1,8%."""
    i, volgende = rij.gegevens, rij.volgende_streefwaarde
    if rij.afstand == NIET_GETOOND or not i["realisatie"] or not volgende:
        return [Getal(None), rij.afstand]
    verschil = Decimal(volgende["waarde"]) - Decimal(i["realisatie"]["waarde"])
    return [Getal(verschil, "bedrag" if i["eenheid"] == "bedrag" else ""), rij.afstand]


def _indicatortabel(sleutel: str, tabel: Indicatortabel) -> Tabel:
    rijen = []
    for rij in tabel.rijen:
        i, eenheid = rij.gegevens, rij.gegevens["eenheid"]
        realisaties = (
            NIET_GETOOND if rij.trend_tekst == NIET_GETOOND else _reeks(i.get("realisaties") or [], eenheid)
        )
        rijen.append(
            [i["code"], i["naam"], i["doel_code"], _eenheid(eenheid)]
            + _meting(i["peilwaarde"], eenheid)
            + _meting(i["realisatie"], eenheid)
            + _meting(i["streefwaarde"], eenheid)
            + _meting(rij.volgende_streefwaarde, eenheid)
            + _afstand(rij)
            + [_reeks(i["streefwaarden"], eenheid), realisaties]
            + [rij.trend_tekst, rij.koers, i["richting_label"], i["bron"] or i["vindplaats"]]
        )
    return _tabel(
        sleutel,
        Sectie.MONITORING,
        ["Code", "Indicator", "Doel", "Eenheid", "Peilwaarde", "Peilperiode", "Laatste realisatie"]
        + ["Periode realisatie", "Streefwaarde van dat jaar", "Periode streefwaarde"]
        + ["Volgende streefwaarde", "Periode volgende streefwaarde"]
        + ["Afstand tot de volgende streefwaarde (procentpunt bij een percentage)", "Afstand in woorden"]
        + ["Alle streefwaarden", "Realisaties", "Trend", "Op koers?", "Richting", "Bron"],
        rijen,
        [n.in_bestand() for n in tabel.notities],
    )


def _monitoring(weergave: "Editieweergave") -> list[Tabel]:
    return [
        _indicatortabel("indicatoren", weergave.monitoring.kern),
        _indicatortabel("clientervaring", weergave.monitoring.clientervaring),
    ]


def _sociaal_domein(weergave: "Editieweergave") -> list[Tabel]:
    sociaal = weergave.sociaal_domein
    kerncijfers = [rij.gegevens for rij in sociaal.kerncijfers]
    piramide = sociaal.piramide
    return [
        _tabel(
            "kerncijfers",
            Sectie.SOCIAAL_DOMEIN,
            ["Onderwerp", "Kerncijfer", "Periode", "Waarde", "Eenheid", "Bron"],
            (
                [k["onderwerp_label"], k["naam"], k["periode"]]
                + [_getal(k["waarde"], k["eenheid"], k["telt_personen"]), _eenheid(k["eenheid"]), k["bron"]]
                for k in kerncijfers
            ),
            (notitie(n, k["naam"]).in_bestand() for k in kerncijfers for n in k.get("notities", ())),
        ),
        _tabel(
            "piramide",
            Sectie.SOCIAAL_DOMEIN,
            ["Laag", *(f"Aantal cliënten {p}" for p in piramide.perioden)],
            (
                [rij.laag, *(_getal(a, "aantal", personen=True) for a in rij.aantallen)]
                for rij in piramide.rijen
            ),
        ),
    ]


def _voortgang(weergave: "Editieweergave") -> list[Tabel]:
    voortgang = weergave.voortgang

    def telling(rij: Tellingrij) -> list[Cel]:
        lijn = rij.gegevens
        return [
            rij.kop,
            *(lijn.get(t) for t in TELLINGEN),
            _getal(lijn.get("gemiddeld_gereed"), "percentage"),
        ]

    return [
        _tabel(
            "actielijnen",
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
            [telling(rij) for rij in voortgang.actielijnen] + [telling(voortgang.totaal)],
            bronrijen=[rij.gegevens for rij in [*voortgang.actielijnen, voortgang.totaal]],
        ),
        _tabel(
            "activiteiten",
            Sectie.VOORTGANG,
            ["Actielijn", "Code", "Activiteit", "Status", "Stoplicht", "% gereed", "Fase", "Laatste update"],
            (
                [a["actielijn"], a["code"], a["naam"], a["status_label"], a["rag_label"]]
                + [_getal(a["percentage"], "percentage"), a["fase_label"], als_datum(a["laatste_update"])]
                for a in (rij.gegevens for rij in voortgang.activiteiten)
            ),
            notities=voortgang.notities,
            bronrijen=[rij.gegevens for rij in voortgang.activiteiten],
        ),
        _tabel(
            "mijlpalen",
            Sectie.VOORTGANG,
            ["Stand", "Mijlpaal", "Activiteit", "Actielijn", "Gepland", "Bereikt"],
            (
                [m["stand"], m["omschrijving"], m["activiteit_naam"], m["actielijn"]]
                + [als_datum(m["datum_gepland"]), als_datum(m["datum_bereikt"])]
                for m in (rij.gegevens for rij in voortgang.mijlpalen)
            ),
            bronrijen=[rij.gegevens for rij in voortgang.mijlpalen],
        ),
    ]


def _moties(weergave: "Editieweergave") -> list[Tabel]:
    return [
        _tabel(
            "moties",
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
            (
                [
                    m["soort_label"],
                    m["nummer"],
                    m["titel"],
                    als_datum(m["datum"]),
                    m["vergadering"],
                    m["tekst"],
                ]
                + [m["status_label"], rij.wijziging, m["uitvoering"]]
                + ["; ".join(f"{a['code']} {a['naam']}".strip() for a in m["activiteiten"])]
                + ["; ".join(f"{i['code']} {i['naam']}" for i in m["indicatoren"])]
                for rij, m in ((rij, rij.gegevens) for rij in weergave.moties.rijen)
            ),
        )
    ]


def _participatie(weergave: "Editieweergave") -> list[Tabel]:
    """The contributions processed by the peildatum, counts per verwerking first; never a person's name."""
    participatie = weergave.participatie
    return [
        _tabel(
            "inbreng_telling",
            Sectie.PARTICIPATIE,
            ["Verwerking", "Aantal"],
            ([t["label"], t["aantal"]] for t in participatie.tellingen),
            # Counted from the contributions below: a voorbeeld when any of them is.
            bronrijen=[{"voorbeeld": een_voorbeeld(r.gegevens for r in participatie.rijen)}]
            * len(participatie.tellingen),
        ),
        _tabel(
            "inbreng",
            Sectie.PARTICIPATIE,
            ["Traject", "Activiteit", "Ingebracht door", "Datum", "Wat is ingebracht", "Verwerking"]
            + ["Wat is ermee gedaan", "Verwerkt op"],
            (
                [
                    r["traject"],
                    r["activiteit"] or "Buiten het programma",
                    r["stakeholder"],
                    als_datum(r["datum"]),
                ]
                + [r["inbreng"], r["verwerking_label"], r["reactie"], als_datum(r.get("verwerkt_op"))]
                for r in (rij.gegevens for rij in participatie.rijen)
            ),
            bronrijen=[rij.gegevens for rij in participatie.rijen],
        ),
    ]


def tabellen(weergave: "Editieweergave") -> list[Tabel]:
    """Every table of the edition in section order, each with the data-quality notes on its rows; the last
    table gathers those notes."""
    alle = [
        *_financien(weergave),
        *_risicos(weergave),
        *_monitoring(weergave),
        *_sociaal_domein(weergave),
        *_voortgang(weergave),
        *_moties(weergave),
        *_participatie(weergave),
    ]
    notities = Tabel(
        "datakwaliteit",
        TABELLEN["datakwaliteit"],
        "",
        ["Tabel", *NOTITIE_KOPPEN],
        [
            [t.label, n.betreft, n.citaat, n.bron, n.toelichting, n.ernst_label]
            for t in alle
            for n in t.notities
        ],
    )
    return [*alle, notities]
