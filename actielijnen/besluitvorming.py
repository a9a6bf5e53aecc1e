"""
Propose → decide: one mechanism for every proposal that needs the agreement of named roles.

A proposal (a Planningswijziging today; participation decisions next, see the ROADMAP) keeps one decision per
role in a related model with the fields `rol`, `gebruiker`, `akkoord`, `toelichting`, `datum`. `besluit_vastleggen`
records one role's decision and returns the outcome: AFGEWEZEN at the first "niet akkoord", AKKOORD once every
required role agreed, otherwise OPEN. Applying the outcome (changing the planning, say) is the caller's job, in
the same transaction.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Uitkomst(models.TextChoices):
    OPEN = "open", "Wacht op akkoord"
    AKKOORD = "akkoord", "Akkoord"
    AFGEWEZEN = "afgewezen", "Afgewezen"


def uitkomst(besluiten: dict[str, bool], vereiste_rollen: Iterable[str]) -> Uitkomst:
    """The outcome of the decisions so far (role → agreed?)."""
    if any(akkoord is False for akkoord in besluiten.values()):
        return Uitkomst.AFGEWEZEN
    if all(besluiten.get(rol) for rol in vereiste_rollen):
        return Uitkomst.AKKOORD
    return Uitkomst.OPEN


def besluit_vastleggen(
    *,
    besluiten,
    rol: str,
    gebruiker,
    akkoord: bool,
    toelichting: str,
    vereiste_rollen: Iterable[str],
) -> Uitkomst:
    """Record the decision of `rol` in the related manager `besluiten`; a role decides once.

    Call inside a transaction with the proposal's row locked.
    """
    vereiste_rollen = tuple(vereiste_rollen)
    if rol not in vereiste_rollen:
        raise ValidationError(f"De rol '{rol}' beslist niet over dit voorstel.")
    if besluiten.filter(rol=rol).exists():
        raise ValidationError("Voor deze rol is al een besluit vastgelegd.")
    if not akkoord and not toelichting.strip():
        raise ValidationError({"toelichting": "Licht toe waarom u niet akkoord gaat."})
    besluiten.create(
        rol=rol, gebruiker=gebruiker, akkoord=akkoord, toelichting=toelichting, datum=timezone.now()
    )
    return uitkomst(dict(besluiten.values_list("rol", "akkoord")), vereiste_rollen)
