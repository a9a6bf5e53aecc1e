"""
Role groups and their model permissions, created in code so every fresh database has them.

Code asks about permissions (`user.has_perm`), never about group names; this table is the one place that
says which role holds which permission.
"""

from django.contrib.auth.models import Group, Permission

from accounts.constants import Rol

_VIEW_PROGRAMMA = [
    "actielijnen.view_actielijn",
    "actielijnen.view_activiteit",
    "actielijnen.view_thema",
    "actielijnen.view_opdrachtbeschrijving",
    "actielijnen.view_mijlpaal",
    "actielijnen.view_risico",
    "actielijnen.view_voortgangsrapportage",
    "actielijnen.view_planningswijziging",
    "monitoring.view_indicator",
    "monitoring.view_meting",
    "monitoring.view_doel",
]

ROL_PERMISSIES: dict[str, list[str]] = {
    Rol.TREKKER: [*_VIEW_PROGRAMMA],
    Rol.OPDRACHTGEVER: [*_VIEW_PROGRAMMA],
    Rol.OPGAVECOORDINATOR: [*_VIEW_PROGRAMMA],
    Rol.MANAGER: [*_VIEW_PROGRAMMA],
    Rol.COLLEGE: [],
    Rol.RAAD: [],
    Rol.GRIFFIE: [],
    Rol.BEHEERDER: [
        *_VIEW_PROGRAMMA,
        "monitoring.add_meting",
        "monitoring.change_meting",
        "monitoring.add_indicator",
        "monitoring.change_indicator",
    ],
}


def rollen_synchroniseren(sender=None, **kwargs) -> None:
    """Create the role groups and give each exactly the permissions of ROL_PERMISSIES (idempotent)."""
    for rol, codes in ROL_PERMISSIES.items():
        group, _ = Group.objects.get_or_create(name=rol)
        permissies = []
        for code in codes:
            app_label, codename = code.split(".")
            permissie = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permissie is not None:  # not yet there while the first migrations run
                permissies.append(permissie)
        group.permissions.set(permissies)
