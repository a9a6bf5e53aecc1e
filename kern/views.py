"""The progress page of a background job, its JSON for the polling script, and the file a job made."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from kern.models import Achtergrondtaak, Taakstatus
from kern.permissions import mag_taak_zien
from kern.taken import taak_als_json, taak_stand


def _eigen_taak(request, pk) -> Achtergrondtaak:
    """The job, for who started it and the beheerder; for anyone else it does not exist (404, nothing leaks)."""
    taak = get_object_or_404(Achtergrondtaak.objects.select_related("gebruiker"), pk=pk)
    if not mag_taak_zien(request.user, taak):
        raise Http404
    return taak_stand(taak)


@login_required
@never_cache
def taak(request, pk):
    """Status, progress bar and result; static/js/taak.js polls `taak_stand` and reloads the page when done."""
    taak = _eigen_taak(request, pk)
    return render(request, "kern/taak.html", {"taak": taak, "afgelopen": taak.is_afgelopen})


@login_required
@never_cache
def taak_stand_json(request, pk):
    return JsonResponse(taak_als_json(_eigen_taak(request, pk)))


@login_required
def taak_bestand(request, pk):
    """The file a finished job made (an export), for who started the job only.

    After EXPORT_BEWAARUREN `manage.py opruimen` removes the file; an old link then leads to the job page, which
    says in Dutch that the file has expired.
    """
    taak = _eigen_taak(request, pk)
    if taak.gebruiker_id == request.user.pk and taak.resultaat.get("verlopen"):
        return redirect("kern:taak", pk=taak.pk)
    if taak.status != Taakstatus.GESLAAGD or not taak.bestand or taak.gebruiker_id != request.user.pk:
        raise Http404
    basis = Path(settings.MEDIA_ROOT).resolve()
    pad = (basis / taak.bestand).resolve()
    # The path was written by the job itself; still, never serve anything outside MEDIA_ROOT.
    if basis not in pad.parents or not pad.is_file():
        raise Http404
    naam = taak.resultaat.get("bestandsnaam") or pad.name
    return FileResponse(pad.open("rb"), as_attachment=True, filename=naam)
