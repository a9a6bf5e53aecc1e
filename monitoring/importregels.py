"""
The one rule set for importing metingen, used by the data-team page (monitoring.services) and by the admin's
django-import-export resource (monitoring.resources).

Two layouts, recognised by their headers (case and spacing ignored):
- lang: indicator, periode, wijk (optional), soort, waarde, bron (optional), status (optional);
- breed: indicator, soort, wijk/bron/status (optional), then one column per period (2021, 2022, …).

`analyseer(rijen)` turns rows into proposed metingen, each marked nieuw / gewijzigd / ongewijzigd against the
database, and a list of errors with row, column, value and a Dutch reason. It writes nothing.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from bronnen.notatie import (
    Getal,
    OngeldigGetal,
    format_getal,
    is_geen_waarde,
    parse_getal,
    parse_meervoudig,
)
from bronnen.periode import OngeldigePeriode, Periode, periode_tekst
from monitoring.constants import Eenheid, Indeling, MetingSoort, MetingStatus
from monitoring.importbestand import Cel
from monitoring.models import Indicator, Meting, Vergelijkingsgebied, Wijk

VIER_DECIMALEN = Decimal("0.0001")
LANG_VERPLICHT = ("indicator", "periode", "soort", "waarde")
BREED_VERPLICHT = ("indicator", "soort")
OPTIONEEL = ("wijk", "bron", "status")
KOPPEN_ALIASSEN = {"gebied": "wijk", "wijkcode": "wijk", "code": "indicator", "jaar": "periode"}
SOORTEN = {
    "peil": MetingSoort.PEILWAARDE,
    "peilwaarde": MetingSoort.PEILWAARDE,
    "streef": MetingSoort.STREEFWAARDE,
    "streefwaarde": MetingSoort.STREEFWAARDE,
    "realisatie": MetingSoort.REALISATIE,
    "prognose": MetingSoort.PROGNOSE,
}
STATUSSEN = {"voorlopig": MetingStatus.VOORLOPIG, "definitief": MetingStatus.DEFINITIEF}

NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"
# The value is stored with four decimals, so a cell showing more cannot be shown that precisely again.
MAX_DECIMALEN = 4
# Control characters (NUL first: PostgreSQL refuses it in text) and lone surrogates (no encoding can store them).
# Tab, line feed and carriage return are ordinary text in a cell.
STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
STUURTEKEN_REDEN = (
    "De cel bevat een onzichtbaar stuurteken (zoals een NUL-teken, hier als ␀ getoond) dat niet kan worden "
    "opgeslagen. Verwijder het in de spreadsheet en lees het bestand opnieuw in."
)


def zichtbaar(tekst: str) -> str:
    """Text to show on a page: each control character as its visible symbol (NUL → ␀), a lone surrogate as �."""

    def teken(match):
        c = match[0]
        if "\ud800" <= c <= "\udfff":
            return "\ufffd"
        return "\u2421" if c == "\x7f" else chr(0x2400 + ord(c))

    return STUURTEKENS.sub(teken, tekst)


class OngeldigeIndeling(ValueError):
    """The headers fit neither layout; the message is Dutch and shown to the user."""


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
    indeling: str
    voorstellen: list[Voorstel] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    aantal_rijen: int = 0
    lege_waarden: int = 0

    def _met(self, uitkomst: str) -> list[Voorstel]:
        return [v for v in self.voorstellen if v.uitkomst == uitkomst]

    @property
    def nieuw(self) -> list[Voorstel]:
        return self._met(NIEUW)

    @property
    def gewijzigd(self) -> list[Voorstel]:
        return self._met(GEWIJZIGD)

    @property
    def ongewijzigd(self) -> list[Voorstel]:
        return self._met(ONGEWIJZIGD)

    @property
    def waarschuwingen(self) -> list[Voorstel]:
        """Values far outside their indicator's own series, shown so a person decides before committing."""
        return [v for v in self.voorstellen if v.waarschuwing]

    @property
    def ongeldige_rijen(self) -> list[int]:
        return sorted({fout.rij for fout in self.fouten})


def _kop(tekst) -> str:
    kop = " ".join(str(tekst or "").split()).lower()
    return KOPPEN_ALIASSEN.get(kop, kop)


