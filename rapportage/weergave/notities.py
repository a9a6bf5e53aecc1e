"""The data-quality notes under a table of an edition: the snapshot's notes, each with the row it concerns."""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Notitie:
    """One note as the page prints it ("Ernst: rij, betreft", the quotation, its source, the explanation)."""

    betreft: str
    citaat: str
    bron: str
    toelichting: str
    ernst_label: str
    rij: str = (
        ""  # the row it concerns (an indicator's code, a kerncijfer's name, "doel 6.2.3"); "" for a table's
    )

    def in_bestand(self) -> "Notitie":
        """The note as the CSV and XLSX write it: the row in front of what it concerns ('6.1.1.1: peilwaarde')."""
        return replace(self, betreft=f"{self.rij}: {self.betreft}", rij="")


def notitie(gegevens: dict, rij: str = "") -> Notitie:
    """A note from the snapshot (rapportage.momentopname._notitie)."""
    return Notitie(
        betreft=gegevens.get("betreft", ""),
        citaat=gegevens.get("citaat", ""),
        bron=gegevens.get("bron", ""),
        toelichting=gegevens.get("toelichting", ""),
        ernst_label=gegevens.get("ernst_label", ""),
        rij=rij,
    )


def notities_van(rijen) -> list[Notitie]:
    """The notes of a table's rows (snapshot dicts), each with the row it concerns (`code` or `naam`)."""
    return [
        notitie(n, rij.get("code") or rij.get("naam", ""))
        for rij in rijen or ()
        for n in rij.get("notities", ())
    ]
