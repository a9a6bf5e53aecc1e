"""
The communication pages (§4.2): the four lines with their actions, the budget against what is spent and the
newsletter norm; adding and editing an action. Only HTTP: reads in participatie/selectors/communicatie.py, writes
in participatie/services/communicatie.py, who may in participatie/permissions.py.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.permissions import mag_uitvoering_openen
from actielijnen.models import Activiteit
from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist
from participatie.constants import COMMUNICATIEACTIEVELDEN, OVERKOEPELEND, PER_PAGINA
from participatie.forms.communicatie import CommunicatieactieForm, CommunicatieFilterForm
from participatie.models import Communicatieactie
from participatie.permissions import (
    mag_communicatieactie_schrijven,
    mag_communicatieactie_toevoegen,
    mag_lezen,
)
from participatie.selectors import communicatie as selectors
from participatie.services import communicatie as services


@toegang_vereist(mag_lezen)
@require_GET
def communicatie(request):
    """The lines with their actions (filters `?lijn=`, `?activiteit=`), budget versus spent, the newsletter norm."""
    vandaag = timezone.localdate()
    lijnen = selectors.lijnen_met_aantallen(vandaag)
    activiteiten = selectors.activiteiten_met_acties()
    filterform = CommunicatieFilterForm(request.GET or None, lijnen=lijnen, activiteiten=activiteiten)
    filters = filterform.cleaned_data if filterform.is_valid() else {}
    lijn, activiteit = filters.get("lijn", ""), filters.get("activiteit", "")
    pagina = Paginator(selectors.acties(lijn=lijn, activiteit=activiteit), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    filterparameters = urlencode({k: v for k, v in (("lijn", lijn), ("activiteit", activiteit)) if v})
    user = request.user
    zonder_budget, zonder_budget_voorbeeld = selectors.zonder_budget()
    return render(
        request,
        "participatie/communicatie_overzicht.html",
        {
            "vandaag": vandaag,
            "lijnen": lijnen,
            "filterform": filterform,
            "gefilterd": bool(lijn or activiteit),
            "pagina": pagina,
            "filterparameters": filterparameters,
            "budgetstanden": selectors.budgetstanden(),
            "besteed_zonder_budget": selectors.bedrag(zonder_budget),
            "zonder_budget_voorbeeld": zonder_budget_voorbeeld,
            "nieuwsbrief": selectors.nieuwsbriefcontrole(vandaag),
            "mag_toevoegen": mag_communicatieactie_toevoegen(user),
            "mag_overkoepelend": mag_communicatieactie_schrijven(
                user, None, "participatie.change_communicatieactie"
            ),
            "nieuw_url": reverse("participatie:communicatieactie_toevoegen")
            + (f"?activiteit={activiteit}" if activiteit and activiteit != OVERKOEPELEND else ""),
        },
    )


def _actie_velden(data) -> dict:
    return {naam: data.get(naam) for naam in COMMUNICATIEACTIEVELDEN}


@toegang_vereist(mag_uitvoering_openen, mag_communicatieactie_toevoegen)
def actie_toevoegen(request):
    """A new action; `?activiteit=<sleutel>` preselects an activity the user writes for."""
    initial = {"eigenaar": request.user.pk}
    if sleutel := request.GET.get("activiteit"):
        gekozen = Activiteit.objects.filter(sleutel=sleutel).first()
        if gekozen is not None and mag_communicatieactie_schrijven(
            request.user, gekozen, "participatie.add_communicatieactie"
        ):
            initial["activiteit"] = gekozen.pk
    form = CommunicatieactieForm(request.POST or None, user=request.user, initial=initial)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.actie_toevoegen(
            door=request.user, vandaag=timezone.localdate(), **_actie_velden(data)
        ),
        melding="De communicatieactie is toegevoegd.",
    ):
        return redirect(_terug(form.cleaned_data.get("activiteit")))
    return render(request, "participatie/communicatie_actie_form.html", {"form": form, "actie": None})


@toegang_vereist(mag_uitvoering_openen)
def actie_bewerken(request, pk):
    """Change an action: its activity's trekker, manager or datakernteam (overarching ones: not a trekker)."""
    actie = get_object_or_404(
        Communicatieactie.objects.select_related("activiteit", "communicatielijn"), pk=pk
    )
    if not mag_communicatieactie_schrijven(
        request.user, actie.activiteit, "participatie.change_communicatieactie"
    ):
        raise PermissionDenied
    form = CommunicatieactieForm(request.POST or None, user=request.user, actie=actie)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.actie_bijwerken(
            actie=actie,
            door=request.user,
            vandaag=timezone.localdate(),
            origineel=data.get("origineel"),
            **_actie_velden(data),
        ),
        melding="De communicatieactie is bijgewerkt.",
    ):
        return redirect(_terug(form.cleaned_data.get("activiteit")))
    return render(request, "participatie/communicatie_actie_form.html", {"form": form, "actie": actie})


def _terug(activiteit) -> str:
    """Back to the page filtered on the action's activity (or on the overarching communication)."""
    sleutel = activiteit.sleutel if activiteit is not None else OVERKOEPELEND
    return reverse("participatie:communicatie") + "?" + urlencode({"activiteit": sleutel})
