"""
"Wat is er veranderd": what moved between two editions, per activity, indicator, risk and motie.

Works on the stored snapshots only, so comparing two published editions gives the same answer forever.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from kern.notatie import periode_tekst
from rapportage.weergave.tekst import cijfer_tekst


@dataclass(frozen=True)
class Wijziging:
    """One thing that differs: `wat` is the field's label, `oud`/`nieuw` as a reader reads them (Dutch notation
    and words; None: absent)."""

    wat: str
    oud: str | None
    nieuw: str | None


@dataclass
class Onderwerpverschil:
    """One activity, indicator, risk or motie that is new, gone, or changed between the two editions."""

    sleutel: str
    naam: str
    soort: str  # "nieuw", "vervallen" or "gewijzigd"
    wijzigingen: list[Wijziging] = field(default_factory=list)


@dataclass
class Vergelijking:
    activiteiten: list[Onderwerpverschil]
    indicatoren: list[Onderwerpverschil]
    risicos: list[Onderwerpverschil]
    moties: list[Onderwerpverschil]

    @property
    def aantal(self) -> int:
        return len(self.activiteiten) + len(self.indicatoren) + len(self.risicos) + len(self.moties)


class Veld:
    """A field compared between two editions: `waarde` reads what is compared (as stored, so a figure stored with
    or without its precision compares equal), `tekst` how the reader reads it (issue 28: "45,5% (2021)", never
    "45.5000 (2021)"; "ja"/"nee", never True/False)."""

    def __init__(self, waarde, tekst=None):
        self.waarde = waarde
        self.tekst = tekst or (lambda rij, w: None if w is None else str(w))


def _meting(meting):
    """A measured figure as compared: its value and period ('45.5000' and '45.5' are the same figure)."""
    if meting is None:
        return None
    return (None if meting["waarde"] in (None, "") else Decimal(meting["waarde"]), meting["periode"])


def _meting_tekst(naam: str):
    def tekst(rij: dict, _waarde) -> str | None:
        meting = rij.get(naam)
        if meting is None:
            return None
        cijfer = cijfer_tekst(meting["waarde"], rij.get("eenheid", ""), decimalen=meting.get("decimalen"))
        return f"{cijfer} ({periode_tekst(meting['periode'])})"

    return tekst


# A field an older edition did not store yet: not compared, so it never shows up as a change.
ONTBREEKT = object()


def _indicatorveld(naam: str) -> Veld:
    return Veld(lambda r: _meting(r[naam]) if naam in r else ONTBREEKT, _meting_tekst(naam))


def _op_koers(rij: dict, waarde) -> str:
    return {True: "ja", False: "nee"}.get(waarde, "niet te bepalen")


def _procent(rij: dict, waarde) -> str | None:
    return None if waarde is None else f"{waarde}%"


# Per kind of subject: where the rows are, their key, their name, and the fields compared (label → getter).
ONDERWERPEN = {
    "activiteiten": (
        lambda inhoud: inhoud["voortgang"]["activiteiten"],
        lambda r: r["sleutel"],
        lambda r: f"{r['code']} {r['naam']}".strip(),
        {
            "stoplichtkleur": Veld(lambda r: r["rag_label"]),
            "status": Veld(lambda r: r["status_label"]),
            "% gereed": Veld(lambda r: r["percentage"], _procent),
            "fase": Veld(lambda r: r["fase_label"]),
        },
    ),
    "indicatoren": (
        lambda inhoud: inhoud["indicatoren"],
        lambda r: r["code"],
        lambda r: f"{r['code']} {r['naam']}",
        {
            "peilwaarde": _indicatorveld("peilwaarde"),
            "laatste realisatie": _indicatorveld("realisatie"),
            "streefwaarde van dat jaar": _indicatorveld("streefwaarde"),
            "volgende streefwaarde": _indicatorveld("volgende_streefwaarde"),
            "op koers": Veld(lambda r: r["op_koers"], _op_koers),
        },
    ),
    "risicos": (
        lambda inhoud: inhoud["risicos"]["actief"],
        lambda r: r["sleutel"],
        lambda r: r["omschrijving"],
        {
            "kans": Veld(lambda r: r["kans"]),
            "impact": Veld(lambda r: r["impact"]),
            "beheersmaatregel": Veld(lambda r: r["beheersmaatregel"]),
        },
    ),
    "moties": (
        lambda inhoud: inhoud["moties"],
        lambda r: r["sleutel"],
        lambda r: f"{r['soort_label']} {r['nummer']}: {r['titel']}",
        {
            "status": Veld(lambda r: r["status_label"]),
            "wat het college deed": Veld(lambda r: r["uitvoering"]),
        },
    ),
}


def _vergelijk(
    oud_rijen: list[dict], nieuw_rijen: list[dict], sleutel, naam, velden
) -> list[Onderwerpverschil]:
    oud = {sleutel(r): r for r in oud_rijen}
    nieuw = {sleutel(r): r for r in nieuw_rijen}
    verschillen = []
    for key, rij in nieuw.items():
        if key not in oud:
            verschillen.append(Onderwerpverschil(key, naam(rij), "nieuw"))
            continue
        wijzigingen = []
        for label, veld in velden.items():
            eerder, later = veld.waarde(oud[key]), veld.waarde(rij)
            if eerder != later and ONTBREEKT not in (eerder, later):
                wijzigingen.append(Wijziging(label, veld.tekst(oud[key], eerder), veld.tekst(rij, later)))
        if wijzigingen:
            verschillen.append(Onderwerpverschil(key, naam(rij), "gewijzigd", wijzigingen))
    verschillen += [
        Onderwerpverschil(key, naam(rij), "vervallen") for key, rij in oud.items() if key not in nieuw
    ]
    return verschillen


def vergelijk(oud: dict, nieuw: dict) -> Vergelijking:
    """What moved from edition snapshot `oud` to `nieuw`."""
    return Vergelijking(
        **{
            onderwerp: _vergelijk(rijen(oud), rijen(nieuw), sleutel, naam, velden)
            for onderwerp, (rijen, sleutel, naam, velden) in ONDERWERPEN.items()
        }
    )
