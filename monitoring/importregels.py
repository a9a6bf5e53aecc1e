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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Max, Min, Q

from kern.notatie import (
    Getal,
    OngeldigePeriode,
    OngeldigGetal,
    Periode,
    format_getal,
    is_geen_waarde,
    parse_getal,
    parse_meervoudig,
    periode_tekst,
)
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
# An analysis keeps this many errors and examples of each kind of proposal (the preview shows them), and counts the
# rest: its memory does not grow with the file.
MAX_FOUTEN = 200
MAX_VOORBEELDEN = 50
# Rows are validated, compared with the database and (when committing) written in chunks of this many proposals.
BLOK = 5000
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


SOORT_NUMMERS = {soort: nummer for nummer, soort in enumerate(MetingSoort.values)}


def compacte_sleutel(voorstel: Voorstel) -> int:
    """The proposal's key (indicator, period, place, kind) packed in one integer.

    The duplicate check keeps one entry per meting of the whole file: a million tuples of strings would cost
    hundreds of megabytes, a million integers a fraction of that.
    """
    indicator, periode, wijk, gebied, soort = voorstel.sleutel
    tekst = periode
    # '2023' → 0, '2023-05' → 5, '2023-Q2' → 22: unique per period within its year.
    deel = 0 if len(tekst) == 4 else (20 + int(tekst[-1])) if "Q" in tekst else int(tekst[5:])
    code = int(tekst[:4]) * 100 + deel
    sleutel = indicator
    for getal, bits in ((wijk or 0, 32), (gebied or 0, 32), (code, 24), (SOORT_NUMMERS.get(soort, 7), 3)):
        sleutel = (sleutel << bits) | getal
    return sleutel


def analyseer(
    rijen: Iterable[tuple[int, list]],
    *,
    vergelijken: bool = True,
    na_blok: Callable[[list[Voorstel], list[Fout], int], None] | None = None,
    blok: int | None = None,
) -> Analyse:
    """Validate every row and compare it with the database, chunk by chunk; raises OngeldigeIndeling for
    unknown headers.

    The rows are consumed as they come (a generator reading the file is never held whole). Every `blok`
    proposals the chunk is compared with the database (unless `vergelijken` is False: a validation pass) and
    handed to `na_blok(voorstellen, fouten, rijen_gelezen)`, which may write it before the next chunk is read.
    A key seen twice anywhere in the file is an error on its second row.
    """
    blok = blok or BLOK
    rijen = iter(rijen)
    try:
        _kop_nummer, koppen = next(rijen)
    except StopIteration:
        raise OngeldigeIndeling("Het bestand is leeg.") from None
    indeling, kolommen, perioden = herken_indeling(koppen)
    regels = Importregels()
    analyse = Analyse(indeling=indeling, vergeleken=vergelijken)
    eerder: dict[int, int] = {}  # compact key → the row it first appeared in
    voorstellen: list[Voorstel] = []
    fouten: list[Fout] = []

    gemeld = [-1]  # the rows read when the last chunk was handed on

    def blok_af():
        gemeld[0] = analyse.aantal_rijen
        if vergelijken:
            _vergelijk_met_database(voorstellen)
            analyse.tel_voorstellen(voorstellen)
        if na_blok is not None:
            na_blok(voorstellen, fouten, analyse.aantal_rijen)

    for nummer, cellen in rijen:
        analyse.aantal_rijen += 1
        rij_voorstellen, rij_fouten, leeg = regels.rij(nummer, cellen, kolommen, perioden)
        analyse.lege_waarden += leeg
        for voorstel in rij_voorstellen:
            sleutel = compacte_sleutel(voorstel)
            if sleutel in eerder:
                rij_fouten.append(
                    Fout(
                        nummer,
                        voorstel.kolom,
                        voorstel.celtekst,
                        f"Dubbel: dezelfde indicator, periode ({voorstel.periode}), wijk ({voorstel.plaats}) "
                        f"en soort staan al in rij {eerder[sleutel]}.",
                    )
                )
                continue
            eerder[sleutel] = nummer
            voorstellen.append(voorstel)
        analyse.tel_fouten(rij_fouten)
        fouten.extend(rij_fouten)
        if len(voorstellen) >= blok or len(fouten) >= blok:
            blok_af()
            voorstellen, fouten = [], []
    if voorstellen or fouten or gemeld[0] != analyse.aantal_rijen:
        blok_af()
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
# The plausibility check reads the touched series this far around the chunk's periods; only a series with no
# value that near asks the database for its nearest value further away.
VENSTER = timedelta(days=400)
# Indicators or series per query: the OR of their conditions stays a modest statement.
PER_QUERY = 200


def _plaats_q(wijk_id, gebied_id) -> Q:
    return (
        Q(wijk_id=wijk_id)
        if wijk_id is not None
        else Q(wijk_id__isnull=True)
        & (Q(gebied_id=gebied_id) if gebied_id is not None else Q(gebied_id__isnull=True))
    )


def _in_delen(items: list, grootte: int = PER_QUERY):
    for start in range(0, len(items), grootte):
        yield items[start : start + grootte]


