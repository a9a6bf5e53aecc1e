"""The reads that the edition pages, the raad and Inwoners pages and the exports need (fixed query counts)."""

from datetime import date

from django.db.models import QuerySet

from actielijnen.permissions import mag_interne_gegevens_zien
from bronnen.geschiedenis import geschiedenis
from rapportage.constants import OPENBAAR, Exportsoort, PcMoment, RapportageStatus
from rapportage.models import Motie, Rapportage
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


def inwonersbeeld(rapportage: Rapportage, *, aantal_cijfers: int = 6) -> dict:
    """What the public page takes from a published edition: progress per actielijn and a few figures."""
    inhoud = rapportage.inhoud
    return {
        "voortgang": inhoud["voortgang"]["actielijnen"],
        "totaal": inhoud["voortgang"]["totaal"],
        "kerncijfers": [i for i in inhoud["indicatoren"] if i["realisatie"]][:aantal_cijfers],
    }


def bestandsnaam(rapportage: Rapportage, soort: str) -> str:
    moment = PcMoment(rapportage.pc_moment).label.split(" ")[0].lower()
    versie = f"-versie-{rapportage.versie}" if rapportage.versie > 1 else ""
    extensie = Exportsoort(soort).value
    return (
        f"hengelo-sociaal-domein-{moment}-{rapportage.jaar}-{rapportage.peildatum:%Y%m%d}{versie}.{extensie}"
    )


def motie_geschiedenis(*, motie: Motie, user, pagina=1):
    """The history of one motie in the register, newest first, a page at a time.

    Names for the programme organisation and for the griffie, whose register it is; the college sees roles.
    """
    return geschiedenis(
        [Motie.history.filter(id=motie.pk)],
        pagina=pagina,
        namen_tonen=mag_interne_gegevens_zien(user) or mag_moties_registreren(user),
    )
