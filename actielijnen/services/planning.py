"""
An activity's planning (quarters): the opdrachtgever's first planning, and a change that takes effect only when
opdrachtgever, opdrachtnemer and opgavecoördinator agreed (§2.2).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actielijnen.besluitvorming import Uitkomst, besluit_vastleggen
from actielijnen.constants import AkkoordRol, PlanningswijzigingStatus
from actielijnen.models import Activiteit, Planningswijziging
from actielijnen.permissions import akkoord_rollen, mag_bewerken, mag_planning_vastleggen
from actielijnen.services.opslaan import opgeslagen
from kern.gelijktijdigheid import controleren
from kern.permissions import toegestaan


@transaction.atomic
def planningswijziging_indienen(
    *, activiteit: Activiteit, aangevraagd_door, reden: str, nieuwe_start: str, nieuw_einde: str
) -> Planningswijziging:
    """Request a planning change; nothing changes on the activity until all three roles of §2.2 agreed."""
    toegestaan(mag_bewerken(aangevraagd_door, activiteit))
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    if activiteit.planningswijzigingen.filter(status=PlanningswijzigingStatus.INGEDIEND).exists():
        raise ValidationError("Er staat al een planningswijziging open voor deze activiteit.")
    start = nieuwe_start or activiteit.geplande_start
    einde = nieuw_einde or activiteit.gepland_einde
    if start and einde and start > einde:
        raise ValidationError({"nieuw_einde": "Het einde ligt vóór de start."})
    return opgeslagen(
        Planningswijziging(
            activiteit=activiteit,
            aangevraagd_door=aangevraagd_door,
            reden=reden,
            nieuwe_start=nieuwe_start,
            nieuw_einde=nieuw_einde,
        )
    )


@transaction.atomic
def planning_vastleggen(
    *,
    activiteit: Activiteit,
    gebruiker,
    geplande_start: str,
    gepland_einde: str,
    origineel: dict | None = None,
) -> Activiteit:
    """Record the first planning (quarters) of an activity that has none yet: the opdrachtgever's direct decision.

    Only what is still empty is set: a start or end that exists already changes only through a planningswijziging
    (three akkoorden, §2.2). One history row with who and why. Refused (GelijktijdigeWijziging) if the planning
    changed since the form showed `origineel`.
    """
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    toegestaan(mag_planning_vastleggen(gebruiker, activiteit))
    if origineel is not None:
        controleren(activiteit, gezien=origineel)
    if activiteit.geplande_start and activiteit.gepland_einde:
        raise ValidationError(
            "Deze activiteit heeft al een planning. Vraag een planningswijziging aan; die gaat in als "
            "opdrachtgever, opdrachtnemer en opgavecoördinator akkoord zijn."
        )
    fouten = {}
    for veld, waarde in (("geplande_start", geplande_start), ("gepland_einde", gepland_einde)):
        huidig = getattr(activiteit, veld)
        if huidig and waarde and waarde != huidig:
            fouten[veld] = f"Al vastgelegd als {huidig}; wijzig dit met een planningswijziging."
        elif not waarde and not huidig:
            fouten[veld] = "Geef een kwartaal als 2023-Q2."
        elif not huidig:
            setattr(activiteit, veld, waarde)
    if fouten:
        raise ValidationError(fouten)
    planning = {"geplande_start", "gepland_einde"}
    activiteit.clean_fields(exclude=[f.name for f in Activiteit._meta.fields if f.name not in planning])
    if activiteit.geplande_start > activiteit.gepland_einde:
        raise ValidationError({"gepland_einde": "Het einde ligt vóór de start."})
    activiteit._change_reason = "Eerste planning vastgelegd"
    activiteit._history_user = gebruiker
    activiteit.save(update_fields=["geplande_start", "gepland_einde"])
    return activiteit


@transaction.atomic
def planningswijziging_akkoord_geven(
    *, planningswijziging: Planningswijziging, rol: str, gebruiker, akkoord: bool, toelichting: str = ""
) -> Planningswijziging:
    """One role's decision. Takes effect only when opdrachtgever, opdrachtnemer and opgavecoördinator agreed;
    one "niet akkoord" rejects the request."""
    wijziging = (
        Planningswijziging.objects.select_for_update(of=("self",))
        .select_related("activiteit")
        .get(pk=planningswijziging.pk)
    )
    if wijziging.status != PlanningswijzigingStatus.INGEDIEND:
        raise ValidationError("Over deze planningswijziging is al besloten.")
    toegestaan(rol in akkoord_rollen(gebruiker, wijziging.activiteit))
    resultaat = besluit_vastleggen(
        besluiten=wijziging.akkoorden,
        rol=rol,
        gebruiker=gebruiker,
        akkoord=akkoord,
        toelichting=toelichting,
        vereiste_rollen=AkkoordRol.values,
    )
    if resultaat == Uitkomst.AFGEWEZEN:
        wijziging.status = PlanningswijzigingStatus.AFGEWEZEN
        wijziging.save(update_fields=["status"])
    elif resultaat == Uitkomst.AKKOORD:
        activiteit = Activiteit.objects.select_for_update().get(pk=wijziging.activiteit_id)
        if wijziging.nieuwe_start:
            activiteit.geplande_start = wijziging.nieuwe_start
        if wijziging.nieuw_einde:
            activiteit.gepland_einde = wijziging.nieuw_einde
        activiteit.save(update_fields=["geplande_start", "gepland_einde"])
        wijziging.status = PlanningswijzigingStatus.AKKOORD
        wijziging.doorgevoerd_op = timezone.now()
        wijziging.save(update_fields=["status", "doorgevoerd_op"])
    return wijziging
