"""
Beleidsindicatoren and their metingen, the informatiepiramide levels, wijken; finances, piramide, factsheet. One
module per topic; every model is imported here, so Django and callers find them all in `monitoring.models`.

Data-quality notes on these objects are `bronnen.Datakwaliteitsnotitie` (the bottom floor).

Figures are Decimal, never float. One value per (indicator, periode, wijk, soort).

- `indicatoren`: `Informatieniveau` (a level of the informatiepiramide), `Doel` (goals and sub-goals of
  programma 6) and `Indicator`.
- `plaatsen`: `Wijk` and `Vergelijkingsgebied` (a benchmark beside Hengelo's own values).
- `imports`: `Import`, the record of a committed spreadsheet import, and `ImportVerwijderen`, raised on deleting one.
- `metingen`: `Meting`, `AndereBronwaarde` (another source's value for the same slot) and the period rule.
- `databedrevenheid`: `Databedrevenheidspijler` and its `Pijlerelement`s (§5.1).
- `financien`: `Scenario`, `Bedrag` and `Scenariototaal` (a scenario's total as the document prints it).
- `kerncijfers`: `Piramidestand` (clients per layer of the transformatiepiramide) and the factsheet's `Kerncijfer`.
"""

from monitoring.models.databedrevenheid import Databedrevenheidspijler, Pijlerelement
from monitoring.models.financien import Bedrag, Scenario, Scenariototaal
from monitoring.models.imports import Import, ImportQuerySet, ImportVerwijderen
from monitoring.models.indicatoren import Doel, Indicator, Informatieniveau
from monitoring.models.kerncijfers import Kerncijfer, Piramidestand
from monitoring.models.metingen import AndereBronwaarde, Meting
from monitoring.models.plaatsen import Vergelijkingsgebied, Wijk

__all__ = [
    "AndereBronwaarde",
    "Bedrag",
    "Databedrevenheidspijler",
    "Doel",
    "Import",
    "ImportQuerySet",
    "ImportVerwijderen",
    "Indicator",
    "Informatieniveau",
    "Kerncijfer",
    "Meting",
    "Pijlerelement",
    "Piramidestand",
    "Scenario",
    "Scenariototaal",
    "Vergelijkingsgebied",
    "Wijk",
]
