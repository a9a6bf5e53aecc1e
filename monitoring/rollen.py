"""Which role holds which permission on monitoring's models (merged by accounts.roles)."""

from accounts.constants import Rol

_LEZEN = ["monitoring.view_indicator", "monitoring.view_meting", "monitoring.view_doel"]

ROL_PERMISSIES = {
    Rol.TREKKER: _LEZEN,
    Rol.OPDRACHTGEVER: _LEZEN,
    Rol.OPGAVECOORDINATOR: _LEZEN,
    Rol.MANAGER: _LEZEN,
    Rol.BEHEERDER: [
        *_LEZEN,
        "monitoring.add_meting",
        "monitoring.change_meting",
        "monitoring.change_indicator",
    ],
}
