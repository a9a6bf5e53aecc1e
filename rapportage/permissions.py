"""
Who may see or do what with editions and moties: the one place views, services and templates ask.

The boundary of the informatiepiramide: live data is for uitvoering, management and college (permission
`rapportage.view_actueel`). Everyone else — raad, griffie, the public — reads published editions only; the
middleware in rapportage/editiegrens.py enforces that for every page at once.
"""

from rapportage.constants import OPENBAAR, RapportageStatus


def ziet_actuele_gegevens(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("rapportage.view_actueel"))


def mag_edities_lezen(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("rapportage.view_rapportage"))


def mag_concept_bewerken(user) -> bool:
    """Only managers (and the data team) create and edit concepts."""
    return user.has_perm("rapportage.change_rapportage")


def mag_vaststellen(user) -> bool:
    """The college sets editions and publishes them."""
    return user.has_perm("rapportage.vaststellen_rapportage")


def mag_moties_zien(user) -> bool:
    return user.has_perm("rapportage.view_motie")


def mag_moties_registreren(user) -> bool:
    return user.has_perm("rapportage.change_motie")


def zichtbare_statussen(user) -> tuple[str, ...]:
    """Which editions a user may open: concepts for who writes or sets them, published ones for all readers."""
    if mag_concept_bewerken(user) or mag_vaststellen(user):
        return tuple(RapportageStatus.values)
    if mag_edities_lezen(user):
        return OPENBAAR
    return ()


def mag_editie_openen(user, rapportage) -> bool:
    return rapportage.status in zichtbare_statussen(user)
