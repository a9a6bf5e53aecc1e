"""
Who may see or do what in monitoring: the one place views, exports, imports and templates ask.

Code asks about permissions (assigned to roles in monitoring/rollen.py), never about group names.
"""


def mag_indicatoren_zien(user) -> bool:
    return user.has_perm("monitoring.view_indicator")


def mag_financien_zien(user) -> bool:
    return user.has_perm("monitoring.view_bedrag")


def mag_piramide_zien(user) -> bool:
    return user.has_perm("monitoring.view_piramidestand")


def mag_fitgap_zien(user) -> bool:
    return user.has_perm("monitoring.view_fitgap")


def mag_exporteren(user) -> bool:
    return user.has_perm("monitoring.export_metingen")


def mag_importeren(user) -> bool:
    """Only the datakernteam (beheerder) imports spreadsheets and undoes imports."""
    return user.has_perm("monitoring.import_metingen")


def mag_datagaten_zien(user) -> bool:
    """The data-gap list: the data team (who imports) and whoever holds the fit-gap overview (the manager)."""
    return mag_importeren(user) or mag_fitgap_zien(user)


def mag_fitgap_bewerken(user, indicator) -> bool:
    """The fit-gap of an indicator (§5.1): the datakernteam for every indicator, its own fitgap_eigenaar for it."""
    if not user.is_authenticated:
        return False
    return mag_fitgap_eigenaar_kiezen(user) or (
        indicator.fitgap_eigenaar_id is not None and indicator.fitgap_eigenaar_id == user.pk
    )


def mag_fitgap_eigenaar_kiezen(user) -> bool:
    """Who owns an indicator's fit-gap is the datakernteam's choice; the owner changes status and toelichting."""
    return user.is_authenticated and user.has_perm("monitoring.wijzig_fitgap")


def mag_koppelingen_wijzigen(user) -> bool:
    """Which activities should move an indicator (goal → activity → effect); see monitoring/rollen.py."""
    return user.is_authenticated and user.has_perm("monitoring.koppel_activiteiten")


def ziet_kleine_aantallen(user) -> bool:
    """Managers and the data team see counts below KLEINE_AANTALLEN_DREMPEL; college, raad and inwoners do not."""
    return user.has_perm("monitoring.view_kleine_aantallen")
