"""Risicobeheersing: the active risks with kans × impact, and what changed since the previous edition."""

from dataclasses import dataclass, field
from datetime import date

from kern.herkomst import is_voorbeeld
from rapportage.weergave.notities import Notitie, notitie
from rapportage.weergave.tekst import LEEG, als_datum, datum_tekst, kans_maal_impact


@dataclass(frozen=True)
class Risicorij:
    kop: str  # 'R3. Omschrijving'
    categorie: str
    betreft: str
    kans_maal_impact: str
    beheersmaatregel: str
    gegevens: dict = field(repr=False)

    @property
    def voorbeeld(self) -> bool:
        """Whether the demo invented what this row shows (kern/herkomst.py; frozen in the snapshot)."""
        return is_voorbeeld(self.gegevens)


@dataclass(frozen=True)
class Wijzigingrij:
    datum: str
    risico: str
    soort: str
    toelichting: str
    bron: str
    gegevens: dict = field(repr=False)

    @property
    def voorbeeld(self) -> bool:
        """Whether the demo invented what this row shows (kern/herkomst.py; frozen in the snapshot)."""
        return is_voorbeeld(self.gegevens)


@dataclass(frozen=True)
class Risicoweergave:
    sinds: date | None  # the previous edition's peildatum; None: since the start of the programme
    sinds_tekst: str
    actief: list[Risicorij]
    wijzigingen: list[Wijzigingrij]
    # The sources' notes on the active risks (risk 2c's "si"), each with its risk (editions since issue 24).
    notities: list[Notitie] = field(default_factory=list)


def _risicorij(risico: dict) -> Risicorij:
    code = risico.get("code")
    return Risicorij(
        kop=f"{code}. {risico.get('omschrijving', '')}" if code else risico.get("omschrijving", ""),
        categorie=risico.get("categorie") or LEEG,
        betreft=risico.get("betreft", ""),
        kans_maal_impact=kans_maal_impact(risico),
        beheersmaatregel=risico.get("beheersmaatregel") or LEEG,
        gegevens=risico,
    )


def _wijzigingrij(wijziging: dict) -> Wijzigingrij:
    return Wijzigingrij(
        datum=datum_tekst(wijziging.get("datum"))
        + (" (aangenomen: de bron noemt geen datum)" if wijziging.get("datum_aangenomen") else ""),
        risico=wijziging.get("risico", ""),
        soort=wijziging.get("soort_label", ""),
        toelichting=wijziging.get("toelichting", ""),
        bron=wijziging.get("bron", ""),
        gegevens=wijziging,
    )


def risicobeheersing(inhoud: dict) -> Risicoweergave:
    risicos = inhoud.get("risicos") or {}
    sinds = als_datum(risicos.get("sinds"))
    return Risicoweergave(
        sinds=sinds,
        sinds_tekst=datum_tekst(sinds),
        actief=[_risicorij(r) for r in risicos.get("actief", [])],
        wijzigingen=[_wijzigingrij(w) for w in risicos.get("wijzigingen", [])],
        notities=[
            notitie(n, f"risico {r['code']}" if r.get("code") else r.get("omschrijving", ""))
            for r in risicos.get("actief", [])
            for n in r.get("notities", ())
        ],
    )
