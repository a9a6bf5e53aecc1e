"""
Role groups and their model permissions, created in code so every fresh database has them.

Code asks about permissions (`user.has_perm`), never about group names. Each app declares which role holds
which of its permissions in `<app>/rollen.py` (a dict `ROL_PERMISSIES`); this module merges them and syncs
the groups after every migrate.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from accounts.constants import Rol


def rol_permissies() -> dict[str, set[str]]:
    """Role → set of 'app_label.codename', merged from every installed app's `rollen.py`."""
    samengevoegd: dict[str, set[str]] = {rol: set() for rol in Rol.values}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.rollen")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.rollen":
                raise
            continue
        for rol, codes in module.ROL_PERMISSIES.items():
            samengevoegd[rol].update(codes)
    return samengevoegd


def rollen_synchroniseren(sender=None, **kwargs) -> None:
    """Create the role groups and give each exactly its declared permissions (idempotent)."""
    permissies = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type")
    }
    for rol, codes in rol_permissies().items():
        group, _ = Group.objects.get_or_create(name=rol)
        # Permissions of apps not migrated yet are skipped; the next post_migrate adds them.
        group.permissions.set([permissies[code] for code in sorted(codes) if code in permissies])
