"""
Overvraging (§4.1 stap III: "zodat we organisaties en partijen niet overvragen"): how often one stakeholder is
asked per calendar quarter, against the threshold the manager sets (Overvragingsdrempel, pk 1).

Per stakeholder per quarter we count
- the trajectories active in that quarter: start ≤ the quarter's last day (no start: active from the beginning)
  and einde empty or ≥ the quarter's first day;
- the meetings dated in that quarter that ask it.
It is overvraagd when trajectories > max_trajecten or meetings > max_bijeenkomsten: exactly at the threshold is
still fine. Without a threshold nothing is overvraagd (and the pages say the manager has not set one).

Every function reads a fixed number of queries, whatever the number of stakeholders, trajectories or meetings.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.urls import reverse

from actielijnen.kwartaal import kwartaal_begin, kwartaal_einde, kwartaal_van
from actielijnen.signalen import Signaal
from bronnen.meervoud import aantal_met
from bronnen.periode import periode_tekst
from participatie.models import Bijeenkomst, Overvragingsdrempel, Participatietraject


@dataclass(frozen=True)
class Kwartaal:
    """A calendar quarter: code "2026-Q4", its first and last day, and its Dutch name."""

    code: str

    @property
    def begin(self) -> date:
        return kwartaal_begin(self.code)

    @property
    def einde(self) -> date:
        return kwartaal_einde(self.code)

    @property
    def tekst(self) -> str:
        return periode_tekst(self.code)

    @classmethod
    def van(cls, dag: date) -> "Kwartaal":
        return cls(kwartaal_van(dag))

    def plus(self, aantal: int) -> "Kwartaal":
        """The quarter `aantal` quarters later (earlier when negative)."""
        jaar, nummer = int(self.code[:4]), int(self.code[-1])
        index = jaar * 4 + (nummer - 1) + aantal
        return Kwartaal(f"{index // 4}-Q{index % 4 + 1}")


@dataclass
class Vraag:
    """What one stakeholder is asked for in one quarter."""

    stakeholder_id: int
    naam: str
    trajecten: set[int] = field(default_factory=set)
    bijeenkomsten: set[int] = field(default_factory=set)
    # The activities whose trajectories or meetings ask it this quarter (they get the warning on their page).
    activiteiten: dict[int, str] = field(default_factory=dict)  # pk → name

    @property
    def aantal_trajecten(self) -> int:
        return len(self.trajecten)

    @property
    def aantal_bijeenkomsten(self) -> int:
        return len(self.bijeenkomsten)


def drempel() -> Overvragingsdrempel | None:
    """The manager's threshold, or None when none is set."""
    return Overvragingsdrempel.objects.filter(pk=1).first()


def is_overvraagd(vraag: Vraag, grens: Overvragingsdrempel | None) -> bool:
    """Above the threshold on trajectories or on meetings; never without a threshold."""
    if grens is None:
        return False
    return (
        vraag.aantal_trajecten > grens.max_trajecten or vraag.aantal_bijeenkomsten > grens.max_bijeenkomsten
    )


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
    )
    for stakeholder_id, naam, traject_id, activiteit_id, activiteit, start, einde in trajecten:
        for kwartaal in kwartalen:
            if (start is None or start <= kwartaal.einde) and (einde is None or einde >= kwartaal.begin):
                v = vraag(kwartaal, stakeholder_id, naam)
                v.trajecten.add(traject_id)
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
    )
    for stakeholder_id, naam, bijeenkomst_id, datum, activiteit_id, activiteit in bijeenkomsten:
        v = vraag(Kwartaal.van(datum), stakeholder_id, naam)
        v.bijeenkomsten.add(bijeenkomst_id)
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


def omschrijving(kwartaal: Kwartaal, vraag: Vraag, grens: Overvragingsdrempel) -> str:
    """'Wijkkracht wordt in het 4e kwartaal 2026 gevraagd voor 5 bijeenkomsten (drempel 3)': only what is above."""
    delen = []
    if vraag.aantal_trajecten > grens.max_trajecten:
        delen.append(
            f"{aantal_met(vraag.aantal_trajecten, 'traject', 'trajecten')} (drempel {grens.max_trajecten})"
        )
    if vraag.aantal_bijeenkomsten > grens.max_bijeenkomsten:
        delen.append(
            f"{aantal_met(vraag.aantal_bijeenkomsten, 'bijeenkomst', 'bijeenkomsten')} "
            f"(drempel {grens.max_bijeenkomsten})"
        )
    return f"{vraag.naam} wordt in het {kwartaal.tekst} gevraagd voor {' en '.join(delen)}"


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
        uit.append(Signaal(f"Overvraging: {tekst}.", url))
        # For the activity's own page (the dashboard shows only the line above): it names the activity asking.
        for activiteit_id, activiteit in sorted(vraag.activiteiten.items(), key=lambda paar: paar[1]):
            uit.append(
                Signaal(f"Overvraging: {tekst}; ook “{activiteit}” vraagt haar dan.", url, activiteit_id)
            )
    return uit
