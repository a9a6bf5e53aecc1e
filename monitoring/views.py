"""Monitoring pages. Views check access (monitoring.permissions), call one selector or service, and render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from kern.forms import formulier_verwerken
from kern.models import Achtergrondtaak, Taaksoort
from kern.permissions import alleen_edities, toegang_vereist
from kern.taken import AL_GESTART, taak_starten_eenmalig, taken_van
from monitoring import export as exporteren
from monitoring import grafieken, selectors, services, taken
from monitoring.forms import DoorvoerForm, FitgapForm, ImportForm, KoppelingenForm
from monitoring.models import Import, Indicator
from monitoring.permissions import (
    mag_datagaten_zien,
    mag_exporteren,
    mag_financien_zien,
    mag_fitgap_bewerken,
    mag_fitgap_eigenaar_kiezen,
    mag_fitgap_zien,
    mag_importeren,
    mag_indicatoren_zien,
    mag_koppelingen_wijzigen,
    mag_piramide_zien,
)
from monitoring.weergave import verborgen

SESSIE_SLEUTEL = "monitoring_import"
MAX_FOUTEN_GETOOND = 200
MAX_VOORBEELDEN = 50


@toegang_vereist(mag_indicatoren_zien)
def indicator_list(request):
    return render(
        request,
        "monitoring/indicator_list.html",
        {
            "doelgroepen": selectors.indicatoren_per_doel(),
            "zonder_activiteit": list(selectors.indicatoren_zonder_activiteit()),
            "mag_exporteren": mag_exporteren(request.user),
            "mag_importeren": mag_importeren(request.user),
            "mag_datagaten_zien": mag_datagaten_zien(request.user),
        },
    )


@toegang_vereist(mag_indicatoren_zien)
def indicator_detail(request, code):
    """An indicator's standing and figures per year; one year's metingen by place and kind, a page at a time."""
    try:
        detail = selectors.indicator_detail(
            code=code,
            jaar=request.GET.get("jaar"),
            plaats=request.GET.get("wijk", ""),
            soort=request.GET.get("soort", ""),
            pagina=request.GET.get("pagina"),
        )
    except Indicator.DoesNotExist as exc:
        raise Http404("Deze indicator bestaat niet.") from exc
    figuur = grafieken.indicator_figuur(
        detail, lambda m: verborgen(m.waarde, detail.indicator.eenheid, request.user)
    )
    return render(
        request,
        "monitoring/indicator_detail.html",
        {
            "detail": detail,
            "figuur": figuur,
            "mag_fitgap_bewerken": mag_fitgap_bewerken(request.user, detail.indicator),
            "mag_koppelingen_wijzigen": mag_koppelingen_wijzigen(request.user),
        },
    )


@toegang_vereist(mag_indicatoren_zien)
def indicator_geschiedenis(request, code):
    """Who changed which meting of this indicator, when, from which value to which: a page at a time."""
    indicator = get_object_or_404(Indicator, code=code)
    pagina = selectors.indicator_geschiedenis(
        indicator=indicator, user=request.user, pagina=request.GET.get("pagina")
    )
    return render(request, "monitoring/geschiedenis.html", {"indicator": indicator, "pagina": pagina})


@toegang_vereist(mag_datagaten_zien)
def datagaten(request):
    """Which figures each indicator still lacks, per year and kind, and whom to ask for them."""
    return render(request, "monitoring/datagaten.html", {"overzicht": selectors.datagaten()})


@toegang_vereist(mag_fitgap_zien)
def fitgap(request):
    overzicht = selectors.fitgap_overzicht()
    return render(
        request,
        "monitoring/fitgap.html",
        {
            "overzicht": overzicht,
            "pijlers": selectors.pijlers_databedrevenheid(),
            # The data team changes every row; an owner who may see this overview, the own rows.
            "bewerkbaar": {i.pk for i in overzicht.indicatoren if mag_fitgap_bewerken(request.user, i)},
        },
    )


@toegang_vereist(mag_indicatoren_zien)
def fitgap_bewerken(request, code):
    """Change one indicator's fit-gap in the application: the datakernteam, or the indicator's own owner."""
    indicator = get_object_or_404(Indicator.objects.select_related("doel", "fitgap_eigenaar"), code=code)
    if not mag_fitgap_bewerken(request.user, indicator):
        raise PermissionDenied
    eigenaar_kiezen = mag_fitgap_eigenaar_kiezen(request.user)
    form = FitgapForm(request.POST or None, indicator=indicator, eigenaar_kiezen=eigenaar_kiezen)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.fitgap_bijwerken(
            indicator=indicator, gebruiker=request.user, eigenaar_wijzigen=eigenaar_kiezen, **data
        ),
        melding=f"De fit-gap van indicator {indicator.code} is opgeslagen.",
    ):
        return redirect("monitoring:fitgap" if mag_fitgap_zien(request.user) else indicator)
    return render(request, "monitoring/fitgap_bewerken.html", {"indicator": indicator, "form": form})


@toegang_vereist(mag_koppelingen_wijzigen)
def indicator_koppelingen(request, code):
    """Choose the activities that should move this indicator (goal → activity → effect)."""
    indicator = get_object_or_404(Indicator.objects.select_related("doel"), code=code)
    form = KoppelingenForm(request.POST or None, indicator=indicator)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.activiteiten_koppelen(
            indicator=indicator, gebruiker=request.user, **data
        ),
        melding=f"De activiteiten bij indicator {indicator.code} zijn opgeslagen.",
    ):
        return redirect(indicator)
    return render(request, "monitoring/indicator_koppelingen.html", {"indicator": indicator, "form": form})


@alleen_edities
@require_safe
def informatiepiramide(request):
    """The informatiepiramide of §5.3 for every role and for inwoners: the plan's table and its own sentences,
    never live figures (so `@alleen_edities`), and a link to each level this viewer may open."""
    return render(
        request,
        "monitoring/informatiepiramide.html",
        {"piramide": selectors.informatiepiramide(request.user)},
    )


@toegang_vereist(mag_piramide_zien)
def transformatiepiramide(request):
    overzicht = selectors.piramide_overzicht()

    def aantal(n):
        return None if n is None or verborgen(n, "aantal", request.user) else n

    figuur = grafieken.piramide_figuur(overzicht, aantal) if overzicht.perioden else None
    rijen = [
        (laag, [overzicht.standen.get((p, laag.pk)) for p in overzicht.perioden]) for laag in overzicht.lagen
    ]
    return render(
        request,
        "monitoring/transformatiepiramide.html",
        {"overzicht": overzicht, "figuur": figuur, "rijen": rijen},
    )


@toegang_vereist(mag_financien_zien)
def financien(request):
    overzicht = selectors.financien_overzicht()
    figuur = grafieken.financien_figuur(overzicht) if overzicht else None
    return render(request, "monitoring/financien.html", {"financien": overzicht, "figuur": figuur})


IMPORT_TAKEN = (Taaksoort.IMPORT_CONTROLEREN, Taaksoort.IMPORT_DOORVOEREN, Taaksoort.IMPORT_ONGEDAAN_MAKEN)


def _import_context(request, **extra) -> dict:
    return {
        "form": ImportForm(),
        "imports": Import.objects.select_related("gebruiker", "ongedaan_door")[:20],
        # Running and recent jobs: the user can leave a long import and come back to it here.
        "taken": taken_van(request.user, soorten=IMPORT_TAKEN),
        **extra,
    }


@toegang_vereist(mag_importeren)
def import_view(request):
    """Upload → check (background job) → preview → commit (background job): all valid rows, or only the valid ones.

    The steps are monitoring.services' (the same the admin import uses); this view validates the forms, keeps the
    check job in the session and renders. The preview of a finished check is shown with ?taak=<id>.
    """
    if request.method == "POST":
        # The preview's button sends "doorvoeren"; any other POST is the upload form, which requires a file: a
        # click on "Controleren" without one never commits the file still waiting.
        if "doorvoeren" in request.POST and "bestand" not in request.FILES:
            return _doorvoeren(request)
        return _aanbieden(request)
    context = _import_context(request)
    controle = _eigen_controle(request, request.GET.get("taak"))
    if controle is not None:
        resultaat = taken.voorbeeld_lezen(controle)
        if resultaat is None:
            messages.error(request, "Dit voorbeeld is er niet meer; upload het bestand opnieuw.")
        else:
            request.session[SESSIE_SLEUTEL] = {"taak": controle.pk}
            context.update(
                resultaat=resultaat,
                doorvoer_form=DoorvoerForm(),
                max_fouten=MAX_FOUTEN_GETOOND,
                max_voorbeelden=MAX_VOORBEELDEN,
            )
    return render(request, "monitoring/import.html", context)


def _eigen_controle(request, taak_id) -> Achtergrondtaak | None:
    """The user's own check job with this id (from the address or the session), or None."""
    try:
        taak_id = int(taak_id)
    except (TypeError, ValueError):
        return None
    return Achtergrondtaak.objects.filter(
        pk=taak_id, gebruiker=request.user, soort=Taaksoort.IMPORT_CONTROLEREN
    ).first()


