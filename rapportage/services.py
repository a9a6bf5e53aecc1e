"""
Actions on editions and moties, each in one transaction.

Workflow of an edition: concept (the manager writes the texts per section beside the figures) → vastgesteld
(college) → gepubliceerd (raad and public). Every step is logged in Statusovergang. Publishing makes the PDF
and XLSX once and stores them; a published edition is never changed again, a correction is a new version
that replaces it (the old one stays readable, marked "vervangen").
"""

import hashlib
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kern.gelijktijdigheid import controleren
from rapportage import selectors
from rapportage.constants import Exportsoort, RapportageStatus, Sectie
from rapportage.models import Exportbestand, Motie, Rapportage, Statusovergang
from rapportage.momentopname import momentopname
from rapportage.permissions import mag_concept_bewerken, mag_moties_registreren, mag_vaststellen


def _overgang(rapportage: Rapportage, naar: str, door) -> None:
    Statusovergang.objects.create(rapportage=rapportage, van=rapportage.status, naar=naar, door=door)
    rapportage.status = naar


def _momentopname_voor(peildatum: date) -> dict:
    vorige = selectors.vorige_gepubliceerde(peildatum=peildatum)
    return momentopname(
        peildatum=peildatum,
        vorige=vorige.inhoud if vorige else None,
        moties=selectors.moties_tot(peildatum),
    )


@transaction.atomic
def rapportage_aanmaken(
    *, door, pc_moment: str, jaar: int, titel: str, peildatum: date, zaaknummer: str = "", toelichtingen=None
) -> Rapportage:
    """A new concept edition with a snapshot of everything it shows as of `peildatum`."""
    if not mag_concept_bewerken(door):
        raise PermissionDenied
    if peildatum > timezone.localdate():
        raise ValidationError({"peildatum": "De peildatum kan niet in de toekomst liggen."})
    rapportage = Rapportage(
        pc_moment=pc_moment,
        jaar=jaar,
        titel=titel,
        peildatum=peildatum,
        zaaknummer=zaaknummer,
        inhoud=_momentopname_voor(peildatum),
        toelichtingen=_alleen_secties(toelichtingen or {}),
        aangemaakt_door=door,
    )
    rapportage.full_clean(exclude=["inhoud"])
    rapportage.save()
    Statusovergang.objects.create(rapportage=rapportage, van="", naar=RapportageStatus.CONCEPT, door=door)
    return rapportage


def _alleen_secties(toelichtingen: dict) -> dict:
    return {
        sectie: tekst.strip() for sectie, tekst in toelichtingen.items() if sectie in Sectie.values and tekst
    }


def _vergrendeld(rapportage: Rapportage) -> Rapportage:
    return Rapportage.objects.select_for_update().get(pk=rapportage.pk)


@transaction.atomic
def concept_bijwerken(
    *, rapportage: Rapportage, door, cijfers_vernieuwen: bool = False, origineel: dict | None = None, **velden
) -> Rapportage:
    """Change a concept's title, zaaknummer or texts per section; optionally take its snapshot anew.

    Refused (GelijktijdigeWijziging) if the concept changed since the form showed `origineel`.
    """
    rapportage = _vergrendeld(rapportage)
    if not mag_concept_bewerken(door):
        raise PermissionDenied
    if not rapportage.is_concept:
        raise ValidationError("Alleen een concept kan worden gewijzigd.")
    if origineel is not None:
        controleren(
            rapportage,
            gezien=origineel,
            labels={f"toelichtingen.{s.value}": f"Toelichting bij {s.label}" for s in Sectie},
        )
    for veld in ("titel", "zaaknummer", "pc_moment", "jaar", "peildatum"):
        if veld in velden:
            setattr(rapportage, veld, velden[veld])
    if "toelichtingen" in velden:
        rapportage.toelichtingen = _alleen_secties(velden["toelichtingen"])
    if cijfers_vernieuwen or "peildatum" in velden:
        if rapportage.peildatum > timezone.localdate():
            raise ValidationError({"peildatum": "De peildatum kan niet in de toekomst liggen."})
        rapportage.inhoud = _momentopname_voor(rapportage.peildatum)
    rapportage.full_clean(exclude=["inhoud", "vervangt"])
    rapportage.save()
    return rapportage


@transaction.atomic
def vaststellen(*, rapportage: Rapportage, door) -> Rapportage:
    """The college sets a concept."""
    rapportage = _vergrendeld(rapportage)
    if not mag_vaststellen(door):
        raise PermissionDenied
    if rapportage.status != RapportageStatus.CONCEPT:
        raise ValidationError("Alleen een concept kan worden vastgesteld.")
    _overgang(rapportage, RapportageStatus.VASTGESTELD, door)
    rapportage.save()
    return rapportage


@transaction.atomic
def terug_naar_concept(*, rapportage: Rapportage, door) -> Rapportage:
    """The college sends a set (not yet published) edition back to the manager."""
    rapportage = _vergrendeld(rapportage)
    if not mag_vaststellen(door):
        raise PermissionDenied
    if rapportage.status != RapportageStatus.VASTGESTELD:
        raise ValidationError(
            "Alleen een vastgestelde, nog niet gepubliceerde rapportage kan terug naar concept."
        )
    _overgang(rapportage, RapportageStatus.CONCEPT, door)
    rapportage.save()
    return rapportage


