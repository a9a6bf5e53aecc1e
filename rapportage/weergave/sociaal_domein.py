"""Sociaal Domein in beeld: the kerncijfers per onderwerp, and the transformatiepiramide per period."""

from dataclasses import dataclass, field

from kern.notatie import periode_tekst
from rapportage.weergave.notities import Notitie, notities_van
from rapportage.weergave.tekst import NIET_BEKEND, cijfer_tekst


def piramide_rijen(piramide: dict) -> list[dict]:
    """One row per layer, top of the pyramid (highest `volgorde`) first, with its count per period."""
    standen = {(s["periode"], s["laag"]): s["aantal"] for s in piramide.get("standen", ())}
    lagen = sorted(piramide.get("lagen", ()), key=lambda laag: -laag["volgorde"])
    return [
        {
            "laag": laag["naam"],
            "aantallen": [standen.get((p, laag["naam"])) for p in piramide.get("perioden", ())],
        }
        for laag in lagen
    ]


def heeft_standen(piramide: dict | None) -> bool:
    return any(s.get("aantal") is not None for s in (piramide or {}).get("standen", ()))


@dataclass(frozen=True)
class Kerncijferrij:
    naam: str
    periode: str
    waarde: str  # "< 10" for a small count of people the user may not see
    bron: str
    gegevens: dict = field(repr=False)


@dataclass(frozen=True)
class Kerncijfergroep:
    """The kerncijfers of one onderwerp, in order of first appearance, with the notes on their rows."""

    onderwerp: str
    label: str
    kerncijfers: list[Kerncijferrij]
    notities: list[Notitie]


@dataclass(frozen=True)
class Piramiderij:
    laag: str
    aantallen: list[int | None]  # per period of `Piramideweergave.perioden`
    aantallen_tekst: list[str]


@dataclass(frozen=True)
class Piramideweergave:
    heeft_standen: bool
    perioden: list[str]
    rijen: list[Piramiderij]


@dataclass(frozen=True)
class Sociaaldomeinweergave:
    kerncijfers: list[Kerncijferrij]
    groepen: list[Kerncijfergroep]
    piramide: Piramideweergave


def _kerncijferrij(kerncijfer: dict, user) -> Kerncijferrij:
    return Kerncijferrij(
        naam=kerncijfer.get("naam", ""),
        periode=periode_tekst(kerncijfer.get("periode")),
        waarde=cijfer_tekst(
            kerncijfer.get("waarde"),
            kerncijfer.get("eenheid", ""),
            user,
            telt_personen=kerncijfer.get("telt_personen"),
        ),
        bron=kerncijfer.get("bron", ""),
        gegevens=kerncijfer,
    )


def _groepen(kerncijfers: list[dict], rijen: list[Kerncijferrij]) -> list[Kerncijfergroep]:
    """Kerncijfers grouped by onderwerp, in order of first appearance."""
    per_onderwerp: dict[str, tuple[str, list[dict], list[Kerncijferrij]]] = {}
    for kerncijfer, rij in zip(kerncijfers, rijen, strict=True):
        label, gegevens, groep = per_onderwerp.setdefault(
            kerncijfer["onderwerp"], (kerncijfer["onderwerp_label"], [], [])
        )
        gegevens.append(kerncijfer)
        groep.append(rij)
    return [
        Kerncijfergroep(onderwerp, label, groep, notities_van(gegevens))
        for onderwerp, (label, gegevens, groep) in per_onderwerp.items()
    ]


def _piramide(piramide: dict, user) -> Piramideweergave:
    return Piramideweergave(
        heeft_standen=heeft_standen(piramide),
        perioden=list(piramide.get("perioden", [])),
        rijen=[
            Piramiderij(
                laag=rij["laag"],
                aantallen=rij["aantallen"],
                aantallen_tekst=[
                    NIET_BEKEND if a is None else cijfer_tekst(a, "aantal", user) for a in rij["aantallen"]
                ],
            )
            for rij in piramide_rijen(piramide)
        ],
    )


def sociaal_domein(inhoud: dict, user=None) -> Sociaaldomeinweergave:
    sociaal = inhoud.get("sociaal_domein") or {}
    kerncijfers = sociaal.get("kerncijfers") or []
    rijen = [_kerncijferrij(k, user) for k in kerncijfers]
    return Sociaaldomeinweergave(
        kerncijfers=rijen,
        groepen=_groepen(kerncijfers, rijen),
        piramide=_piramide(sociaal.get("piramide") or {}, user),
    )
