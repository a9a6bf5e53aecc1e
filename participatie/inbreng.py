"""
"Wat is er met de inbreng gedaan" (§4.1): per trajectory who took part, what they brought in and what the activity
did with each contribution ("u zei, wij deden").

Services write (`inbreng_toevoegen`, `inbreng_verwerken`), selectors read (the internal overview, a trajectory's
block, the edition's rows). The name of the person who brought something in (`persoon`) is for the programme
organisation only: the edition rows never carry it, and a text that names that person is refused, because the
texts themselves do go public.
"""

import re
from collections import Counter
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from bronnen.gelijktijdigheid import controleren
from participatie.models import Inbreng, Participatietraject, Stakeholder, Verwerking
from participatie.permissions import mag_inbreng_schrijven

NAAM_IN_TEKST = "Noem geen namen van personen in de tekst: die wordt openbaar."
REACTIE_VERPLICHT = "Schrijf wat er met de inbreng is gedaan en waarom."
# Without an organisation or group, the contribution came from residents themselves.
INWONERS = "Inwoners"
# Parts of a Dutch surname that are no name on their own ("Jan van der Berg": van, der).
TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "la", "le", "du", "da"}


def naam_in_tekst(persoon: str, *teksten: str) -> bool:
    """Whether any text names `persoon`: the whole name, or one of its parts of three letters or more that is
    not a tussenvoegsel, as a whole word and regardless of case ("mevrouw De Vries" names "Anna de Vries")."""
    persoon = " ".join(persoon.split())
    if not persoon:
        return False
    delen = {persoon} | {
        d for d in re.split(r"[\s\-]+", persoon) if len(d) >= 3 and d.lower() not in TUSSENVOEGSELS
    }
    patronen = [re.compile(rf"(?<!\w){re.escape(deel)}(?!\w)", re.IGNORECASE) for deel in delen]
    return any(patroon.search(tekst or "") for patroon in patronen for tekst in teksten)


# --- services -------------------------------------------------------------------------------------------


def inbreng_toevoegen(
    *,
    traject: Participatietraject,
    door,
    datum: date,
    inbreng: str,
    stakeholder: Stakeholder | None = None,
    persoon: str = "",
) -> Inbreng:
    """Record what someone brought in to `traject`; still to be processed (verwerking "open")."""
    if not mag_inbreng_schrijven(door, traject):
        raise PermissionDenied
    persoon = persoon.strip()
    if naam_in_tekst(persoon, inbreng):
        raise ValidationError({"inbreng": NAAM_IN_TEKST})
    with transaction.atomic():
        return Inbreng.objects.create(
            traject=traject,
            stakeholder=stakeholder,
            persoon=persoon,
            datum=datum,
            inbreng=inbreng.strip(),
        )


def inbreng_verwerken(
    *,
    inbreng: Inbreng,
    door,
    verwerking: str,
    reactie: str,
    vandaag: date | None = None,
    origineel: dict | None = None,
) -> Inbreng:
    """Record what was done with a contribution: overgenomen, deels or niet, with the reasoning (required), by
    whom and when. Back to "open" clears who and when: it is then no longer reported. Refused
    (GelijktijdigeWijziging) when someone else processed it since the form showed `origineel`."""
    if verwerking not in Verwerking.values:
        raise ValidationError({"verwerking": "Kies wat er met de inbreng is gedaan."})
    reactie = reactie.strip()
    with transaction.atomic():
        # Two people may process the same contribution at once: the second sees the first's choice.
        inbreng = Inbreng.objects.select_for_update().select_related("traject").get(pk=inbreng.pk)
        if not mag_inbreng_schrijven(door, inbreng.traject):
            raise PermissionDenied
        if origineel is not None:
            controleren(inbreng, gezien=origineel)
        if verwerking != Verwerking.OPEN and not reactie:
            raise ValidationError({"reactie": REACTIE_VERPLICHT})
        if naam_in_tekst(inbreng.persoon, reactie):
            raise ValidationError({"reactie": NAAM_IN_TEKST})
        inbreng.verwerking = verwerking
        inbreng.reactie = reactie
        if verwerking == Verwerking.OPEN:
            inbreng.verwerkt_door, inbreng.verwerkt_op = None, None
        else:
            inbreng.verwerkt_door, inbreng.verwerkt_op = door, vandaag or timezone.localdate()
        inbreng.save()
        return inbreng


# --- selectors ------------------------------------------------------------------------------------------


def inbreng_overzicht(*, activiteit=None, verwerking: str | None = None) -> QuerySet[Inbreng]:
    """Every contribution, newest first, optionally of one activity and one verwerking (one query a page)."""
    rijen = Inbreng.objects.select_related(
        "traject", "traject__activiteit", "stakeholder", "verwerkt_door"
    ).order_by("-datum", "-pk")
    if activiteit is not None:
        rijen = rijen.filter(traject__activiteit=activiteit)
    if verwerking:
        rijen = rijen.filter(verwerking=verwerking)
    return rijen


def inbreng_van(traject: Participatietraject) -> list[Inbreng]:
    """A trajectory's contributions with their verwerking, newest first (one query, whatever their number)."""
    return list(
        Inbreng.objects.filter(traject=traject)
        .select_related("stakeholder", "verwerkt_door")
        .order_by("-datum", "-pk")
    )


def inbreng_voor_editie(peildatum: date) -> list[dict]:
    """The edition's rows: contributions processed (not "open") on or before `peildatum`, newest first.

    Never the person's name: only the organisation or group ("Inwoners" without one). Dates as ISO strings.
    """
    rijen = (
        Inbreng.objects.exclude(verwerking=Verwerking.OPEN)
        .filter(verwerkt_op__lte=peildatum)
        .select_related("traject", "traject__activiteit", "stakeholder")
        .order_by("-verwerkt_op", "-datum", "-pk")
    )
    return [
        {
            "traject": i.traject.naam,
            "activiteit": i.traject.activiteit.naam if i.traject.activiteit_id else "",
            "stakeholder": i.stakeholder.naam if i.stakeholder_id else INWONERS,
            "datum": i.datum.isoformat(),
            "inbreng": i.inbreng,
            "verwerking": i.verwerking,
            "verwerking_label": Verwerking(i.verwerking).label,
            "reactie": i.reactie,
            "verwerkt_op": i.verwerkt_op.isoformat(),
        }
        for i in rijen
    ]


def editie_inbreng(inhoud: dict) -> list[dict]:
    """The contributions an edition's snapshot carries; an edition stored before they existed has none."""
    return list(((inhoud or {}).get("participatie") or {}).get("inbreng") or [])


def tellingen(rijen: list[dict]) -> list[dict]:
    """How many contributions per verwerking (overgenomen, deels, niet), in that order, zeros included."""
    aantallen = Counter(r.get("verwerking") for r in rijen)
    return [
        {"verwerking": v.value, "label": v.label, "aantal": aantallen.get(v.value, 0)}
        for v in Verwerking
        if v != Verwerking.OPEN
    ]
