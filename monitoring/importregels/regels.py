"""
The rules per cell and per row (`Importregels`): indicator, place, kind, status and value checked against the
lookups loaded once, so a row costs no query.
"""

from decimal import Decimal

from kern.notatie import (
    Getal,
    OngeldigePeriode,
    OngeldigGetal,
    Periode,
    is_geen_waarde,
    parse_meervoudig,
)
from monitoring.constants import Eenheid, MetingSoort, MetingStatus
from monitoring.importbestand import Cel
from monitoring.importregels.cellen import (
    STUURTEKEN_REDEN,
    STUURTEKENS,
    VIER_DECIMALEN,
    _tekst,
    lees_getal,
    periode_uit_cel,
)
from monitoring.importregels.voorstellen import Fout, Voorstel
from monitoring.models import Indicator, Vergelijkingsgebied, Wijk

SOORTEN = {
    "peil": MetingSoort.PEILWAARDE,
    "peilwaarde": MetingSoort.PEILWAARDE,
    "streef": MetingSoort.STREEFWAARDE,
    "streefwaarde": MetingSoort.STREEFWAARDE,
    "realisatie": MetingSoort.REALISATIE,
    "prognose": MetingSoort.PROGNOSE,
}
STATUSSEN = {"voorlopig": MetingStatus.VOORLOPIG, "definitief": MetingStatus.DEFINITIEF}
# The value is stored with four decimals, so a cell showing more cannot be shown that precisely again.
MAX_DECIMALEN = 4


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
