"""An indicator's fit-gap and the activities that should move it, in the application (not only in the admin).

Each receives the acting user (`gebruiker`, who the history names) and checks it against monitoring/permissions.py
(PermissionDenied, nothing written); the views ask the same predicates first.
"""

from django.db import transaction

from kern.gelijktijdigheid import controleren
from kern.permissions import toegestaan
from monitoring.models import Indicator
from monitoring.permissions import mag_fitgap_bewerken, mag_fitgap_eigenaar_kiezen, mag_koppelingen_wijzigen

FITGAP_VELDEN = ("fitgap", "fitgap_toelichting", "fitgap_eigenaar")


@transaction.atomic
def fitgap_bijwerken(
    *,
    indicator,
    gebruiker,
    fitgap: str,
    fitgap_toelichting: str,
    fitgap_eigenaar=None,
    eigenaar_wijzigen: bool = False,
    origineel: dict | None = None,
):
    """Set an indicator's fit-gap status and toelichting (§5.1), and its owner when `eigenaar_wijzigen`.

    The row is locked and compared with what the form showed (`origineel`): a stale form is refused with what
    changed (GelijktijdigeWijziging), nothing saved. The change is one history row with who and why.
    """
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    toegestaan(
        mag_fitgap_bewerken(gebruiker, indicator)
        and (not eigenaar_wijzigen or mag_fitgap_eigenaar_kiezen(gebruiker))
    )
    if origineel is not None:
        controleren(indicator, gezien=origineel)
    indicator.fitgap, indicator.fitgap_toelichting = fitgap, fitgap_toelichting
    if eigenaar_wijzigen:
        indicator.fitgap_eigenaar = fitgap_eigenaar
    indicator.full_clean()
    indicator._change_reason = "Fit-gap gewijzigd in de applicatie"
    indicator._history_user = gebruiker
    indicator.save()
    return indicator


@transaction.atomic
def activiteiten_koppelen(*, indicator, gebruiker, activiteiten, origineel: dict | None = None):
    """Set which activities should move this indicator (goal → activity → effect), as one history row.

    simple_history writes a row per add and per remove of a many-to-many set; here the set changes without
    history and one row records the result (with the linked activities), so the history reads as one change.
    """
    toegestaan(mag_koppelingen_wijzigen(gebruiker))
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if origineel is not None:
        controleren(indicator, gezien=origineel)
    nieuw = {a.pk for a in activiteiten}
    if nieuw == set(indicator.activiteiten.values_list("pk", flat=True)):
        return indicator
    indicator.skip_history_when_saving = True
    try:
        indicator.activiteiten.set(nieuw)
    finally:
        del indicator.skip_history_when_saving
    indicator._change_reason = "Koppeling met activiteiten gewijzigd"
    indicator._history_user = gebruiker
    indicator.save()
    return indicator
