"""
The programme's pages, one per level of the informatiepiramide, and the trekker's forms.

Views check access (accounts.permissions for levels, actielijnen.permissions for objects), call one
selector or service, and render. A trekker who may read an activity but not change it gets the Dutch 403,
also when posting a form directly.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from accounts.permissions import mag_uitvoering_openen
from actielijnen import besluiten as besluiten_selectors
from actielijnen import selectors, services, signalen
from actielijnen.constants import AkkoordRol, OpdrachtbeschrijvingStatus, PlanningswijzigingStatus
from actielijnen.forms import (
    AkkoordForm,
    JaarsamenvattingForm,
    MijlpaalForm,
    OpdrachtbeschrijvingForm,
    PlanningswijzigingForm,
    PlanningVastleggenForm,
    RisicoForm,
    RisicoWijzigenForm,
    VoortgangsrapportageForm,
)
from actielijnen.models import (
    Activiteit,
    Mijlpaal,
    Opdrachtbeschrijving,
    Planningswijziging,
    Risico,
)
from actielijnen.permissions import (
    akkoord_rollen,
    mag_bewerken,
    mag_opdrachtbeschrijving_bewerken,
    mag_opdrachtbeschrijving_vaststellen,
    mag_planning_vastleggen,
)
from bronnen.selectors import notities_van
from kern.forms import formulier_verwerken
from kern.permissions import toegang_vereist


def _bewerkbare_activiteit(request, sleutel: str) -> Activiteit:
    """The activity, if the user may see it (else 404) and change it (else the Dutch 403)."""
    activiteit = get_object_or_404(Activiteit.objects.visible_to(request.user), sleutel=sleutel)
    if not mag_bewerken(request.user, activiteit):
        raise PermissionDenied
    return activiteit


# --- Uitvoering -------------------------------------------------------------------------------------------


@toegang_vereist(mag_uitvoering_openen)
def uitvoering(request):
    """Mijn activiteiten: the trekker's start page, with what is due and the decisions waiting."""
    return render(
        request,
        "actielijnen/uitvoering.html",
        {
            "mijn": selectors.mijn_activiteiten(request.user),
            "vandaag": timezone.localdate(),
            # The opdrachtgever lands here: what waits for their decision is the first thing they see.
            "besluiten": besluiten_selectors.besluiten_voor(request.user),
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def activiteit_detail(request, sleutel):
    try:
        activiteit, stand = selectors.activiteit_detail(
            sleutel=sleutel,
            queryset=Activiteit.objects.visible_to(request.user),
            pagina=request.GET.get("pagina"),
        )
    except Activiteit.DoesNotExist as exc:
        raise Http404 from exc
    opdracht = getattr(activiteit, "opdrachtbeschrijving", None)
    return render(
        request,
        "actielijnen/activiteit_detail.html",
        {
            "activiteit": activiteit,
            "stand": stand,
            "vandaag": timezone.localdate(),
            "opdracht": opdracht,
            "mag_bewerken": mag_bewerken(request.user, activiteit),
            "mag_opdracht_bewerken": opdracht is not None
            and mag_opdrachtbeschrijving_bewerken(request.user, opdracht),
            "mag_vaststellen": opdracht is not None
            and mag_opdrachtbeschrijving_vaststellen(request.user, opdracht),
            "akkoord_rollen": akkoord_rollen(request.user, activiteit),
            "mag_planning_vastleggen": mag_planning_vastleggen(request.user, activiteit),
            "signalen": signalen.signalen_van(activiteit.pk, timezone.localdate()),
            "koppelingen": signalen.koppelingen(activiteit, request.user),
            "laatste_wijzigingen": selectors.activiteit_geschiedenis(
                activiteit=activiteit, user=request.user, per_pagina=5
            ),
            # The sources' notes on this activity and on its actielijn (its name, its layer): one query.
            "notities": notities_van([activiteit, activiteit.actielijn]).alle,
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def activiteit_geschiedenis(request, sleutel):
    """Who changed what and when on this activity and what belongs to it: for everyone who may see it."""
    activiteit = get_object_or_404(Activiteit.objects.visible_to(request.user), sleutel=sleutel)
    pagina = selectors.activiteit_geschiedenis(
        activiteit=activiteit, user=request.user, pagina=request.GET.get("pagina")
    )
    return render(request, "actielijnen/geschiedenis.html", {"activiteit": activiteit, "pagina": pagina})


@toegang_vereist(mag_uitvoering_openen)
def voortgang_create(request, sleutel):
    activiteit = _bewerkbare_activiteit(request, sleutel)
    form = VoortgangsrapportageForm(request.POST or None, activiteit=activiteit)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.voortgangsrapportage_create(
            activiteit=activiteit, auteur=request.user, **data
        ),
        melding="De voortgang is opgeslagen.",
    ):
        return redirect(activiteit)
    return render(request, "actielijnen/voortgang_form.html", {"activiteit": activiteit, "form": form})


@toegang_vereist(mag_uitvoering_openen)
def mijlpaal_form(request, sleutel, pk=None):
    activiteit = _bewerkbare_activiteit(request, sleutel)
    mijlpaal = get_object_or_404(Mijlpaal, pk=pk, activiteit=activiteit) if pk else None
    form = MijlpaalForm(request.POST or None, instance=mijlpaal)

    def opslaan(data):
        if mijlpaal:
            return services.mijlpaal_update(mijlpaal=mijlpaal, door=request.user, **data)
        return services.mijlpaal_create(
            activiteit=activiteit,
            door=request.user,
            omschrijving=data["omschrijving"],
            datum_gepland=data["datum_gepland"],
        )

    if formulier_verwerken(request, form, actie=opslaan, melding="De mijlpaal is opgeslagen."):
        return redirect(activiteit)
    return render(
        request,
        "actielijnen/formulier.html",
        {
            "activiteit": activiteit,
            "form": form,
            "titel": "Mijlpaal wijzigen" if mijlpaal else "Mijlpaal toevoegen",
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def risico_create(request, sleutel):
    activiteit = _bewerkbare_activiteit(request, sleutel)
    form = RisicoForm(request.POST or None)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.risico_create(activiteit=activiteit, auteur=request.user, **data),
        melding="Het risico is vastgelegd.",
    ):
        return redirect(activiteit)
    return render(
        request,
        "actielijnen/formulier.html",
        {"activiteit": activiteit, "form": form, "titel": "Risico toevoegen"},
    )


@toegang_vereist(mag_uitvoering_openen)
def risico_update(request, sleutel, pk):
    activiteit = _bewerkbare_activiteit(request, sleutel)
    risico = get_object_or_404(Risico, pk=pk, activiteit=activiteit)
    form = RisicoWijzigenForm(
        request.POST or None,
        risico=risico,
        initial={
            "omschrijving": risico.omschrijving,
            "kans": risico.kans,
            "impact": risico.impact,
            "beheersmaatregel": risico.beheersmaatregel,
            "status": risico.status,
        },
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.risico_update(risico=risico, auteur=request.user, **data),
        melding="Het risico is bijgewerkt.",
    ):
        return redirect(activiteit)
    return render(
        request,
        "actielijnen/formulier.html",
        # `herkomst`: the risk, so the heading marks one the demo invented (kern/herkomst.py).
        {"activiteit": activiteit, "form": form, "titel": "Risico wijzigen", "herkomst": risico},
    )


@toegang_vereist(mag_uitvoering_openen)
def planningswijziging_create(request, sleutel):
    activiteit = _bewerkbare_activiteit(request, sleutel)
    form = PlanningswijzigingForm(request.POST or None)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.planningswijziging_indienen(
            activiteit=activiteit, aangevraagd_door=request.user, **data
        ),
        melding="De planningswijziging is ingediend. Zij gaat in zodra opdrachtgever, opdrachtnemer en "
        "opgavecoördinator akkoord zijn.",
    ):
        return redirect(activiteit)
    return render(
        request,
        "actielijnen/formulier.html",
        {"activiteit": activiteit, "form": form, "titel": "Planningswijziging aanvragen"},
    )


@toegang_vereist(mag_uitvoering_openen)
def planning_vastleggen(request, sleutel):
    """The first planning of an activity: set directly by its opdrachtgever (or the datakernteam), once."""
    activiteit = get_object_or_404(Activiteit.objects.visible_to(request.user), sleutel=sleutel)
    if not mag_planning_vastleggen(request.user, activiteit):
        raise PermissionDenied
    compleet = bool(activiteit.geplande_start and activiteit.gepland_einde)
    form = PlanningVastleggenForm(request.POST or None, activiteit=activiteit)
    if not compleet and formulier_verwerken(
        request,
        form,
        actie=lambda data: services.planning_vastleggen(
            activiteit=activiteit, gebruiker=request.user, **data
        ),
        melding="De planning is vastgelegd.",
    ):
        return redirect(activiteit)
    return render(
        request,
        "actielijnen/planning_vastleggen.html",
        {"activiteit": activiteit, "form": form, "compleet": compleet},
    )


@toegang_vereist(mag_uitvoering_openen)
def planningswijziging_akkoord(request, pk):
    """One §2.2 role's decision on a planning change. Who holds none of its roles gets the Dutch 403; once it is
    decided, or this person decided in every role they hold, the page says so, with who decided what and when
    (as the other decision pages do), instead of a form."""
    wijziging = get_object_or_404(
        Planningswijziging.objects.select_related("activiteit").filter(
            activiteit__in=Activiteit.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    eigen_rollen = akkoord_rollen(request.user, wijziging.activiteit)
    if not eigen_rollen:
        raise PermissionDenied
    besluiten = list(wijziging.akkoorden.select_related("gebruiker").order_by("datum", "pk"))
    rollen = [r for r in eigen_rollen if r not in {b.rol for b in besluiten}]
    form = None
    if wijziging.status == PlanningswijzigingStatus.INGEDIEND and rollen:
        form = AkkoordForm(request.POST or None, rollen=rollen)
        if formulier_verwerken(
            request,
            form,
            actie=lambda data: services.planningswijziging_akkoord_geven(
                planningswijziging=wijziging, gebruiker=request.user, **data
            ),
            melding=lambda besloten: f"Uw besluit is vastgelegd. Status: {besloten.get_status_display()}.",
        ):
            return redirect(wijziging.activiteit)
    return render(
        request,
        "actielijnen/akkoord_form.html",
        {
            "activiteit": wijziging.activiteit,
            "wijziging": wijziging,
            "form": form,
            "besluiten": besluiten,
            "open": wijziging.status == PlanningswijzigingStatus.INGEDIEND,
            "wacht_op": [AkkoordRol(r).label for r in wijziging.ontbrekende_akkoorden(besluiten)],
        },
    )


@toegang_vereist(mag_uitvoering_openen)
def opdrachtbeschrijving_update(request, sleutel):
    activiteit = get_object_or_404(Activiteit.objects.visible_to(request.user), sleutel=sleutel)
    opdracht = get_object_or_404(Opdrachtbeschrijving, activiteit=activiteit)
    if not mag_opdrachtbeschrijving_bewerken(request.user, opdracht):
        raise PermissionDenied
    form = OpdrachtbeschrijvingForm(request.POST or None, instance=opdracht)

    def opslaan(data):
        # One transaction (see _formulier_verwerken): offering it for approval never half-saves the text.
        services.opdrachtbeschrijving_bijwerken(opdrachtbeschrijving=opdracht, door=request.user, **data)
        if "ter_goedkeuring" in request.POST:
            services.opdrachtbeschrijving_ter_goedkeuring(opdrachtbeschrijving=opdracht, door=request.user)

    if formulier_verwerken(request, form, actie=opslaan, melding="De opdrachtbeschrijving is opgeslagen."):
        return redirect(activiteit)
    return render(
        request, "actielijnen/opdrachtbeschrijving_form.html", {"activiteit": activiteit, "form": form}
    )


def _al_vastgesteld(opdracht) -> str:
    tekst = "Over deze opdrachtbeschrijving is al besloten: zij is vastgesteld"
    if opdracht.vastgesteld_door_id:
        tekst += f" door {opdracht.vastgesteld_door.weergavenaam()}"
    if opdracht.vastgesteld_op:
        tekst += f" op {date_format(timezone.localtime(opdracht.vastgesteld_op), 'j F Y')}"
    return tekst + "."


@require_POST
@toegang_vereist(mag_uitvoering_openen)
def opdrachtbeschrijving_vaststellen(request, sleutel):
    activiteit = get_object_or_404(Activiteit.objects.visible_to(request.user), sleutel=sleutel)
    opdracht = get_object_or_404(Opdrachtbeschrijving, activiteit=activiteit)
    if not mag_opdrachtbeschrijving_vaststellen(request.user, opdracht):
        raise PermissionDenied
    if opdracht.status == OpdrachtbeschrijvingStatus.VASTGESTELD:  # a second click: say who decided, and when
        messages.info(request, _al_vastgesteld(opdracht))
        return redirect(activiteit)
    akkoord = request.POST.get("besluit") == "vaststellen"
    try:
        services.opdrachtbeschrijving_vaststellen(
            opdrachtbeschrijving=opdracht, gebruiker=request.user, akkoord=akkoord
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            "De opdrachtbeschrijving is vastgesteld."
            if akkoord
            else "De opdrachtbeschrijving gaat terug naar de trekker.",
        )
    return redirect(activiteit)


@toegang_vereist(mag_uitvoering_openen)
def jaarsamenvatting_form(request, sleutel):
    activiteit = _bewerkbare_activiteit(request, sleutel)
    form = JaarsamenvattingForm(
        request.POST or None, initial={"jaar": timezone.localdate().year}, activiteit=activiteit
    )
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.jaarsamenvatting_opslaan(
            activiteit=activiteit, auteur=request.user, **data
        ),
        melding="De jaarsamenvatting is opgeslagen.",
    ):
        return redirect(activiteit)
    return render(
        request,
        "actielijnen/formulier.html",
        {"activiteit": activiteit, "form": form, "titel": "Jaarsamenvatting schrijven"},
    )
