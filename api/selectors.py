"""
What the API reads: published editions and their stored snapshot, never live tables.

Only editions with a status in rapportage.constants.OPENBAAR (published, or replaced by a correction) exist for
the API; a concept or a set edition is None here, so the views answer 404 (or 400 for `?editie=`) exactly as for
an id that was never used. The indicator series are rapportage.open_data's (`reeks`, `reeksen`); the rest is the
snapshot as the edition pages show it, with counts of people below KLEINE_AANTALLEN_DREMPEL withheld as on the
public page (monitoring.weergave, the anonymous reader's rules). Fixed query counts: a list is one COUNT and one
SELECT (the snapshot deferred), one edition one SELECT.
"""

import copy

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from api.constants import SECTIES
from monitoring.constants import Eenheid
from monitoring.weergave import drempel, verborgen
from rapportage import open_data
from rapportage.constants import OPENBAAR
from rapportage.models import Rapportage

# The largest id a database column holds: a longer number in an address is simply not an edition.
GROOTSTE_ID = 2**63 - 1
# The figures of one indicator in a snapshot (rapportage/momentopname.py `_indicatoren`).
ENKELE_METINGEN = ("peilwaarde", "realisatie", "streefwaarde", "volgende_streefwaarde")
METINGENLIJSTEN = ("peilwaarden", "realisaties", "streefwaarden")


def klein_aantal_opmerking() -> str:
    return f"kleiner dan {drempel()}: niet gepubliceerd (kleine aantallen)"


def _gepubliceerd() -> QuerySet[Rapportage]:
    return Rapportage.objects.filter(status__in=OPENBAAR).select_related("vervangt", "vervangen_door")


def edities() -> QuerySet[Rapportage]:
    """Every published (or replaced) edition, newest first, without snapshots: for the list."""
    return (
        _gepubliceerd()
        .defer("inhoud", "toelichtingen", "vervangt__inhoud", "vervangen_door__inhoud")
        .order_by("-peildatum", "-versie", "-pk")
    )


def editie(pk: int) -> Rapportage | None:
    """One published (or replaced) edition with its snapshot; None for a concept, a set one or an unknown id."""
    if not 0 < pk <= GROOTSTE_ID:
        return None
    return _gepubliceerd().defer("vervangt__inhoud", "vervangen_door__inhoud").filter(pk=pk).first()


def nieuwste_of(pk: int | None) -> Rapportage | None:
    """The edition a snapshot resource reads: the given published one, or the newest published one."""
    if pk is not None and not 0 < pk <= GROOTSTE_ID:
        return None
    return open_data.gepubliceerde_editie(pk)


def vervanger(rapportage: Rapportage) -> Rapportage | None:
    """The published correction that replaced this edition; a correction still in concept does not exist."""
    try:
        nieuw = rapportage.vervangen_door
    except Rapportage.DoesNotExist:
        return None
    return nieuw if nieuw.status in OPENBAAR else None


def voorganger(rapportage: Rapportage) -> Rapportage | None:
    """The edition this correction replaced (always published: only a published edition can be corrected)."""
    oud = rapportage.vervangt
    return oud if oud is not None and oud.status in OPENBAAR else None


def secties(rapportage: Rapportage) -> list[str]:
    """The API names of the sections this edition's snapshot holds (an older snapshot may lack one)."""
    return [naam for naam, (sleutel, _) in SECTIES.items() if rapportage.inhoud.get(sleutel) is not None]


# --- Small counts of people -----------------------------------------------------------------------------------


def _verbergen(meting: dict | None, eenheid: str, telt_personen: bool | None = None) -> bool:
    """Withhold one figure in place when it is a count of people below the threshold; True when it did."""
    if not meting or meting.get("waarde") in (None, ""):
        return False
    if not verborgen(meting["waarde"], eenheid, AnonymousUser(), telt_personen=telt_personen):
        return False
    meting["waarde"] = None
    meting["opmerking"] = klein_aantal_opmerking()
    return True


