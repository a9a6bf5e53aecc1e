"""
The outcome pages of the informatiepiramide and the raad's editions.

College (live, `view_actueel`), raad and Inwoners (published editions only), the editions themselves with
their workflow and downloads, the comparison of two editions, and the griffie's motie register. Views that
raad, griffie or the public may open carry `@alleen_edities` (rapportage/editiegrens.py): they read stored
editions, the plan's text or the motie register, never live figures.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import mag_college_openen, mag_management_openen, mag_raad_openen
from accounts.selectors import monitoring_links
from actielijnen import grafieken as live_grafieken
from actielijnen import selectors as programma
from kern.forms import formulier_verwerken
from kern.models import Achtergrondtaak
from kern.permissions import mag_taak_zien, toegang_vereist
from kern.taken import AL_GESTART
from monitoring.selectors import financien_samenvatting, indicatoren_met_stand
from participatie.selectors.communicatie import communicatieafspraken
from rapportage import export_csv, inwonerstekst, selectors, services, taken
from rapportage import open_data as open_data_lezen
from rapportage.constants import Exportsoort, RapportageStatus
from rapportage.editiegrens import alleen_edities
from rapportage.forms import MotieForm, RapportageForm, VergelijkForm
from rapportage.models import Motie, Rapportage
from rapportage.momentopname import CLIENTERVARING_DOEL
from rapportage.permissions import (
    mag_concept_bewerken,
    mag_editie_openen,
    mag_edities_lezen,
    mag_moties_registreren,
    mag_moties_zien,
    mag_vaststellen,
)
from rapportage.vergelijking import vergelijk
from rapportage.weergave import editie_weergave


def _editie_context(request, rapportage: Rapportage) -> dict:
    """What every page that shows an edition renders: only the edition's own fields and its view-model (its
    snapshot as shown to this user, rapportage/weergave/)."""
    return {
        "rapportage": rapportage,
        "weergave": editie_weergave(rapportage, request.user),
        "csv_tabellen": export_csv.TABELLEN,
    }


def _te_openen(request, pk) -> Rapportage:
    rapportage = get_object_or_404(Rapportage.objects.select_related("vervangt", "vervangen_door"), pk=pk)
    if not mag_editie_openen(request.user, rapportage):
        # Concepts do not exist for the raad: 404, not 403, so their existence does not leak.
        raise Http404
    return rapportage


# --- College (live) ---------------------------------------------------------------------------------------


def _uitkomsten() -> dict:
    """The outcome picture the college sees today, from the same selectors as every level."""
    voortgang, totaal = programma.voortgang_per_actielijn()
    standen = indicatoren_met_stand()
    return {
        "voortgang": voortgang,
        "totaal": totaal,
        "voortgang_grafiek": live_grafieken.voortgang_per_actielijn(voortgang),
        "indicatoren": [s for s in standen if not s.indicator.doel.code.startswith(CLIENTERVARING_DOEL)],
        "clientervaring": [s for s in standen if s.indicator.doel.code.startswith(CLIENTERVARING_DOEL)],
        "partnertevredenheid": [s for s in standen if "partner" in s.indicator.naam.lower()],
        "financien": financien_samenvatting(),
        "risicowijzigingen": programma.risicowijzigingen(),
    }


@toegang_vereist(mag_college_openen)
def college(request):
    return render(
        request,
        "rapportage/college.html",
        {
            **_uitkomsten(),
            "top_risicos": programma.top_risicos(),
            "te_besluiten": selectors.edities_voor(request.user).filter(
                status__in=(RapportageStatus.CONCEPT, RapportageStatus.VASTGESTELD)
            ),
            "laatste_gepubliceerd": selectors.laatste_gepubliceerde(),
            "monitoring_links": monitoring_links(request.user),
            "communicatie": communicatieafspraken(),
        },
    )


# --- Raad and the public (published editions only) ----------------------------------------------------------


@alleen_edities
@toegang_vereist(mag_raad_openen)
def raad(request):
    """The raad's start: the newest published edition in full, and every published edition."""
    laatste = selectors.laatste_gepubliceerde()
    context = {
        "edities": selectors.gepubliceerde_edities().defer("inhoud"),
        "mag_moties_registreren": mag_moties_registreren(request.user),
    }
    if laatste is not None:
        context.update(_editie_context(request, laatste))
    return render(request, "rapportage/raad.html", context)