def _aanbieden(request):
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            taak = services.import_aanbieden(bestand=form.cleaned_data["bestand"], door=request.user)
        except ValidationError as exc:
            form.add_error("bestand", exc)
        else:
            request.session[SESSIE_SLEUTEL] = {"taak": taak.pk}
            return redirect("kern:taak", pk=taak.pk)
    return render(request, "monitoring/import.html", _import_context(request, form=form))


def _doorvoeren(request):
    controle = _eigen_controle(request, (request.session.get(SESSIE_SLEUTEL) or {}).get("taak"))
    form = DoorvoerForm(request.POST)
    if not form.is_valid():
        for fouten in form.errors.values():
            for fout in fouten:
                messages.error(request, fout)
        # Back to the preview the choice was made on (if there is one), to choose again; nothing started.
        terug = reverse("monitoring:import")
        return redirect(f"{terug}?taak={controle.pk}" if controle is not None else terug)
    try:
        taak = services.import_doorvoeren_starten(
            controle=controle, door=request.user, alleen_geldige=form.cleaned_data["alleen_geldige"]
        )
    except ValidationError as exc:
        for melding in exc.messages:
            messages.error(request, melding)
        return redirect("monitoring:import")
    return redirect("kern:taak", pk=taak.pk)


# The data team's import history: a page at a time, newest first.
IMPORTS_PER_PAGINA = 25


