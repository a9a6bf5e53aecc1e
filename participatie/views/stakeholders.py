"""
Step III of §4.1 (stakeholders, trajectories, meetings, overvraging) and wijkgericht werken (§2.3.2): only HTTP.
Reads in participatie/selectors/betrokkenen.py (the count in participatie/selectors/overvraging.py), writes in
participatie/services/betrokkenen.py, who may in participatie/permissions.py.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.permissions import mag_uitvoering_openen
from actielijnen.models import Activiteit
from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist
from participatie.forms.stakeholders import (
    BijeenkomstForm,
    DrempelForm,
    StakeholderForm,
    TrajectFilterForm,
    TrajectForm,
    WijkenForm,
)
from participatie.models import Participatietraject, Stakeholder
from participatie.permissions import (
    TRAJECT_TOEVOEGEN,
    TRAJECT_WIJZIGEN,
    mag_alle_wijken_koppelen,
    mag_drempel_zetten,
    mag_eigen_wijken_koppelen,
    mag_lezen,
    mag_programmabreed_schrijven,
    mag_stakeholder_toevoegen,
    mag_stakeholder_wijzigen,
    mag_traject_schrijven,
    mag_traject_toevoegen,
    mag_wijken_beheren,
    mag_wijken_koppelen,
)
from participatie.selectors import betrokkenen as selectors
from participatie.selectors import overvraging
from participatie.services import betrokkenen as services

# --- Stakeholders -------------------------------------------------------------------------------------------


@require_GET
@toegang_vereist(mag_lezen)
def stakeholders(request):
    """The shared register with this quarter's trajectories and meetings per stakeholder and the overvraagd mark."""
    register = selectors.register(vandaag=timezone.localdate(), pagina=request.GET.get("pagina"))
    return render(
        request,
        "participatie/betrokkenen_stakeholders.html",
        {
            "register": register,
            "mag_toevoegen": mag_stakeholder_toevoegen(request.user),
            "mag_drempel_zetten": mag_drempel_zetten(request.user),
        },
    )


@require_GET
@toegang_vereist(mag_lezen)
def stakeholder(request, pk):
    """One stakeholder: per quarter how often it is asked, its trajectories and its meetings."""
    try:
        beeld = selectors.stakeholderbeeld(
            pk=pk, vandaag=timezone.localdate(), pagina=request.GET.get("pagina")
        )
    except Stakeholder.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "participatie/betrokkenen_stakeholder.html",
        {
            "beeld": beeld,
            "stakeholder": beeld.stakeholder,
            "mag_wijzigen": mag_stakeholder_wijzigen(request.user),
        },
    )


