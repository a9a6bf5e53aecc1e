"""
The procurement tracks of zakelijk partnerschap (§2.3.1): what the pages read (the tracks with their backward
planning) and the warnings on the management dashboard and the activity page. The computation itself is
participatie/terugrekenen.py; the writes are participatie/services/inkoop.py.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Model, Prefetch
from django.urls import reverse
from django.utils import formats

from actielijnen.models import Activiteit
from actielijnen.signalen import Signaal
from bronnen.selectors import Notities, notities_van
from participatie import terugrekenen
from participatie.models import Inkooptraject, Inkooptrajectstap


@dataclass(frozen=True)
class TrajectPlanning:
    """A track with its steps (in order) and their backward planning as of `vandaag`."""

    traject: Inkooptraject
    uitkomst: terugrekenen.Uitkomst

    @property
    def voorbeeld(self) -> bool:
        """The planning is computed from an owner, durations or dates the demo invented (kern/herkomst.py)."""
        return self.traject.voorbeeld or any(stap.voorbeeld for stap in self.traject.stappen.all())

    @property
    def rijen(self):
        """(step, its outcome) per step, for the tables."""
        stappen = {stap.pk: stap for stap in self.traject.stappen.all()}
        return [(stappen[u.stap.sleutel], u) for u in self.uitkomst.stappen]


def _invoer(stap: Inkooptrajectstap) -> terugrekenen.Stap:
    return terugrekenen.Stap(
        naam=stap.naam,
        duur_dagen=stap.duur_dagen,
        marge_dagen=stap.marge_dagen or 0,
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


def notities(planningen: list[TrajectPlanning]) -> Notities:
    """The sources' notes on the tracks shown and on the phases their steps belong to ("Dialoofase"): one query."""
    onderwerpen: list[Model] = [plan.traject for plan in planningen]
    onderwerpen += [
        stap.fase for plan in planningen for stap in plan.traject.stappen.all() if stap.fase is not None
    ]
    return notities_van(onderwerpen)


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
        # Computed from step durations and dates the demo may have invented (kern/herkomst.py).
        demo = traject.voorbeeld or any(stap.voorbeeld for stap in traject.stappen.all())
        uitkomst.append(Signaal(tekst, url, voorbeeld=demo))
        uitkomst += [
            Signaal(tekst, url, activiteit.pk, voorbeeld=demo) for activiteit in traject.activiteiten.all()
        ]
    return uitkomst


def _datum(dag: date) -> str:
    return formats.date_format(dag, "j F Y")
