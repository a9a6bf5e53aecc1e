"""Which role holds which permission on the programme's models (merged by accounts.services.rol_permissies).

The levels of the informatiepiramide are custom permissions on Activiteit (`view_uitvoering`, `view_management`,
`view_college`, `view_raad`); accounts/permissions.py maps each level to one of them. Object rules (a trekker
edits only their own activities, an opdrachtgever decides on their own) live in actielijnen/permissions.py.
"""

from accounts.constants import Rol

_LEZEN = [
    "actielijnen.view_actielijn",
    "actielijnen.view_activiteit",
    "actielijnen.view_thema",
    "actielijnen.view_opdrachtbeschrijving",
    "actielijnen.view_mijlpaal",
    "actielijnen.view_risico",
    "actielijnen.view_voortgangsrapportage",
    "actielijnen.view_planningswijziging",
    "actielijnen.view_jaarsamenvatting",
]
_UITVOERING = [*_LEZEN, "actielijnen.view_uitvoering"]
_MANAGEMENT = [
    *_UITVOERING,
    "actielijnen.view_management",
    "actielijnen.view_college",
    "actielijnen.view_raad",
]
# What only the admin shows: the model and the logs and decisions below an activity.
_BEHEER_LEZEN = [
    "actielijnen.view_modellaag",
    "actielijnen.view_kenmerk",
    "actielijnen.view_besparingeninvestering",
    "actielijnen.view_risicowijziging",
    "actielijnen.view_planningswijzigingakkoord",
    "actielijnen.view_herinnering",
]

ROL_PERMISSIES = {
    Rol.TREKKER: _UITVOERING,
    Rol.OPDRACHTGEVER: _UITVOERING,
    Rol.OPGAVECOORDINATOR: _UITVOERING,
    # The manager scores and owns the programme risks of §3 in the application (risico_beoordelen; object rule
    # actielijnen.permissions.mag_programmarisico_beoordelen: programme risks only, activity risks stay with
    # their trekker). The manager is no staff, so this opens no admin.
    Rol.MANAGER: [*_MANAGEMENT, "actielijnen.change_risico"],
    # College and raad see outcomes only: no activity details, notes or staff names.
    Rol.COLLEGE: ["actielijnen.view_college", "actielijnen.view_raad"],
    Rol.RAAD: ["actielijnen.view_raad"],
    Rol.GRIFFIE: ["actielijnen.view_raad"],
    # The beheerder (datakernteam) is staff but no superuser: this list is the whole of its access. It reads
    # everything in the admin and maintains the programme's reference data; logs (updates, risk log, planning
    # decisions, reminders) are read only, and nothing is deleted (the admin refuses deletes anyway).
    Rol.BEHEERDER: [
        *_MANAGEMENT,
        *_BEHEER_LEZEN,
        # The datakernteam corrects any activity (admin and the pages alike) and adds one when the plan does.
        "actielijnen.add_activiteit",
        "actielijnen.change_activiteit",
        "actielijnen.change_actielijn",
        "actielijnen.add_thema",
        "actielijnen.change_thema",
        "actielijnen.change_modellaag",
        "actielijnen.change_kenmerk",
        "actielijnen.change_opdrachtbeschrijving",
        "actielijnen.add_besparingeninvestering",
        "actielijnen.change_besparingeninvestering",
        "actielijnen.add_risico",
        "actielijnen.change_risico",
        "actielijnen.add_mijlpaal",
        "actielijnen.change_mijlpaal",
        "actielijnen.change_jaarsamenvatting",
        # bronnen sits below accounts and cannot name roles, so its permissions are given here: the data team
        # records data-quality notes and corrects a source document's metadata (zaaknummer, dates); the glossary
        # it only reads (source text, written by the loader).
        "bronnen.view_begrip",
        "bronnen.view_brondocument",
        "bronnen.change_brondocument",
        "bronnen.view_datakwaliteitsnotitie",
        "bronnen.add_datakwaliteitsnotitie",
        "bronnen.change_datakwaliteitsnotitie",
    ],
}