def _vergelijk_met_database(voorstellen: list[Voorstel]) -> None:
    """Mark each proposal of one chunk nieuw, gewijzigd or ongewijzigd, and warn about implausible values.

    Reads only what the chunk touches: the existing metingen of its (indicator, period, kind) combinations, and
    for the plausibility check its series within VENSTER of the chunk's periods (further only for a series that
    has nothing nearer). Never every meting of the file's indicators.
    """
    if not voorstellen:
        return
    gevraagd: dict[int, tuple[set, set]] = {}  # indicator → (periods, kinds)
    for voorstel in voorstellen:
        perioden, soorten = gevraagd.setdefault(voorstel.indicator.pk, (set(), set()))
        perioden.add(voorstel.periode.tekst)
        soorten.add(voorstel.soort)
    bestaand: dict[tuple, dict] = {}
    for deel in _in_delen(sorted(gevraagd)):
        voorwaarde = Q()
        for indicator_id in deel:
            perioden, soorten = gevraagd[indicator_id]
            voorwaarde |= Q(
                indicator_id=indicator_id, periode__in=sorted(perioden), soort__in=sorted(soorten)
            )
        for rij in (
            Meting.objects.filter(voorwaarde)
            .order_by()
            .values(*BESTAAND_VELDEN, "periode_begin", "via_import_id")
        ):
            sleutel = (rij["indicator_id"], rij["periode"], rij["wijk_id"], rij["gebied_id"], rij["soort"])
            bestaand[sleutel] = rij

    # Each series sorted once for the chunk: a series may hold thousands of values, a chunk thousands of proposals.
    reeksen = {reeks: Buren(waarden) for reeks, waarden in _reeksen(voorstellen).items()}
    for voorstel in voorstellen:
        voorstel.waarschuwing = _onwaarschijnlijk(voorstel, reeksen[voorstel.reeks])
        rij = bestaand.get(voorstel.sleutel)
        if rij is None:
            voorstel.uitkomst = NIEUW
            continue
        voorstel.bestaand = rij
        # A different number of decimals alone (45% → 45,0%) is the same figure: not a change.
        voorstel.uitkomst = GEWIJZIGD if voorstel.wijzigingen else ONGEWIJZIGD


REEKS_VELDEN = ("indicator_id", "wijk_id", "gebied_id", "soort", "periode", "periode_begin", "waarde")


def _reeksen(voorstellen: list[Voorstel]) -> dict[tuple, dict[tuple, tuple]]:
    """The touched series' values near the chunk's periods: series → {key: (period begin, value, period)}.

    Database values first (by period, then kind), then the chunk's own values, the order the nearest value is
    chosen in on a tie. A series with nothing within VENSTER of one of its proposals also gets its nearest
    value before and after the window.
    """
    laagste = min(v.periode.begin for v in voorstellen) - VENSTER
    hoogste = max(v.periode.begin for v in voorstellen) + VENSTER
    geraakt = {v.reeks for v in voorstellen}
    gevonden: list[dict] = []
    for deel in _in_delen(sorted({v.indicator.pk for v in voorstellen})):
        gevonden += [
            rij
            for rij in Meting.objects.filter(indicator_id__in=deel, periode_begin__range=(laagste, hoogste))
            .exclude(waarde=0)
            .order_by()
            .values(*REEKS_VELDEN)
            if (rij["indicator_id"], rij["wijk_id"], rij["gebied_id"]) in geraakt
        ]
    # A series with no value within the window of a proposal: its nearest value may lie outside it.
    momenten: dict[tuple, list] = {}
    for rij in gevonden:
        momenten.setdefault((rij["indicator_id"], rij["wijk_id"], rij["gebied_id"]), []).append(
            rij["periode_begin"]
        )
    eigen: dict[tuple, list[Voorstel]] = {}
    for voorstel in voorstellen:
        eigen.setdefault(voorstel.reeks, []).append(voorstel)
    verder = sorted(
        (reeks for reeks in geraakt if not _heeft_buur(eigen[reeks], momenten.get(reeks, []))),
        key=lambda r: (r[0], r[1] or 0, r[2] or 0),
    )
    gevonden += _buren_buiten_venster(verder, laagste, hoogste)

    reeksen: dict[tuple, dict[tuple, tuple]] = {}
    for rij in sorted(gevonden, key=lambda r: (r["periode_begin"], r["soort"])):
        sleutel = (rij["indicator_id"], rij["periode"], rij["wijk_id"], rij["gebied_id"], rij["soort"])
        reeks = (rij["indicator_id"], rij["wijk_id"], rij["gebied_id"])
        reeksen.setdefault(reeks, {})[sleutel] = (rij["periode_begin"], rij["waarde"], rij["periode"])
    for voorstel in voorstellen:
        # The file's own values count as the series too (a new wijk has nothing in the database yet).
        reeksen.setdefault(voorstel.reeks, {})[("bestand", *voorstel.sleutel)] = (
            voorstel.periode.begin,
            voorstel.waarde,
            voorstel.periode.tekst,
        )
    return reeksen


