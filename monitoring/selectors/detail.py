"""
One indicator's page: its standing, its figures per year and place, one page of one year's metingen
(`indicator_detail`), and the history of the indicator and its metingen (`indicator_geschiedenis`).
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Q

from actielijnen.permissions import mag_interne_gegevens_zien
from bronnen.models import Datakwaliteitsnotitie
from kern.geschiedenis import geschiedenis
from monitoring.constants import MetingSoort
from monitoring.models import Indicator, Meting
from monitoring.selectors.indicatoren import (
    IndicatorStand,
    _notities_van_doel,
    _stand,
    doelnotities,
    per_jaar,
)
from monitoring.weergave import waarde_tekst

ALLE_PLAATSEN = ""
HENGELO = "hengelo"


@dataclass
class IndicatorDetail:
    """One indicator's page: its standing, a point per year and place for the chart, and one year's metingen.

    The page never holds every meting: over ten years of monthly figures per wijk that is tens of thousands of
    rows. `jaarcijfers` has one meting per place, kind and year (see `per_jaar`); `pagina` one page of the metingen
    of the chosen year (`jaar`), narrowed to a place (`plaats`: "" all, "hengelo", "wijk-<pk>", "gebied-<pk>") and
    a kind (`soort`). `melding` says in Dutch what was wrong with a filter a user typed.
    """

    indicator: Indicator
    jaarcijfers: list[Meting]  # Hengelo, wijken and benchmarks: one per place, kind and year, by period
    notities: list[Datakwaliteitsnotitie]
    stand: IndicatorStand | None = None  # where it stands, as on the list and the college page
    doel_notities: list[Datakwaliteitsnotitie] = field(default_factory=list)
    pagina: Page | None = None  # the metingen of `jaar` that match the filters
    jaar: int | None = None
    plaats: str = ALLE_PLAATSEN
    soort: str = ""
    melding: str = ""

    @property
    def metingen(self) -> list[Meting]:
        """The metingen shown in the year's table (this page of them)."""
        return list(self.pagina.object_list) if self.pagina is not None else []

    @property
    def hengelo_per_jaar(self) -> list[Meting]:
        return [m for m in self.jaarcijfers if not m.wijk_id and not m.gebied_id]

    @property
    def jaren(self) -> list[int]:
        return sorted({m.periode_begin.year for m in self.jaarcijfers}, reverse=True)

    @property
    def plaatsen(self) -> list[tuple[str, str]]:
        """The places to filter on, as (value, label): Hengelo, then the wijken, then the benchmarks."""
        wijken = {m.wijk_id: str(m.wijk) for m in self.jaarcijfers if m.wijk_id}
        gebieden = {m.gebied_id: f"{m.gebied} (vergelijking)" for m in self.jaarcijfers if m.gebied_id}
        return [
            (ALLE_PLAATSEN, "Alle"),
            (HENGELO, "Hengelo"),
            *sorted(((f"wijk-{pk}", naam) for pk, naam in wijken.items()), key=lambda p: p[1]),
            *sorted(((f"gebied-{pk}", naam) for pk, naam in gebieden.items()), key=lambda p: p[1]),
        ]

    @property
    def soorten(self) -> list[tuple[str, str]]:
        return [("", "Alle"), *MetingSoort.choices]

    @property
    def heeft_wijken(self) -> bool:
        return any(m.wijk_id for m in self.jaarcijfers)

    @property
    def heeft_benchmarks(self) -> bool:
        return any(m.gebied_id for m in self.jaarcijfers)

    @property
    def heeft_deeljaren(self) -> bool:
        """Whether any figure is monthly or quarterly, so the chart shows a year's latest value for it."""
        return any(len(m.periode) > 4 for m in self.jaarcijfers)


def _plaats_filter(plaats: str) -> Q | None:
    """The filter for a place value from the page's form; None for a value that names no place."""
    if plaats == ALLE_PLAATSEN:
        return Q()
    if plaats == HENGELO:
        return Q(wijk__isnull=True, gebied__isnull=True)
    soort, _, pk = plaats.partition("-")
    if soort in ("wijk", "gebied") and pk.isdigit():
        return Q(**{f"{soort}_id": int(pk)})
    return None


