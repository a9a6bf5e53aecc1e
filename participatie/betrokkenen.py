"""
Step III of §4.1 and wijkgericht werken (§2.3.2): the writes (services, each in one transaction) and the reads
(selectors, each a fixed number of queries) of the stakeholder register, the participation trajectories inside
and outside the programme, their meetings, the overvraging threshold and the wijken of activities.

Who may write is asked by the views (participatie/permissions.py); the services check what the data must satisfy.
Every model carries HistoricalRecords, so each save here is a row in the history.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q

from actielijnen import selectors as actielijnen_selectors
from actielijnen.models import Activiteit
from bronnen.gelijktijdigheid import (
    LEEG,
    GelijktijdigeWijziging,
    Wijziging,
    controleren,
    doel_van,
    ondertekenen,
    waarden_van,
)
from monitoring.models import Wijk
from participatie.models import (
    Bijeenkomst,
    Overvragingsdrempel,
    Participatietraject,
    Stakeholder,
    Wijkkoppeling,
)
from participatie.overvraging import Kwartaal, Vraag, drempel, is_overvraagd, tellingen

PER_PAGINA = 25

# --- Services -----------------------------------------------------------------------------------------------


def stakeholder_opslaan(
    *,
    stakeholder: Stakeholder | None = None,
    naam: str,
    soort: str,
    omschrijving: str = "",
    actief: bool = True,
    origineel: dict | None = None,
) -> Stakeholder:
    """Add a stakeholder to the shared register, or change one. The name is the register's key: unique, whatever
    its capitals. A change is refused (GelijktijdigeWijziging) when someone else saved it since the form showed
    `origineel`."""
    naam = " ".join(naam.split())
    dubbel = Stakeholder.objects.filter(naam__iexact=naam)
    if stakeholder is not None:
        dubbel = dubbel.exclude(pk=stakeholder.pk)
    if dubbel.exists():
        raise ValidationError({"naam": "Er staat al een stakeholder met deze naam in het register."})
    with transaction.atomic():
        if stakeholder is None:
            stakeholder = Stakeholder(naam=naam)
        else:
            stakeholder = Stakeholder.objects.select_for_update().get(pk=stakeholder.pk)
            if origineel is not None:
                controleren(stakeholder, gezien=origineel)
            stakeholder.naam = naam
        stakeholder.soort = soort
        stakeholder.omschrijving = omschrijving
        stakeholder.actief = actief
        stakeholder.save()
    return stakeholder


def _volgorde_controleren(start: date | None, einde: date | None) -> None:
    if start and einde and einde < start:
        raise ValidationError({"einde": "Het einde ligt vóór de start. Kies een einde op of na de start."})


def traject_opslaan(
    *,
    traject: Participatietraject | None = None,
    activiteit: Activiteit | None,
    naam: str,
    omschrijving: str = "",
    start: date | None = None,
    einde: date | None = None,
    stakeholders=(),
    wijken=(),
    origineel: dict | None = None,
) -> Participatietraject:
    """Add or change a participation trajectory with its stakeholders and wijken (one history row each, the
    m2m fields included). `activiteit` None: a trajectory outside the programme."""
    _volgorde_controleren(start, einde)
    with transaction.atomic():
        if traject is None:
            traject = Participatietraject()
        else:
            traject = Participatietraject.objects.select_for_update().get(pk=traject.pk)
            if origineel is not None:
                controleren(traject, gezien=origineel)
        traject.activiteit = activiteit
        traject.naam = " ".join(naam.split())
        traject.omschrijving = omschrijving
        traject.start = start
        traject.einde = einde
        traject.save()
        traject.stakeholders.set(stakeholders)
        traject.wijken.set(wijken)
    return traject


def bijeenkomst_toevoegen(
    *, traject: Participatietraject, datum: date, onderwerp: str, stakeholders
) -> Bijeenkomst:
    """A meeting of a trajectory and the stakeholders asked to it: what overvraging counts."""
    stakeholders = list(stakeholders)
    if not stakeholders:
        raise ValidationError(
            {"stakeholders": "Kies ten minste één stakeholder die voor de bijeenkomst is gevraagd."}
        )
    with transaction.atomic():
        bijeenkomst = Bijeenkomst.objects.create(traject=traject, datum=datum, onderwerp=onderwerp)
        bijeenkomst.stakeholders.set(stakeholders)
    return bijeenkomst


DREMPELVELDEN = ("max_trajecten", "max_bijeenkomsten")


def drempelstand() -> tuple[str, dict]:
    """The doel and values of the threshold form's token: the one row (pk 1), or empty values before it exists,
    so that two managers setting the first threshold at once do not overwrite each other either."""
    grens = Overvragingsdrempel.objects.filter(pk=1).first()
    waarden = waarden_van(grens, DREMPELVELDEN) if grens else dict.fromkeys(DREMPELVELDEN)
    return doel_van(Overvragingsdrempel(pk=1)), waarden


def drempel_zetten(
    *, max_trajecten: int, max_bijeenkomsten: int, door, origineel: dict | None = None
) -> Overvragingsdrempel:
    """The manager sets the threshold (one row, pk 1); the history keeps every earlier value and who set it.
    Refused (GelijktijdigeWijziging) when someone else set it since the form showed `origineel`."""
    with transaction.atomic():
        grens = Overvragingsdrempel.objects.select_for_update().filter(pk=1).first()
        if grens is not None and origineel is not None:
            controleren(grens, gezien=origineel)
        if grens is None:
            grens = Overvragingsdrempel(pk=1)
        grens.max_trajecten = max_trajecten
        grens.max_bijeenkomsten = max_bijeenkomsten
        grens.gewijzigd_door = door
        grens.save()
    return grens


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


def _wijkstand_controleren(activiteit: Activiteit, gezien: dict) -> None:
    """Refuse (GelijktijdigeWijziging) when the activity's wijken changed since the form showed `gezien`."""
    huidig = wijkstand(activiteit)
    if huidig == gezien:
        return
    namen = dict(Wijk.objects.values_list("pk", "naam"))

    def lijst(ids) -> str:
        return ", ".join(sorted(namen.get(i, "?") for i in ids)) or LEEG

    wijzigingen = []
    if sorted(gezien.get("wijken") or []) != huidig["wijken"]:
        wijzigingen.append(Wijziging("Wijken", lijst(gezien.get("wijken") or []), lijst(huidig["wijken"])))
    if (gezien.get("toelichting") or "") != huidig["toelichting"]:
        wijzigingen.append(
            Wijziging("Toelichting", gezien.get("toelichting") or LEEG, huidig["toelichting"] or LEEG)
        )
    laatste = (
        Wijkkoppeling.history.filter(activiteit_id=activiteit.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    door = laatste.history_user.weergavenaam() if laatste and laatste.history_user else ""
    raise GelijktijdigeWijziging.maken(
        wijzigingen=wijzigingen,
        historie_van=None,
        nieuw_token=ondertekenen(huidig, doel=wijkstand_doel(activiteit)),
        door=door,
        op=laatste.history_date if laatste else None,
    )


TOELICHTING_ZONDER_WIJK = (
    "Kies ten minste één wijk: de toelichting hoort bij de wijken van de activiteit. Er is niets opgeslagen."
)


def wijken_koppelen(
    *, activiteit: Activiteit, wijken, toelichting: str = "", origineel: dict | None = None
) -> bool:
    """Tie an activity to exactly these wijken; True when anything changed, False when it was all as stored.

    Each link added or removed is a row in the history (saved and deleted one by one through the ORM, not in
    bulk, so simple-history sees them). A toelichting without a wijk has nowhere to go: refused, not dropped.
    Refused (GelijktijdigeWijziging) when someone else changed the wijken since the form showed `origineel`.
    """
    gewenst = {wijk.pk: wijk for wijk in wijken}
    toelichting = toelichting.strip()
    if toelichting and not gewenst:
        raise ValidationError({"wijken": TOELICHTING_ZONDER_WIJK})
    gewijzigd = False
    with transaction.atomic():
        Activiteit.objects.select_for_update().filter(pk=activiteit.pk).first()
        if origineel is not None:
            _wijkstand_controleren(activiteit, origineel)
        bestaand = {k.wijk_id: k for k in Wijkkoppeling.objects.filter(activiteit=activiteit)}
        for wijk_id, koppeling in bestaand.items():
            if wijk_id not in gewenst:
                koppeling.delete()
                gewijzigd = True
            elif koppeling.toelichting != toelichting:
                koppeling.toelichting = toelichting
                koppeling.save()
                gewijzigd = True
        for wijk_id, wijk in gewenst.items():
            if wijk_id not in bestaand:
                Wijkkoppeling.objects.create(activiteit=activiteit, wijk=wijk, toelichting=toelichting)
                gewijzigd = True
    return gewijzigd


# --- Selectors ----------------------------------------------------------------------------------------------


@dataclass
class Registerregel:
    stakeholder: Stakeholder
    vraag: Vraag | None
    overvraagd: bool

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
                kwartaal, vraag.aantal_trajecten, vraag.aantal_bijeenkomsten, is_overvraagd(vraag, grens)
            )
        )
    trajecten = list(
        stakeholder.trajecten.select_related("activiteit").order_by("-start", "naam")[: PER_PAGINA * 2]
    )
    bijeenkomsten = Paginator(
        stakeholder.bijeenkomsten.select_related("traject").order_by("-datum", "-pk"), PER_PAGINA
    ).get_page(pagina)
    return Stakeholderbeeld(stakeholder, grens, regels, trajecten, bijeenkomsten)


SOORT_BINNEN = "binnen"
SOORT_BUITEN = "buiten"


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


@dataclass
class Wijkbeeld:
    wijk: Wijk
    standen: list = field(default_factory=list)  # actielijnen.selectors.Stand of the activities in the wijk
    trajecten: list[tuple[int, str]] = field(default_factory=list)  # (pk, name) of trajectories in the wijk


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


def wijken_van(activiteit: Activiteit) -> list[Wijk]:
    """The wijken an activity works in."""
    return list(Wijk.objects.filter(wijkkoppelingen__activiteit=activiteit).order_by("naam"))


def bijeenkomst_stakeholders_keuze(traject: Participatietraject):
    """Active stakeholders, the trajectory's own first (the form preselects those)."""
    return Stakeholder.objects.filter(Q(actief=True) | Q(trajecten=traject)).distinct().order_by("naam")
