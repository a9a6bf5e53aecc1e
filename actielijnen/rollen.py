"""Which role holds which permission on the programme's models (merged by accounts.roles)."""

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
]

ROL_PERMISSIES = {
    Rol.TREKKER: _LEZEN,
    Rol.OPDRACHTGEVER: _LEZEN,
    Rol.OPGAVECOORDINATOR: _LEZEN,
    Rol.MANAGER: _LEZEN,
    Rol.BEHEERDER: _LEZEN,
}
