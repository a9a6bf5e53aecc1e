"""Which role holds which permission on participatie's models (merged by accounts.services.rol_permissies).

The programme organisation (trekker, opdrachtgever, opgavecoördinator, manager, datakernteam) reads all of it.
Who writes what, in short (object-level rules in participatie/permissions.py):
- inkoop: the datakernteam adds tracks and steps; the manager and the datakernteam (and a track's eigenaar) keep
  durations, margins and dates up to date;
- participation steps I, II and IV: the trekker of the activity writes, its opdrachtgever decides (no model
  permission: an object role); the manager and opgavecoördinator evaluate the whole;
- stakeholders, trajectories, meetings and inbreng: trekkers (their own activity's trajectories), the
  opgavecoördinator (the Ontwikkelteam is "de verbindende factor", §4.1), manager and datakernteam;
- the overvraging threshold: the manager only;
- communication actions: trekkers (their own activity's), manager and datakernteam (overarching ones too).
The plan's reference data (phases, steps, kernelementen, lines, budget, norms) stays read-only but for the
datakernteam's upkeep of the procurement phases in the admin.
"""

from accounts.constants import Rol

_LEZEN = [
    "participatie.view_inkoopfase",
    "participatie.view_inkoopstap",
    "participatie.view_kernelement",
    "participatie.view_contractdatum",
    "participatie.view_participatiestap",
    "participatie.view_communicatielijn",
    "participatie.view_communicatiebudget",
    "participatie.view_communicatienorm",
    "participatie.view_inkooptraject",
    "participatie.view_inkooptrajectstap",
    "participatie.view_participatieadvies",
    "participatie.view_participatieplan",
    "participatie.view_evaluatie",
    "participatie.view_stakeholder",
    "participatie.view_participatietraject",
    "participatie.view_bijeenkomst",
    "participatie.view_inbreng",
    "participatie.view_overvragingsdrempel",
    "participatie.view_wijkkoppeling",
    "participatie.view_communicatieactie",
]

# Writing in the application on one's own activity (the object rule narrows it to the activity's trekker).
_TREKKER = [
    "participatie.add_participatieadvies",
    "participatie.add_participatieplan",
    "participatie.add_evaluatie",
    "participatie.add_stakeholder",
    "participatie.change_stakeholder",
    "participatie.add_participatietraject",
    "participatie.change_participatietraject",
    "participatie.add_bijeenkomst",
    "participatie.change_bijeenkomst",
    "participatie.add_inbreng",
    "participatie.change_inbreng",
    "participatie.add_wijkkoppeling",
    "participatie.delete_wijkkoppeling",
    "participatie.add_communicatieactie",
    "participatie.change_communicatieactie",
]

_PROGRAMMA = [
    "participatie.programmabreed_bijhouden",
    "participatie.add_evaluatie",
    "participatie.add_stakeholder",
    "participatie.change_stakeholder",
    "participatie.add_participatietraject",
    "participatie.change_participatietraject",
    "participatie.add_bijeenkomst",
    "participatie.change_bijeenkomst",
    "participatie.add_inbreng",
    "participatie.change_inbreng",
]

ROL_PERMISSIES = {
    Rol.TREKKER: _LEZEN + _TREKKER,
    Rol.OPDRACHTGEVER: list(_LEZEN),
    Rol.OPGAVECOORDINATOR: _LEZEN + _PROGRAMMA,
    Rol.MANAGER: _LEZEN
    + _PROGRAMMA
    + [
        "participatie.change_inkooptraject",
        "participatie.add_inkooptrajectstap",
        "participatie.change_inkooptrajectstap",
        "participatie.change_overvragingsdrempel",
        "participatie.add_wijkkoppeling",
        "participatie.delete_wijkkoppeling",
        "participatie.add_communicatieactie",
        "participatie.change_communicatieactie",
    ],
    Rol.BEHEERDER: _LEZEN
    + _TREKKER
    + _PROGRAMMA
    + [
        "participatie.change_inkoopfase",
        "participatie.add_inkoopstap",
        "participatie.change_inkoopstap",
        "participatie.add_kernelement",
        "participatie.change_kernelement",
        "participatie.add_contractdatum",
        "participatie.change_contractdatum",
        "participatie.add_inkooptraject",
        "participatie.change_inkooptraject",
        "participatie.add_inkooptrajectstap",
        "participatie.change_inkooptrajectstap",
    ],
}
