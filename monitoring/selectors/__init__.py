"""
The reads that pages and reports need from monitoring, one module per topic; import them from here. Each selector
runs a fixed number of queries, whatever the number of indicators or metingen, and takes a `peildatum` where a
report must show a past state.

- `indicatoren`: where every indicator stands (`IndicatorStand`, `indicatoren_met_stand`), its metingen per year
  (`per_jaar`, `indicatoren`), the goals with their indicators and notes (`indicatoren_per_doel`, `doelnotities`),
  indicators no activity moves, and when a meting last changed (`laatste_meting_wijziging`).
- `detail`: one indicator's page (`IndicatorDetail`, `indicator_detail`) and its history (`indicator_geschiedenis`).
- `financien`: planned versus realised savings, budget and scenarios (`financien_overzicht`,
  `financien_samenvatting`).
- `datagaten`: the years and kinds of figures each indicator lacks (`datagaten`, `jaarreeks`).
- `overzichten`: the fit-gap overview, the pillars of databedrevenheid and the transformatiepiramide.
- `informatiepiramide`: the table of §5.3 as a public page, with its notes and the viewer's way to each level
  (`informatiepiramide`).
"""

from monitoring.selectors.datagaten import Datagatenoverzicht, Indicatorgaten, datagaten, jaarreeks
from monitoring.selectors.detail import (
    ALLE_PLAATSEN,
    HENGELO,
    IndicatorDetail,
    indicator_detail,
    indicator_geschiedenis,
)
from monitoring.selectors.financien import (
    FinancienOverzicht,
    FinancienRij,
    financien_overzicht,
    financien_samenvatting,
)
from monitoring.selectors.indicatoren import (
    Doelgroep,
    IndicatorStand,
    doelnotities,
    indicatoren,
    indicatoren_met_stand,
    indicatoren_per_doel,
    indicatoren_zonder_activiteit,
    laatste_meting_wijziging,
    per_jaar,
)
from monitoring.selectors.informatiepiramide import Informatiepiramide, informatiepiramide
from monitoring.selectors.overzichten import (
    FitgapOverzicht,
    PiramideOverzicht,
    fitgap_overzicht,
    pijlers_databedrevenheid,
    piramide_overzicht,
)

__all__ = [
    "ALLE_PLAATSEN",
    "HENGELO",
    "Datagatenoverzicht",
    "Doelgroep",
    "FinancienOverzicht",
    "FinancienRij",
    "FitgapOverzicht",
    "IndicatorDetail",
    "IndicatorStand",
    "Informatiepiramide",
    "Indicatorgaten",
    "PiramideOverzicht",
    "datagaten",
    "doelnotities",
    "financien_overzicht",
    "financien_samenvatting",
    "fitgap_overzicht",
    "indicator_detail",
    "indicator_geschiedenis",
    "indicatoren",
    "indicatoren_met_stand",
    "indicatoren_per_doel",
    "indicatoren_zonder_activiteit",
    "informatiepiramide",
    "jaarreeks",
    "laatste_meting_wijziging",
    "per_jaar",
    "pijlers_databedrevenheid",
    "piramide_overzicht",
]
