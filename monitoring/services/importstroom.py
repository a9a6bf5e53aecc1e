"""
The import as the data team runs it, from the import page or from the admin: one path into the data.

- `import_aanbieden`: a file is offered; it is stored under its sha256 and checked by a background job, whose
  preview the import page shows.
- `import_doorvoeren_starten`: "Importeren" on that preview; a background job commits the checked file.
- `import_direct_doorvoeren`: the admin's "Confirm import" after django-import-export's preview (the same rules,
  through monitoring.resources); committed in the request, as the admin always did.
- `import_ongedaan_maken_starten`: an import is taken back by a background job.

Each receives the acting user as `door`, refuses who may not import (PermissionDenied) and refuses in Dutch what
cannot be done now (ValidationError). Every commit ends in `metingen_importeren` with the stored file as its
evidence: the same Import record, history and undo whichever way the file came in.
"""

from django.core.exceptions import PermissionDenied, ValidationError

from kern.models import Achtergrondtaak, Taaksoort, Taakstatus
from kern.taken import taak_starten
from monitoring import taken  # the jobs; they call this package's services back (a cycle only at run time)
from monitoring.importbestand import OngeldigBestand, extensie
from monitoring.models import Import
from monitoring.permissions import mag_importeren
from monitoring.services.importeren import Importresultaat, bestand_sha256, metingen_importeren
from monitoring.services.ongedaan import waarom_niet_ongedaan
from monitoring.uploadgrens import controleer_grootte

GEEN_BESTAND = "Er staat geen bestand klaar; upload het bestand opnieuw."
NOG_BEZIG = "Het bestand wordt nog gecontroleerd; importeer het als het voorbeeld er staat."


def _mag_importeren(door) -> None:
    if not mag_importeren(door):
        raise PermissionDenied


def _bewaren(bestand) -> str:
    """Keep an upload under its content address <sha256>.<ext> (once) and return that name.

    The name is made from the content, never from the request; a file that is no .xlsx or .csv, or too large, is
    refused in Dutch before it is stored.
    """
    try:
        ext = extensie(bestand.name)
    except OngeldigBestand as exc:
        raise ValidationError(str(exc)) from exc
    controleer_grootte(bestand)
    naam = f"{bestand_sha256(bestand)}{ext}"
    taken.upload_bewaren(bestand, naam)
    return naam


def import_aanbieden(*, bestand, door) -> Achtergrondtaak:
    """Store an uploaded spreadsheet and start the job that checks it (a dry run); returns the job.

    The job's preview is shown on the import page (?taak=<id>); the file waits in MEDIA_ROOT/imports meanwhile.
    """
    _mag_importeren(door)
    naam = _bewaren(bestand)
    return taak_starten(
        taak=taken.import_controleren,
        soort=Taaksoort.IMPORT_CONTROLEREN,
        omschrijving=f"Controle van {bestand.name}",
        gebruiker=door,
        kenmerk={"bestand": naam},  # the housekeeping leaves the file of a waiting or running job alone
        bestand=naam,
        bestandsnaam=bestand.name,
    )


def import_doorvoeren_starten(
    *, controle: Achtergrondtaak | None, door, alleen_geldige: bool
) -> Achtergrondtaak:
    """Start the job that commits the file `controle` (the user's own check job) checked; returns the job.

    Refused in Dutch while the check still runs, and when there is nothing to commit: no check of this user, a
    check that failed, or its file gone. `alleen_geldige` commits the valid values of a file with errors.
    """
    _mag_importeren(door)
    if controle is None or controle.gebruiker_id != door.pk or controle.soort != Taaksoort.IMPORT_CONTROLEREN:
        raise ValidationError(GEEN_BESTAND)
    if controle.status != Taakstatus.GESLAAGD:
        raise ValidationError(GEEN_BESTAND if controle.is_afgelopen else NOG_BEZIG)
    bestand = controle.resultaat.get("bestand", "")
    if not bestand or not taken.opslag().exists(bestand):
        raise ValidationError(GEEN_BESTAND)
    taken.in_gebruik(bestand)  # about to be read: the housekeeping must not remove it now
    bestandsnaam = controle.resultaat.get("bestandsnaam", bestand)
    return taak_starten(
        taak=taken.import_doorvoeren,
        soort=Taaksoort.IMPORT_DOORVOEREN,
        omschrijving=f"Import van {bestandsnaam}",
        gebruiker=door,
        kenmerk={"bestand": bestand},
        bestand=bestand,
        bestandsnaam=bestandsnaam,
        alleen_geldige=bool(alleen_geldige),
        controle_taak_id=controle.pk,
    )


def import_direct_doorvoeren(*, bestand, door) -> Importresultaat:
    """Commit a spreadsheet in this request: the admin's confirmed import, after its preview.

    Stored and recorded as the import page's job does it (the file under its sha256 as the Import's evidence,
    history per meting, undo on the import history page). All or nothing: a file with an error commits nothing,
    and the result says why (`doorgevoerd` False, its `bestandsfout` and `meldingen`).
    """
    _mag_importeren(door)
    naam = _bewaren(bestand)
    with taken.opslag().open(naam, "rb") as inhoud:
        return metingen_importeren(
            bestand=inhoud,
            bestandsnaam=bestand.name,
            gebruiker=door,
            doorvoeren=True,
            bewaard_als=f"{taken.IMPORTMAP}/{naam}",
        )


def import_ongedaan_maken_starten(*, import_record: Import, door) -> Achtergrondtaak:
    """Start the job that undoes `import_record`; refused in Dutch where the undo rule refuses it."""
    _mag_importeren(door)
    reden = waarom_niet_ongedaan(import_record)
    if reden:
        raise ValidationError(reden)
    return taak_starten(
        taak=taken.import_ongedaan_maken_taak,
        soort=Taaksoort.IMPORT_ONGEDAAN_MAKEN,
        omschrijving=f"Ongedaan maken van de import van {import_record.bestandsnaam}",
        gebruiker=door,
        import_id=import_record.pk,
    )