@toegang_vereist(mag_uitvoering_openen, mag_stakeholder_toevoegen)
def stakeholder_toevoegen(request):
    """Add an organisation or group to the register (anyone who may add stakeholders)."""
    form = StakeholderForm(request.POST or None)
    resultaat = {}

    def actie(data):
        resultaat["stakeholder"] = services.stakeholder_opslaan(door=request.user, **data)

    if formulier_verwerken(request, form, actie=actie, melding="De stakeholder is opgeslagen."):
        return redirect("participatie:stakeholder", pk=resultaat["stakeholder"].pk)
    return render(
        request,
        "participatie/betrokkenen_formulier.html",
        {
            "form": form,
            "titel": "Stakeholder toevoegen",
            "knop": "Stakeholder opslaan",
            "terug": (reverse("participatie:stakeholders"), "Terug naar de stakeholders"),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def stakeholder_bewerken(request, pk):
    """Change a stakeholder's name, kind, description or whether it is still asked."""
    stakeholder = get_object_or_404(Stakeholder, pk=pk)
    if not mag_stakeholder_wijzigen(request.user):
        raise PermissionDenied
    form = StakeholderForm(
        request.POST or None,
        stakeholder=stakeholder,
        initial={
            "naam": stakeholder.naam,
            "soort": stakeholder.soort,
            "omschrijving": stakeholder.omschrijving,
            "actief": stakeholder.actief,
        },
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.stakeholder_opslaan(stakeholder=stakeholder, door=request.user, **data),
        melding="De stakeholder is opgeslagen.",
    ):
        return redirect("participatie:stakeholder", pk=stakeholder.pk)
    return render(
        request,
        "participatie/betrokkenen_formulier.html",
        {
            "form": form,
            "titel": f"{stakeholder.naam} wijzigen",
            "knop": "Stakeholder opslaan",
            "terug": (
                reverse("participatie:stakeholder", kwargs={"pk": stakeholder.pk}),
                f"Terug naar {stakeholder.naam}",
            ),
        },
    )


@toegang_vereist(mag_uitvoering_openen, mag_drempel_zetten)
def drempel(request):
    """The manager's threshold for overvraging: GET shows it with its history, POST sets it."""
    huidig = overvraging.drempel()
    form = DrempelForm(
        request.POST or None,
        initial={"max_trajecten": huidig.max_trajecten, "max_bijeenkomsten": huidig.max_bijeenkomsten}
        if huidig
        else None,
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.drempel_zetten(door=request.user, **data),
        melding="De drempel voor overvraging is opgeslagen.",
    ):
        return redirect("participatie:stakeholders")
    historie = selectors.drempelgeschiedenis(request.GET.get("pagina"))
    return render(
        request,
        "participatie/betrokkenen_drempel.html",
        {"form": form, "drempel": huidig, "historie": historie},
    )


# --- Trajecten ----------------------------------------------------------------------------------------------


@require_GET
@toegang_vereist(mag_lezen)
def trajecten(request):
    """Trajectories inside and outside the programme; filter by activity and by kind."""
    filterform = TrajectFilterForm(request.GET or None)
    filters = filterform.cleaned_data if filterform.is_valid() else {}
    activiteit = filters.get("activiteit")
    pagina = selectors.trajecten(
        activiteit=activiteit, soort=filters.get("soort", ""), pagina=request.GET.get("pagina")
    )
    toevoegen = reverse("participatie:traject_toevoegen")
    if activiteit is not None:
        toevoegen += f"?activiteit={activiteit.sleutel}"
    return render(
        request,
        "participatie/betrokkenen_trajecten.html",
        {
            "filterform": filterform,
            "pagina": pagina,
            "gefilterd": any(filters.values()) if filters else False,
            "filter_query": "&".join(
                f"{k}={v}" for k, v in request.GET.items() if k in ("activiteit", "soort") and v
            ),
            "mag_toevoegen": mag_traject_toevoegen(request.user),
            "toevoegen_url": toevoegen,
        },
    )


@require_GET
@toegang_vereist(mag_lezen)
def traject(request, pk):
    """A trajectory: its activity, stakeholders, wijken, meetings and (inbreng_sectie.html) what was brought in."""
    try:
        traject_ = selectors.traject_detail(pk)
    except Participatietraject.DoesNotExist as exc:
        raise Http404 from exc
    mag_wijzigen = mag_traject_schrijven(request.user, traject_.activiteit, TRAJECT_WIJZIGEN)
    return render(
        request,
        "participatie/betrokkenen_traject.html",
        {
            "traject": traject_,
            "mag_wijzigen": mag_wijzigen,
            "mag_bijeenkomst": mag_traject_schrijven(
                request.user, traject_.activiteit, "participatie.add_bijeenkomst"
            ),
            # Every change of the trajectory, its meetings and its inbreng, newest first.
            "historie": selectors.trajectgeschiedenis(traject_, request.GET.get("pagina")),
        },
    )


def _schrijfbare_activiteiten(user):
    """The activities this user may add trajectories to: all for the programme-wide roles, else their own."""
    if mag_programmabreed_schrijven(user, TRAJECT_TOEVOEGEN):
        return Activiteit.objects.all()
    return Activiteit.objects.editable_by(user)


def _gevraagde_activiteit(waarde: str, veld: str):
    """The activity a request names (`?activiteit=<sleutel>` or the posted pk), or None; a value that is no
    activity is left to the form, which says so in Dutch."""
    if veld == "pk" and not (waarde.isdigit() and len(waarde) < 10):
        return None
    return Activiteit.objects.filter(**{veld: waarde}).first() if waarde else None


@toegang_vereist(mag_uitvoering_openen, mag_traject_toevoegen)
def traject_toevoegen(request):
    """A new trajectory: of an activity (its trekker or the programme-wide roles) or outside the programme
    (programme-wide roles only). `?activiteit=<sleutel>` preselects the activity."""
    user = request.user
    buiten = mag_programmabreed_schrijven(user, TRAJECT_TOEVOEGEN)
    gevraagd = _gevraagde_activiteit(request.GET.get("activiteit", ""), "sleutel")
    if request.method == "POST":
        gevraagd = _gevraagde_activiteit(request.POST.get("activiteit", ""), "pk")
    # A direct request for someone else's activity is refused, not quietly turned into a form error.
    if gevraagd is not None and not mag_traject_schrijven(user, gevraagd, TRAJECT_TOEVOEGEN):
        raise PermissionDenied
    form = TrajectForm(
        request.POST or None,
        user=user,
        activiteiten=_schrijfbare_activiteiten(user),
        buiten_programma=buiten,
        initial={"activiteit": gevraagd.pk} if gevraagd else None,
    )
    resultaat = {}

    def actie(data):
        resultaat["traject"] = services.traject_opslaan(door=request.user, **data)

    if formulier_verwerken(request, form, actie=actie, melding="Het traject is opgeslagen."):
        return redirect("participatie:traject", pk=resultaat["traject"].pk)
    return render(
        request,
        "participatie/betrokkenen_formulier.html",
        {
            "form": form,
            "titel": "Traject toevoegen",
            "knop": "Traject opslaan",
            "terug": (reverse("participatie:trajecten"), "Terug naar de trajecten"),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def traject_bewerken(request, pk):
    """Change a trajectory; moving it to another activity needs the right on that one too."""
    traject_ = get_object_or_404(Participatietraject.objects.select_related("activiteit"), pk=pk)
    user = request.user
    if not mag_traject_schrijven(user, traject_.activiteit, TRAJECT_WIJZIGEN):
        raise PermissionDenied
    buiten = mag_programmabreed_schrijven(user, TRAJECT_WIJZIGEN)
    if request.method == "POST":
        nieuw = _gevraagde_activiteit(request.POST.get("activiteit", ""), "pk")
        if nieuw is not None and not mag_traject_schrijven(user, nieuw, TRAJECT_WIJZIGEN):
            raise PermissionDenied
    form = TrajectForm(
        request.POST or None,
        user=user,
        activiteiten=_schrijfbare_activiteiten(user),
        buiten_programma=buiten,
        traject=traject_,
        initial={
            "activiteit": traject_.activiteit_id,
            "naam": traject_.naam,
            "omschrijving": traject_.omschrijving,
            "start": traject_.start,
            "einde": traject_.einde,
            "stakeholders": list(traject_.stakeholders.values_list("pk", flat=True)),
            "wijken": list(traject_.wijken.values_list("pk", flat=True)),
        },
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.traject_opslaan(traject=traject_, door=request.user, **data),
        melding="Het traject is opgeslagen.",
    ):
        return redirect("participatie:traject", pk=traject_.pk)
    return render(
        request,
        "participatie/betrokkenen_formulier.html",
        {
            "form": form,
            "titel": f"{traject_.naam} wijzigen",
            "knop": "Traject opslaan",
            "terug": (reverse("participatie:traject", kwargs={"pk": traject_.pk}), "Terug naar het traject"),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def bijeenkomst_toevoegen(request, pk):
    """A meeting of a trajectory and the stakeholders asked to it (who may change the trajectory)."""
    traject_ = get_object_or_404(Participatietraject.objects.select_related("activiteit"), pk=pk)
    if not mag_traject_schrijven(request.user, traject_.activiteit, "participatie.add_bijeenkomst"):
        raise PermissionDenied
    form = BijeenkomstForm(
        request.POST or None,
        stakeholders=selectors.bijeenkomst_stakeholders_keuze(traject_),
        initial={"stakeholders": list(traject_.stakeholders.values_list("pk", flat=True))},
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.bijeenkomst_toevoegen(traject=traject_, door=request.user, **data),
        melding="De bijeenkomst is opgeslagen.",
    ):
        return redirect("participatie:traject", pk=traject_.pk)
    return render(
        request,
        "participatie/betrokkenen_formulier.html",
        {
            "form": form,
            "titel": f"Bijeenkomst toevoegen aan {traject_.naam}",
            "knop": "Bijeenkomst opslaan",
            "terug": (reverse("participatie:traject", kwargs={"pk": traject_.pk}), "Terug naar het traject"),
        },
    )


# --- Wijkgericht werken -------------------------------------------------------------------------------------


@require_GET
@toegang_vereist(mag_lezen)
def wijken(request):
    """The programme per wijk (§2.3.2): activities with their stoplicht and trajectories per wijk."""
    # Who may choose the wijken of every activity (manager, datakernteam), else of their own (a trekker).
    alles_koppelbaar = mag_alle_wijken_koppelen(request.user)
    return render(
        request,
        "participatie/betrokkenen_wijken.html",
        {
            "overzicht": selectors.wijkenoverzicht(),
            "alles_koppelbaar": alles_koppelbaar,
            "koppelbaar": set()
            if alles_koppelbaar
            else selectors.activiteiten_van_trekker(request.user)
            if mag_eigen_wijken_koppelen(request.user)
            else set(),
            "mag_beheer": mag_wijken_beheren(request.user),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def wijken_koppelen(request, sleutel):
    """The wijken an activity works in: its trekker, the manager and the datakernteam."""
    activiteit = get_object_or_404(Activiteit, sleutel=sleutel)
    if not mag_wijken_koppelen(request.user, activiteit):
        raise PermissionDenied
    stand = selectors.wijkstand(activiteit)
    form = WijkenForm(request.POST or None, user=request.user, activiteit=activiteit, initial=stand)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.wijken_koppelen(activiteit=activiteit, door=request.user, **data),
        melding=lambda gewijzigd: (
            "De wijken van de activiteit zijn opgeslagen."
            if gewijzigd
            else "Er was niets gewijzigd: de wijken en de toelichting waren al zo opgeslagen."
        ),
    ):
        return redirect("participatie:wijken")
    return render(
        request,
        "participatie/betrokkenen_formulier.html",
        {
            "form": form,
            "titel": f"Wijken van {activiteit.naam}",
            "knop": "Wijken opslaan",
            "terug": (activiteit.get_absolute_url(), "Terug naar de activiteit"),
        },
    )
