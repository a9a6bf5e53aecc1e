"""Moties, amendementen en toezeggingen: the open ones (and those settled since the previous edition), their status
change, what the college did, and what they concern."""

from dataclasses import dataclass, field

from rapportage.weergave.tekst import datum_tekst, motiestatus_tekst


@dataclass(frozen=True)
class Motierij:
    kop: str  # 'Motie 12: Titel'
    aangenomen: str  # '12 maart 2024, Raad 12 maart'
    status: str  # the status label
    status_met_vorige: str  # 'Afgedaan (was open)' when it changed since the previous edition
    wijziging: (
        str  # since the previous edition: 'nieuw in deze rapportage', 'ongewijzigd', 'gewijzigd: was open'
    )
    tekst: str
    uitvoering: str
    activiteiten: str  # '1.2 Naam; Naam', or 'geen'
    indicatoren: str
    gegevens: dict = field(repr=False)


@dataclass(frozen=True)
class Motieweergave:
    vorige_peildatum: str  # the previous edition's peildatum in words; "" for the first edition
    rijen: list[Motierij]


def wijziging_tekst(motie: dict) -> str:
    if not motie["vorige_status"]:
        return "nieuw in deze rapportage"
    if motie["vorige_status"] == motie["status"]:
        return "ongewijzigd"
    return f"gewijzigd: was {motiestatus_tekst(motie['vorige_status']).lower()}"


def _motierij(motie: dict) -> Motierij:
    vorige, status = motie.get("vorige_status"), motie.get("status_label", "")
    gewijzigd = vorige and vorige != motie.get("status")
    activiteiten, indicatoren = motie.get("activiteiten") or [], motie.get("indicatoren") or []
    return Motierij(
        kop=f"{motie.get('soort_label', '')} {motie.get('nummer', '')}: {motie.get('titel', '')}",
        aangenomen=f"{datum_tekst(motie.get('datum'))}, {motie.get('vergadering', '')}",
        status=status,
        status_met_vorige=f"{status} (was {motiestatus_tekst(vorige).lower()})" if gewijzigd else status,
        wijziging=wijziging_tekst(motie),
        tekst=motie.get("tekst", ""),
        uitvoering=motie.get("uitvoering", ""),
        activiteiten="; ".join(
            f"{a['code']} {a.get('naam', '')}" if a.get("code") else a.get("naam", "") for a in activiteiten
        )
        if activiteiten
        else "geen",
        indicatoren="; ".join(f"{i.get('code', '')} {i.get('naam', '')}" for i in indicatoren)
        if indicatoren
        else "geen",
        gegevens=motie,
    )


def moties(inhoud: dict) -> Motieweergave:
    vorige = inhoud.get("vorige_peildatum")
    return Motieweergave(
        vorige_peildatum=datum_tekst(vorige) if vorige else "",
        rijen=[_motierij(m) for m in inhoud.get("moties") or []],
    )
