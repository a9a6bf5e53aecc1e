"""
What an analysis reports: an error on a cell (`Fout`), a meting the file proposes with what it would do to the
database (`Voorstel`: nieuw, gewijzigd or ongewijzigd), and the counts with the first examples (`Analyse`).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from kern.notatie import Periode, format_getal
from monitoring.importregels.cellen import VIER_DECIMALEN, zichtbaar
from monitoring.models import Indicator, Vergelijkingsgebied, Wijk

NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"
# An analysis keeps this many errors and examples of each kind of proposal (the preview shows them), and counts the
# rest: its memory does not grow with the file.
MAX_FOUTEN = 200
MAX_VOORBEELDEN = 50


@dataclass(frozen=True)
class Fout:
    rij: int
    kolom: str
    waarde: str
    reden: str

    def __post_init__(self):
        # The cell is echoed on the page and in the admin: never with an invisible control character in it.
        object.__setattr__(self, "waarde", zichtbaar(self.waarde))
        object.__setattr__(self, "reden", zichtbaar(self.reden))


@dataclass
class Voorstel:
    """One meting the file proposes, with what it would do to the database."""

    rij: int
    indicator: Indicator
    periode: Periode
    wijk: Wijk | None
    gebied: Vergelijkingsgebied | None
    soort: str
    waarde: Decimal
    bron: str | None  # None: the file says nothing, keep what is there
    status: str | None
    decimalen: int | None = None  # as the cell shows it: '15,0%' → 1
    kolom: str = "waarde"
    celtekst: str = ""  # the cell as the file shows it
    uitkomst: str = NIEUW
    bestaand: dict | None = None  # the current row's values when it exists
    waarschuwing: str = ""  # a plausibility doubt for a person to weigh; not an error

    @property
    def sleutel(self) -> tuple:
        return (
            self.indicator.pk,
            self.periode.tekst,
            self.wijk.pk if self.wijk else None,
            self.gebied.pk if self.gebied else None,
            self.soort,
        )

    @property
    def reeks(self) -> tuple:
        """The indicator's own series at this place (Hengelo, a wijk or an area), over periods and kinds."""
        indicator, _periode, wijk, gebied, _soort = self.sleutel
        return (indicator, wijk, gebied)

    @property
    def plaats(self) -> str:
        return str(self.wijk or self.gebied or "Hengelo")

    @property
    def waarde_tekst(self) -> str:
        return format_getal(self.waarde, self.indicator.eenheid, self.decimalen)

    @property
    def wijzigingen(self) -> list[str]:
        """What changes in an existing meting, in Dutch: 'waarde 45,5% → 46,0%', 'bron … → …', 'status …'."""
        if self.bestaand is None:
            return []
        oud = self.bestaand
        uit: list[str] = []
        if oud["waarde"].quantize(VIER_DECIMALEN) != self.waarde:
            was = format_getal(oud["waarde"], self.indicator.eenheid, oud.get("decimalen"))
            uit.append(f"waarde {was} → {self.waarde_tekst}")
        if self.bron is not None and oud["bron"] != self.bron:
            uit.append(f"bron '{oud['bron'] or '(leeg)'}' → '{self.bron}'")
        if self.status is not None and oud["status"] != self.status:
            uit.append(f"status {oud['status']} → {self.status}")
        return uit


@dataclass
class Analyse:
    """What a file would do, in counts, with the first examples of each kind for the preview.

    Bounded whatever the file's size: the proposals themselves pass by chunk (`analyseer`'s `na_blok`) and are
    not kept; only the first MAX_FOUTEN errors and MAX_VOORBEELDEN proposals of each kind are.
    """

    indeling: str
    aantal_rijen: int = 0
    lege_waarden: int = 0
    aantal_nieuw: int = 0
    aantal_gewijzigd: int = 0
    aantal_ongewijzigd: int = 0
    aantal_waarschuwingen: int = 0
    aantal_fouten: int = 0
    aantal_ongeldige_rijen: int = 0
    # False after a validation pass alone: then nothing was compared with the database (all counts but errors 0).
    vergeleken: bool = True
    fouten: list[Fout] = field(default_factory=list)  # the first MAX_FOUTEN
    ongeldige_rijen: list[int] = field(default_factory=list)  # the first MAX_FOUTEN rows with an error
    nieuw: list[Voorstel] = field(default_factory=list)  # the first MAX_VOORBEELDEN of each kind
    gewijzigd: list[Voorstel] = field(default_factory=list)
    ongewijzigd: list[Voorstel] = field(default_factory=list)
    waarschuwingen: list[Voorstel] = field(default_factory=list)

    @property
    def aantal_voorstellen(self) -> int:
        return self.aantal_nieuw + self.aantal_gewijzigd + self.aantal_ongewijzigd

    @property
    def voorstellen(self) -> list[Voorstel]:
        """The examples kept, of every kind."""
        return [*self.nieuw, *self.gewijzigd, *self.ongewijzigd]

    def tel_fouten(self, fouten: list[Fout]) -> None:
        """Count errors; they arrive in row order, so a row is counted once however many errors it has."""
        for fout in fouten:
            self.aantal_fouten += 1
            if len(self.fouten) < MAX_FOUTEN:
                self.fouten.append(fout)
            if not self.ongeldige_rijen or self.ongeldige_rijen[-1] != fout.rij:
                if self.aantal_ongeldige_rijen < MAX_FOUTEN:
                    self.ongeldige_rijen.append(fout.rij)
                self.aantal_ongeldige_rijen += 1

    def tel_voorstellen(self, voorstellen: list[Voorstel]) -> None:
        """Count a chunk's proposals by outcome, keeping the first examples of each."""
        for voorstel in voorstellen:
            soort = voorstel.uitkomst
            setattr(self, f"aantal_{soort}", getattr(self, f"aantal_{soort}") + 1)
            voorbeelden = getattr(self, soort)
            if len(voorbeelden) < MAX_VOORBEELDEN:
                voorbeelden.append(voorstel)
            if voorstel.waarschuwing:
                self.aantal_waarschuwingen += 1
                if len(self.waarschuwingen) < MAX_VOORBEELDEN:
                    self.waarschuwingen.append(voorstel)