def indicator_detail(
    *,
    code: str,
    jaar: str | int | None = None,
    plaats: str = ALLE_PLAATSEN,
    soort: str = "",
    pagina: str | int | None = 1,
    per_pagina: int = 50,
) -> IndicatorDetail:
    """One indicator with its standing, its figures per year and one page of one year's metingen.

    A fixed number of queries, whatever the number of metingen: the per-year figures, a COUNT and one page.

    Without a `jaar` the table shows the latest year with figures per wijk or benchmark (else the latest year).
    Filters a user typed wrongly fall back to all, with a Dutch `melding`. Raises Indicator.DoesNotExist.
    """
    indicator = (
        Indicator.objects.select_related("doel", "doel__ouder", "modellaag", "fitgap_eigenaar")
        .prefetch_related("niveaus", "activiteiten", "datakwaliteit")
        .get(code=code)
    )
    jaarcijfers = list(
        per_jaar(indicator.metingen.all())
        .select_related("wijk", "gebied")
        .order_by("periode_begin", "soort", "wijk", "gebied")
    )
    for meting in jaarcijfers:
        meting.indicator = indicator  # avoid a query per meting when formatting
    notities = list(indicator.datakwaliteit.all())
    doel_notities = _notities_van_doel(indicator.doel, doelnotities())
    hengelo = [m for m in jaarcijfers if not m.wijk_id and not m.gebied_id]
    stand = _stand(indicator, hengelo, notities, doel_notities)
    detail = IndicatorDetail(indicator, jaarcijfers, notities, stand, doel_notities)

    meldingen = []
    jaren = detail.jaren
    standaard = max((m.periode_begin.year for m in jaarcijfers if m.wijk_id or m.gebied_id), default=None)
    standaard = standaard or (jaren[0] if jaren else None)
    gekozen = str(jaar).strip() if jaar not in (None, "") else ""
    if gekozen and (not gekozen.isdigit() or int(gekozen) not in jaren):
        meldingen.append(f"Voor “{gekozen[:10]}” zijn geen metingen; getoond wordt {standaard or 'niets'}.")
        gekozen = ""
    detail.jaar = int(gekozen) if gekozen else standaard
    waar = _plaats_filter(plaats or ALLE_PLAATSEN)
    if waar is None or (plaats and plaats not in dict(detail.plaatsen)):
        meldingen.append(
            "Deze wijk of dit gebied heeft geen metingen bij deze indicator; getoond worden alle."
        )
        waar, plaats = Q(), ALLE_PLAATSEN
    if soort and soort not in MetingSoort.values:
        meldingen.append("Onbekende soort meting; getoond worden alle soorten.")
        soort = ""
    detail.plaats, detail.soort, detail.melding = plaats or ALLE_PLAATSEN, soort, " ".join(meldingen)

    metingen = indicator.metingen.filter(waar).select_related("wijk", "gebied")
    metingen = metingen.filter(periode_begin__year=detail.jaar) if detail.jaar else metingen.none()
    if soort:
        metingen = metingen.filter(soort=soort)
    metingen = metingen.order_by("periode_begin", "soort", "wijk__naam", "gebied__naam", "pk")
    detail.pagina = Paginator(metingen, per_pagina).get_page(pagina)
    for meting in detail.pagina.object_list:
        meting.indicator = indicator
    return detail


def indicator_geschiedenis(*, indicator: Indicator, user, pagina=1, per_pagina: int = 25):
    """The history of an indicator and all its metingen (imports, corrections, undone imports), newest first.

    An indicator gathers thousands of metingen over the years, so this is one page at a time, in a fixed number
    of queries. Counts of people below the threshold read "< 10" for whoever may not see them, as on the page;
    names of who changed what only for the programme organisation (the college sees outcomes, not names).
    """

    def waarde(waarde, record) -> str:
        return waarde_tekst(waarde, indicator.eenheid, user, decimalen=record.decimalen)

    return geschiedenis(
        [Indicator.history.filter(id=indicator.pk), Meting.history.filter(indicator_id=indicator.pk)],
        pagina=pagina,
        per_pagina=per_pagina,
        opmaak={(Meting, "waarde"): waarde},
        namen_tonen=mag_interne_gegevens_zien(user),
    )
