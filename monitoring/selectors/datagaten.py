"""
The data gaps: per indicator the years without a city-wide realisation, the wijken without one and the years
without a target (`datagaten`), and years as a reader scans them (`jaarreeks`).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from monitoring.constants import MetingSoort
from monitoring.models import Indicator, Meting, Wijk


def jaarreeks(jaren) -> str:
    """Years as a reader scans them: '2019–2020, 2023–2026' (never with a thousands dot)."""
    jaren = sorted(set(jaren))
    delen, begin = [], None
    for i, jaar in enumerate(jaren):
        begin = jaar if begin is None else begin
        if i + 1 == len(jaren) or jaren[i + 1] != jaar + 1:
            delen.append(str(jaar) if begin == jaar else f"{begin}–{jaar}")
            begin = None
    return ", ".join(delen)


@dataclass
class Indicatorgaten:
    """What one indicator lacks: years without a city-wide realisation, wijken without one, years without a target.

    `bron` is whom to ask (the indicator's `bron van de data`; empty when not recorded).
    """

    indicator: Indicator
    jaren: list[int]  # the years a realisation is expected: from the peil year up to this year
    realisatie: list[int] = field(default_factory=list)
    per_wijk: list[tuple[int, int]] = field(default_factory=list)  # (year, number of wijken without a value)
    streefwaarde: list[int] = field(default_factory=list)

    @property
    def bron(self) -> str:
        return self.indicator.bron

    @property
    def compleet(self) -> bool:
        return not (self.realisatie or self.per_wijk or self.streefwaarde)

    @property
    def realisatie_tekst(self) -> str:
        return jaarreeks(self.realisatie)

    @property
    def streefwaarde_tekst(self) -> str:
        return jaarreeks(self.streefwaarde)

    aantal_wijken: int = 0

    @property
    def per_wijk_tekst(self) -> str:
        """'2019–2026: alle 12 wijken' where no wijk has a value; '2023: 3 van de 12 wijken' where some lack one."""
        per_aantal: dict[int, list[int]] = {}
        for jaar, ontbrekend in self.per_wijk:
            per_aantal.setdefault(ontbrekend, []).append(jaar)
        delen = []
        for ontbrekend, jaren in sorted(per_aantal.items(), key=lambda item: min(item[1])):
            wie = (
                f"alle {self.aantal_wijken} wijken"
                if ontbrekend == self.aantal_wijken
                else f"{ontbrekend} van de {self.aantal_wijken} wijken"
            )
            delen.append(f"{jaarreeks(jaren)}: {wie}")
        return "; ".join(delen)


@dataclass
class Datagatenoverzicht:
    indicatoren: list[Indicatorgaten]
    aantal_wijken: int
    tot_jaar: int  # realisations are expected up to this year (the current year, at most the programme's end)
    eind_jaar: int | None  # the programme's last target year
    # Some wijken are the demo's (kern/herkomst.py): what is missing "per wijk" is then partly invented.
    wijken_voorbeeld: bool = False

    @property
    def met_gaten(self) -> list[Indicatorgaten]:
        return [i for i in self.indicatoren if not i.compleet]


def datagaten(*, vandaag: date | None = None) -> Datagatenoverzicht:
    """Per indicator the years and kinds of figures that are missing (4 queries, whatever the number of metingen).

    Realisations are expected for every year from the indicator's first peil year up to this year (at most the
    programme's last target year); a year with a peilwaarde counts as measured. Targets are expected for every
    year from the programme's first to its last target year. Per wijk: every wijk a realisation in each year.
    """
    vandaag = vandaag or date.today()
    indicatoren_lijst = list(Indicator.objects.select_related("doel"))
    hengelo: dict[int, dict[str, set[int]]] = {}
    for indicator_id, soort, begin in Meting.objects.filter(
        wijk__isnull=True, gebied__isnull=True
    ).values_list("indicator_id", "soort", "periode_begin"):
        hengelo.setdefault(indicator_id, {}).setdefault(soort, set()).add(begin.year)
    wijkjaren: dict[tuple[int, int], int] = {}
    # Per indicator and year the number of wijken with a realisation: one aggregate row each, not a row per meting.
    for rij in (
        Meting.objects.filter(wijk__isnull=False, soort=MetingSoort.REALISATIE)
        .values("indicator_id", "periode_begin__year")
        .annotate(wijken=Count("wijk", distinct=True))
    ):
        wijkjaren[(rij["indicator_id"], rij["periode_begin__year"])] = rij["wijken"]
    wijken = Wijk.objects.aggregate(aantal=Count("pk"), demo=Count("pk", filter=Q(voorbeeld=True)))
    aantal_wijken = wijken["aantal"]
    streefjaren = {j for per_soort in hengelo.values() for j in per_soort.get(MetingSoort.STREEFWAARDE, ())}
    eind_jaar = max(streefjaren) if streefjaren else None
    tot_jaar = min(vandaag.year, eind_jaar) if eind_jaar else vandaag.year
    programma_streefjaren = range(min(streefjaren), eind_jaar + 1) if streefjaren else range(0)
    resultaat = []
    for indicator in indicatoren_lijst:
        per_soort = hengelo.get(indicator.pk, {})
        peil = per_soort.get(MetingSoort.PEILWAARDE, set())
        gemeten = per_soort.get(MetingSoort.REALISATIE, set()) | peil
        eigen = gemeten | per_soort.get(MetingSoort.STREEFWAARDE, set())
        begin = min(peil) if peil else min(eigen, default=programma_streefjaren.start or tot_jaar)
        jaren = list(range(begin, tot_jaar + 1))
        per_wijk = []
        if aantal_wijken:
            for jaar in jaren:
                ontbrekend = aantal_wijken - wijkjaren.get((indicator.pk, jaar), 0)
                if ontbrekend > 0:
                    per_wijk.append((jaar, ontbrekend))
        resultaat.append(
            Indicatorgaten(
                indicator=indicator,
                jaren=jaren,
                realisatie=[j for j in jaren if j not in gemeten],
                per_wijk=per_wijk,
                aantal_wijken=aantal_wijken,
                streefwaarde=[
                    j
                    for j in programma_streefjaren
                    if j not in per_soort.get(MetingSoort.STREEFWAARDE, set())
                ],
            )
        )
    return Datagatenoverzicht(
        resultaat, aantal_wijken, tot_jaar, eind_jaar, wijken_voorbeeld=bool(wijken["demo"])
    )