@alleen_edities
def inwoners(request):
    """The plan in plain language (B1) for everyone, with the figures of the latest published edition only."""
    laatste = selectors.laatste_gepubliceerde()
    context = {"rapportage": laatste, "tekst": inwonerstekst}
    if laatste is not None:
        context.update(selectors.inwonersbeeld(laatste))
    return render(request, "rapportage/inwoners.html", context)


@alleen_edities
@require_safe
def open_data(request):
    """Open data for anyone: every indicator series of the latest published edition, and of the older ones."""
    edities = list(selectors.gepubliceerde_edities().order_by("-peildatum", "-gepubliceerd_op", "-pk"))
    laatste = open_data_lezen.gepubliceerde_editie()
    return render(
        request,
        "rapportage/open_data.html",
        {
            "laatste": laatste,
            "reeksen": open_data_lezen.reeksen(laatste) if laatste else [],
            "oudere": [
                (e, open_data_lezen.reeksen(e)) for e in edities if laatste is None or e.pk != laatste.pk
            ],
            "licentie": open_data_lezen.LICENTIE,
            "licentie_url": open_data_lezen.LICENTIE_URL,
        },
    )


@alleen_edities
@require_safe
def open_data_reeks(request, code, formaat):
    """One indicator series as CSV or JSON, from a published edition's snapshot (`?editie=<id>` for an older one)."""
    if formaat not in open_data_lezen.FORMATEN:
        raise Http404("Dit bestandsformaat bestaat niet. Kies csv of json.")
    editie_pk = request.GET.get("editie")
    if editie_pk is not None and not editie_pk.isdigit():
        raise Http404("Deze rapportage bestaat niet of is niet gepubliceerd.")
    rapportage = open_data_lezen.gepubliceerde_editie(int(editie_pk) if editie_pk else None)
    if rapportage is None:
        raise Http404("Deze rapportage bestaat niet of is niet gepubliceerd.")
    gegevens = open_data_lezen.reeks(rapportage, code)
    if gegevens is None:
        raise Http404("Deze indicator staat niet in de gepubliceerde rapportage.")
    naam = open_data_lezen.bestandsnaam(gegevens, code, formaat)
    if formaat == "json":
        antwoord = HttpResponse(
            open_data_lezen.als_json(gegevens), content_type="application/json; charset=utf-8"
        )
    else:
        antwoord = HttpResponse(open_data_lezen.als_csv(gegevens), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'inline; filename="{naam}"'
    # Open data may be fetched from other sites' scripts; it is public and read-only.
    antwoord["Access-Control-Allow-Origin"] = "*"
    return antwoord


# --- Editions -----------------------------------------------------------------------------------------------


@alleen_edities
def editie_lijst(request):
    if not mag_edities_lezen(request.user):
        raise PermissionDenied
    return render(
        request,
        "rapportage/editie_lijst.html",
        {
            "edities": selectors.edities_voor(request.user),
            "mag_aanmaken": mag_concept_bewerken(request.user),
        },
    )


@alleen_edities
def editie(request, pk):
    if not mag_edities_lezen(request.user):
        raise PermissionDenied
    rapportage = _te_openen(request, pk)
    # Only a set edition can be being published: other editions cost no extra query.
    publicatie = (
        taken.lopende_publicatie(rapportage) if rapportage.status == RapportageStatus.VASTGESTELD else None
    )
    return render(
        request,
        "rapportage/editie.html",
        {
            **_editie_context(request, rapportage),
            "publicatie": publicatie,
            "publicatie_volgen": publicatie is not None and mag_taak_zien(request.user, publicatie),
            "overgangen": rapportage.statusovergangen.select_related("door"),
            "mag_bewerken": rapportage.is_concept and mag_concept_bewerken(request.user),
            "mag_vaststellen": rapportage.status == RapportageStatus.CONCEPT
            and mag_vaststellen(request.user),
            "mag_publiceren": rapportage.status == RapportageStatus.VASTGESTELD
            and publicatie is None
            and mag_vaststellen(request.user),
            "mag_corrigeren": rapportage.status == RapportageStatus.GEPUBLICEERD
            and mag_concept_bewerken(request.user)
            and not hasattr(rapportage, "vervangen_door"),
        },
    )


@toegang_vereist(mag_management_openen)
def editie_nieuw(request):
    if not mag_concept_bewerken(request.user):
        raise PermissionDenied
    form = RapportageForm(request.POST or None)
    resultaat = {}

    def aanmaken(data):
        resultaat["rapportage"] = services.rapportage_aanmaken(door=request.user, **form.service_data())

    if formulier_verwerken(
        request,
        form,
        actie=aanmaken,
        melding="De conceptrapportage is gemaakt, met de cijfers op de peildatum.",
    ):
        return redirect(resultaat["rapportage"])
    return render(
        request, "rapportage/editie_form.html", {"form": form, "titel": "Nieuwe rapportage aan de raad"}
    )


@toegang_vereist(mag_management_openen)
def editie_bewerken(request, pk):
    rapportage = get_object_or_404(Rapportage, pk=pk)
    if not (rapportage.is_concept and mag_concept_bewerken(request.user)):
        raise PermissionDenied
    form = RapportageForm(request.POST or None, rapportage=rapportage)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.concept_bijwerken(
            rapportage=rapportage,
            door=request.user,
            cijfers_vernieuwen=data.get("cijfers_vernieuwen", False),
            **form.service_data(),
        ),
        melding="Het concept is opgeslagen.",
    ):
        return redirect(rapportage)
    return render(
        request,
        "rapportage/editie_form.html",
        {"form": form, "rapportage": rapportage, "titel": f"Concept bewerken: {rapportage.titel}"},
    )


