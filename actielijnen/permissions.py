"""
Who may see or change which part of the programme: the one place views, admin and exports ask.

Lists use the QuerySet rules (`Activiteit.objects.visible_to(user)`, `.editable_by(user)`, which call the
functions below); single objects use the predicates. Code asks about permissions (actielijnen/rollen.py) and
about the roles a person holds *on an activity* (trekker, opdrachtgever, …), never about group names.
"""

from django.db.models import Q, QuerySet

from actielijnen.constants import AkkoordRol, OpdrachtbeschrijvingStatus


def activiteiten_zichtbaar_voor(queryset: QuerySet, user) -> QuerySet:
    """Activity details (notes, people, risks) are for the programme organisation; college and raad see outcomes."""
    if user.is_authenticated and user.has_perm("actielijnen.view_activiteit"):
        return queryset
    return queryset.none()


def activiteiten_bewerkbaar_door(queryset: QuerySet, user) -> QuerySet:
    """A trekker edits only the activities they are trekker of; the datakernteam edits every activity."""
    if not user.is_authenticated:
        return queryset.none()
    if user.has_perm("actielijnen.change_activiteit"):
        return queryset
    return queryset.filter(trekker=user)


def activiteiten_betrokken(queryset: QuerySet, user) -> QuerySet:
    """The activities a person holds a role on: 'Mijn activiteiten'."""
    return queryset.filter(
        Q(trekker=user) | Q(opdrachtgever=user) | Q(opdrachtnemer=user) | Q(opgavecoordinator=user)
    )


def mag_bewerken(user, activiteit) -> bool:
    """Updates, milestones, risks, planning requests, opdrachtbeschrijving text and yearly summaries."""
    if not user.is_authenticated:
        return False
    return user.has_perm("actielijnen.change_activiteit") or activiteit.trekker_id == user.pk


def akkoord_rollen(user, activiteit) -> list[str]:
    """The roles of §2.2 in which this user decides on a planning change of this activity."""
    if not user.is_authenticated:
        return []
    houders = {
        AkkoordRol.OPDRACHTGEVER: activiteit.opdrachtgever_id,
        AkkoordRol.OPDRACHTNEMER: activiteit.opdrachtnemer_id,
        AkkoordRol.OPGAVECOORDINATOR: activiteit.opgavecoordinator_id,
    }
    return [rol for rol, houder in houders.items() if houder == user.pk]


def mag_planning_vastleggen(user, activiteit) -> bool:
    """The first planning of an activity is the opdrachtgever's decision (§2.2); the datakernteam may record it.

    Once a planning exists, a change goes through a planningswijziging and its three akkoorden.
    """
    if not user.is_authenticated:
        return False
    return user.has_perm("actielijnen.change_activiteit") or (
        activiteit.opdrachtgever_id is not None and activiteit.opdrachtgever_id == user.pk
    )


def mag_opdrachtbeschrijving_bewerken(user, opdrachtbeschrijving) -> bool:
    """The trekker writes the opdrachtbeschrijving until it is vastgesteld."""
    return opdrachtbeschrijving.status != OpdrachtbeschrijvingStatus.VASTGESTELD and mag_bewerken(
        user, opdrachtbeschrijving.activiteit
    )


def mag_opdrachtbeschrijving_vaststellen(user, opdrachtbeschrijving) -> bool:
    """Only the activity's own opdrachtgever approves its opdrachtbeschrijving."""
    return user.is_authenticated and opdrachtbeschrijving.activiteit.opdrachtgever_id == user.pk


def mag_interne_gegevens_zien(user) -> bool:
    """Knelpunten, verhalen, toelichting and names: the programme organisation, not college, raad or inwoners."""
    return user.is_authenticated and user.has_perm("actielijnen.view_voortgangsrapportage")


def mag_besluit_nemen(user, voortgangsrapportage) -> bool:
    """Only the activity's own opdrachtgever decides on an update that asks for a decision; others (the manager
    too) may read the open decision but not take it."""
    return (
        user.is_authenticated
        and voortgangsrapportage.besluit_nodig
        and voortgangsrapportage.activiteit.opdrachtgever_id == user.pk
    )


def mag_risicoregister_zien(user) -> bool:
    """The risk register and each risk's page: the programme organisation (college and raad see outcomes)."""
    return user.is_authenticated and user.has_perm("actielijnen.view_risico")


def mag_programmarisico_beoordelen(user, risico=None) -> bool:
    """Score and own a risk of the programme as a whole (§3): the manager (and the datakernteam).

    A trekker keeps the risks of their own activity (mag_bewerken); an activity's risk is never scored here.
    """
    if not (user.is_authenticated and user.has_perm("actielijnen.change_risico")):
        return False
    return risico is None or risico.activiteit_id is None


def mag_alle_besluiten_zien(user) -> bool:
    """Who reads the management level (manager, datakernteam) sees every open decision of the programme."""
    return user.has_perm("actielijnen.view_management")
