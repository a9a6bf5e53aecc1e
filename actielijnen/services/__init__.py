"""
Every write that is a domain act on the programme, one module per topic; import them from here.

- `voortgang`: a trekker's dated update (and the milestones it reaches), milestones, yearly summaries, and the
  opdrachtgever's decision on an update that asked for one;
- `risicos`: an activity's risks, the manager's judgement of a programme risk (§3), and the risk log;
- `planning`: the first planning and a planning change with its three akkoorden (§2.2);
- `opdrachtbeschrijving`: the six parts written, offered and set;
- `herinneringen`: the reminder job for updates due soon or overdue;
- `opslaan`: how these save (validated first).

Each act runs in one transaction, with the row it changes locked when it is read-modify-write, and validation
before anything is saved (a ValidationError leaves the database untouched). Each receives the acting user (`door`,
or the role it is stored as: `auteur`, `aangevraagd_door`, `gebruiker`) and checks it against
actielijnen/permissions.py itself (`kern.permissions.toegestaan`: PermissionDenied, nothing written): the views
ask the same predicates first, the admin and the demo come through here too. The exceptions are `risicolog_aanvullen` (a log line inside a caller's
checked act) and the reminder job, which no user starts.

Updates of an existing object take `origineel`: the values the user's form was loaded with (the signed hidden
field of kern/gelijktijdigheid.py). They are compared with the locked row before anything is written, so a
second person's save never silently overwrites the first (GelijktijdigeWijziging, nothing saved).
"""

from actielijnen.services.herinneringen import (
    HERINNERING_DAGEN_ACHTERAF,
    HERINNERING_DAGEN_VOORAF,
    herinnering_soort,
    herinneringen_versturen,
)
from actielijnen.services.opdrachtbeschrijving import (
    opdrachtbeschrijving_bijwerken,
    opdrachtbeschrijving_ter_goedkeuring,
    opdrachtbeschrijving_vaststellen,
)
from actielijnen.services.planning import (
    planning_vastleggen,
    planningswijziging_akkoord_geven,
    planningswijziging_indienen,
)
from actielijnen.services.risicos import (
    programmarisico_beoordelen,
    risico_create,
    risico_update,
    risicolog_aanvullen,
)
from actielijnen.services.voortgang import (
    besluit_nemen,
    jaarsamenvatting_opslaan,
    jaarsamenvattingen_gezien,
    mijlpaal_create,
    mijlpaal_update,
    voortgangsrapportage_create,
)

__all__ = [
    "HERINNERING_DAGEN_ACHTERAF",
    "HERINNERING_DAGEN_VOORAF",
    "besluit_nemen",
    "herinnering_soort",
    "herinneringen_versturen",
    "jaarsamenvatting_opslaan",
    "jaarsamenvattingen_gezien",
    "mijlpaal_create",
    "mijlpaal_update",
    "opdrachtbeschrijving_bijwerken",
    "opdrachtbeschrijving_ter_goedkeuring",
    "opdrachtbeschrijving_vaststellen",
    "planning_vastleggen",
    "planningswijziging_akkoord_geven",
    "planningswijziging_indienen",
    "programmarisico_beoordelen",
    "risico_create",
    "risico_update",
    "risicolog_aanvullen",
    "voortgangsrapportage_create",
]