# action → (service, success message)
ACTIES = {
    "vaststellen": (services.vaststellen, "Het college heeft de rapportage vastgesteld."),
    "terug-naar-concept": (services.terug_naar_concept, "De rapportage is terug naar concept."),
    # Publishing makes the PDF and XLSX, which takes seconds: a background job, followed on its job page.
    "publiceren": (
        taken.publicatie_starten,
        "Het publiceren is gestart. Zodra de PDF en het Excel-bestand klaar zijn, is de rapportage gepubliceerd.",
    ),
    "corrigeren": (
        services.correctie_maken,
        "Er is een correctie gemaakt: een nieuw concept dat de gepubliceerde versie vervangt zodra het is gepubliceerd.",
    ),
    "verwijderen": (services.concept_verwijderen, "Het concept is verwijderd."),
}


@require_POST
@toegang_vereist(mag_college_openen)
def editie_actie(request, pk, actie):
    if actie not in ACTIES:
        raise Http404
    rapportage = get_object_or_404(Rapportage, pk=pk)
    service, melding = ACTIES[actie]
    if (
        actie == "terug-naar-concept"
        and mag_vaststellen(request.user)
        and taken.lopende_publicatie(rapportage)
    ):
        messages.error(
            request, "De rapportage wordt op dit moment gepubliceerd; ze kan niet terug naar concept."
        )
        return redirect(rapportage)
    try:
        resultaat = service(rapportage=rapportage, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect(rapportage)
    messages.success(request, melding)
    if actie == "verwijderen":
        return redirect("rapportage:editie_lijst")
    if isinstance(resultaat, Achtergrondtaak):
        return redirect("kern:taak", pk=resultaat.pk)
    return redirect(resultaat)


def _bestand(inhoud: bytes, bestandsnaam: str, content_type: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


CONTENT_TYPES = {
    Exportsoort.PDF: "application/pdf",
    Exportsoort.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@alleen_edities
@login_required  # anonymous: the login page, not the 404 a reader without access gets
def editie_download(request, pk, soort):
    """PDF or XLSX: a published edition's stored file, byte for byte; a concept's made now, marked concept.

    A concept's PDF takes seconds to make, so a background job makes it (rapportage.taken): POST starts the job
    (or follows the user's job for this edition that still runs) and leads to the job page, which offers the
    download; GET shows the button.
    """
    if not mag_edities_lezen(request.user) or soort not in Exportsoort.values:
        raise Http404
    rapportage = _te_openen(request, pk)
    bestand = rapportage.exportbestanden.filter(soort=soort).first()
    if bestand is not None:
        return _bestand(bytes(bestand.inhoud), bestand.bestandsnaam, CONTENT_TYPES[soort])
    if rapportage.is_bevroren:  # published before its files existed: never make new ones silently
        raise Http404
    if soort == Exportsoort.PDF:
        if request.method != "POST":
            return render(request, "rapportage/concept_pdf.html", {"rapportage": rapportage})
        taak, gestart = taken.concept_pdf_starten(rapportage=rapportage, door=request.user)
        if not gestart:
            messages.info(request, AL_GESTART)
        return redirect("kern:taak", pk=taak.pk)
    from rapportage import export_xlsx

    naam = selectors.bestandsnaam(rapportage, soort).replace("hengelo-", "concept-hengelo-", 1)
    return _bestand(export_xlsx.xlsx_maken(rapportage), naam, CONTENT_TYPES[soort])


@alleen_edities
@login_required  # anonymous: the login page, not the 404 a reader without access gets
def editie_csv(request, pk, tabel):
    if not mag_edities_lezen(request.user) or tabel not in export_csv.TABELLEN:
        raise Http404
    rapportage = _te_openen(request, pk)
    naam = selectors.bestandsnaam(rapportage, "pdf").removesuffix(".pdf") + f"-{tabel}.csv"
    return _bestand(export_csv.csv_maken(rapportage, tabel), naam, "text/csv; charset=utf-8")


@alleen_edities
def vergelijken(request):
    """Wat is er veranderd: two editions side by side, per activity, indicator, risk and motie."""
    if not mag_edities_lezen(request.user):
        raise PermissionDenied
    edities = selectors.edities_voor(request.user)
    form = VergelijkForm(request.GET or None, edities=edities)
    vergelijking = oud = nieuw = None
    if form.is_bound and form.is_valid():
        oud, nieuw = form.cleaned_data["oud"], form.cleaned_data["nieuw"]
        inhoud = dict(Rapportage.objects.filter(pk__in=(oud.pk, nieuw.pk)).values_list("pk", "inhoud"))
        vergelijking = vergelijk(inhoud[oud.pk], inhoud[nieuw.pk])
    return render(
        request,
        "rapportage/vergelijken.html",
        {"form": form, "vergelijking": vergelijking, "oud": oud, "nieuw": nieuw},
    )


# --- Moties (the griffie's register) ------------------------------------------------------------------------


@alleen_edities
def motie_lijst(request):
    if not mag_moties_zien(request.user):
        raise PermissionDenied
    return render(
        request,
        "rapportage/motie_lijst.html",
        {"moties": selectors.moties(), "mag_registreren": mag_moties_registreren(request.user)},
    )


# Open to the griffie (@alleen_edities) on purpose: the history of a motie is the griffie's own register (what
# was registered, by whom, when), not live programme data; everyone who may see moties may read it.
@alleen_edities
@login_required
def motie_geschiedenis(request, pk):
    if not mag_moties_zien(request.user):
        raise PermissionDenied
    motie = get_object_or_404(Motie, pk=pk)
    pagina = selectors.motie_geschiedenis(motie=motie, user=request.user, pagina=request.GET.get("pagina"))
    return render(request, "rapportage/geschiedenis.html", {"motie": motie, "pagina": pagina})


@alleen_edities
def motie_form(request, pk=None):
    if not mag_moties_registreren(request.user):
        raise PermissionDenied
    motie = get_object_or_404(Motie, pk=pk) if pk else None
    form = MotieForm(request.POST or None, instance=motie)
    if formulier_verwerken(
        request,
        form,
        actie=lambda data: services.motie_opslaan(
            door=request.user,
            motie=motie,
            **{veld: data[veld] for veld in MotieForm.Meta.fields},
            activiteiten=data["activiteiten"],
            indicatoren=data["indicatoren"],
            origineel=data.get("origineel"),
        ),
        melding="De motie is opgeslagen.",
    ):
        return redirect("rapportage:motie_lijst")
    return render(
        request,
        "rapportage/motie_form.html",
        {
            "form": form,
            "motie": motie,
            "titel": f"{motie} wijzigen" if motie else "Motie, amendement of toezegging registreren",
        },
    )