def _tekst(cel) -> str:
    """The cell as the file shows it: '202300,0%' for a typed percent cell, not '2023.0'."""
    if cel is None:
        return ""
    if isinstance(cel, Cel):
        return cel.tekst
    if isinstance(cel, float) and cel.is_integer():
        cel = int(cel)
    tekst = str(cel).strip()
    if tekst.startswith("'") and tekst[1:2] in ("=", "+", "-", "@"):  # our export's formula neutraliser
        return tekst[1:]
    return tekst


def periode_uit_cel(cel) -> Periode:
    """A period from a cell: text (2025, 2025-Q2, 2025-05), a typed year, or a date cell (its month or year)."""
    if isinstance(cel, Cel) and cel.datum is not None:
        if cel.alleen_jaar:
            return Periode.parse(cel.datum.year)
        if cel.toont_dag and cel.datum.day != 1:
            raise OngeldigePeriode(
                f"'{cel.tekst}' is een datum, geen periode; gebruik een jaar (2025), een kwartaal (2025-Q2) "
                "of een maand (2025-05)."
            )
        return Periode.parse(f"{cel.datum.year}-{cel.datum.month:02d}")
    if isinstance(cel, Cel) and cel.getal is not None and not cel.getal.is_percentage:
        if cel.getal.waarde == cel.getal.waarde.to_integral():  # a year typed as a number, maybe as '2.025'
            return Periode.parse(int(cel.getal.waarde))
    return Periode.parse(_tekst(cel))


def lees_getal(cel) -> Getal | None:
    """The figure in one value cell: a typed number as Excel shows it, or Dutch-notated text."""
    if isinstance(cel, Cel):
        if cel.datum is not None:
            raise OngeldigGetal(f"'{cel.tekst}' is een datum, geen getal.")
        if cel.getal is None:  # NaN or infinity stored in the file
            raise OngeldigGetal(f"De cel bevat geen bruikbaar getal ({cel.tekst}).")
        return cel.getal
    return parse_getal(cel)


def herken_indeling(koppen: list) -> tuple[str, dict[str, int], dict[int, Periode]]:
    """The layout and where each known column is; for 'breed' also the period of each period column."""
    kolommen: dict[str, int] = {}
    perioden: dict[int, Periode] = {}
    for index, ruw in enumerate(koppen):
        kop = _kop(_tekst(ruw))
        if kop in (*LANG_VERPLICHT, *OPTIONEEL):
            kolommen.setdefault(kop, index)
        elif kop:
            try:
                perioden[index] = periode_uit_cel(ruw)
            except OngeldigePeriode:
                pass  # an extra column (a name, a unit): ignored
    if all(k in kolommen for k in LANG_VERPLICHT):
        return Indeling.LANG, kolommen, {}
    if all(k in kolommen for k in BREED_VERPLICHT) and perioden and "waarde" not in kolommen:
        return Indeling.BREED, kolommen, perioden
    ontbrekend = [k for k in LANG_VERPLICHT if k not in kolommen]
    raise OngeldigeIndeling(
        "De kolomkoppen passen niet bij een bekende indeling. Lang: indicator, periode, wijk, soort, waarde, "
        "bron; breed: indicator, soort en één kolom per jaar (2021, 2022, …). "
        f"Ontbrekend voor de lange indeling: {', '.join(ontbrekend)}."
    )


