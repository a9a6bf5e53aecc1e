"""
The pages of participation steps I, II and IV (§4.1): the overview of all activities, one activity's steps, the
trekker's forms, the opdrachtgever's decisions and the evaluations.

Views check who may (participatie/permissions.py), call one service or selector (participatie/services/stappen.py,
participatie/selectors/stappen.py) and render. Who may not gets the Dutch 403, also on a direct POST; anonymous
users go to the login page.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from actielijnen.besluitvorming import Uitkomst
from actielijnen.models import Activiteit
from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist
from participatie.constants import PER_PAGINA
from participatie.forms.stappen import AdviesForm, BesluitForm, EvaluatieForm, PlanForm
from participatie.models import Participatieadvies, Participatieplan
from participatie.permissions import (
    mag_beslissen,
    mag_geheel_evalueren,
    mag_lezen,
    mag_onderdeel_openen,
    mag_voor_activiteit_schrijven,
)
from participatie.selectors import stappen as selectors
from participatie.services import stappen as services


def _activiteit(request, sleutel: str) -> Activiteit:
    return get_object_or_404(Activiteit.objects.visible_to(request.user).met_relaties(), sleutel=sleutel)


def _schrijfbare_activiteit(request, sleutel: str, permissie: str) -> Activiteit:
    """The activity, if this user is its trekker (or the datakernteam) with `permissie`; else the Dutch 403."""
    activiteit = _activiteit(request, sleutel)
    if not mag_voor_activiteit_schrijven(request.user, activiteit, permissie):
        raise PermissionDenied
    return activiteit


def _terug(activiteit) -> str:
    return reverse("participatie:activiteit", kwargs={"sleutel": activiteit.sleutel})


# The other pages of participatie, shown on the overview to who may open them (mag_onderdeel_openen).
ONDERDELEN = (
    ("Stakeholders", "participatie:stakeholders"),
    ("Participatietrajecten", "participatie:trajecten"),
    ("Wat is er met de inbreng gedaan", "participatie:inbreng_overzicht"),
    ("Programma per wijk", "participatie:wijken"),
    ("Tussentijdse evaluaties", "participatie:evaluaties"),
    ("Inkoop (zakelijk partnerschap)", "participatie:inkoop"),
    ("Communicatie", "participatie:communicatie"),
)


@require_safe
@toegang_vereist(mag_lezen)
def overzicht(request):
    """Per activity on the agenda 2023 the state of steps I–IV, and the links to the rest of participatie."""
    return render(
        request,
        "participatie/stappen_overzicht.html",
        {
            "rijen": selectors.overzicht(request.user),
            "onderdelen": [
                (label, reverse(naam))
                for label, naam in ONDERDELEN
                if mag_onderdeel_openen(request.user, naam)
            ],
        },
    )


@require_safe
@toegang_vereist(mag_lezen)
def activiteit(request, sleutel):
    """Steps I–IV of one activity, what this user may do next and the history of every step."""
    try:
        stand, adviezen, plannen, trajecten, evaluaties = selectors.stappen_van(request.user, sleutel)
    except Activiteit.DoesNotExist:
        raise Http404("Deze activiteit bestaat niet.") from None
    act = stand.activiteit
    return render(
        request,
        "participatie/stappen_activiteit.html",
        {
            "activiteit": act,
            "stand": stand,
            "adviezen": adviezen,
            "plannen": plannen,
            "trajecten": trajecten,
            "evaluaties": evaluaties,
            "mag_advies": mag_voor_activiteit_schrijven(
                request.user, act, "participatie.add_participatieadvies"
            ),
            "mag_plan": mag_voor_activiteit_schrijven(request.user, act, "participatie.add_participatieplan"),
            "mag_evalueren": mag_voor_activiteit_schrijven(request.user, act, "participatie.add_evaluatie"),
            "mag_traject": mag_voor_activiteit_schrijven(
                request.user, act, "participatie.add_participatietraject"
            ),
            "mag_beslissen": mag_beslissen(request.user, act),
            "open": Uitkomst.OPEN,
            "geschiedenis": selectors.stappengeschiedenis(act, request.GET.get("pagina", 1)),
        },
    )


def _formulier(request, activiteit, form, titel, knop, uitleg="", voorstel=None):
    return render(
        request,
        "participatie/stappen_formulier.html",
        {
            "activiteit": activiteit,
            "form": form,
            "titel": titel,
            "knop": knop,
            "uitleg": uitleg,
            "voorstel": voorstel,
        },
    )


@toegang_vereist(mag_lezen)
def advies_indienen(request, sleutel):
    """Step I: the trekker submits the two checks and the participatie-advies."""
    act = _schrijfbare_activiteit(request, sleutel, "participatie.add_participatieadvies")
    form = AdviesForm(request.POST or None)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.advies_indienen(activiteit=act, gebruiker=request.user, **data),
        melding="Het participatie-advies is ingediend. De opdrachtgever beslist erover.",
    ):
        return redirect(_terug(act))
    return _formulier(
        request,
        act,
        form,
        "Participatie-advies (stap I)",
        "Advies indienen",
        "Werk de twee checks uit en geef op basis daarvan uw advies: pakken we deze activiteit wel of niet via "
        "participatie op? De opdrachtgever neemt hierover een besluit.",
    )


def _beslissen(request, voorstel, service, soort: str, titel: str):
    act = voorstel.activiteit
    if not mag_beslissen(request.user, act):
        raise PermissionDenied
    form = BesluitForm(request.POST or None)
    besluit = None
    if voorstel.status != Uitkomst.OPEN:  # decided: say by whom and when, as the other decision pages do
        form = None
        besluit = voorstel.besluiten.select_related("gebruiker").order_by("-datum", "-pk").first()
    elif formulier_verwerken(
        request,
        form,
        actie=lambda data: service(voorstel, gebruiker=request.user, **data),
        melding=lambda besloten: (
            f"Uw besluit over het {soort} is vastgelegd: {besloten.get_status_display().lower()}."
        ),
    ):
        return redirect(_terug(act))
    return render(
        request,
        "participatie/stappen_besluit.html",
        {
            "activiteit": act,
            "voorstel": voorstel,
            "form": form,
            "besluit": besluit,
            "titel": titel,
            "soort": soort,
        },
    )


def _voorstel(request, model, pk):
    return get_object_or_404(
        model.objects.select_related("activiteit", "opgesteld_door").filter(
            activiteit__in=Activiteit.objects.visible_to(request.user)
        ),
        pk=pk,
    )


@toegang_vereist(mag_lezen)
def advies_besluiten(request, pk):
    """The activity's opdrachtgever decides on the participatie-advies; nobody else may (403)."""
    advies = _voorstel(request, Participatieadvies, pk)
    return _beslissen(
        request,
        advies,
        lambda v, **kw: services.advies_besluiten(advies=v, **kw),
        "participatie-advies",
        "Besluit over het participatie-advies (stap I)",
    )


