"""
Step III of §4.1 and wijkgericht werken (§2.3.2): what the pages read of the stakeholder register (with the
overvraging count, participatie/selectors/overvraging.py), the participation trajectories and their meetings, the
history, and the wijken of activities. Each read is a fixed number of queries. The writes are
participatie/services/betrokkenen.py.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q

from actielijnen import selectors as actielijnen_selectors
from actielijnen.models import Activiteit
from kern.gelijktijdigheid import doel_van, waarden_van
from kern.geschiedenis import geschiedenis
from monitoring.models import Wijk
from participatie.constants import DREMPELVELDEN, PER_PAGINA, SOORT_BINNEN, SOORT_BUITEN
from participatie.models import (
    Bijeenkomst,
    Inbreng,
    Overvragingsdrempel,
    Participatietraject,
    Stakeholder,
    Wijkkoppeling,
)
from participatie.overvraging import Kwartaal, Vraag, is_overvraagd
from participatie.selectors.overvraging import drempel, tellingen

# --- The forms' tokens (kern/gelijktijdigheid.py): what a form showed, to refuse saving over a later change ---


def drempelstand() -> tuple[str, dict]:
    """The doel and values of the threshold form's token: the one row (pk 1), or empty values before it exists,
    so that two managers setting the first threshold at once do not overwrite each other either."""
    grens = Overvragingsdrempel.objects.filter(pk=1).first()
    waarden = waarden_van(grens, DREMPELVELDEN) if grens else dict.fromkeys(DREMPELVELDEN)
    return doel_van(Overvragingsdrempel(pk=1)), waarden


def wijkstand_doel(activiteit: Activiteit) -> str:
    """What the wijken form's token is for: the set of wijken of one activity (several rows, one form)."""
    return f"participatie.wijkkoppeling:activiteit:{activiteit.pk}"


def wijkstand(activiteit: Activiteit) -> dict:
    """The wijken of an activity and their toelichting as the wijken form edits them (the token's values)."""
    koppelingen = list(Wijkkoppeling.objects.filter(activiteit=activiteit).order_by("wijk_id"))
    return {
        "wijken": [k.wijk_id for k in koppelingen],
        "toelichting": next((k.toelichting for k in koppelingen if k.toelichting), ""),
    }


# --- The stakeholder register ----------------------------------------------------------------------------------


@dataclass
class Registerregel:
    stakeholder: Stakeholder
    vraag: Vraag | None
    overvraagd: bool

    @property
    def voorbeeld(self) -> bool:
        """Counted from trajectories or meetings the demo invented (kern/herkomst.py)."""
        return bool(self.vraag and self.vraag.voorbeeld)

    @property
    def trajecten(self) -> int:
        return self.vraag.aantal_trajecten if self.vraag else 0

    @property
    def bijeenkomsten(self) -> int:
        return self.vraag.aantal_bijeenkomsten if self.vraag else 0


@dataclass
class Register:
    kwartaal: Kwartaal
    drempel: Overvragingsdrempel | None
    pagina: Page
    regels: list[Registerregel]
    aantal_overvraagd: int


def register(*, vandaag: date, pagina=1) -> Register:
    """The stakeholder register, 25 a page, with this quarter's trajectories and meetings and the overvraagd
    mark. Five queries."""
    kwartaal = Kwartaal.van(vandaag)
    grens = drempel()
    per_stakeholder = tellingen([kwartaal])[kwartaal.code]
    pagina_ = Paginator(Stakeholder.objects.order_by("naam"), PER_PAGINA).get_page(pagina)
    regels = [
        Registerregel(
            s,
            per_stakeholder.get(s.pk),
            is_overvraagd(per_stakeholder.get(s.pk) or Vraag(s.pk, s.naam), grens),
        )
        for s in pagina_
    ]
    aantal = sum(1 for v in per_stakeholder.values() if is_overvraagd(v, grens))
    return Register(kwartaal, grens, pagina_, regels, aantal)


@dataclass
class Kwartaalregel:
    kwartaal: Kwartaal
    trajecten: int
    bijeenkomsten: int
    overvraagd: bool
    voorbeeld: bool = False  # counted from the demo's trajectories or meetings (kern/herkomst.py)


@dataclass
class Stakeholderbeeld:
    stakeholder: Stakeholder
    drempel: Overvragingsdrempel | None
    kwartalen: list[Kwartaalregel]
    trajecten: list[Participatietraject]
    bijeenkomsten: Page


def stakeholderbeeld(*, pk: int, vandaag: date, pagina=1) -> Stakeholderbeeld:
    """One stakeholder: per quarter (four back, this one, two ahead) how often it is asked, its trajectories and
    its meetings (newest first, 25 a page). Raises Stakeholder.DoesNotExist. A fixed number of queries."""
    stakeholder = Stakeholder.objects.get(pk=pk)
    huidig = Kwartaal.van(vandaag)
    kwartalen = [huidig.plus(n) for n in range(-4, 3)]
    grens = drempel()
    per_kwartaal = tellingen(kwartalen)
    regels = []
    for kwartaal in kwartalen:
        vraag = per_kwartaal[kwartaal.code].get(stakeholder.pk) or Vraag(stakeholder.pk, stakeholder.naam)
        regels.append(
            Kwartaalregel(
                kwartaal,
                vraag.aantal_trajecten,
                vraag.aantal_bijeenkomsten,
                is_overvraagd(vraag, grens),
                voorbeeld=vraag.voorbeeld,
            )
        )
    trajecten = list(
        stakeholder.trajecten.select_related("activiteit").order_by("-start", "naam")[: PER_PAGINA * 2]
    )
    bijeenkomsten = Paginator(
        stakeholder.bijeenkomsten.select_related("traject").order_by("-datum", "-pk"), PER_PAGINA
    ).get_page(pagina)
    return Stakeholderbeeld(stakeholder, grens, regels, trajecten, bijeenkomsten)


