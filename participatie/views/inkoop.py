"""
The pages of the procurement tracks (§2.3.1): all tracks on a timeline with a table, one track, and the forms
for a track and its steps. Only HTTP: reads in participatie/selectors/inkoop.py, writes in
participatie/services/inkoop.py, the computation in participatie/terugrekenen.py, who may in
participatie/permissions.py.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist
from participatie import inkoopgrafiek, terugrekenen
from participatie.forms.inkoop import StapForm, StapToevoegenForm, TrajectForm, TrajectToevoegenForm
from participatie.models import Inkooptraject, Inkooptrajectstap
from participatie.permissions import (
    mag_inkoopstap_toevoegen,
    mag_inkooptraject_bijhouden,
    mag_inkooptraject_toevoegen,
    mag_inkooptraject_wijzigen,
    mag_lezen,
)
from participatie.selectors import inkoop as selectors
from participatie.services import inkoop as services


def _traject_url(traject) -> str:
    return reverse("participatie:inkooptraject", args=[traject.sleutel])


@require_safe
@toegang_vereist(mag_lezen)
def inkoop(request):
    """Every track on a timeline, with its status and per step the dates and slack in tables."""
    planningen = selectors.alle_planningen(timezone.localdate())
    return render(
        request,
        "participatie/inkoop_overzicht.html",
        {
            "planningen": planningen,
            "notities": selectors.notities(planningen),
            "tijdlijn": inkoopgrafiek.tijdlijn(planningen),
            "uitleg": terugrekenen.UITLEG,
            "vandaag": timezone.localdate(),
            "mag_toevoegen": mag_inkooptraject_toevoegen(request.user),
        },
    )


@require_safe
@toegang_vereist(mag_lezen)
def traject(request, sleutel):
    """One track: its steps with their backward planning, its activities and data-quality notes."""
    try:
        plan = selectors.traject_planning(sleutel, timezone.localdate())
    except Inkooptraject.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "participatie/inkoop_traject.html",
        {
            "plan": plan,
            "traject": plan.traject,
            "notities": selectors.notities([plan]).alle,
            "uitleg": terugrekenen.UITLEG,
            "vandaag": timezone.localdate(),
            "mag_bijhouden": mag_inkooptraject_bijhouden(request.user, plan.traject),
            "mag_stap_toevoegen": mag_inkoopstap_toevoegen(request.user),
            "mag_traject_bewerken": mag_inkooptraject_wijzigen(request.user),
        },
    )


def _formulier(request, titel, terug, form, knop="Opslaan"):
    return render(
        request,
        "participatie/inkoop_formulier.html",
        {"titel": titel, "terug": terug, "form": form, "knop": knop},
    )


@toegang_vereist(mag_lezen, mag_inkooptraject_toevoegen)
def traject_toevoegen(request):
    """The data team adds a track for another domain."""
    form = TrajectToevoegenForm(request.POST or None)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.traject_toevoegen(gebruiker=request.user, **data),
        melding="Het inkooptraject is toegevoegd. Voeg nu de stappen toe.",
    ):
        return redirect(_traject_url(Inkooptraject.objects.get(sleutel=form.cleaned_data["sleutel"])))
    return _formulier(request, "Inkooptraject toevoegen", reverse("participatie:inkoop"), form, "Toevoegen")


@toegang_vereist(mag_lezen)
def traject_bewerken(request, sleutel):
    """Manager and data team change a track's date, owner and activities."""
    traject_ = get_object_or_404(Inkooptraject, sleutel=sleutel)
    if not mag_inkooptraject_wijzigen(request.user):
        raise PermissionDenied
    form = TrajectForm(
        request.POST or None, instance=traject_, initial={"activiteiten": traject_.activiteiten.all()}
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.traject_bijwerken(traject=traject_, gebruiker=request.user, **data),
        melding="Het inkooptraject is bijgewerkt; de planning is opnieuw berekend.",
    ):
        return redirect(_traject_url(traject_))
    return _formulier(request, f"Inkooptraject {traject_} bewerken", _traject_url(traject_), form)


@toegang_vereist(mag_lezen)
def stap_toevoegen(request, sleutel):
    """Manager and data team add a step to a track."""
    traject_ = get_object_or_404(Inkooptraject, sleutel=sleutel)
    if not mag_inkoopstap_toevoegen(request.user):
        raise PermissionDenied
    form = StapToevoegenForm(request.POST or None, traject=traject_)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.stap_toevoegen(traject=traject_, gebruiker=request.user, **data),
        melding="De stap is toegevoegd; de planning is opnieuw berekend.",
    ):
        return redirect(_traject_url(traject_))
    return _formulier(request, f"Stap toevoegen aan {traject_}", _traject_url(traject_), form, "Toevoegen")


@toegang_vereist(mag_lezen)
def stap_bewerken(request, sleutel, pk):
    """Manager, data team or the track's eigenaar keep a step's duration, margin and dates up to date."""
    stap = get_object_or_404(
        Inkooptrajectstap.objects.select_related("traject"), pk=pk, traject__sleutel=sleutel
    )
    if not mag_inkooptraject_bijhouden(request.user, stap.traject):
        raise PermissionDenied
    form = StapForm(request.POST or None, instance=stap)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.stap_bijwerken(stap=stap, gebruiker=request.user, **data),
        melding="De stap is bijgewerkt; de planning is opnieuw berekend.",
    ):
        return redirect(_traject_url(stap.traject))
    return _formulier(
        request, f"Stap {stap.volgorde}. {stap.naam} bewerken", _traject_url(stap.traject), form
    )
