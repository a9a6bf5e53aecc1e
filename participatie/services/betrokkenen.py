"""
Step III of §4.1 and wijkgericht werken (§2.3.2): the writes of the stakeholder register, the participation
trajectories inside and outside the programme, their meetings, the overvraging threshold and the wijken of
activities; each in one transaction. What the pages read is participatie/selectors/betrokkenen.py.

Each receives the acting user (`door`) and checks it against participatie/permissions.py (PermissionDenied, nothing
written; the views ask the same predicates first). The services check what the data must satisfy, and refuse (GelijktijdigeWijziging) a change over someone else's since the form was shown. Every model carries
HistoricalRecords, so each save here is a row in the history.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from actielijnen.models import Activiteit
from kern.gelijktijdigheid import LEEG, GelijktijdigeWijziging, Wijziging, controleren, ondertekenen
from kern.permissions import toegestaan
from monitoring.models import Wijk
from participatie.models import (
    Bijeenkomst,
    Overvragingsdrempel,
    Participatietraject,
    Stakeholder,
    Wijkkoppeling,
)
from participatie.permissions import (
    TRAJECT_TOEVOEGEN,
    TRAJECT_WIJZIGEN,
    mag_drempel_zetten,
    mag_stakeholder_toevoegen,
    mag_stakeholder_wijzigen,
    mag_traject_schrijven,
    mag_wijken_koppelen,
)
from participatie.selectors.betrokkenen import wijkstand, wijkstand_doel


def stakeholder_opslaan(
    *,
    stakeholder: Stakeholder | None = None,
    door,
    naam: str,
    soort: str,
    omschrijving: str = "",
    actief: bool = True,
    origineel: dict | None = None,
) -> Stakeholder:
    """Add a stakeholder to the shared register, or change one. The name is the register's key: unique, whatever
    its capitals. A change is refused (GelijktijdigeWijziging) when someone else saved it since the form showed
    `origineel`."""
    toegestaan(mag_stakeholder_toevoegen(door) if stakeholder is None else mag_stakeholder_wijzigen(door))
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
    door,
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
            toegestaan(mag_traject_schrijven(door, activiteit, TRAJECT_TOEVOEGEN))
            traject = Participatietraject()
        else:
            traject = Participatietraject.objects.select_for_update().get(pk=traject.pk)
            # Both the activity it belonged to and the one it moves to must be the acting user's to write.
            toegestaan(
                mag_traject_schrijven(door, traject.activiteit, TRAJECT_WIJZIGEN)
                and mag_traject_schrijven(door, activiteit, TRAJECT_WIJZIGEN)
            )
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
    *, traject: Participatietraject, door, datum: date, onderwerp: str, stakeholders
) -> Bijeenkomst:
    """A meeting of a trajectory and the stakeholders asked to it: what overvraging counts."""
    toegestaan(mag_traject_schrijven(door, traject.activiteit, "participatie.add_bijeenkomst"))
    stakeholders = list(stakeholders)
    if not stakeholders:
        raise ValidationError(
            {"stakeholders": "Kies ten minste één stakeholder die voor de bijeenkomst is gevraagd."}
        )
    with transaction.atomic():
        bijeenkomst = Bijeenkomst.objects.create(traject=traject, datum=datum, onderwerp=onderwerp)
        bijeenkomst.stakeholders.set(stakeholders)
    return bijeenkomst


def drempel_zetten(
    *, max_trajecten: int, max_bijeenkomsten: int, door, origineel: dict | None = None
) -> Overvragingsdrempel:
    """The manager sets the threshold (one row, pk 1); the history keeps every earlier value and who set it.
    Refused (GelijktijdigeWijziging) when someone else set it since the form showed `origineel`."""
    toegestaan(mag_drempel_zetten(door))
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
    *, activiteit: Activiteit, door, wijken, toelichting: str = "", origineel: dict | None = None
) -> bool:
    """Tie an activity to exactly these wijken; True when anything changed, False when it was all as stored.

    Each link added or removed is a row in the history (saved and deleted one by one through the ORM, not in
    bulk, so simple-history sees them). A toelichting without a wijk has nowhere to go: refused, not dropped.
    Refused (GelijktijdigeWijziging) when someone else changed the wijken since the form showed `origineel`.
    """
    toegestaan(mag_wijken_koppelen(door, activiteit))
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
