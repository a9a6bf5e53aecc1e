"""
"Wat is er met de inbreng gedaan" (§4.1): the writes. Record what someone brought in to a trajectory
(`inbreng_toevoegen`) and what the activity did with it (`inbreng_verwerken`, "u zei, wij deden"). Both receive the
acting user (`door`) and check who may (participatie/permissions.py). What the pages and the edition read is
participatie/selectors/inbreng.py.

The name of the person who brought something in (`persoon`) is for the programme organisation only, and a text
that names that person is refused (`naam_in_tekst`, which the forms ask too), because the texts themselves do go
public.
"""

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kern.gelijktijdigheid import controleren
from participatie.constants import NAAM_IN_TEKST, REACTIE_VERPLICHT
from participatie.models import Inbreng, Participatietraject, Stakeholder, Verwerking
from participatie.permissions import mag_inbreng_schrijven

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
