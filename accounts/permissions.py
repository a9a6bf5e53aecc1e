"""
Which levels of the informatiepiramide a user may open: the one place the navigation, the start page and the
level views ask. Each level is guarded by one permission (declared on actielijnen.Activiteit, assigned to the
roles in actielijnen/rollen.py); code never asks for group names. Also who may grant roles and who may decide
on a request for one (separation of duties, accounts/services.py).
"""

from accounts.models import Roltoekenning, User

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


def mag_uitvoering_openen(user) -> bool:
    """The level Uitvoering of the informatiepiramide: the forms of the programme organisation."""
    return mag_niveau_openen(user, "uitvoering")


def mag_management_openen(user) -> bool:
    """The level Management: dashboards across activities, indicators, finances and risks."""
    return mag_niveau_openen(user, "management")


def mag_college_openen(user) -> bool:
    """The level College: outcomes, goals versus realisation."""
    return mag_niveau_openen(user, "college")


def mag_raad_openen(user) -> bool:
    """The level Raad: the published editions."""
    return mag_niveau_openen(user, "raad")


def mag_openen(user, permissies: tuple[str, ...]) -> bool:
    """A menu item or link shows when the signed-in user holds any of the permissions its page asks."""
    return user is not None and user.is_authenticated and any(user.has_perm(p) for p in permissies)


def mag_rollen_toekennen(door: User) -> bool:
    """Whoever may change accounts in the beheer may ask for roles (the beheerder; a superuser)."""
    return door.is_active and door.has_perm("accounts.change_user")


def mag_roltoekenning_beoordelen(door: User, toekenning: Roltoekenning) -> bool:
    """A second beheerder: has the right, and is neither the requester nor the user who would get the role."""
    return (
        door.is_active
        and door.has_perm("accounts.beoordelen_roltoekenning")
        and door.pk not in (toekenning.aangevraagd_door_id, toekenning.gebruiker_id)
    )


def mag_roltoekenningen_beoordelen(door: User) -> bool:
    """Whether the admin offers the approve/refuse actions at all (each decision is checked per request)."""
    return door.has_perm("accounts.beoordelen_roltoekenning")
