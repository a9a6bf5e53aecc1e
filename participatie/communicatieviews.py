"""
The communication pages (§4.2): the four lines with their actions, the budget against what is spent and the
newsletter norm; adding and editing an action. Only HTTP: reads and writes in participatie/communicatie.py, who
may in participatie/permissions.py.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.permissions import niveau_vereist
from actielijnen.formulieren import formulier_verwerken
from actielijnen.models import Activiteit
from participatie import communicatie as communicatiedomein
from participatie.communicatieformulieren import CommunicatieactieForm, CommunicatieFilterForm
from participatie.models import Communicatieactie
from participatie.permissions import lezer_vereist, mag_communicatieactie_schrijven

PER_PAGINA = 25


@lezer_vereist
@require_GET
def communicatie(request):
    """The lines with their actions (filters `?lijn=`, `?activiteit=`), budget versus spent, the newsletter norm."""
    vandaag = timezone.localdate()
    lijnen = communicatiedomein.lijnen_met_aantallen(vandaag)
    activiteiten = list(
        Activiteit.objects.filter(communicatieacties__isnull=False).distinct().order_by("sleutel")
    )
    filterform = CommunicatieFilterForm(request.GET or None, lijnen=lijnen, activiteiten=activiteiten)
    filters = filterform.cleaned_data if filterform.is_valid() else {}
    lijn, activiteit = filters.get("lijn", ""), filters.get("activiteit", "")
    pagina = Paginator(communicatiedomein.acties(lijn=lijn, activiteit=activiteit), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    filterparameters = urlencode({k: v for k, v in (("lijn", lijn), ("activiteit", activiteit)) if v})
    user = request.user
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
            "budgetstanden": communicatiedomein.budgetstanden(),
            "besteed_zonder_budget": communicatiedomein.bedrag(communicatiedomein.besteed_zonder_budget()),
            "nieuwsbrief": communicatiedomein.nieuwsbriefcontrole(vandaag),
            "mag_toevoegen": user.has_perm("participatie.add_communicatieactie"),
            "mag_overkoepelend": mag_communicatieactie_schrijven(
                user, None, "participatie.change_communicatieactie"
            ),
            "nieuw_url": reverse("participatie:communicatieactie_toevoegen")
            + (
                f"?activiteit={activiteit}"
                if activiteit and activiteit != communicatiedomein.OVERKOEPELEND
                else ""
            ),
        },
    )


def _actie_velden(data) -> dict:
    return {naam: data.get(naam) for naam in communicatiedomein.VELDEN}


@niveau_vereist("uitvoering")
def actie_toevoegen(request):
    """A new action; `?activiteit=<sleutel>` preselects an activity the user writes for."""
    if not request.user.has_perm("participatie.add_communicatieactie"):
        raise PermissionDenied
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
        actie=lambda data: communicatiedomein.actie_toevoegen(
            door=request.user, vandaag=timezone.localdate(), **_actie_velden(data)
        ),
        melding="De communicatieactie is toegevoegd.",
    ):
        return redirect(_terug(form.cleaned_data.get("activiteit")))
    return render(request, "participatie/communicatie_actie_form.html", {"form": form, "actie": None})


@niveau_vereist("uitvoering")
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
        actie=lambda data: communicatiedomein.actie_bijwerken(
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
    sleutel = activiteit.sleutel if activiteit is not None else communicatiedomein.OVERKOEPELEND
    return reverse("participatie:communicatie") + "?" + urlencode({"activiteit": sleutel})
