"""
"Wat is er met de inbreng gedaan" (§4.1): what is read. Per trajectory who took part, what they brought in and
what the activity did with each contribution: the internal overview, a trajectory's block, and the edition's rows
(which rapportage stores in its snapshot). The writes are participatie/services/inbreng.py.

The edition rows never carry the name of the person who brought something in (`persoon`): that is for the
programme organisation only.
"""

from collections import Counter
from datetime import date

from django.db.models import QuerySet

from participatie.constants import INWONERS
from participatie.models import Inbreng, Participatietraject, Verwerking


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
            "voorbeeld": i.voorbeeld,
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