def _indicator_openbaar(indicator: dict) -> dict:
    eenheid = indicator.get("eenheid", "")
    verborgen_iets = False
    for veld in ENKELE_METINGEN:
        verborgen_iets |= _verbergen(indicator.get(veld), eenheid)
    for lijst in METINGENLIJSTEN:
        for meting in indicator.get(lijst) or ():
            verborgen_iets |= _verbergen(meting, eenheid)
    if verborgen_iets:
        # The distance to the next target and the difference with this year's target would give the count away.
        indicator["afstand"] = None
        indicator["verschil"] = None
    return indicator


def _sociaal_domein_openbaar(sociaal: dict) -> dict:
    for kerncijfer in sociaal.get("kerncijfers") or ():
        _verbergen(kerncijfer, kerncijfer.get("eenheid", ""), telt_personen=kerncijfer.get("telt_personen"))
    for stand in (sociaal.get("piramide") or {}).get("standen") or ():
        # Clients per layer of the pyramid: a count of people, as the edition page shows it.
        if stand.get("aantal") is not None and verborgen(stand["aantal"], Eenheid.AANTAL, AnonymousUser()):
            stand["aantal"] = None
            stand["opmerking"] = klein_aantal_opmerking()
    return sociaal


def sectie(rapportage: Rapportage, naam: str):
    """A section's frozen content as the public may read it; None when the edition has no such section."""
    if naam not in SECTIES:
        return None
    inhoud = rapportage.inhoud.get(SECTIES[naam][0])
    if inhoud is None:
        return None
    inhoud = copy.deepcopy(inhoud)
    if naam == "indicatoren":
        return [_indicator_openbaar(i) for i in inhoud]
    if naam == "sociaal-domein":
        return _sociaal_domein_openbaar(inhoud)
    return inhoud


def toelichting(rapportage: Rapportage, naam: str) -> str:
    """The college's text beside a section, as published with the edition."""
    return (rapportage.toelichtingen or {}).get(SECTIES[naam][1].value, "")


# --- Resources from the newest (or a chosen) published edition --------------------------------------------------


def reeksen(rapportage: Rapportage) -> list[dict]:
    return open_data.reeksen(rapportage)


def reeks(rapportage: Rapportage, code: str) -> dict | None:
    """One indicator series (rapportage.open_data.reeks) with the data-quality notes the edition carries."""
    gegevens = open_data.reeks(rapportage, code)
    if gegevens is None:
        return None
    indicator = next(i for i in rapportage.inhoud["indicatoren"] if i["code"] == code)
    # The indicator's own notes, then those on its goal (or parent goal), which concern its figures too.
    gegevens["datakwaliteit"] = [{**n, "doel": None} for n in indicator.get("notities") or ()] + [
        dict(n) for n in indicator.get("doel_notities") or ()
    ]
    return gegevens


def _voortgang(rapportage: Rapportage) -> dict:
    return rapportage.inhoud.get("voortgang") or {}


def actielijnen(rapportage: Rapportage) -> list[dict]:
    return list(_voortgang(rapportage).get("actielijnen") or [])


def activiteiten(rapportage: Rapportage) -> list[dict]:
    return list(_voortgang(rapportage).get("activiteiten") or [])


def activiteit(rapportage: Rapportage, sleutel: str) -> dict | None:
    """One activity as the edition froze it, with its milestones reached or missed by the peildatum."""
    gevonden = next((a for a in activiteiten(rapportage) if a["sleutel"] == sleutel), None)
    if gevonden is None:
        return None
    mijlpalen = [m for m in _voortgang(rapportage).get("mijlpalen") or () if m.get("activiteit") == sleutel]
    return {**gevonden, "mijlpalen": mijlpalen}


def moties(rapportage: Rapportage) -> list[dict]:
    return list(rapportage.inhoud.get("moties") or [])


def motie(rapportage: Rapportage, sleutel: str) -> dict | None:
    return next((m for m in moties(rapportage) if m["sleutel"] == sleutel), None)
