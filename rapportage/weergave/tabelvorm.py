"""
The shape of a table in an edition's files: typed cells (`Getal` with its unit, `Jaar`, a date, a text) and the
`Tabel` the CSV (rapportage/export_csv.py) and the XLSX (rapportage/export_xlsx.py) write, with the column
"Herkomst" and the first line a file with demo rows carries (kern/herkomst.py). The tables themselves are
rapportage/weergave/tabellen.py.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kern.herkomst import LABEL, UITLEG
from monitoring.weergave import verborgen
from rapportage.weergave.notities import Notitie

HERKOMST = "Herkomst"
# The first line of a file (or sheet) with invented rows.
VOORBEELDREGEL = f"{LABEL}: dit bestand bevat verzonnen rijen, in de kolom {HERKOMST} gemarkeerd. {UITLEG}"


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


Cel = Getal | Jaar | date | int | str | None


@dataclass
class Tabel:
    """One table of the files. `voorbeelden` says per row whether the demo invented it (kern/herkomst.py): a
    table with such a row gets a column "Herkomst" that names them, and its file says so (`in_bestand`)."""

    sleutel: str
    label: str
    sectie: str
    koppen: list[str]
    rijen: list[list[Cel]] = field(default_factory=list)
    notities: list[Notitie] = field(default_factory=list)
    voorbeelden: list[bool] = field(default_factory=list)

    @property
    def bevat_voorbeeld(self) -> bool:
        return any(self.voorbeelden)

    def in_bestand(self) -> tuple[list[str], list[list[Cel]]]:
        """The headers and rows a file writes: with the column "Herkomst" when any row is a voorbeeld."""
        if not self.bevat_voorbeeld:
            return self.koppen, self.rijen
        return (
            [*self.koppen, HERKOMST],
            [[*rij, LABEL if demo else ""] for rij, demo in zip(self.rijen, self.voorbeelden, strict=True)],
        )
