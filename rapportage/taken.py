"""
Publishing an edition as a background job: making its PDF and XLSX takes seconds, too long for a request.

The college's "Publiceren" starts the job (`publicatie_starten`, in the request) and follows it on the job page
(/taken/<id>/); the worker runs `services.publiceren` in one transaction (`editie_publiceren`). While the job
waits or runs, the edition page says it is being published and offers no second publication
(`lopende_publicatie`). The job record names its edition in `resultaat["rapportage"]` from the start, so the
edition page can find it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from django_tasks import task

from bronnen.models import Achtergrondtaak, Taaksoort, Taakstatus
from bronnen.taken import TaakGeweigerd, taak_stand, taak_starten, uitvoering
from rapportage import services
from rapportage.models import Rapportage

AL_BEZIG = (
    "Deze rapportage wordt al gepubliceerd. Volg de voortgang op de pagina van de taak; u hoeft niet opnieuw "
    "op Publiceren te klikken."
)


def lopende_publicatie(rapportage: Rapportage) -> Achtergrondtaak | None:
    """The publish job of this edition that is still waiting or running, or None.

    A job whose worker was killed stays "bezig" in the database; `taak_stand` recognises it by its silent
    heartbeat, and it no longer counts, so the college can publish again.
    """
    taken = Achtergrondtaak.objects.filter(
        soort=Taaksoort.EDITIE_PUBLICEREN,
        status__in=(Taakstatus.WACHTEND, Taakstatus.BEZIG),
        resultaat__rapportage=rapportage.pk,
    )
    for taak in taken:
        if not taak_stand(taak).is_afgelopen:
            return taak
    return None


@transaction.atomic
def publicatie_starten(*, rapportage: Rapportage, door) -> Achtergrondtaak:
    """Check that `door` may publish `rapportage` now and start the job that does it; one job per edition.

    Raises PermissionDenied, or a Dutch ValidationError (not vastgesteld, or already being published). The
    edition's row is locked, so two clicks at the same moment start one job, not two.
    """
    rapportage = Rapportage.objects.select_for_update().get(pk=rapportage.pk)
    services.publiceren_controleren(rapportage=rapportage, door=door)
    if lopende_publicatie(rapportage) is not None:
        raise ValidationError(AL_BEZIG)
    taak = taak_starten(
        taak=editie_publiceren,
        soort=Taaksoort.EDITIE_PUBLICEREN,
        omschrijving=str(rapportage),
        gebruiker=door,
        rapportage_id=rapportage.pk,
    )
    taak.resultaat = {"rapportage": rapportage.pk}
    taak.save(update_fields=["resultaat"])
    return taak


@task()
def editie_publiceren(*, taak_id: int, rapportage_id: int) -> None:
    """Publish the edition: status gepubliceerd, its PDF and XLSX stored (one transaction in the service)."""
    with uitvoering(taak_id) as stap:
        if stap is None:
            return
        rapportage = Rapportage.objects.filter(pk=rapportage_id).first()
        if rapportage is None:
            raise TaakGeweigerd("De rapportage bestaat niet meer; er is niets gepubliceerd.")
        url = rapportage.get_absolute_url()
        # Kept while the job runs and when it fails: the edition page finds its job by it, the job page links back.
        stap.resultaat = {
            "rapportage": rapportage_id,
            "terug_url": url,
            "terug_tekst": "Terug naar de rapportage",
        }
        try:
            services.publiceren(rapportage=rapportage, door=stap.taak.gebruiker, voortgang=stap.voortgang)
        except PermissionDenied as exc:
            raise TaakGeweigerd("U mag deze rapportage niet publiceren; er is niets gepubliceerd.") from exc
        except ValidationError as exc:
            raise TaakGeweigerd(" ".join(exc.messages) + " Er is niets gepubliceerd.") from exc
        stap.resultaat = {
            "rapportage": rapportage_id,
            "url": url,
            "link_tekst": "Bekijk de gepubliceerde rapportage",
        }
        stap.melding = "De rapportage is gepubliceerd voor de raad en op de inwonerspagina, met de PDF en het Excel-bestand."
