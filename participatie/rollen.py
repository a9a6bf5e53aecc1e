"""Which role holds which permission on participatie's models (merged by accounts.roles).

Only the beheerder (datakernteam) uses them, in the admin: it reads all of it and keeps the procurement track
(phases, steps, core elements, contract dates) up to date. Participation steps and the communication agreements
are the plan's text (§4.2) and are read only.
"""

from accounts.constants import Rol

ROL_PERMISSIES = {
    Rol.BEHEERDER: [
        "participatie.view_inkoopfase",
        "participatie.change_inkoopfase",
        "participatie.view_inkoopstap",
        "participatie.add_inkoopstap",
        "participatie.change_inkoopstap",
        "participatie.view_kernelement",
        "participatie.add_kernelement",
        "participatie.change_kernelement",
        "participatie.view_contractdatum",
        "participatie.add_contractdatum",
        "participatie.change_contractdatum",
        "participatie.view_participatiestap",
        "participatie.view_communicatielijn",
        "participatie.view_communicatiebudget",
        "participatie.view_communicatienorm",
    ],
}
