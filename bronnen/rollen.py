"""Which role holds which permission on bronnen's models (merged by accounts.roles).

The beheerder (datakernteam) sees every background job, to help a colleague whose import or export failed.
The role is named by its value: bronnen is the bottom floor and may not import accounts.constants.Rol.
"""

ROL_PERMISSIES = {
    "beheerder": ["bronnen.view_achtergrondtaak"],
}
