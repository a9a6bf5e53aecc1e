"""participatie's models: the reference data of §2.3.1 and §4 (referentie), procurement tracks (inkoop), the
participation steps per activity (stappen, betrokkenen) and communication actions (communicatie)."""

from participatie.models.betrokkenen import (
    Bijeenkomst,
    Inbreng,
    Overvragingsdrempel,
    Participatietraject,
    Stakeholder,
    StakeholderSoort,
    Verwerking,
    Wijkkoppeling,
)
from participatie.models.communicatie import Communicatieactie, Communicatiemiddel
from participatie.models.inkoop import Inkooptraject, Inkooptrajectstap
from participatie.models.referentie import (
    Communicatiebudget,
    Communicatielijn,
    Communicatienorm,
    Contractdatum,
    Inkoopfase,
    Inkoopstap,
    Kernelement,
    Participatiestap,
)
from participatie.models.stappen import (
    Evaluatie,
    Participatieadvies,
    ParticipatieadviesBesluit,
    Participatieplan,
    ParticipatieplanBesluit,
)

__all__ = [
    "Bijeenkomst",
    "Communicatieactie",
    "Communicatiebudget",
    "Communicatielijn",
    "Communicatiemiddel",
    "Communicatienorm",
    "Contractdatum",
    "Evaluatie",
    "Inbreng",
    "Inkoopfase",
    "Inkoopstap",
    "Inkooptraject",
    "Inkooptrajectstap",
    "Kernelement",
    "Overvragingsdrempel",
    "Participatieadvies",
    "ParticipatieadviesBesluit",
    "Participatieplan",
    "ParticipatieplanBesluit",
    "Participatiestap",
    "Participatietraject",
    "Stakeholder",
    "StakeholderSoort",
    "Verwerking",
    "Wijkkoppeling",
]
