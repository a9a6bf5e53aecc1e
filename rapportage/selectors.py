"""The reads that the edition pages, the raad and Inwoners pages and the exports need (fixed query counts)."""

from datetime import date

from django.db.models import QuerySet

from actielijnen.permissions import mag_interne_gegevens_zien
from kern.geschiedenis import geschiedenis
from kern.herkomst import BESTANDSDEEL, bevat_voorbeeld
from kern.notatie import OngeldigePeriode, Periode
from participatie.selectors.inbreng import editie_inbreng
from rapportage import inwonerstekst
from rapportage.constants import OPENBAAR, Exportsoort, PcMoment, RapportageStatus
from rapportage.models import Motie, Rapportage
from rapportage.momentopname import CLIENTERVARING_DOEL
from rapportage.permissions import mag_moties_registreren, zichtbare_statussen


def edities_voor(user) -> QuerySet[Rapportage]:
    """The editions a user may open, newest first (one query)."""
    return (
        Rapportage.objects.filter(status__in=zichtbare_statussen(user))
        .select_related("vervangt", "vervangen_door")
        .defer("inhoud")
    )


def gepubliceerde_edities() -> QuerySet[Rapportage]:
    return Rapportage.objects.filter(status__in=OPENBAAR).select_related("vervangt", "vervangen_door")


def laatste_gepubliceerde() -> Rapportage | None:
    """The edition the raad and the public see first: the newest published one (replaced ones excluded)."""
    return (
        Rapportage.objects.filter(status=RapportageStatus.GEPUBLICEERD)
        .order_by("-peildatum", "-gepubliceerd_op", "-pk")
        .first()
    )


def vorige_gepubliceerde(*, peildatum: date, behalve: Rapportage | None = None) -> Rapportage | None:
    """The published edition before `peildatum`: risk changes and motie statuses are reported since then."""
    edities = Rapportage.objects.filter(status=RapportageStatus.GEPUBLICEERD, peildatum__lt=peildatum)
    if behalve is not None:
        edities = edities.exclude(pk=behalve.pk)
    return edities.order_by("-peildatum", "-gepubliceerd_op", "-pk").first()


def moties_tot(peildatum: date) -> list[Motie]:
    """Every motie adopted up to `peildatum`, with its links (3 queries)."""
    return list(
        Motie.objects.filter(datum__lte=peildatum)
        .prefetch_related("activiteiten", "indicatoren")
        .order_by("datum", "soort", "nummer")
    )


def moties() -> QuerySet[Motie]:
    """The griffie's register: every motie with its links."""
    return Motie.objects.prefetch_related("activiteiten", "indicatoren")


def inwonersbeeld(rapportage: Rapportage) -> dict:
    """What the public page takes from a published edition: progress per actielijn, the newest figures and
    "u zei, wij deden".

    Only the edition's snapshot is read. `cijfergroepen`: the groups of rapportage/inwonerstekst.py, each with
    the newest measured figure (realisation or baseline) of every indicator that has one, in plain words.
    """
    inhoud = rapportage.inhoud
    return {
        "voortgang": inhoud["voortgang"]["actielijnen"],
        "totaal": inhoud["voortgang"]["totaal"],
        "cijfergroepen": nieuwste_cijfers(inhoud["indicatoren"]),
        "u_zei_wij_deden": u_zei_wij_deden(inhoud),
    }


def u_zei_wij_deden(inhoud: dict) -> list[dict]:
    """ "U zei, wij deden": the newest processed contributions of the edition's snapshot, each with its
    verwerking in plain words. No person's name: the snapshot has none."""
    rijen = sorted(
        editie_inbreng(inhoud),
        key=lambda r: (r.get("verwerkt_op") or "", r.get("datum") or ""),
        reverse=True,
    )
    return [
        {**rij, "wij_deden": inwonerstekst.INBRENG["verwerking"].get(rij["verwerking"], "")}
        for rij in rijen[: inwonerstekst.INBRENG_AANTAL]
    ]


def _nieuwste_meting(indicator: dict) -> dict | None:
    """The newest figure of an indicator in a snapshot: latest period first, a realisation before a baseline."""
    kandidaten = []
    for soort, rang in (("realisaties", 1), ("peilwaarden", 0)):
        for meting in indicator.get(soort) or ():
            if meting and meting.get("waarde") not in (None, ""):
                try:
                    begin = Periode.parse(meting["periode"]).begin
                except OngeldigePeriode:
                    continue
                kandidaten.append((begin, rang, meting))
    if not kandidaten:
        return None
    return max(kandidaten, key=lambda k: (k[0], k[1]))[2]


def nieuwste_cijfers(indicatoren: list[dict]) -> list[dict]:
    """The snapshot's indicators grouped for inwoners, each with its newest figure and a plain description."""
    groepen = [
        {"kop": kop, "uitleg": uitleg, "clientervaring": prefix == CLIENTERVARING_DOEL, "cijfers": []}
        for prefix, kop, uitleg in inwonerstekst.GROEPEN
    ]
    for indicator in indicatoren:
        meting = _nieuwste_meting(indicator)
        if meting is None:
            continue
        groepen[inwonerstekst.groep_van(indicator["doel_code"])]["cijfers"].append(
            {
                "code": indicator["code"],
                "omschrijving": inwonerstekst.cijfer_omschrijving(indicator["code"], indicator["naam"]),
                "eenheid": indicator["eenheid"],
                "meting": meting,
            }
        )
    return groepen


def bestandsnaam(rapportage: Rapportage, soort: str) -> str:
    moment = PcMoment(rapportage.pc_moment).label.split(" ")[0].lower()
    versie = f"-versie-{rapportage.versie}" if rapportage.versie > 1 else ""
    extensie = Exportsoort(soort).value
    # Issue 24: a file with invented rows says so in its name (and on its first line).
    demo = f"-{BESTANDSDEEL}" if bevat_voorbeeld(rapportage.inhoud) else ""
    return f"hengelo-sociaal-domein-{moment}-{rapportage.jaar}-{rapportage.peildatum:%Y%m%d}{versie}{demo}.{extensie}"


def motie_geschiedenis(*, motie: Motie, user, pagina=1):
    """The history of one motie in the register, newest first, a page at a time.

    Names for the programme organisation and for the griffie, whose register it is; the college sees roles.
    """
    return geschiedenis(
        [Motie.history.filter(id=motie.pk)],
        pagina=pagina,
        namen_tonen=mag_interne_gegevens_zien(user) or mag_moties_registreren(user),
    )
