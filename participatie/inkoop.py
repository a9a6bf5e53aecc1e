"""
The procurement tracks of zakelijk partnerschap (§2.3.1): reads (the tracks with their backward planning), writes
(a track, its steps) and the warnings on the management dashboard and the activity page. The computation itself
is participatie/terugrekenen.py; who may write is participatie/permissions.py.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats

from actielijnen.models import Activiteit
from actielijnen.signalen import Signaal
from bronnen.gelijktijdigheid import controleren
from participatie import terugrekenen
from participatie.models import Inkooptraject, Inkooptrajectstap

# Step fields a user keeps up to date (the form's fields, the service's arguments).
STAPVELDEN = (
    "naam",
    "duur_dagen",
    "marge_dagen",
    "gepland_start",
    "gepland_einde",
    "werkelijk_start",
    "werkelijk_einde",
)


@dataclass(frozen=True)
class TrajectPlanning:
    """A track with its steps (in order) and their backward planning as of `vandaag`."""

    traject: Inkooptraject
    uitkomst: terugrekenen.Uitkomst

    @property
    def rijen(self):
        """(step, its outcome) per step, for the tables."""
        stappen = {stap.pk: stap for stap in self.traject.stappen.all()}
        return [(stappen[u.stap.sleutel], u) for u in self.uitkomst.stappen]


def _invoer(stap: Inkooptrajectstap) -> terugrekenen.Stap:
    return terugrekenen.Stap(
        naam=stap.naam,
        duur_dagen=stap.duur_dagen,
        marge_dagen=stap.marge_dagen,
        gepland_start=stap.gepland_start,
        gepland_einde=stap.gepland_einde,
        werkelijk_start=stap.werkelijk_start,
        werkelijk_einde=stap.werkelijk_einde,
        sleutel=stap.pk,
    )


def planning(traject: Inkooptraject, vandaag: date) -> TrajectPlanning:
    """The backward planning of one track (its `stappen` prefetched, or one query)."""
    invoer = [_invoer(stap) for stap in traject.stappen.all()]
    return TrajectPlanning(traject, terugrekenen.terugrekenen(traject.ingangsdatum, invoer, vandaag))


def _trajecten(*, details: bool):
    """Tracks with their steps and activities prefetched; `details` adds phases, owners and notes for pages."""
    stappen = Inkooptrajectstap.objects.order_by("volgorde")
    activiteiten = Activiteit.objects.order_by("actielijn__nummer", "volgorde")
    if not details:
        return Inkooptraject.objects.prefetch_related(
            Prefetch("stappen", queryset=stappen), Prefetch("activiteiten", queryset=activiteiten.only("pk"))
        )
    return Inkooptraject.objects.select_related("eigenaar").prefetch_related(
        Prefetch("stappen", queryset=stappen.select_related("fase", "inkoopstap")),
        Prefetch("activiteiten", queryset=activiteiten.select_related("actielijn")),
        "datakwaliteit",
    )


def alle_planningen(vandaag: date) -> list[TrajectPlanning]:
    """Every track with its planning, steps, activities and notes: a fixed number of queries."""
    return [planning(traject, vandaag) for traject in _trajecten(details=True)]


def traject_planning(sleutel: str, vandaag: date) -> TrajectPlanning:
    """One track by its sleutel (Inkooptraject.DoesNotExist when there is none)."""
    return planning(_trajecten(details=True).get(sleutel=sleutel), vandaag)


def signalen(vandaag: date) -> list[Signaal]:
    """A warning per track that can no longer make its contract date, on the dashboard and on each linked
    activity's page. Three queries, whatever the number of tracks, steps and activities."""
    uitkomst = []
    for traject in _trajecten(details=False):
        plan = planning(traject, vandaag).uitkomst
        if plan.status != terugrekenen.NIET_HAALBAAR:
            continue
        tekst = (
            f"Inkooptraject {traject.naam} haalt {_datum(traject.ingangsdatum)} niet: verwacht gereed "
            f"{_datum(plan.verwacht_gereed)}."
        )
        url = reverse("participatie:inkooptraject", args=[traject.sleutel])
        uitkomst.append(Signaal(tekst, url))
        uitkomst += [Signaal(tekst, url, activiteit.pk) for activiteit in traject.activiteiten.all()]
    return uitkomst


def _datum(dag: date) -> str:
    return formats.date_format(dag, "j F Y")


# Writes -------------------------------------------------------------------------------------------------------


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
    stap = Inkooptrajectstap.objects.select_for_update().get(pk=stap.pk)
    if origineel is not None:
        controleren(stap, gezien=origineel)
    gewijzigd = False
    for naam in STAPVELDEN:
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
        traject=traject, volgorde=volgorde, **{k: velden[k] for k in STAPVELDEN if k in velden}
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
