"""
What a trekker records on an activity: dated updates (with the milestones they reach), milestones, yearly
summaries, and the opdrachtgever's decision on an update that asked for one.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actielijnen.models import Activiteit, Besluit, Jaarsamenvatting, Mijlpaal, Voortgangsrapportage
from actielijnen.permissions import mag_besluit_nemen, mag_bewerken
from actielijnen.services.opslaan import opgeslagen
from kern.gelijktijdigheid import GelijktijdigeWijziging, Wijziging, controleren, ondertekenen
from kern.permissions import toegestaan


@transaction.atomic
def voortgangsrapportage_create(
    *,
    activiteit: Activiteit,
    auteur,
    periode: str,
    rag: str,
    percentage_gereed: int,
    fase: str,
    toelichting: str,
    status: str = "",
    knelpunten: str = "",
    besluit_nodig: bool = False,
    besluit_omschrijving: str = "",
    verhalen: str = "",
    mijlpalen_bereikt: Iterable[Mijlpaal] = (),
    datum: date | None = None,
) -> Voortgangsrapportage:
    """Record one dated update; carry RAG, fase and status onto the activity; mark milestones reached."""
    toegestaan(mag_bewerken(auteur, activiteit))
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    rapportage = opgeslagen(
        Voortgangsrapportage(
            activiteit=activiteit,
            auteur=auteur,
            datum=datum or timezone.localdate(),
            periode=periode,
            rag=rag,
            percentage_gereed=percentage_gereed,
            fase=fase,
            status=status,
            toelichting=toelichting,
            knelpunten=knelpunten,
            besluit_nodig=besluit_nodig,
            besluit_omschrijving=besluit_omschrijving if besluit_nodig else "",
            verhalen=verhalen,
        )
    )
    activiteit.rag, activiteit.fase = rag, fase
    if status:
        activiteit.status = status
    activiteit.save(update_fields=["rag", "fase", "status"])
    bereikt = [m.pk for m in mijlpalen_bereikt]
    if bereikt:
        activiteit.mijlpalen.filter(pk__in=bereikt, datum_bereikt__isnull=True).update(
            datum_bereikt=rapportage.datum
        )
    return rapportage


@transaction.atomic
def mijlpaal_create(*, activiteit: Activiteit, door, omschrijving: str, datum_gepland: date) -> Mijlpaal:
    """A new milestone of an activity, by its trekker (or the datakernteam)."""
    toegestaan(mag_bewerken(door, activiteit))
    return opgeslagen(Mijlpaal(activiteit=activiteit, omschrijving=omschrijving, datum_gepland=datum_gepland))


@transaction.atomic
def mijlpaal_update(
    *,
    mijlpaal: Mijlpaal,
    door,
    omschrijving: str,
    datum_gepland: date,
    datum_bereikt: date | None,
    origineel: dict | None = None,
) -> Mijlpaal:
    """Change a milestone; refused (GelijktijdigeWijziging) if it changed since the form showed `origineel`."""
    mijlpaal = (
        Mijlpaal.objects.select_for_update(of=("self",)).select_related("activiteit").get(pk=mijlpaal.pk)
    )
    toegestaan(mag_bewerken(door, mijlpaal.activiteit))
    if origineel is not None:
        controleren(mijlpaal, gezien=origineel)
    mijlpaal.omschrijving, mijlpaal.datum_gepland, mijlpaal.datum_bereikt = (
        omschrijving,
        datum_gepland,
        datum_bereikt,
    )
    return opgeslagen(mijlpaal)


def jaarsamenvattingen_gezien(activiteit: Activiteit) -> tuple[str, dict]:
    """What a jaarsamenvatting form was loaded with: the token's purpose, and each year's text ("2025": "…").

    The year is chosen in the form, so the token holds every year of the activity: writing a year that someone
    else wrote (or changed) after the form was opened is then refused.
    """
    doel = f"actielijnen.activiteit:{activiteit.pk}:jaarsamenvattingen"
    return doel, {str(j): t for j, t in activiteit.jaarsamenvattingen.values_list("jaar", "samenvatting")}


@transaction.atomic
def jaarsamenvatting_opslaan(
    *, activiteit: Activiteit, jaar: int, samenvatting: str, auteur, origineel: dict | None = None
) -> Jaarsamenvatting:
    """Write a year's summary; overwriting a year is refused if it changed since the form showed `origineel`."""
    toegestaan(mag_bewerken(auteur, activiteit))
    # The activity's row serialises two people writing the same new year: the second then finds the first's.
    Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    bestaand = Jaarsamenvatting.objects.select_for_update().filter(activiteit=activiteit, jaar=jaar).first()
    gezien = (origineel or {}).get(str(jaar))
    if origineel is not None and bestaand is not None and gezien != bestaand.samenvatting:
        doel, nu = jaarsamenvattingen_gezien(activiteit)
        raise GelijktijdigeWijziging.maken(
            wijzigingen=[
                Wijziging(
                    label=f"Samenvatting van {jaar}",
                    gezien=gezien if gezien else "(nog geen samenvatting)",
                    nu=bestaand.samenvatting,
                )
            ],
            historie_van=bestaand,
            nieuw_token=ondertekenen(nu, doel=doel),
        )
    samenvatting_obj = bestaand or Jaarsamenvatting(activiteit=activiteit, jaar=jaar)
    samenvatting_obj.samenvatting, samenvatting_obj.auteur = samenvatting, auteur
    return opgeslagen(samenvatting_obj)


@transaction.atomic
def besluit_nemen(
    *, voortgangsrapportage: Voortgangsrapportage, gebruiker, besluit: str, datum: date
) -> Besluit:
    """Record the opdrachtgever's decision on an update that asked for one (one decision per update).

    The update's row is locked, so two people deciding at once get one decision and a clear message, not two.
    """
    rapportage = (
        Voortgangsrapportage.objects.select_for_update(of=("self",))
        .select_related("activiteit")
        .get(pk=voortgangsrapportage.pk)
    )
    if not rapportage.besluit_nodig:
        raise ValidationError("Bij deze update is geen besluit gevraagd.")
    toegestaan(mag_besluit_nemen(gebruiker, rapportage))
    if Besluit.objects.filter(voortgangsrapportage=rapportage).exists():
        raise ValidationError("Over deze update is al een besluit vastgelegd.")
    if datum < rapportage.datum:
        raise ValidationError({"datum": "Het besluit kan niet vóór de update liggen."})
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Een besluit ligt niet in de toekomst."})
    return opgeslagen(
        Besluit(voortgangsrapportage=rapportage, datum=datum, besluit=besluit.strip(), genomen_door=gebruiker)
    )
