"""
"Wat is er veranderd": what moved between two editions, per activity, indicator, risk and motie.

Works on the stored snapshots only, so comparing two published editions gives the same answer forever.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Wijziging:
    """One thing that differs: `wat` is the field's label, `oud`/`nieuw` as stored (None: absent)."""

    wat: str
    oud: object
    nieuw: object


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


def _waarde(meting):
    return None if meting is None else f"{meting['waarde']} ({meting['periode']})"


# A field an older edition did not store yet: not compared, so it never shows up as a change.
ONTBREEKT = object()


def _veld(rij: dict, naam: str):
    return _waarde(rij[naam]) if naam in rij else ONTBREEKT


# Per kind of subject: where the rows are, their key, their name, and the fields compared (label → getter).
ONDERWERPEN = {
    "activiteiten": (
        lambda inhoud: inhoud["voortgang"]["activiteiten"],
        lambda r: r["sleutel"],
        lambda r: f"{r['code']} {r['naam']}".strip(),
        {
            "stoplichtkleur": lambda r: r["rag_label"],
            "status": lambda r: r["status_label"],
            "% gereed": lambda r: r["percentage"],
            "fase": lambda r: r["fase_label"],
        },
    ),
    "indicatoren": (
        lambda inhoud: inhoud["indicatoren"],
        lambda r: r["code"],
        lambda r: f"{r['code']} {r['naam']}",
        {
            "peilwaarde": lambda r: _waarde(r["peilwaarde"]),
            "laatste realisatie": lambda r: _waarde(r["realisatie"]),
            "streefwaarde van dat jaar": lambda r: _waarde(r["streefwaarde"]),
            "volgende streefwaarde": lambda r: _veld(r, "volgende_streefwaarde"),
            "op koers": lambda r: r["op_koers"],
        },
    ),
    "risicos": (
        lambda inhoud: inhoud["risicos"]["actief"],
        lambda r: r["sleutel"],
        lambda r: r["omschrijving"],
        {
            "kans": lambda r: r["kans"],
            "impact": lambda r: r["impact"],
            "beheersmaatregel": lambda r: r["beheersmaatregel"],
        },
    ),
    "moties": (
        lambda inhoud: inhoud["moties"],
        lambda r: r["sleutel"],
        lambda r: f"{r['soort_label']} {r['nummer']}: {r['titel']}",
        {
            "status": lambda r: r["status_label"],
            "wat het college deed": lambda r: r["uitvoering"],
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
        wijzigingen = [
            Wijziging(label, getter(oud[key]), getter(rij))
            for label, getter in velden.items()
            if getter(oud[key]) != getter(rij) and ONTBREEKT not in (getter(oud[key]), getter(rij))
        ]
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