def _heeft_buur(voorstellen: list[Voorstel], momenten: list) -> bool:
    """Whether every proposal of one series has another non-zero value of it within VENSTER (file or database).

    Cautious: a database value at the proposal's own period may be the meting it replaces, so it is not counted.
    A wrong False only costs the query for values further away, which cannot beat a value within the window.
    """
    data = sorted(momenten)
    bestand = sorted(v.periode.begin for v in voorstellen if v.waarde)
    for voorstel in voorstellen:
        begin = voorstel.periode.begin
        rond = bisect_right(data, begin + VENSTER) - bisect_left(data, begin - VENSTER)
        rond -= bisect_right(data, begin) - bisect_left(data, begin)
        rond += bisect_right(bestand, begin + VENSTER) - bisect_left(bestand, begin - VENSTER)
        rond -= 1 if voorstel.waarde else 0
        if rond <= 0:
            return False
    return True


def _buren_buiten_venster(reeksen: list[tuple], laagste, hoogste) -> list[dict]:
    """Per series, its non-zero values at the latest period before the window and the earliest after it."""
    uit: list[dict] = []
    for deel in _in_delen(reeksen):
        voorwaarde = Q()
        for indicator_id, wijk_id, gebied_id in deel:
            voorwaarde |= Q(indicator_id=indicator_id) & _plaats_q(wijk_id, gebied_id)
        grenzen = (
            Meting.objects.filter(voorwaarde)
            .exclude(waarde=0)
            .exclude(periode_begin__range=(laagste, hoogste))
            .order_by()
            .values("indicator_id", "wijk_id", "gebied_id")
            .annotate(
                voor=Max("periode_begin", filter=Q(periode_begin__lt=laagste)),
                na=Min("periode_begin", filter=Q(periode_begin__gt=hoogste)),
            )
        )
        waar = Q()
        for grens in grenzen:
            momenten = [m for m in (grens["voor"], grens["na"]) if m is not None]
            waar |= Q(indicator_id=grens["indicator_id"], periode_begin__in=momenten) & _plaats_q(
                grens["wijk_id"], grens["gebied_id"]
            )
        if waar:
            uit += list(Meting.objects.filter(waar).exclude(waarde=0).order_by().values(*REEKS_VELDEN))
    return uit


class Buren:
    """One series' non-zero values sorted by period begin, to find a proposal's nearest other value by bisection.

    Built once per series and chunk from `_reeksen`' dict; equal begins keep the dict's order (database values by
    kind, then the file's), the order the brute-force rule `min(…)` settles a tie in.
    """

    def __init__(self, reeks: dict[tuple, tuple]):
        waarden = [
            (begin, volgorde, sleutel, waarde, periode)
            for volgorde, (sleutel, (begin, waarde, periode)) in enumerate(reeks.items())
            if waarde
        ]
        waarden.sort(key=lambda w: (w[0], w[1]))
        self.begins = [w[0] for w in waarden]
        self.waarden = waarden

    def naaste(self, begin, uitgesloten) -> tuple | None:
        """(begin, value, period) of the value nearest to `begin`, earlier first on a tie; not `uitgesloten`."""
        begins, waarden = self.begins, self.waarden
        links = bisect_left(begins, begin)
        rechts = bisect_right(begins, begin)
        for index in range(links, rechts):  # the same begin: distance 0, the first in the series' order
            if waarden[index][2] not in uitgesloten:
                return waarden[index][0], waarden[index][3], waarden[index][4]
        eerder = self._eerste_van_groep(links - 1, -1, uitgesloten)
        later = self._eerste_van_groep(rechts, 1, uitgesloten)
        if eerder is None or later is None:
            return eerder or later
        return eerder if (begin - eerder[0]) <= (later[0] - begin) else later

    def _eerste_van_groep(self, index: int, stap: int, uitgesloten) -> tuple | None:
        """From `index` walking by `stap`: the first (in series order) allowed value of the nearest begin."""
        begins, waarden = self.begins, self.waarden
        while 0 <= index < len(waarden):
            groep = begins[index]
            start = bisect_left(begins, groep)
            eind = bisect_right(begins, groep)
            for positie in range(start, eind):
                if waarden[positie][2] not in uitgesloten:
                    return waarden[positie][0], waarden[positie][3], waarden[positie][4]
            index = start - 1 if stap < 0 else eind
        return None


def _onwaarschijnlijk(voorstel: Voorstel, reeks: dict[tuple, tuple] | Buren) -> str:
    """A Dutch reason when the value is far from the nearest other value of its series; '' when plausible."""
    if not voorstel.waarde:
        return ""
    buren = reeks if isinstance(reeks, Buren) else Buren(reeks)
    eigen = voorstel.sleutel
    # The nearest period, earlier ones first on a tie: "ten times its last value".
    naaste = buren.naaste(voorstel.periode.begin, (eigen, ("bestand", *eigen)))
    if naaste is None:
        return ""
    begin, referentie, periode = naaste
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
