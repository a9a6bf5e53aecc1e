"""Which role holds which permission on the accounts side (merged by accounts.services.rol_permissies).

The beheerder manages accounts and sees the failed logins that django-axes counts and unlocks an account or address early (admin,
"Inlogpogingen": the action "Ontgrendelen" removes the attempts, so it needs delete). The beheerder is no
superuser, so these permissions are the whole of that access.
"""

from accounts.constants import Rol

ROL_PERMISSIES = {
    Rol.BEHEERDER: [
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        # Daily account management: new colleagues, their roles (groups), leaving by "inactief". Never delete
        # (accounts/admin.py) and never superuser status or loose permissions (only a superuser hands those out).
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        # The roles themselves are defined in code (rollen.py per app); the beheerder reads what each one holds.
        "auth.view_group",
        # Separation of duties (accounts/services.py): the log of role changes, and approving another beheerder's
        # request for a role that publishes or decides (never one's own, never for oneself).
        "accounts.view_roltoekenning",
        "accounts.beoordelen_roltoekenning",
    ],
}
