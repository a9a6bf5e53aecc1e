"""
An activity's opdrachtbeschrijving: the trekker writes its six parts and offers it; its opdrachtgever sets it
(vastgesteld) or sends it back.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actielijnen.constants import OpdrachtbeschrijvingStatus
from actielijnen.models import Opdrachtbeschrijving
from actielijnen.permissions import mag_bewerken, mag_opdrachtbeschrijving_vaststellen
from actielijnen.services.opslaan import opgeslagen
from kern.gelijktijdigheid import controleren
from kern.permissions import toegestaan


@transaction.atomic
def opdrachtbeschrijving_bijwerken(
    *, opdrachtbeschrijving: Opdrachtbeschrijving, door, origineel: dict | None = None, **onderdelen: str
):
    """The trekker writes the six parts; an opdrachtbeschrijving that was vastgesteld is not changed here.

    Refused (GelijktijdigeWijziging) if the parts changed since the form showed `origineel`.
    """
    opdracht = (
        Opdrachtbeschrijving.objects.select_for_update(of=("self",))
        .select_related("activiteit")
        .get(pk=opdrachtbeschrijving.pk)
    )
    toegestaan(mag_bewerken(door, opdracht.activiteit))
    if opdracht.status == OpdrachtbeschrijvingStatus.VASTGESTELD:
        raise ValidationError("Een vastgestelde opdrachtbeschrijving wordt niet meer gewijzigd.")
    if origineel is not None:
        controleren(opdracht, gezien=origineel)
    for naam, waarde in onderdelen.items():
        if naam not in Opdrachtbeschrijving.ONDERDELEN:
            raise ValueError(naam)
        setattr(opdracht, naam, waarde)
    opdracht.status = OpdrachtbeschrijvingStatus.CONCEPT
    return opgeslagen(opdracht)


@transaction.atomic
def opdrachtbeschrijving_ter_goedkeuring(
    *, opdrachtbeschrijving: Opdrachtbeschrijving, door
) -> Opdrachtbeschrijving:
    """The trekker offers the six parts to the opdrachtgever; only a complete concept can be offered."""
    opdracht = (
        Opdrachtbeschrijving.objects.select_for_update(of=("self",))
        .select_related("activiteit")
        .get(pk=opdrachtbeschrijving.pk)
    )
    toegestaan(mag_bewerken(door, opdracht.activiteit))
    if opdracht.status != OpdrachtbeschrijvingStatus.CONCEPT:
        raise ValidationError("Alleen een concept kan ter goedkeuring worden aangeboden.")
    ontbrekend = opdracht.ontbrekende_onderdelen()
    if ontbrekend:
        raise ValidationError("Vul eerst alle zes onderdelen in. Nog leeg: " + ", ".join(ontbrekend) + ".")
    opdracht.status = OpdrachtbeschrijvingStatus.TER_GOEDKEURING
    opdracht.save(update_fields=["status"])
    return opdracht


@transaction.atomic
def opdrachtbeschrijving_vaststellen(
    *, opdrachtbeschrijving: Opdrachtbeschrijving, gebruiker, akkoord: bool = True
) -> Opdrachtbeschrijving:
    """The opdrachtgever's decision: vastgesteld, or back to concept for the trekker."""
    opdracht = (
        Opdrachtbeschrijving.objects.select_for_update(of=("self",))
        .select_related("activiteit")
        .get(pk=opdrachtbeschrijving.pk)
    )
    # Only the activity's own opdrachtgever (the manager neither): the view shows them the 403 first.
    toegestaan(mag_opdrachtbeschrijving_vaststellen(gebruiker, opdracht))
    if opdracht.status != OpdrachtbeschrijvingStatus.TER_GOEDKEURING:
        raise ValidationError("Deze opdrachtbeschrijving is niet ter goedkeuring aangeboden.")
    if akkoord:
        opdracht.status = OpdrachtbeschrijvingStatus.VASTGESTELD
        opdracht.vastgesteld_door, opdracht.vastgesteld_op = gebruiker, timezone.now()
    else:
        opdracht.status = OpdrachtbeschrijvingStatus.CONCEPT
    opdracht.save(update_fields=["status", "vastgesteld_door", "vastgesteld_op"])
    return opdracht