class Importregels:
    """Lookups loaded once (indicators, wijken, areas), then rules applied per row without queries."""

    def __init__(self):
        self.indicatoren: dict[str, Indicator] = {}
        for indicator in Indicator.objects.all():
            self.indicatoren[indicator.code.lower()] = indicator
            self.indicatoren.setdefault(" ".join(indicator.naam.split()).lower(), indicator)
        self.plaatsen: dict[str, Wijk | Vergelijkingsgebied] = {}
        for model in (Wijk, Vergelijkingsgebied):
            for obj in model.objects.all():
                self.plaatsen[obj.naam.lower()] = obj
                if obj.cbs_code:
                    self.plaatsen[obj.cbs_code.lower()] = obj

    # -- single cells --------------------------------------------------------------------------------------
    def indicator(self, cel) -> Indicator:
        tekst = " ".join(_tekst(cel).split()).lower()
        if not tekst:
            raise ValueError("De indicator ontbreekt.")
        if tekst not in self.indicatoren:
            raise ValueError("Onbekende indicator: gebruik de code (bijvoorbeeld 6.1.1.1) of de exacte naam.")
        return self.indicatoren[tekst]

    def plaats(self, cel) -> Wijk | Vergelijkingsgebied | None:
        tekst = _tekst(cel).lower()
        if not tekst or tekst == "hengelo" or tekst == "gm0164":
            return None
        if tekst not in self.plaatsen:
            raise ValueError(
                "Onbekende wijk of vergelijkingsgebied: gebruik de CBS-code of de naam uit het beheer."
            )
        return self.plaatsen[tekst]

    @staticmethod
    def soort(cel) -> str:
        tekst = _tekst(cel).lower()
        if tekst not in SOORTEN:
            raise ValueError("Onbekende soort: gebruik peil, streef, realisatie of prognose.")
        return SOORTEN[tekst]

    @staticmethod
    def status(cel) -> str | None:
        tekst = _tekst(cel).lower()
        if not tekst:
            return None
        if tekst not in STATUSSEN:
            raise ValueError("Onbekende status: gebruik voorlopig of definitief.")
        return STATUSSEN[tekst]

    @staticmethod
    def controleer_eenheid(indicator: Indicator, getal: Getal) -> Decimal:
        """The value if it fits the indicator's unit; ValueError with a Dutch reason otherwise."""
        waarde, eenheid = getal.waarde, indicator.eenheid
        if getal.is_percentage and eenheid != Eenheid.PERCENTAGE:
            raise ValueError(
                f"Dit is een percentage, maar de indicator is in {indicator.get_eenheid_display()}."
            )
        if getal.is_bedrag and eenheid != Eenheid.BEDRAG:
            raise ValueError(f"Dit is een bedrag, maar de indicator is in {indicator.get_eenheid_display()}.")
        if eenheid == Eenheid.PERCENTAGE and not 0 <= waarde <= 100:
            raise ValueError("Een percentage ligt tussen 0 en 100.")
        if eenheid == Eenheid.RAPPORTCIJFER and not 1 <= waarde <= 10:
            raise ValueError("Een rapportcijfer ligt tussen 1 en 10.")
        if eenheid == Eenheid.AANTAL and waarde < 0:
            raise ValueError("Een aantal kan niet negatief zijn.")
        if abs(waarde) >= Decimal("1e12"):
            raise ValueError("De waarde is te groot.")
        return waarde.quantize(VIER_DECIMALEN)

    # -- rows ----------------------------------------------------------------------------------------------
    def rij(
        self, nummer: int, cellen: list, kolommen: dict[str, int], perioden: dict[int, Periode]
    ) -> tuple[list[Voorstel], list[Fout], int]:
        """The metingen one row proposes, its errors, and how many of its cells held no value.

        An error in the row's own columns (indicator, soort, wijk, status) rejects the row; an error in one
        value cell rejects only that cell, so the other years of a wide row still count.
        """
        fouten: list[Fout] = []

        def cel(kolom):
            index = kolommen.get(kolom)
            return cellen[index] if index is not None and index < len(cellen) else None

        def lees(kolom, functie):
            try:
                return functie(cel(kolom))
            except ValueError as exc:
                fouten.append(Fout(nummer, kolom, _tekst(cel(kolom)), str(exc)))
                return None

        # A control character in a column this row uses refuses the row: the preview shows what the commit does,
        # and nothing with a NUL byte gets near the database (PostgreSQL refuses it; SQLite would store it).
        for kolom in kolommen:
            if STUURTEKENS.search(_tekst(cel(kolom))):
                fouten.append(Fout(nummer, kolom, _tekst(cel(kolom)), STUURTEKEN_REDEN))
        if fouten:
            return [], fouten, 0

        indicator = lees("indicator", self.indicator)
        plaats = lees("wijk", self.plaats) if "wijk" in kolommen else None
        soort = lees("soort", self.soort)
        status = lees("status", self.status) if "status" in kolommen else None
        bron = _tekst(cel("bron"))[:200] or None if "bron" in kolommen else None
        rij_geldig = not fouten

        waarden: list[tuple[str, object, Periode | None]] = []  # (column name, cell, period from the header)
        if perioden:
            waarden = [
                (kop.tekst, cellen[i] if i < len(cellen) else None, kop) for i, kop in perioden.items()
            ]
        else:
            waarden = [("waarde", cel("waarde"), None)]

        metingen: list[tuple[Periode, Getal, str, str]] = []  # (period, figure, column, cell as shown)
        leeg = 0
        for kolom, waarde_cel, kop_periode in waarden:
            celtekst = _tekst(waarde_cel)
            if waarde_cel is None or (not isinstance(waarde_cel, Cel) and is_geen_waarde(celtekst)):
                leeg += 1
                continue
            if STUURTEKENS.search(celtekst):
                fouten.append(Fout(nummer, kolom, celtekst, STUURTEKEN_REDEN))
                continue
            try:
                meervoudig = parse_meervoudig(waarde_cel) if isinstance(waarde_cel, str) else []
                if meervoudig:  # '43,2% (2019) 45,5% (2021)': the years in the cell win
                    metingen += [(Periode.parse(jaar), getal, kolom, celtekst) for jaar, getal in meervoudig]
                    continue
                getal = lees_getal(waarde_cel)
            except (OngeldigGetal, OngeldigePeriode) as exc:  # a year in the cell can be '(0000)'
                fouten.append(Fout(nummer, kolom, celtekst, str(exc)))
                continue
            if getal is None:
                leeg += 1
                continue
            if kop_periode is None:
                try:
                    kop_periode = periode_uit_cel(cel("periode"))
                except OngeldigePeriode as exc:
                    fouten.append(Fout(nummer, "periode", _tekst(cel("periode")), str(exc)))
                    continue
            metingen.append((kop_periode, getal, kolom, celtekst))

        voorstellen = []
        for periode, getal, kolom, celtekst in metingen:
            if indicator is None:
                continue
            try:
                waarde = self.controleer_eenheid(indicator, getal)
            except ValueError as exc:
                fouten.append(Fout(nummer, kolom, celtekst, str(exc)))
                continue
            voorstellen.append(
                Voorstel(
                    rij=nummer,
                    indicator=indicator,
                    periode=periode,
                    wijk=plaats if isinstance(plaats, Wijk) else None,
                    gebied=plaats if isinstance(plaats, Vergelijkingsgebied) else None,
                    soort=soort,
                    waarde=waarde,
                    bron=bron,
                    status=status,
                    decimalen=None if getal.decimalen is None else min(getal.decimalen, MAX_DECIMALEN),
                    kolom=kolom,
                    celtekst=celtekst,
                )
            )
        return (voorstellen if rij_geldig else []), fouten, leeg


