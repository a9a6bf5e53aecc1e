"""
The procurement tracks of zakelijk partnerschap (§2.3.1): the writes (a track, its steps), each in one transaction
with the row locked and a reason in the history. Each receives the acting user (`gebruiker`, who the history
names) and checks it against participatie/permissions.py (PermissionDenied, nothing written); the planning is computed again on every read (participatie/selectors/inkoop.py).
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from kern.gelijktijdigheid import controleren
from kern.permissions import toegestaan
from participatie.constants import INKOOPSTAPVELDEN
from participatie.models import Inkooptraject, Inkooptrajectstap
from participatie.permissions import (
    mag_inkoopstap_toevoegen,
    mag_inkooptraject_bijhouden,
    mag_inkooptraject_toevoegen,
    mag_inkooptraject_wijzigen,
)


def _reden(obj, gebruiker, reden: str) -> None:
    obj._history_user = gebruiker
    obj._change_reason = reden


def _controleren(obj) -> None:
    """The model's own rules (dates in order), as a ValidationError the form shows, never a database error."""
    try:
        obj.full_clean(exclude=["traject", "fase", "inkoopstap"])
    except ValidationError as fout:
        raise ValidationError(fout.message_dict if hasattr(fout, "error_dict") else fout.messages) from fout


@transaction.atomic
def stap_bijwerken(
    *, stap: Inkooptrajectstap, gebruiker, origineel: dict | None = None, **velden
) -> Inkooptrajectstap:
    """Change a step's name, duration, margin or dates; the planning is computed again on every read. Refused
    (GelijktijdigeWijziging) when someone else saved the step since the form showed `origineel`."""
    stap = Inkooptrajectstap.objects.select_for_update(of=("self",)).select_related("traject").get(pk=stap.pk)
    toegestaan(mag_inkooptraject_bijhouden(gebruiker, stap.traject))
    if origineel is not None:
        controleren(stap, gezien=origineel)
    gewijzigd = False
    for naam in INKOOPSTAPVELDEN:
        if naam in velden and getattr(stap, naam) != velden[naam]:
            setattr(stap, naam, velden[naam])
            gewijzigd = True
    if gewijzigd:
        _controleren(stap)
        _reden(stap, gebruiker, "Stap van het inkooptraject bijgewerkt")
        stap.save()
    return stap


@transaction.atomic
def stap_toevoegen(
    *, traject: Inkooptraject, gebruiker, na: int | None = None, **velden
) -> Inkooptrajectstap:
    """Add a step at the end of the track (or after step number `na`, moving the later ones one place on)."""
    toegestaan(mag_inkoopstap_toevoegen(gebruiker))
    traject = Inkooptraject.objects.select_for_update().get(pk=traject.pk)
    stappen = list(traject.stappen.order_by("-volgorde"))
    laatste = stappen[0].volgorde if stappen else 0
    volgorde = laatste + 1 if na is None or na >= laatste else na + 1
    # Move the later steps from the back, one at a time, so the unique (traject, volgorde) holds throughout.
    for later in stappen:
        if later.volgorde >= volgorde:
            later.volgorde += 1
            _reden(later, gebruiker, "Volgorde verschoven door een nieuwe stap")
            later.save(update_fields=["volgorde"])
    stap = Inkooptrajectstap(
        traject=traject, volgorde=volgorde, **{k: velden[k] for k in INKOOPSTAPVELDEN if k in velden}
    )
    _controleren(stap)
    _reden(stap, gebruiker, "Stap aan het inkooptraject toegevoegd")
    stap.save()
    return stap


@transaction.atomic
def traject_bijwerken(
    *, traject: Inkooptraject, gebruiker, activiteiten=None, origineel: dict | None = None, **velden
) -> Inkooptraject:
    """Change a track's name, date, owner or explanation, and its linked activities; refused like a step when
    someone else saved the track since the form showed `origineel`."""
    toegestaan(mag_inkooptraject_wijzigen(gebruiker))
    traject = Inkooptraject.objects.select_for_update().get(pk=traject.pk)
    if origineel is not None:
        controleren(traject, gezien=origineel)
    gewijzigd = False
    for naam in ("naam", "ingangsdatum", "eigenaar", "toelichting"):
        if naam in velden and getattr(traject, naam) != velden[naam]:
            setattr(traject, naam, velden[naam])
            gewijzigd = True
    if gewijzigd:
        _reden(traject, gebruiker, "Inkooptraject bijgewerkt")
        traject.save()
    if activiteiten is not None and set(traject.activiteiten.values_list("pk", flat=True)) != {
        a.pk for a in activiteiten
    }:
        _reden(traject, gebruiker, "Activiteiten van het inkooptraject gewijzigd")
        traject.activiteiten.set(activiteiten)
    return traject


@transaction.atomic
def traject_toevoegen(*, gebruiker, sleutel: str, naam: str, activiteiten=(), **velden) -> Inkooptraject:
    """A new track (the data team adds a domain); it starts without steps."""
    toegestaan(mag_inkooptraject_toevoegen(gebruiker))
    if Inkooptraject.objects.filter(sleutel=sleutel).exists():
        raise ValidationError({"sleutel": "Er is al een inkooptraject met deze sleutel."})
    volgorde = (
        Inkooptraject.objects.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0
    ) + 1
    traject = Inkooptraject(sleutel=sleutel, naam=naam, volgorde=volgorde, **velden)
    _reden(traject, gebruiker, "Inkooptraject toegevoegd")
    traject.save()
    if activiteiten:
        traject.activiteiten.set(activiteiten)
    return traject
