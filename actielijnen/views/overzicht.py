"""
The programme organisation's overview pages: the manager's dashboard (management level of the informatiepiramide)
and what waits for a decision (the opdrachtgever's own, the manager's read-only list), with the decision form.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.permissions import mag_management_openen, mag_uitvoering_openen
from accounts.selectors import monitoring_links
from actielijnen import besluiten as besluiten_selectors
from actielijnen import grafieken, selectors, services, signalen
from actielijnen.forms import BesluitForm, DashboardFilterForm
from actielijnen.models import Activiteit, Voortgangsrapportage
from actielijnen.models.risico import RISICO_DREMPEL
from actielijnen.permissions import mag_besluit_nemen
from bronnen.selectors import notities_van
from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist

# --- Management -------------------------------------------------------------------------------------------


@toegang_vereist(mag_management_openen)
def management(request):
    """The manager's dashboard: what needs them now at the top, the activities per actielijn below."""
    filterform = DashboardFilterForm(request.GET or None)
    filters = filterform.cleaned_data if filterform.is_valid() else {}
    vandaag = timezone.localdate()
    overzicht = selectors.dashboard(filters=filters, vandaag=vandaag)
    return render(
        request,
        "actielijnen/management.html",
        {
            "filterform": filterform,
            "gefilterd": any(filters.values()),
            "rijen": overzicht.rijen,
            "groepen": overzicht.groepen,
            "vandaag": vandaag,
            "telling": overzicht.telling,
            "risico_drempel": RISICO_DREMPEL,
            "matrix": selectors.risicomatrix(activiteiten=[r.activiteit for r in overzicht.rijen]),
            "tijdlijn": grafieken.tijdlijn(overzicht.rijen),
            "monitoring_links": monitoring_links(request.user),
            "signalen": signalen.programmasignalen(vandaag),
            # The sources' notes on the actielijnen and activities shown: one query.
            "notities": notities_van(
                [groep.actielijn for groep in overzicht.groepen] + [rij.activiteit for rij in overzicht.rijen]
            ),
        },
    )


# --- Besluiten --------------------------------------------------------------------------------------------


@require_safe
@toegang_vereist(mag_uitvoering_openen)
def besluiten(request):
    """Wat wacht op uw besluit: one's own decisions; the manager's read-only list of all open decisions."""
    return render(
        request, "actielijnen/besluiten.html", {"lijst": besluiten_selectors.besluiten_voor(request.user)}
    )


@toegang_vereist(mag_uitvoering_openen)
def besluit_nemen(request, pk):
    """The opdrachtgever records their decision on an update that asked for one; nobody else may (403)."""
    rapportage = get_object_or_404(
        Voortgangsrapportage.objects.select_related("activiteit", "auteur").filter(
            activiteit__in=Activiteit.objects.visible_to(request.user), besluit_nodig=True
        ),
        pk=pk,
    )
    if not mag_besluit_nemen(request.user, rapportage):
        raise PermissionDenied
    genomen = getattr(rapportage, "besluit", None)
    form = BesluitForm(request.POST or None)
    if genomen is None and formulier_verwerken(
        request,
        form,
        actie=lambda data: services.besluit_nemen(
            voortgangsrapportage=rapportage, gebruiker=request.user, **data
        ),
        melding="Uw besluit is vastgelegd.",
    ):
        return redirect("actielijnen:besluiten")
    return render(
        request,
        "actielijnen/besluit_form.html",
        {"activiteit": rapportage.activiteit, "rapportage": rapportage, "genomen": genomen, "form": form},
    )
