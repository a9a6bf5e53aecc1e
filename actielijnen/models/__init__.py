from actielijnen.models.besluit import Besluit
from actielijnen.models.opdracht import BesparingEnInvestering, Opdrachtbeschrijving
from actielijnen.models.programma import Actielijn, Activiteit, Kenmerk, Modellaag, Thema
from actielijnen.models.risico import Risico, RisicoWijziging
from actielijnen.models.voortgang import (
    Herinnering,
    Jaarsamenvatting,
    Mijlpaal,
    Planningswijziging,
    PlanningswijzigingAkkoord,
    Voortgangsrapportage,
)

__all__ = [
    "Actielijn",
    "Activiteit",
    "Besluit",
    "BesparingEnInvestering",
    "Herinnering",
    "Jaarsamenvatting",
    "Kenmerk",
    "Mijlpaal",
    "Modellaag",
    "Opdrachtbeschrijving",
    "Planningswijziging",
    "PlanningswijzigingAkkoord",
    "Risico",
    "RisicoWijziging",
    "Thema",
    "Voortgangsrapportage",
]
