"""
The reads that the level views, reminders and exports need, one module per topic; import them from here. Every
selector runs a fixed number of queries, whatever the number of activities, updates or milestones: "latest value"
and counts are subqueries.

All levels read the same rows (`activiteiten_met_stand`), so an update shows with the same numbers on the
activity, its actielijn and the programme totals (horizontal and vertical flow, §5.3).

- `standen`: the one annotated queryset every level reads (`activiteiten_met_stand`), the `Stand` of an
  activity derived from it (`stand_van`) and the list of them (`standen`); the lowest module, the others build
  on it.
- `activiteiten`: the trekker's start page (`mijn_activiteiten`), an activity's page (`activiteit_detail`) and
  its history (`activiteit_geschiedenis`), milestones by peildatum (`mijlpalen_op`), when updates are due
  (`update_verwachtingen`) and the freshness footer (`laatste_update`).
- `dashboard`: the manager's dashboard (`dashboard`, `dashboard_telling`, with the filters' `SIGNALEN` and
  `RAG_KEUZES`) and the progress per actielijn for college, raad and inwoners (`voortgang_per_actielijn`).
- `risicos`: the kans × impact matrix (`risicomatrix`), the highest risks (`top_risicos`), the log of changes
  (`risicowijzigingen`) and the whole register (`risicoregister`).
"""

from actielijnen.selectors.activiteiten import (
    INTERNE_VELDEN,
    MijnActiviteiten,
    UpdateVerwachting,
    activiteit_detail,
    activiteit_geschiedenis,
    laatste_update,
    laatste_update_met_herkomst,
    mijlpalen_op,
    mijn_activiteiten,
    update_verwachtingen,
)
from actielijnen.selectors.dashboard import (
    RAG_KEUZES,
    SIGNALEN,
    ActielijnVoortgang,
    Dashboard,
    Dashboardgroep,
    Dashboardtelling,
    StoplichtTelling,
    dashboard,
    dashboard_telling,
    voortgang_per_actielijn,
)
from actielijnen.selectors.risicos import (
    Matrixcel,
    TopRisico,
    risicomatrix,
    risicoregister,
    risicowijzigingen,
    top_risicos,
)
from actielijnen.selectors.standen import (
    BINNENKORT_DAGEN,
    GEEN_START,
    GESTART,
    NIET_OP_AGENDA,
    Stand,
    activiteiten_met_stand,
    stand_van,
    standen,
)

__all__ = [
    "BINNENKORT_DAGEN",
    "GEEN_START",
    "GESTART",
    "INTERNE_VELDEN",
    "NIET_OP_AGENDA",
    "RAG_KEUZES",
    "SIGNALEN",
    "ActielijnVoortgang",
    "Dashboard",
    "Dashboardgroep",
    "Dashboardtelling",
    "Matrixcel",
    "MijnActiviteiten",
    "Stand",
    "StoplichtTelling",
    "TopRisico",
    "UpdateVerwachting",
    "activiteit_detail",
    "activiteit_geschiedenis",
    "activiteiten_met_stand",
    "dashboard",
    "dashboard_telling",
    "laatste_update",
    "laatste_update_met_herkomst",
    "mijlpalen_op",
    "mijn_activiteiten",
    "risicomatrix",
    "risicoregister",
    "risicowijzigingen",
    "stand_van",
    "standen",
    "top_risicos",
    "update_verwachtingen",
    "voortgang_per_actielijn",
]
