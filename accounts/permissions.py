"""
Which levels of the informatiepiramide a user may open: the one place the navigation, the start page and the
level views ask. Each level is guarded by one permission (declared on actielijnen.Activiteit, assigned to the
roles in actielijnen/rollen.py); code never asks for group names.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

# Level → the permission that opens it; None: public.
NIVEAU_PERMISSIES: dict[str, str | None] = {
    "uitvoering": "actielijnen.view_uitvoering",
    "management": "actielijnen.view_management",
    "college": "actielijnen.view_college",
    "raad": "actielijnen.view_raad",
    "inwoners": None,
}

# A user's own level: the first level in this order that they may open. Managers also open Uitvoering and
# College, the college also opens Raad, so the most specific level comes first.
EIGEN_NIVEAU_VOLGORDE = ("management", "uitvoering", "college", "raad", "inwoners")


def mag_niveau_openen(user, niveau: str) -> bool:
    permissie = NIVEAU_PERMISSIES[niveau]
    if permissie is None:
        return True
    return user is not None and user.is_authenticated and user.has_perm(permissie)


def eigen_niveau(user) -> str:
    """The level a user lands on after login."""
    return next(n for n in EIGEN_NIVEAU_VOLGORDE if mag_niveau_openen(user, n))


def niveau_vereist(niveau: str):
    """View decorator: anonymous users go to the login page; users who may not open the level get the Dutch 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not mag_niveau_openen(request.user, niveau):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
