"""
Overvraging (§4.1 stap III): how often each stakeholder is asked per quarter, read from the trajectories and
meetings, and the warnings above the manager's threshold on the dashboard and the activity pages. The rule itself
(`Kwartaal`, `Vraag`, `is_overvraagd`) is participatie/overvraging.py.

Every function reads a fixed number of queries, whatever the number of stakeholders, trajectories or meetings.
"""

from datetime import date

from django.db.models import Q
from django.urls import reverse

from actielijnen.signalen import Signaal
from participatie.models import Bijeenkomst, Overvragingsdrempel, Participatietraject
from participatie.overvraging import Kwartaal, Vraag, is_overvraagd, omschrijving


def drempel() -> Overvragingsdrempel | None:
    """The manager's threshold, or None when none is set."""
    return Overvragingsdrempel.objects.filter(pk=1).first()


def tellingen(kwartalen: list[Kwartaal]) -> dict[str, dict[int, Vraag]]:
    """{quarter code: {stakeholder pk: Vraag}} for these quarters, in two queries (one for the trajectories, one
    for the meetings of the whole window); stakeholders not asked in a quarter are absent from it."""
    uit: dict[str, dict[int, Vraag]] = {k.code: {} for k in kwartalen}
    if not kwartalen:
        return uit
    eerste = min(k.begin for k in kwartalen)
    laatste = max(k.einde for k in kwartalen)

    def vraag(kwartaal: Kwartaal, stakeholder_id: int, naam: str) -> Vraag:
        return uit[kwartaal.code].setdefault(stakeholder_id, Vraag(stakeholder_id, naam))

    koppeling = Participatietraject.stakeholders.through.objects
    trajecten = koppeling.filter(
        Q(participatietraject__start__isnull=True) | Q(participatietraject__start__lte=laatste),
        Q(participatietraject__einde__isnull=True) | Q(participatietraject__einde__gte=eerste),
    ).values_list(
        "stakeholder_id",
        "stakeholder__naam",
        "participatietraject_id",
        "participatietraject__activiteit_id",
        "participatietraject__activiteit__naam",
        "participatietraject__start",
        "participatietraject__einde",
        "participatietraject__voorbeeld",
    )
    for stakeholder_id, naam, traject_id, activiteit_id, activiteit, start, einde, demo in trajecten:
        for kwartaal in kwartalen:
            if (start is None or start <= kwartaal.einde) and (einde is None or einde >= kwartaal.begin):
                v = vraag(kwartaal, stakeholder_id, naam)
                v.trajecten.add(traject_id)
                v.voorbeeld = v.voorbeeld or demo
                if activiteit_id:
                    v.activiteiten[activiteit_id] = activiteit
    bijeenkomsten = Bijeenkomst.stakeholders.through.objects.filter(
        bijeenkomst__datum__range=(eerste, laatste)
    ).values_list(
        "stakeholder_id",
        "stakeholder__naam",
        "bijeenkomst_id",
        "bijeenkomst__datum",
        "bijeenkomst__traject__activiteit_id",
        "bijeenkomst__traject__activiteit__naam",
        "bijeenkomst__voorbeeld",
    )
    for stakeholder_id, naam, bijeenkomst_id, datum, activiteit_id, activiteit, demo in bijeenkomsten:
        v = vraag(Kwartaal.van(datum), stakeholder_id, naam)
        v.bijeenkomsten.add(bijeenkomst_id)
        v.voorbeeld = v.voorbeeld or demo
        if activiteit_id:
            v.activiteiten[activiteit_id] = activiteit
    return uit


def overvraagd(kwartalen: list[Kwartaal]) -> tuple[Overvragingsdrempel | None, list[tuple[Kwartaal, Vraag]]]:
    """The threshold and every (quarter, Vraag) above it, by quarter and name. Three queries."""
    grens = drempel()
    if grens is None:
        return None, []
    per_kwartaal = tellingen(kwartalen)
    boven = [
        (kwartaal, v)
        for kwartaal in kwartalen
        for v in sorted(per_kwartaal[kwartaal.code].values(), key=lambda v: v.naam)
        if is_overvraagd(v, grens)
    ]
    return grens, boven


def signalen(vandaag: date) -> list[Signaal]:
    """Warnings (actielijnen.signalen.Signaal) for stakeholders asked above the manager's threshold in the current
    or the next quarter (what can still be prevented): one for the dashboard per stakeholder and quarter, and one
    per activity that asks it, for that activity's page. Three queries."""
    huidig = Kwartaal.van(vandaag)
    grens, boven = overvraagd([huidig, huidig.plus(1)])
    uit = []
    for kwartaal, vraag in boven:
        tekst = omschrijving(kwartaal, vraag, grens)
        url = reverse("participatie:stakeholder", kwargs={"pk": vraag.stakeholder_id})
        uit.append(Signaal(f"Overvraging: {tekst}.", url, voorbeeld=vraag.voorbeeld))
        # For the activity's own page (the dashboard shows only the line above): it names the activity asking.
        for activiteit_id, activiteit in sorted(vraag.activiteiten.items(), key=lambda paar: paar[1]):
            uit.append(
                Signaal(
                    f"Overvraging: {tekst}; ook “{activiteit}” vraagt haar dan.",
                    url,
                    activiteit_id,
                    voorbeeld=vraag.voorbeeld,
                )
            )
    return uit
