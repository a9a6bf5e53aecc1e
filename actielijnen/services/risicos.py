"""
Risks and their log: a trekker's risks of an activity, the manager's judgement of a risk of the programme (§3),
and the one place the log is appended after a change.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actielijnen.constants import RisicoStatus, RisicoWijzigingSoort
from actielijnen.models import Activiteit, Risico, RisicoWijziging
from actielijnen.permissions import mag_bewerken, mag_programmarisico_beoordelen
from actielijnen.services.opslaan import opgeslagen
from kern.gelijktijdigheid import controleren
from kern.permissions import toegestaan


@transaction.atomic
def risico_create(
    *,
    activiteit: Activiteit,
    auteur,
    omschrijving: str,
    kans: int | None,
    impact: int | None,
    beheersmaatregel: str = "",
    basisrisico: Risico | None = None,
    toelichting: str = "",
) -> Risico:
    """A new risk of an activity, with the first entry of its log."""
    toegestaan(mag_bewerken(auteur, activiteit))
    risico = opgeslagen(
        Risico(
            activiteit=activiteit,
            omschrijving=omschrijving,
            kans=kans,
            impact=impact,
            beheersmaatregel=beheersmaatregel,
            basisrisico=basisrisico,
            toelichting=toelichting,
            eigenaar=auteur,
        )
    )
    RisicoWijziging.objects.create(
        risico=risico,
        datum=timezone.localdate(),
        soort=RisicoWijzigingSoort.NIEUW,
        toelichting=toelichting or "Risico vastgelegd.",
        kans=kans,
        impact=impact,
        auteur=auteur,
    )
    return risico


@transaction.atomic
def risico_update(
    *,
    risico: Risico,
    auteur,
    omschrijving: str,
    kans: int | None,
    impact: int | None,
    beheersmaatregel: str,
    status: str,
    reden: str,
    origineel: dict | None = None,
) -> Risico:
    """Change a risk and append why to its log; the log's kans × impact gives the trend the college sees.

    Refused (GelijktijdigeWijziging) if the risk changed since the form showed `origineel`.
    """
    risico = Risico.objects.select_for_update().get(pk=risico.pk)
    toegestaan(risico.activiteit_id is not None and mag_bewerken(auteur, risico.activiteit))
    if origineel is not None:
        controleren(risico, gezien=origineel)
    oude_score = risico.score
    risico.omschrijving, risico.kans, risico.impact = omschrijving, kans, impact
    risico.beheersmaatregel, risico.status = beheersmaatregel, status
    opgeslagen(risico)
    risicolog_aanvullen(risico=risico, oude_score=oude_score, auteur=auteur, reden=reden)
    return risico


def risicolog_aanvullen(
    *, risico: Risico, oude_score: int | None, auteur, reden: str, soort: str | None = None
) -> RisicoWijziging:
    """Append a saved change of a risk to its log (bigger, smaller, assessed, unchanged), with why.

    The one place the log is written after a change: the activity page (risico_update), the register
    (programmarisico_beoordelen) and the admin (actielijnen/admin.py, RisicoAdmin) all end here, inside their own
    transaction. `soort` overrides the kind the scores give (a risk no longer tracked).
    """
    nieuwe_score = risico.score
    if soort is not None:
        pass
    elif oude_score is not None and nieuwe_score is not None and nieuwe_score > oude_score:
        soort = RisicoWijzigingSoort.GROTER
    elif oude_score is not None and nieuwe_score is not None and nieuwe_score < oude_score:
        soort = RisicoWijzigingSoort.KLEINER
    elif oude_score != nieuwe_score:
        soort = RisicoWijzigingSoort.BEOORDELING
    else:
        soort = RisicoWijzigingSoort.ONGEWIJZIGD
    return RisicoWijziging.objects.create(
        risico=risico,
        datum=timezone.localdate(),
        soort=soort,
        toelichting=reden,
        kans=risico.kans,
        impact=risico.impact,
        auteur=auteur,
    )


@transaction.atomic
def programmarisico_beoordelen(
    *,
    risico: Risico,
    auteur,
    kans: int,
    impact: int,
    eigenaar,
    beheersmaatregel: str,
    status: str,
    toelichting: str,
    origineel: dict | None = None,
) -> Risico:
    """The manager scores and owns a risk of the programme as a whole (§3), with why; the log records it.

    Only for programme risks (no activity): an activity's risk stays with its trekker (risico_update). Refused
    (GelijktijdigeWijziging) if the risk changed since the form showed `origineel`; a ValidationError saves
    nothing. The risk's history (simple_history) records who changed which field.
    """
    risico = Risico.objects.select_for_update().get(pk=risico.pk)
    if risico.activiteit_id is not None:
        raise ValidationError(
            "Dit is een risico van een activiteit; de trekker beoordeelt het op de activiteit."
        )
    toegestaan(mag_programmarisico_beoordelen(auteur))
    if not (toelichting or "").strip():
        raise ValidationError(
            {"toelichting": "Schrijf waarom u het risico zo beoordeelt; dit komt in het risicolog."}
        )
    if origineel is not None:
        controleren(risico, gezien=origineel)
    oude_score, oude_status = risico.score, risico.status
    risico.kans, risico.impact, risico.eigenaar = kans, impact, eigenaar
    risico.beheersmaatregel, risico.status = beheersmaatregel, status
    opgeslagen(risico)
    vervallen = status == RisicoStatus.VERVALLEN and oude_status != RisicoStatus.VERVALLEN
    risicolog_aanvullen(
        risico=risico,
        oude_score=oude_score,
        auteur=auteur,
        reden=toelichting,
        soort=RisicoWijzigingSoort.NIET_MEER_GEVOLGD if vervallen else None,
    )
    return risico
