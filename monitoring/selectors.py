"""
The reads that pages and reports need from monitoring. Each selector runs a fixed number of queries,
whatever the number of indicators or metingen, and takes a `peildatum` where a report must show a past state.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from monitoring.constants import MetingSoort, Richting
from monitoring.models import Indicator, Meting


@dataclass(frozen=True)
class IndicatorStand:
    """Where an indicator stands: its latest realisation (Hengelo as a whole) against the target for that year."""

    indicator: Indicator
    laatste_realisatie: Meting | None
    streefwaarde: Meting | None  # the target of the same year as the latest realisation
    laatste_peilwaarde: Meting | None
    streefwaarden: list[Meting] = field(default_factory=list)
    notities: list = field(default_factory=list)

    @property
    def op_koers(self) -> bool | None:
        """True/False against the target in the indicator's direction; None when either value is missing."""
        if self.laatste_realisatie is None or self.streefwaarde is None:
            return None
        realisatie, streef = self.laatste_realisatie.waarde, self.streefwaarde.waarde
        if self.indicator.richting == Richting.HOGER_IS_BETER:
            return realisatie >= streef
        return realisatie <= streef

    @property
    def verschil(self) -> Decimal | None:
        if self.laatste_realisatie is None or self.streefwaarde is None:
            return None
        return self.laatste_realisatie.waarde - self.streefwaarde.waarde


def indicatoren(*, peildatum: date | None = None) -> QuerySet[Indicator]:
    """Indicators with their goal, their Hengelo-wide metingen up to `peildatum` and their data-quality notes."""
    metingen = Meting.objects.filter(wijk__isnull=True, gebied__isnull=True).order_by("periode_begin")
    if peildatum is not None:
        metingen = metingen.filter(periode_begin__lte=peildatum)
    return Indicator.objects.select_related("doel", "doel__ouder").prefetch_related(
        Prefetch("metingen", queryset=metingen, to_attr="hengelo_metingen"),
        "datakwaliteit",
    )


def indicatoren_met_stand(*, peildatum: date | None = None) -> list[IndicatorStand]:
    """Every indicator with its latest realisation, the matching target and its notes (3 queries)."""
    standen = []
    for indicator in indicatoren(peildatum=peildatum):
        per_soort: dict[str, list[Meting]] = {}
        for meting in indicator.hengelo_metingen:
            per_soort.setdefault(meting.soort, []).append(meting)
        realisaties = per_soort.get(MetingSoort.REALISATIE, [])
        streef = per_soort.get(MetingSoort.STREEFWAARDE, [])
        peil = per_soort.get(MetingSoort.PEILWAARDE, [])
        laatste = realisaties[-1] if realisaties else None
        streef_zelfde_jaar = (
            next((m for m in streef if m.periode_begin.year == laatste.periode_begin.year), None)
            if laatste
            else None
        )
        standen.append(
            IndicatorStand(
                indicator=indicator,
                laatste_realisatie=laatste,
                streefwaarde=streef_zelfde_jaar,
                laatste_peilwaarde=peil[-1] if peil else None,
                streefwaarden=streef,
                notities=list(indicator.datakwaliteit.all()),
            )
        )
    return standen


def financien_samenvatting(*, peildatum: date | None = None):
    """Planned versus realised savings and the budget, for the college and raad views.

    Filled in by the monitoring issue (finances model); until then there are no figures and this returns None,
    which the partial template shows as "nog geen financiële gegevens".
    """
    return None
