"""
The risk register's pages: every risk of the programme, one risk with its log, and the manager's assessment of a
programme risk. Only HTTP: reads in actielijnen/risicoregister.py, the write in actielijnen/services.py, who may
in actielijnen/permissions.py.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import mag_uitvoering_openen
from actielijnen import risicoregister, services
from actielijnen.forms import ProgrammarisicoBeoordelenForm, RisicoregisterFilterForm
from actielijnen.models import Risico
from actielijnen.permissions import mag_bewerken, mag_programmarisico_beoordelen, mag_risicoregister_zien
from bronnen.selectors import notities_van
from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist


def _register_toegang(request) -> None:
    # The register shows owners and measures: the programme organisation, not college or raad (outcomes only).
    if not mag_risicoregister_zien(request.user):
        raise PermissionDenied


@toegang_vereist(mag_uitvoering_openen)
def risicoregister_view(request):
    """Every risk, programme and activity, with filters and sorting (GET)."""
    _register_toegang(request)
    filterform = RisicoregisterFilterForm(request.GET or None)
    filters = filterform.cleaned_data if filterform.is_valid() else {}
    risicos = risicoregister.register(
        soort=filters.get("soort", ""),
        status=filters.get("status", ""),
        boven_drempel=bool(filters.get("boven_drempel")),
        sortering=filters.get("sortering") or risicoregister.SORTERING_SCORE,
    )
    return render(
        request,
        "actielijnen/risicoregister.html",
        {
            "filterform": filterform,
            "risicos": risicos,
            # The sources' notes on the risks listed (risk 2c's "si"): one query.
            "notities": notities_van(risicos),
            "gefilterd": any(filters.values()) if filters else False,
            "drempel": risicoregister.RISICO_DREMPEL,
            "mag_beoordelen": mag_programmarisico_beoordelen(request.user),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def risico_detail(request, pk):
    """One risk with its measure, the risks that refer to it, its log and the history of its fields."""
    _register_toegang(request)
    try:
        gegevens = risicoregister.risico_met_log(pk=pk, user=request.user, pagina=request.GET.get("pagina"))
    except Risico.DoesNotExist as exc:
        raise Http404 from exc
    risico = gegevens.risico
    return render(
        request,
        "actielijnen/risico_detail.html",
        {
            "risico": risico,
            "notities": notities_van([risico]).alle,
            "log": gegevens.log,
            "pagina": gegevens.historie,
            "afgeleid": risicoregister.afgeleide_risicos(risico) if risico.activiteit_id is None else [],
            "mag_beoordelen": mag_programmarisico_beoordelen(request.user, risico),
            "mag_wijzigen": risico.activiteit_id is not None
            and mag_bewerken(request.user, risico.activiteit),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def risico_beoordelen(request, pk):
    """The manager scores and owns a programme risk; an activity's risk is not found here (404)."""
    risico = get_object_or_404(Risico.objects.filter(activiteit__isnull=True), pk=pk)
    if not mag_programmarisico_beoordelen(request.user, risico):
        raise PermissionDenied
    form = ProgrammarisicoBeoordelenForm(request.POST or None, risico=risico)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.programmarisico_beoordelen(risico=risico, auteur=request.user, **data),
        melding="De beoordeling is opgeslagen en staat in het risicolog.",
    ):
        return redirect(risico)
    return render(request, "actielijnen/risico_beoordelen.html", {"risico": risico, "form": form})
