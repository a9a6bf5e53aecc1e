"""
"Wat is er met de inbreng gedaan": only HTTP. Reads in participatie/selectors/inbreng.py, writes in
participatie/services/inbreng.py, who may in participatie/permissions.py. The pages are internal (they show the
person's name); the raad edition and the public page read the edition's snapshot instead (rapportage).
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.permissions import mag_uitvoering_openen
from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist
from participatie.constants import PER_PAGINA
from participatie.forms.inbreng import InbrengFilterForm, InbrengForm, VerwerkenForm
from participatie.models import Inbreng, Participatietraject, Verwerking
from participatie.permissions import mag_inbreng_schrijven, mag_lezen
from participatie.selectors import inbreng as selectors
from participatie.services import inbreng as services


@require_GET
@toegang_vereist(mag_lezen)
def overzicht(request):
    """Every contribution with what was done with it, filtered by activity and verwerking, 25 a page."""
    filters = InbrengFilterForm(request.GET or None)
    gekozen = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    rijen = selectors.inbreng_overzicht(
        activiteit=gekozen.get("activiteit"), verwerking=gekozen.get("verwerking") or None
    )
    pagina = Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))
    for rij in pagina.object_list:
        rij.mag_verwerken = mag_inbreng_schrijven(request.user, rij.traject)
    return render(
        request,
        "participatie/inbreng_overzicht.html",
        {
            "filters": filters,
            "pagina": pagina,
            "gefilterd": bool(gekozen.get("activiteit") or gekozen.get("verwerking")),
            "filter_query": "&".join(
                f"{k}={v}" for k, v in request.GET.items() if k in ("activiteit", "verwerking") and v
            ),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def toevoegen(request, pk):
    """Record a contribution to a trajectory: the trajectory's writers only (403 for others, also on POST)."""
    traject = get_object_or_404(Participatietraject.objects.select_related("activiteit"), pk=pk)
    if not mag_inbreng_schrijven(request.user, traject):
        raise PermissionDenied
    form = InbrengForm(request.POST or None, initial={"datum": timezone.localdate()})
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.inbreng_toevoegen(traject=traject, door=request.user, **data),
        melding="De inbreng is vastgelegd. Leg vast wat ermee gedaan wordt zodra dat bekend is.",
    ):
        return redirect("participatie:traject", pk=traject.pk)
    return render(
        request,
        "participatie/inbreng_formulier.html",
        {"form": form, "traject": traject, "titel": "Inbreng vastleggen"},
    )


@toegang_vereist(mag_uitvoering_openen)
def verwerken(request, pk):
    """Record what was done with a contribution (overgenomen, deels, niet) and why."""
    inbreng = get_object_or_404(
        Inbreng.objects.select_related("traject", "traject__activiteit", "stakeholder"), pk=pk
    )
    if not mag_inbreng_schrijven(request.user, inbreng.traject):
        raise PermissionDenied
    form = VerwerkenForm(
        request.POST or None,
        inbreng=inbreng,
        initial={
            "verwerking": inbreng.verwerking if inbreng.verwerking != Verwerking.OPEN else None,
            "reactie": inbreng.reactie,
        },
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.inbreng_verwerken(
            inbreng=inbreng,
            door=request.user,
            verwerking=data["verwerking"],
            reactie=data["reactie"],
            origineel=data.get("origineel"),
        ),
        melding="Vastgelegd wat er met de inbreng is gedaan.",
    ):
        return redirect("participatie:traject", pk=inbreng.traject_id)
    return render(
        request,
        "participatie/inbreng_formulier.html",
        {"form": form, "traject": inbreng.traject, "inbreng": inbreng, "titel": "Inbreng verwerken"},
    )
