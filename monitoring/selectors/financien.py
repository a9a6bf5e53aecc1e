"""
The finances: planned versus realised savings per domain and year, the budget, the investments and the three
scenarios (`financien_overzicht`), and the same for the college and raad views (`financien_samenvatting`).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from bronnen.models import Datakwaliteitsnotitie
from monitoring.constants import Domein, FinancienSoort
from monitoring.models import Bedrag, Scenario


@dataclass
class FinancienRij:
    domein: str
    domein_label: str
    jaar: int | None
    taakstelling: Decimal | None = None
    gerealiseerd: Decimal | None = None
    niet_behaald: Decimal | None = None
    scenarios: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class FinancienOverzicht:
    scenarios: list[Scenario]
    rijen: list[FinancienRij]
    budget: list[Bedrag]  # transformatiebudget and besteed, per year
    investeringen: list[Bedrag]
    scenario_totalen: dict[int, dict[int, Decimal]]  # scenario nummer → jaar → sum of the domains
    gerealiseerd_totaal: dict[int, Decimal]  # jaar → sum of realised savings
    notities: list[Datakwaliteitsnotitie]
    bedragen: list[Bedrag]

    @property
    def jaren(self) -> list[int]:
        return sorted({r.jaar for r in self.rijen if r.jaar is not None})


def financien_overzicht(*, peildatum: date | None = None) -> FinancienOverzicht | None:
    """Planned versus realised savings per domain per year, the budget, and the three scenarios (4 queries)."""
    bedragen = list(Bedrag.objects.select_related("scenario").prefetch_related("datakwaliteit"))
    if peildatum is not None:
        bedragen = [b for b in bedragen if b.jaar is None or b.jaar <= peildatum.year]
    if not bedragen:
        return None
    # The totals as the document prints them come along, so the page shows them beside the sum of the domains.
    scenarios = list(Scenario.objects.prefetch_related("datakwaliteit", "gedrukte_totalen"))
    rijen: dict[tuple[str, int | None], FinancienRij] = {}
    totalen: dict[int, dict[int, Decimal]] = {}
    gerealiseerd: dict[int, Decimal] = {}
    veld = {
        FinancienSoort.TAAKSTELLING: "taakstelling",
        FinancienSoort.BESPARING_GEREALISEERD: "gerealiseerd",
        FinancienSoort.BESPARING_NIET_BEHAALD: "niet_behaald",
    }
    for bedrag in bedragen:
        if not bedrag.domein:
            continue
        rij = rijen.setdefault(
            (bedrag.domein, bedrag.jaar),
            FinancienRij(bedrag.domein, Domein(bedrag.domein).label, bedrag.jaar),
        )
        if bedrag.soort == FinancienSoort.SCENARIO:
            rij.scenarios[bedrag.scenario.nummer] = bedrag.bedrag
            per_jaar = totalen.setdefault(bedrag.scenario.nummer, {})
            per_jaar[bedrag.jaar] = per_jaar.get(bedrag.jaar, Decimal(0)) + bedrag.bedrag
        elif bedrag.soort in veld:
            setattr(rij, veld[bedrag.soort], bedrag.bedrag)
            if bedrag.soort == FinancienSoort.BESPARING_GEREALISEERD and bedrag.jaar is not None:
                gerealiseerd[bedrag.jaar] = gerealiseerd.get(bedrag.jaar, Decimal(0)) + bedrag.bedrag
    volgorde = {d: i for i, d in enumerate(Domein.values)}
    notities = [n for s in scenarios for n in s.datakwaliteit.all()] + [
        n for b in bedragen for n in b.datakwaliteit.all()
    ]
    # A note on several scenarios is one note per scenario with the same citation: show it once here.
    notities = list({(n.betreft, n.citaat, n.toelichting): n for n in notities}.values())
    return FinancienOverzicht(
        scenarios=scenarios,
        rijen=sorted(rijen.values(), key=lambda r: (volgorde[r.domein], r.jaar is None, r.jaar or 0)),
        budget=[
            b
            for b in bedragen
            if b.soort in (FinancienSoort.TRANSFORMATIEBUDGET, FinancienSoort.BUDGET_BESTEED)
        ],
        investeringen=[b for b in bedragen if b.soort == FinancienSoort.INVESTERING],
        scenario_totalen=totalen,
        gerealiseerd_totaal=gerealiseerd,
        notities=notities,
        bedragen=bedragen,
    )


def financien_samenvatting(*, peildatum: date | None = None) -> FinancienOverzicht | None:
    """Planned versus realised savings and the budget, for the college and raad views.

    None when no figures are recorded; the partial template then says "nog geen financiële gegevens".
    """
    return financien_overzicht(peildatum=peildatum)
