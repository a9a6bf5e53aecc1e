"""
The decision inbox ("Besluiten"): what waits for a decision, read for one person (their own decisions) or, for
the manager, programme-wide and read only.

Three kinds wait: planning changes where the person holds a §2.2 role that has not yet decided, an
opdrachtbeschrijving their activity's trekker offered for approval, and updates that asked for a decision
("besluit nodig") the opdrachtgever has not yet taken (actielijnen.Besluit). The programme-wide list holds the
same items the dashboard counts (`Stand.open_besluiten`), so the count there equals the rows here.
Every function runs a fixed number of queries, whatever the number of activities or updates.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from actielijnen import signalen
from actielijnen.constants import OpdrachtbeschrijvingStatus, PlanningswijzigingStatus
from actielijnen.models import Opdrachtbeschrijving, Planningswijziging, Voortgangsrapportage
from actielijnen.permissions import (
    akkoord_rollen,
    mag_alle_besluiten_zien,
    mag_besluit_nemen,
    mag_opdrachtbeschrijving_vaststellen,
)


@dataclass
class Besluitenlijst:
    """What waits for a decision; each item carries `mag_beslissen` (may this person take it here)."""

    planningswijzigingen: list[Planningswijziging]
    opdrachtbeschrijvingen: list[Opdrachtbeschrijving]
    updates: list[Voortgangsrapportage]
    programmabreed: bool  # the manager's read-only overview of every open decision
    elders: list[signalen.Besluitpunt] = field(
        default_factory=list
    )  # kinds the apps above own (participatie)

    @property
    def aantal(self) -> int:
        return (
            len(self.planningswijzigingen)
            + len(self.opdrachtbeschrijvingen)
            + len(self.updates)
            + len(self.elders)
        )

    @property
    def alle(self) -> list:
        """Every item, of every kind (the mark of a count made from them: kern/herkomst.py)."""
        return [*self.planningswijzigingen, *self.opdrachtbeschrijvingen, *self.updates, *self.elders]

    @property
    def aantal_voor_mij(self) -> int:
        """The decisions this person can take themselves."""
        return sum(
            1
            for item in (
                *self.planningswijzigingen,
                *self.opdrachtbeschrijvingen,
                *self.updates,
                *self.elders,
            )
            if item.mag_beslissen
        )


def updates_wachtend_op_besluit(*, vandaag: date | None = None):
    """Updates up to `vandaag` that asked for a decision the opdrachtgever had not taken by then."""
    vandaag = vandaag or timezone.localdate()
    return Voortgangsrapportage.objects.filter(besluit_nodig=True, datum__lte=vandaag).filter(
        Q(besluit__isnull=True) | Q(besluit__datum__gt=vandaag)
    )


def besluiten_voor(user) -> Besluitenlijst:
    """The inbox of `user` (4 queries). Who reads the management level (manager, datakernteam) sees every open
    decision of the programme, the ones they take themselves marked; everyone else only their own."""
    programmabreed = mag_alle_besluiten_zien(user)
    wijzigingen = (
        Planningswijziging.objects.filter(status=PlanningswijzigingStatus.INGEDIEND)
        .select_related("activiteit__actielijn", "aangevraagd_door")
        .prefetch_related("akkoorden")
        .order_by("aangevraagd_op", "pk")
    )
    opdrachten = (
        Opdrachtbeschrijving.objects.filter(status=OpdrachtbeschrijvingStatus.TER_GOEDKEURING)
        .select_related("activiteit__actielijn", "activiteit__trekker")
        .order_by("activiteit__actielijn__nummer", "activiteit__volgorde")
    )
    updates = (
        updates_wachtend_op_besluit()
        .select_related("activiteit__actielijn", "activiteit__opdrachtgever", "auteur")
        .order_by("datum", "pk")
    )
    if not programmabreed:
        wijzigingen = wijzigingen.filter(
            Q(activiteit__opdrachtgever=user)
            | Q(activiteit__opdrachtnemer=user)
            | Q(activiteit__opgavecoordinator=user)
        )
        opdrachten = opdrachten.filter(activiteit__opdrachtgever=user)
        updates = updates.filter(activiteit__opdrachtgever=user)

    planning = []
    for wijziging in wijzigingen:
        gegeven = {a.rol for a in wijziging.akkoorden.all()}
        wijziging.mijn_rollen = [r for r in akkoord_rollen(user, wijziging.activiteit) if r not in gegeven]
        wijziging.mag_beslissen = bool(wijziging.mijn_rollen)
        # Someone with a role that already decided has nothing left to do here.
        if programmabreed or wijziging.mag_beslissen:
            planning.append(wijziging)
    opdrachten = list(opdrachten)
    for opdracht in opdrachten:
        opdracht.mag_beslissen = mag_opdrachtbeschrijving_vaststellen(user, opdracht)
    updates = list(updates)
    for update in updates:
        update.mag_beslissen = mag_besluit_nemen(user, update)
    return Besluitenlijst(
        planning, opdrachten, updates, programmabreed, signalen.besluitpunten(user, programmabreed)
    )