# --- Trajectories and their meetings ----------------------------------------------------------------------


def trajecten(*, activiteit: Activiteit | None = None, soort: str = "", pagina=1) -> Page:
    """Trajectories inside and outside the programme, 25 a page, with their activity, stakeholders, wijken and
    number of meetings. `activiteit` narrows to one activity; `soort` "binnen"/"buiten" to one kind. Four queries."""
    queryset = Participatietraject.objects.select_related("activiteit").annotate(
        aantal_bijeenkomsten=Count("bijeenkomsten")
    )
    if activiteit is not None:
        queryset = queryset.filter(activiteit=activiteit)
    if soort == SOORT_BINNEN:
        queryset = queryset.filter(activiteit__isnull=False)
    elif soort == SOORT_BUITEN:
        queryset = queryset.filter(activiteit__isnull=True)
    queryset = queryset.prefetch_related(
        Prefetch("stakeholders", queryset=Stakeholder.objects.order_by("naam")),
        Prefetch("wijken", queryset=Wijk.objects.order_by("naam")),
    ).order_by("naam", "pk")
    return Paginator(queryset, PER_PAGINA).get_page(pagina)


def traject_detail(pk: int) -> Participatietraject:
    """A trajectory with its activity, stakeholders, wijken and meetings (each with who was asked). Raises
    Participatietraject.DoesNotExist. Five queries."""
    return (
        Participatietraject.objects.select_related("activiteit", "activiteit__actielijn")
        .prefetch_related(
            Prefetch("stakeholders", queryset=Stakeholder.objects.order_by("naam")),
            Prefetch("wijken", queryset=Wijk.objects.order_by("naam")),
            Prefetch(
                "bijeenkomsten",
                queryset=Bijeenkomst.objects.order_by("-datum", "-pk").prefetch_related(
                    Prefetch("stakeholders", queryset=Stakeholder.objects.order_by("naam"))
                ),
            ),
        )
        .get(pk=pk)
    )


def drempelgeschiedenis(pagina=1):
    """Every value the overvraging threshold has had, who set it and when, newest first."""
    return geschiedenis([Overvragingsdrempel.history.all()], pagina=pagina)


def trajectgeschiedenis(traject: Participatietraject, pagina=1):
    """Every change of a trajectory (its stakeholders and wijken too), of its meetings and of the contributions
    to it (added and processed), newest first."""
    return geschiedenis(
        [
            Participatietraject.history.filter(id=traject.pk),
            Bijeenkomst.history.filter(traject_id=traject.pk),
            Inbreng.history.filter(traject_id=traject.pk),
        ],
        pagina=pagina,
    )


# --- Wijkgericht werken ------------------------------------------------------------------------------------


@dataclass
class Wijkbeeld:
    wijk: Wijk
    standen: list = field(default_factory=list)  # actielijnen.selectors.Stand of the activities in the wijk
    trajecten: list[tuple[int, str]] = field(default_factory=list)  # (pk, name) of trajectories in the wijk

    @property
    def voorbeeld(self) -> bool:
        """A wijk the demo made (kern/herkomst.py): who works in it is the demo's too."""
        return self.wijk.voorbeeld


@dataclass
class Wijkenoverzicht:
    wijken: list[Wijkbeeld]
    zonder_wijk: list  # Stand of the activities tied to no wijk


def wijkenoverzicht() -> Wijkenoverzicht:
    """The programme per wijk (§2.3.2): per wijk the activities tied to it with their stoplicht (the same Stand
    every level reads) and the trajectories in it; and the activities tied to no wijk. Six queries."""
    standen = {s.activiteit.pk: s for s in actielijnen_selectors.standen()}
    per_wijk: dict[int, Wijkbeeld] = {wijk.pk: Wijkbeeld(wijk) for wijk in Wijk.objects.order_by("naam")}
    gekoppeld = set()
    for wijk_id, activiteit_id in Wijkkoppeling.objects.values_list("wijk_id", "activiteit_id"):
        if activiteit_id in standen:
            per_wijk[wijk_id].standen.append(standen[activiteit_id])
            gekoppeld.add(activiteit_id)
    trajectkoppeling = Participatietraject.wijken.through.objects.values_list(
        "wijk_id", "participatietraject_id", "participatietraject__naam"
    )
    for wijk_id, traject_id, naam in trajectkoppeling:
        per_wijk[wijk_id].trajecten.append((traject_id, naam))
    for beeld in per_wijk.values():
        beeld.standen.sort(
            key=lambda s: (s.activiteit.actielijn.nummer, s.activiteit.volgorde, s.activiteit.naam)
        )
        beeld.trajecten.sort(key=lambda paar: paar[1])
    zonder = [s for pk, s in standen.items() if pk not in gekoppeld]
    return Wijkenoverzicht(list(per_wijk.values()), zonder)


def activiteiten_van_trekker(user) -> set[int]:
    """The pks of the activities this person is trekker of (whose wijken they may choose)."""
    return set(Activiteit.objects.filter(trekker=user).values_list("pk", flat=True))


def bijeenkomst_stakeholders_keuze(traject: Participatietraject):
    """Active stakeholders, the trajectory's own first (the form preselects those)."""
    return Stakeholder.objects.filter(Q(actief=True) | Q(trajecten=traject)).distinct().order_by("naam")
