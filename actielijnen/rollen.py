"""Which role holds which permission on the programme's models (merged by accounts.roles).

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

ROL_PERMISSIES = {
    Rol.TREKKER: _UITVOERING,
    Rol.OPDRACHTGEVER: _UITVOERING,
    Rol.OPGAVECOORDINATOR: _UITVOERING,
    Rol.MANAGER: _MANAGEMENT,
    # College and raad see outcomes only: no activity details, notes or staff names.
    Rol.COLLEGE: ["actielijnen.view_college", "actielijnen.view_raad"],
    Rol.RAAD: ["actielijnen.view_raad"],
    Rol.GRIFFIE: ["actielijnen.view_raad"],
    Rol.BEHEERDER: [
        *_MANAGEMENT,
        # The datakernteam corrects any activity (admin and the pages alike).
        "actielijnen.change_activiteit",
    ],
}