def analyseer(rijen: Iterable[tuple[int, list]]) -> Analyse:
    """Validate every row and compare it with the database. Raises OngeldigeIndeling for unknown headers."""
    rijen = iter(rijen)
    try:
        kop_nummer, koppen = next(rijen)
    except StopIteration:
        raise OngeldigeIndeling("Het bestand is leeg.") from None
    indeling, kolommen, perioden = herken_indeling(koppen)
    regels = Importregels()
    analyse = Analyse(indeling=indeling)
    eerder: dict[tuple, int] = {}
    for nummer, cellen in rijen:
        analyse.aantal_rijen += 1
        voorstellen, fouten, leeg = regels.rij(nummer, cellen, kolommen, perioden)
        analyse.lege_waarden += leeg
        analyse.fouten += fouten
        for voorstel in voorstellen:
            if voorstel.sleutel in eerder:
                analyse.fouten.append(
                    Fout(
                        nummer,
                        voorstel.kolom,
                        voorstel.celtekst,
                        f"Dubbel: dezelfde indicator, periode ({voorstel.periode}), wijk ({voorstel.plaats}) "
                        f"en soort staan al in rij {eerder[voorstel.sleutel]}.",
                    )
                )
                continue
            eerder[voorstel.sleutel] = nummer
            analyse.voorstellen.append(voorstel)
    _vergelijk_met_database(analyse.voorstellen)
    return analyse