def publiceren_controleren(*, rapportage: Rapportage, door) -> None:
    """May `door` publish `rapportage` now? Raises PermissionDenied or a Dutch ValidationError; writes nothing.

    The request checks this before it starts the background job (rapportage/taken.py), so a refusal is shown at
    once; `publiceren` checks it again on the locked row, because the edition may change while the job waits.
    """
    if not mag_vaststellen(door):
        raise PermissionDenied
    if rapportage.status != RapportageStatus.VASTGESTELD:
        raise ValidationError("Alleen een door het college vastgestelde rapportage kan worden gepubliceerd.")


BESTANDEN_BIJ_PUBLICATIE = 2  # the PDF and the XLSX: the job's progress counts these


@transaction.atomic
def publiceren(*, rapportage: Rapportage, door, voortgang=None) -> Rapportage:
    """The college publishes a set edition to raad and public; its PDF and XLSX are made and stored now.

    A correction replaces the edition it corrects: that one is marked "vervangen" and stays readable.
    One transaction: if a file cannot be made, the edition stays vastgesteld and nothing is stored. Runs in the
    background job `editie_publiceren` (it takes seconds); `voortgang(gedaan, totaal)` hears 0/2, 1/2 after
    the PDF and 2/2 after the XLSX, and must not write to the database (see kern.taken).
    """
    from rapportage import export_pdf, export_xlsx  # heavy libraries, only needed here and in downloads

    rapportage = _vergrendeld(rapportage)
    publiceren_controleren(rapportage=rapportage, door=door)
    if voortgang is not None:
        voortgang(0, BESTANDEN_BIJ_PUBLICATIE)
    _overgang(rapportage, RapportageStatus.GEPUBLICEERD, door)
    rapportage.gepubliceerd_op = timezone.now()
    rapportage.save()
    if rapportage.vervangt_id:
        oud = _vergrendeld(rapportage.vervangt)
        _overgang(oud, RapportageStatus.VERVANGEN, door)
        oud.save()
    makers = ((Exportsoort.PDF, export_pdf.pdf_maken), (Exportsoort.XLSX, export_xlsx.xlsx_maken))
    for gedaan, (soort, maker) in enumerate(makers, start=1):
        inhoud = maker(rapportage)
        Exportbestand.objects.create(
            rapportage=rapportage,
            soort=soort,
            bestandsnaam=selectors.bestandsnaam(rapportage, soort),
            inhoud=inhoud,
            sha256=hashlib.sha256(inhoud).hexdigest(),
        )
        if voortgang is not None:
            voortgang(gedaan, BESTANDEN_BIJ_PUBLICATIE)
    return rapportage


@transaction.atomic
def correctie_maken(*, rapportage: Rapportage, door) -> Rapportage:
    """A new concept version of a published edition, with its texts and a fresh snapshot of the same peildatum."""
    rapportage = _vergrendeld(rapportage)
    if not mag_concept_bewerken(door):
        raise PermissionDenied
    if rapportage.status != RapportageStatus.GEPUBLICEERD:
        raise ValidationError("Alleen een gepubliceerde rapportage kan worden gecorrigeerd.")
    if Rapportage.objects.filter(vervangt=rapportage).exists():
        raise ValidationError("Er is al een correctie van deze rapportage in bewerking.")
    correctie = Rapportage(
        pc_moment=rapportage.pc_moment,
        jaar=rapportage.jaar,
        titel=rapportage.titel,
        peildatum=rapportage.peildatum,
        zaaknummer=rapportage.zaaknummer,
        versie=rapportage.versie + 1,
        vervangt=rapportage,
        inhoud=_momentopname_voor(rapportage.peildatum),
        toelichtingen=dict(rapportage.toelichtingen),
        aangemaakt_door=door,
    )
    correctie.save()
    Statusovergang.objects.create(rapportage=correctie, van="", naar=RapportageStatus.CONCEPT, door=door)
    return correctie


@transaction.atomic
def concept_verwijderen(*, rapportage: Rapportage, door) -> None:
    rapportage = _vergrendeld(rapportage)
    if not mag_concept_bewerken(door):
        raise PermissionDenied
    if not rapportage.is_concept:
        raise ValidationError("Alleen een concept kan worden verwijderd.")
    rapportage.statusovergangen.all().delete()
    rapportage.delete()


# --- Moties ----------------------------------------------------------------------------------------------


@transaction.atomic
def motie_opslaan(
    *,
    door,
    motie: Motie | None = None,
    activiteiten=(),
    indicatoren=(),
    origineel: dict | None = None,
    **velden,
) -> Motie:
    """Register a motie, amendement or toezegging, or change one (status, what the college did, links).

    A change is refused (GelijktijdigeWijziging) if the motie changed since the form showed `origineel`.
    """
    if not mag_moties_registreren(door):
        raise PermissionDenied
    if motie is None:
        motie = Motie(geregistreerd_door=door)
    else:
        motie = Motie.objects.select_for_update().get(pk=motie.pk)
        if origineel is not None:
            controleren(motie, gezien=origineel)
    for veld, waarde in velden.items():
        setattr(motie, veld, waarde)
    motie.full_clean()
    motie.save()
    motie.activiteiten.set(activiteiten)
    motie.indicatoren.set(indicatoren)
    return motie
