"""Monitoring pages. Views check access (monitoring.permissions), call one selector or service, and render."""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import FileSystemStorage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from monitoring import export as exporteren
from monitoring import grafieken, selectors
from monitoring.forms import DoorvoerForm, ImportForm
from monitoring.importbestand import extensie
from monitoring.models import Import, Indicator
from monitoring.permissions import (
    mag_datagaten_zien,
    mag_exporteren,
    mag_financien_zien,
    mag_fitgap_zien,
    mag_importeren,
    mag_indicatoren_zien,
    mag_piramide_zien,
    vereist,
)
from monitoring.services import ImportGeweigerd, bestand_sha256, import_ongedaan_maken, metingen_importeren
from monitoring.weergave import verborgen

SESSIE_SLEUTEL = "monitoring_import"
MAX_FOUTEN_GETOOND = 200
MAX_VOORBEELDEN = 50


def _opslag() -> FileSystemStorage:
    """Uploaded files wait here between the dry run and the commit (and could be picked up by a job)."""
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / "imports")


@vereist(mag_indicatoren_zien)
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


@vereist(mag_indicatoren_zien)
def indicator_detail(request, code):
    try:
        detail = selectors.indicator_detail(code=code)
    except Indicator.DoesNotExist as exc:
        raise Http404("Deze indicator bestaat niet.") from exc
    figuur = grafieken.indicator_figuur(
        detail, lambda m: verborgen(m.waarde, detail.indicator.eenheid, request.user)
    )
    return render(request, "monitoring/indicator_detail.html", {"detail": detail, "figuur": figuur})


@vereist(mag_indicatoren_zien)
def indicator_geschiedenis(request, code):
    """Who changed which meting of this indicator, when, from which value to which: a page at a time."""
    indicator = get_object_or_404(Indicator, code=code)
    pagina = selectors.indicator_geschiedenis(
        indicator=indicator, user=request.user, pagina=request.GET.get("pagina")
    )
    return render(request, "monitoring/geschiedenis.html", {"indicator": indicator, "pagina": pagina})


@vereist(mag_datagaten_zien)
def datagaten(request):
    """Which figures each indicator still lacks, per year and kind, and whom to ask for them."""
    return render(request, "monitoring/datagaten.html", {"overzicht": selectors.datagaten()})


@vereist(mag_fitgap_zien)
def fitgap(request):
    return render(
        request,
        "monitoring/fitgap.html",
        {"overzicht": selectors.fitgap_overzicht(), "pijlers": selectors.pijlers_databedrevenheid()},
    )


@vereist(mag_piramide_zien)
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


@vereist(mag_financien_zien)
def financien(request):
    overzicht = selectors.financien_overzicht()
    figuur = grafieken.financien_figuur(overzicht) if overzicht else None
    return render(request, "monitoring/financien.html", {"financien": overzicht, "figuur": figuur})


@vereist(mag_importeren)
def import_view(request):
    """Upload → dry run with preview → commit (all valid rows, or explicitly only the valid ones)."""
    context = {
        "form": ImportForm(),
        "imports": Import.objects.select_related("gebruiker", "ongedaan_door")[:20],
    }
    if request.method == "POST" and "bestand" in request.FILES:
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["bestand"]
            sha = bestand_sha256(upload)
            opslag = _opslag()
            naam = f"{sha}{extensie(upload.name)}"
            if not opslag.exists(naam):
                opslag.save(naam, upload)
            upload.seek(0)
            resultaat = metingen_importeren(bestand=upload, bestandsnaam=upload.name, gebruiker=request.user)
            request.session[SESSIE_SLEUTEL] = {"bestand": naam, "bestandsnaam": upload.name, "sha256": sha}
            context.update(
                resultaat=resultaat,
                doorvoer_form=DoorvoerForm(),
                max_fouten=MAX_FOUTEN_GETOOND,
                max_voorbeelden=MAX_VOORBEELDEN,
            )
        return render(request, "monitoring/import.html", context)
    if request.method == "POST":
        return _doorvoeren(request)
    return render(request, "monitoring/import.html", context)


def _doorvoeren(request):
    klaar = request.session.get(SESSIE_SLEUTEL)
    opslag = _opslag()
    if not klaar or not opslag.exists(klaar["bestand"]):
        messages.error(request, "Er staat geen bestand klaar; upload het bestand opnieuw.")
        return redirect("monitoring:import")
    form = DoorvoerForm(request.POST)
    form.is_valid()
    with opslag.open(klaar["bestand"], "rb") as bestand:
        resultaat = metingen_importeren(
            bestand=bestand,
            bestandsnaam=klaar["bestandsnaam"],
            gebruiker=request.user,
            doorvoeren=True,
            alleen_geldige=form.cleaned_data.get("alleen_geldige", False),
        )
    if resultaat.bestandsfout:
        messages.error(request, resultaat.bestandsfout)
    for melding in resultaat.meldingen:
        (messages.success if resultaat.doorgevoerd else messages.error)(request, melding)
    if resultaat.doorgevoerd:
        opslag.delete(klaar["bestand"])
        del request.session[SESSIE_SLEUTEL]
    elif resultaat.analyse is not None:
        # Refused: the preview stays on screen and the stored file waits for the next choice (no new upload).
        context = {
            "form": ImportForm(),
            "imports": Import.objects.select_related("gebruiker", "ongedaan_door")[:20],
            "resultaat": resultaat,
            "doorvoer_form": form,
            "max_fouten": MAX_FOUTEN_GETOOND,
            "max_voorbeelden": MAX_VOORBEELDEN,
        }
        return render(request, "monitoring/import.html", context)
    return redirect("monitoring:import")


@require_POST
@vereist(mag_importeren)
def import_ongedaan_maken_view(request, pk):
    record = get_object_or_404(Import, pk=pk)
    try:
        import_ongedaan_maken(import_record=record, gebruiker=request.user)
    except ImportGeweigerd as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"De import van {record.bestandsnaam} is ongedaan gemaakt.")
    return redirect("monitoring:import")


@vereist(mag_exporteren)
def export(request):
    formaat = request.GET.get("formaat", "xlsx")
    if formaat == "csv":
        wat = "indicatoren" if request.GET.get("wat") == "indicatoren" else "metingen"
        antwoord = HttpResponse(
            "\ufeff" + exporteren.als_csv(request.user, wat), content_type="text/csv; charset=utf-8"
        )
        antwoord["Content-Disposition"] = f'attachment; filename="{wat}.csv"'
        return antwoord
    antwoord = HttpResponse(
        exporteren.als_xlsx(request.user),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    antwoord["Content-Disposition"] = 'attachment; filename="indicatoren-en-metingen.xlsx"'
    return antwoord