@require_GET
@toegang_vereist(mag_importeren)
def import_historie(request):
    """Every import with its counts and state; "Ongedaan maken" only where the service's undo rule allows it."""
    pagina = Paginator(
        Import.objects.select_related("gebruiker", "ongedaan_door"), IMPORTS_PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    laatste = services.laatste_van_kracht()
    rijen = [(imp, services.waarom_niet_ongedaan(imp, laatste=laatste)) for imp in pagina]
    return render(request, "monitoring/import_historie.html", {"pagina": pagina, "rijen": rijen})


@require_http_methods(["GET", "POST"])
@toegang_vereist(mag_importeren)
def import_ongedaan_maken_view(request, pk):
    """GET: what undo would take back, and a confirm button where allowed; POST: start the undo as a job.

    Where the undo rule refuses, the page says why and has no button; a direct POST gets the same reason (409).
    """
    record = get_object_or_404(Import.objects.select_related("gebruiker", "ongedaan_door"), pk=pk)
    if request.method == "GET":
        reden = services.waarom_niet_ongedaan(record)
    else:
        try:
            taak = services.import_ongedaan_maken_starten(import_record=record, door=request.user)
        except ValidationError as exc:
            reden = " ".join(exc.messages)
        else:
            return redirect("kern:taak", pk=taak.pk)
    status = 409 if request.method == "POST" else 200
    return render(
        request, "monitoring/import_ongedaan_maken.html", {"imp": record, "reden": reden}, status=status
    )


@toegang_vereist(mag_exporteren)
def export(request):
    """CSV streams at once; the XLSX is made by a background job (POST) and downloaded from its job page."""
    formaat = request.GET.get("formaat", "xlsx")
    if formaat == "csv":
        wat = "indicatoren" if request.GET.get("wat") == "indicatoren" else "metingen"
        antwoord = StreamingHttpResponse(
            exporteren.csv_regels(request.user, wat), content_type="text/csv; charset=utf-8"
        )
        antwoord["Content-Disposition"] = f'attachment; filename="{wat}.csv"'
        return antwoord
    if request.method == "POST":
        # One XLSX export per user at a time: a second click follows the first instead of taking a worker.
        taak, gestart = taak_starten_eenmalig(
            taak=taken.export_xlsx,
            soort=Taaksoort.EXPORT_XLSX,
            omschrijving="Export van indicatoren en metingen (Excel)",
            gebruiker=request.user,
        )
        if not gestart:
            messages.info(request, AL_GESTART)
        return redirect("kern:taak", pk=taak.pk)
    return render(
        request, "monitoring/export.html", {"taken": taken_van(request.user, soorten=[Taaksoort.EXPORT_XLSX])}
    )