BESTAAND_VELDEN = (
    "id",
    "indicator_id",
    "periode",
    "wijk_id",
    "gebied_id",
    "soort",
    "waarde",
    "decimalen",
    "bron",
    "status",
)
# A value this many times larger or smaller than the nearest value of its own series is worth a second look.
FACTOR_ONWAARSCHIJNLIJK = Decimal(10)


def _vergelijk_met_database(voorstellen: list[Voorstel]) -> None:
    """Mark each proposal nieuw, gewijzigd or ongewijzigd, and warn about implausible values.

    One query per 500 indicators: the same rows serve the comparison and the indicator's own series.
    """
    indicator_ids = sorted({v.indicator.pk for v in voorstellen})
    bestaand: dict[tuple, dict] = {}
    reeksen: dict[tuple, dict[tuple, tuple]] = {}  # series → {key: (period begin, value, period)}
    for start in range(0, len(indicator_ids), 500):
        for rij in Meting.objects.filter(indicator_id__in=indicator_ids[start : start + 500]).values(
            *BESTAAND_VELDEN, "periode_begin", "via_import_id"
        ):
            sleutel = (rij["indicator_id"], rij["periode"], rij["wijk_id"], rij["gebied_id"], rij["soort"])
            bestaand[sleutel] = rij
            reeks = (rij["indicator_id"], rij["wijk_id"], rij["gebied_id"])
            reeksen.setdefault(reeks, {})[sleutel] = (rij["periode_begin"], rij["waarde"], rij["periode"])
    for voorstel in voorstellen:
        # The file's own values count as the series too (a new wijk has nothing in the database yet).
        reeksen.setdefault(voorstel.reeks, {})[("bestand", *voorstel.sleutel)] = (
            voorstel.periode.begin,
            voorstel.waarde,
            voorstel.periode.tekst,
        )
    for voorstel in voorstellen:
        voorstel.waarschuwing = _onwaarschijnlijk(voorstel, reeksen.get(voorstel.reeks, {}))
        rij = bestaand.get(voorstel.sleutel)
        if rij is None:
            voorstel.uitkomst = NIEUW
            continue
        voorstel.bestaand = rij
        # A different number of decimals alone (45% → 45,0%) is the same figure: not a change.
        voorstel.uitkomst = GEWIJZIGD if voorstel.wijzigingen else ONGEWIJZIGD


def _onwaarschijnlijk(voorstel: Voorstel, reeks: dict[tuple, tuple]) -> str:
    """A Dutch reason when the value is far from the nearest other value of its series; '' when plausible."""
    anderen = [
        (begin, waarde, periode)
        for sleutel, (begin, waarde, periode) in reeks.items()
        if sleutel not in (voorstel.sleutel, ("bestand", *voorstel.sleutel)) and waarde
    ]
    if not anderen or not voorstel.waarde:
        return ""
    # The nearest period, earlier ones first on a tie: "ten times its last value".
    begin, referentie, periode = min(
        anderen, key=lambda a: (abs((a[0] - voorstel.periode.begin).days), a[0] > voorstel.periode.begin)
    )
    eenheid = voorstel.indicator.eenheid
    verhouding = abs(voorstel.waarde / referentie)
    if FACTOR_ONWAARSCHIJNLIJK**-1 < verhouding < FACTOR_ONWAARSCHIJNLIJK:
        return ""
    was = format_getal(referentie, eenheid)
    if eenheid == Eenheid.PERCENTAGE and abs(voorstel.waarde) < 1 <= abs(referentie):
        return (
            f"{voorstel.waarde_tekst} ligt ver onder de reeks van deze indicator ({was} in {periode_tekst(periode)}): "
            f"is een fractie ingevuld in plaats van een percentage ({format_getal(voorstel.waarde * 100, eenheid)})?"
        )
    richting = "groot" if verhouding > 1 else "klein"
    keer = format_getal((verhouding if verhouding > 1 else 1 / verhouding).quantize(Decimal(1)))
    return (
        f"{voorstel.waarde_tekst} is ongeveer {keer} keer zo {richting} als de waarde van {periode_tekst(periode)} "
        f"({was}); controleer of dit klopt."
    )