@toegang_vereist(mag_lezen)
def plan_indienen(request, sleutel):
    """Step II: the plan van aanpak, once the opdrachtgever agreed that participation is worthwhile."""
    act = _schrijfbare_activiteit(request, sleutel, "participatie.add_participatieplan")
    form = PlanForm(request.POST or None)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.plan_indienen(activiteit=act, gebruiker=request.user, **data),
        melding="Het plan van aanpak is ingediend. De opdrachtgever beslist erover.",
    ):
        return redirect(_terug(act))
    return _formulier(
        request,
        act,
        form,
        "Plan van aanpak participatie (stap II)",
        "Plan indienen",
        "Het plan van aanpak is onderdeel van de opdrachtbeschrijving en gaat voor akkoord naar de opdrachtgever.",
    )


@toegang_vereist(mag_lezen)
def plan_besluiten(request, pk):
    """The activity's opdrachtgever decides on the plan van aanpak; nobody else may (403)."""
    plan = _voorstel(request, Participatieplan, pk)
    return _beslissen(
        request,
        plan,
        lambda v, **kw: services.plan_besluiten(plan=v, **kw),
        "plan van aanpak",
        "Besluit over het plan van aanpak (stap II)",
    )


@toegang_vereist(mag_lezen)
def evaluatie_toevoegen(request, sleutel):
    """Step IV for one activity: its trekker records an interim evaluation."""
    act = _schrijfbare_activiteit(request, sleutel, "participatie.add_evaluatie")
    form = EvaluatieForm(request.POST or None)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.evaluatie_toevoegen(activiteit=act, gebruiker=request.user, **data),
        melding="De evaluatie is opgeslagen.",
    ):
        return redirect(_terug(act))
    return _formulier(
        request,
        act,
        form,
        "Tussentijdse evaluatie (stap IV)",
        "Evaluatie opslaan",
        "Houd tussentijds de vinger aan de pols: wat ziet u, en wat verandert er aan de aanpak?",
    )


@toegang_vereist(mag_lezen, mag_geheel_evalueren)
def evaluatie_geheel_toevoegen(request):
    """Step IV for the whole programme: opgavecoördinator, manager or datakernteam."""
    form = EvaluatieForm(request.POST or None)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.evaluatie_toevoegen(activiteit=None, gebruiker=request.user, **data),
        melding="De evaluatie is opgeslagen.",
    ):
        return redirect("participatie:evaluaties")
    return _formulier(
        request,
        None,
        form,
        "Tussentijdse evaluatie van het geheel (stap IV)",
        "Evaluatie opslaan",
        "Een evaluatie van de participatie in het hele programma.",
    )


@require_safe
@toegang_vereist(mag_lezen)
def evaluaties(request):
    """The interim evaluations, of one activity (?activiteit=<sleutel>), of the whole (?activiteit=geheel) or
    all, 25 per page."""
    keuze = request.GET.get("activiteit", "")
    act = None
    if keuze and keuze != "geheel":
        act = _activiteit(request, keuze)
    pagina = Paginator(selectors.evaluaties(act, geheel=keuze == "geheel"), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "participatie/stappen_evaluaties.html",
        {
            "pagina": pagina,
            "activiteit": act,
            "keuze": keuze,
            "mag_geheel": mag_geheel_evalueren(request.user),
        },
    )
