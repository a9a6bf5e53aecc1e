"""Which role holds which permission on kern's models (merged by accounts.services.rol_permissies).

The beheerder (datakernteam) sees every background job, to help a colleague whose import or export failed.
The role is named by its value: kern is the bottom floor and may not import accounts.constants.Rol.
"""

ROL_PERMISSIES = {
    "beheerder": ["kern.view_achtergrondtaak"],
}
