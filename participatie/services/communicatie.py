"""
Communicatie (§4.2): the writes of the communication actions, each in one transaction with the row locked and
its history through simple-history. The services receive the acting user (`door`) and check who may
(participatie/permissions.py), because a direct POST skips the form. What the pages read is
participatie/selectors/communicatie.py.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kern.gelijktijdigheid import controleren
from participatie.constants import COMMUNICATIEACTIEVELDEN
from participatie.models import Communicatieactie
from participatie.permissions import mag_communicatieactie_schrijven


def _controleren(*, door, vandaag: date, permissie: str, activiteit, **velden) -> None:
    """Who may, and the rules a form cannot be trusted to have kept (a direct POST skips the form)."""
    if not mag_communicatieactie_schrijven(door, activiteit, permissie):
        raise PermissionDenied
    fouten = {}
    if velden.get("uitgevoerd_op") and velden["uitgevoerd_op"] > vandaag:
        fouten["uitgevoerd_op"] = (
            "Uitgevoerd op ligt in de toekomst. Vul deze datum in als de actie is uitgevoerd."
        )
    if velden.get("kosten") is not None and velden["kosten"] < 0:
        fouten["kosten"] = "De kosten kunnen niet negatief zijn."
    budget, lijn = velden.get("budget"), velden.get("communicatielijn")
    if budget is not None and lijn is not None:
        lijnen = list(budget.communicatielijnen.all())
        if lijnen and lijn not in lijnen:
            namen = " en ".join(str(lijn_) for lijn_ in lijnen)
            fouten["budget"] = f"Dit budget is voor {namen}; kies een van die lijnen of geen budget."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def actie_toevoegen(*, door, vandaag: date, **velden) -> Communicatieactie:
    """A new communication action; `velden` are the model's fields (COMMUNICATIEACTIEVELDEN)."""
    _controleren(door=door, vandaag=vandaag, permissie="participatie.add_communicatieactie", **velden)
    actie = Communicatieactie(
        **{naam: velden.get(naam) for naam in COMMUNICATIEACTIEVELDEN if naam in velden}
    )
    actie.toelichting = actie.toelichting or ""
    actie._change_reason = "Communicatieactie toegevoegd"
    actie.full_clean()
    actie.save()
    return actie


@transaction.atomic
def actie_bijwerken(
    *, actie: Communicatieactie, door, vandaag: date, origineel: dict | None = None, **velden
) -> Communicatieactie:
    """Change an action; refused when the user may not write the old or the new activity's communication, or
    when someone else saved it since the form showed `origineel`."""
    actie = Communicatieactie.objects.select_for_update().get(pk=actie.pk)
    if not mag_communicatieactie_schrijven(door, actie.activiteit, "participatie.change_communicatieactie"):
        raise PermissionDenied
    if origineel is not None:
        controleren(actie, gezien=origineel)
    _controleren(door=door, vandaag=vandaag, permissie="participatie.change_communicatieactie", **velden)
    for naam in COMMUNICATIEACTIEVELDEN:
        if naam in velden:
            setattr(actie, naam, velden[naam] if velden[naam] is not None or naam != "toelichting" else "")
    actie._change_reason = "Communicatieactie bijgewerkt"
    actie.full_clean()
    actie.save()
    return actie
