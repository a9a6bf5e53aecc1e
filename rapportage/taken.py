"""
Publishing an edition, and the PDF of an edition not yet published, as background jobs: making a PDF takes
seconds (5–12 s with WeasyPrint), too long for a request; six concept PDFs at once stalled the public page.

The college's "Publiceren" starts the job (`publicatie_starten`, in the request) and follows it on the job page
(/taken/<id>/); the worker runs `services.publiceren` in one transaction (`editie_publiceren`). While the job
waits or runs, the edition page says it is being published and offers no second publication
(`lopende_publicatie`). The job record names its edition in `resultaat["rapportage"]` from the start, so the
edition page can find it.

A concept's PDF (`concept_pdf_starten`, `concept_pdf_maken`) is made the same way and written to
MEDIA_ROOT/exports; the job page offers the download to who started it (`kern:taak_bestand`), and
`manage.py opruimen` removes the file after EXPORT_BEWAARUREN. One such job per user and edition at a time.
"""

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from django_tasks import task

from kern.models import Achtergrondtaak, Taaksoort, Taakstatus
from kern.taken import (
    TaakGeweigerd,
    map_exports,
    taak_stand,
    taak_starten,
    taak_starten_eenmalig,
    uitvoering,
)
from rapportage import selectors, services
from rapportage.models import Rapportage
from rapportage.permissions import mag_editie_openen, mag_edities_lezen

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


# --- The PDF of an edition that is not published yet ------------------------------------------------------------


def concept_pdf_bestandsnaam(rapportage: Rapportage) -> str:
    """The download's name: the edition's own, marked concept (a PDF made now, not the published one)."""
    return selectors.bestandsnaam(rapportage, "pdf").replace("hengelo-", "concept-hengelo-", 1)


def concept_pdf_starten(*, rapportage: Rapportage, door) -> tuple[Achtergrondtaak, bool]:
    """Start the job that makes the PDF of an edition that has no stored PDF (a concept, or vastgesteld).

    Returns (job, started): while the user's job for this edition still waits or runs, that job is returned
    (`started` False) instead of a second one (kern.taken.taak_starten_eenmalig).
    """
    return taak_starten_eenmalig(
        taak=concept_pdf_maken,
        soort=Taaksoort.CONCEPT_PDF,
        omschrijving=f"PDF van {rapportage}",
        gebruiker=door,
        kenmerk={"rapportage": rapportage.pk},
        rapportage_id=rapportage.pk,
    )


@task()
def concept_pdf_maken(*, taak_id: int, rapportage_id: int) -> None:
    """Make the PDF of an unpublished edition as it stands now, for download from the job page."""
    # Imported here because WeasyPrint is heavy to load; only the worker needs it (it is the rapportage app).
    from rapportage import export_pdf

    with uitvoering(taak_id) as stap:
        if stap is None:
            return
        stap.resultaat = {"rapportage": rapportage_id}
        rapportage = Rapportage.objects.filter(pk=rapportage_id).first()
        gebruiker = stap.taak.gebruiker
        # Checked again in the worker: the edition may have been deleted, published or hidden since the click.
        if rapportage is None or not (
            mag_edities_lezen(gebruiker) and mag_editie_openen(gebruiker, rapportage)
        ):
            raise TaakGeweigerd(
                "De rapportage bestaat niet meer of u mag haar niet openen; er is geen PDF gemaakt."
            )
        url = rapportage.get_absolute_url()
        stap.resultaat.update(terug_url=url, terug_tekst="Terug naar de rapportage")
        if rapportage.is_bevroren:
            raise TaakGeweigerd(
                "De rapportage is inmiddels gepubliceerd; download de gepubliceerde PDF op haar pagina."
            )
        stap.voortgang(0, 1)
        inhoud = export_pdf.pdf_maken(rapportage)
        pad = map_exports() / f"{int(taak_id)}-{secrets.token_hex(8)}.pdf"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(inhoud)
        stap.voortgang(1, 1)
        stap.bestand = str(pad.relative_to(settings.MEDIA_ROOT))
        stap.resultaat["bestandsnaam"] = concept_pdf_bestandsnaam(rapportage)
        stap.melding = f"De PDF is klaar. U kunt hem {settings.EXPORT_BEWAARUREN} uur lang downloaden."
