"""
Benchmark parts that write (all rolled back): the 100.000-row import beside django-import-export and COPY, undo, the
peak memory of a 1 M-row import (in a subprocess), and a full edition's PDF and XLSX. See rapportage/benchmark.py.
"""

import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from accounts.models import User
from monitoring.models import Indicator, Meting, Wijk
from monitoring.permissions import mag_importeren
from monitoring.resources import MetingResource, als_dataset
from monitoring.services import import_ongedaan_maken, metingen_importeren
from ontwikkeling.benchmark import DOEL_COPY, DOEL_GEHEUGEN_MB, DOEL_ONGEDAAN_S, DOEL_PDF_S
from ontwikkeling.management.commands.benchmark_import import Command as ImportbenchCommand
from ontwikkeling.management.commands.benchmark_import import importrijen
from rapportage.models import Rapportage


class _Terugdraaien(Exception):
    """Raised to roll a benchmark's writes back."""


def importeur() -> User:
    """Whoever may import (the beheerder), as the import page asks."""
    for gebruiker in User.objects.filter(is_active=True).order_by("pk"):
        if mag_importeren(gebruiker):
            return gebruiker
    raise ValueError("Er is geen beheerder; draai `manage.py load_programma --demo`.")


def _wijken():
    return [Wijk.objects.create(naam=f"Benchmarkwijk {i}", cbs_code=f"WK0164{90 + i}") for i in range(5)]


def _bestand(pad: Path, formaat: str, rijen: int, wijken) -> None:
    indicatoren = list(Indicator.objects.exclude(code__startswith="TD-").order_by("code"))
    ImportbenchCommand.schrijf(pad, formaat, importrijen(indicatoren, wijken, rijen))


def _getal(tekst: str) -> str:
    """'€ 1.234' / '15,5%' → '1234' / '15.5': the COPY yardstick gets the value the import would store."""
    return tekst.replace("€", "").replace("%", "").replace(".", "").replace(",", ".").strip()


def _copy_regels(pad: Path, wijken) -> tuple[str, int]:
    """The CSV's rows as COPY text for the metingen columns (prepared beforehand: COPY alone is timed)."""
    ids = dict(Indicator.objects.values_list("code", "pk"))
    wijk_ids = {w.cbs_code: w.pk for w in wijken}
    uit = io.StringIO()
    aantal = 0
    with open(pad, encoding="utf-8") as bestand:
        next(bestand)
        for regel in bestand:
            code, periode, wijk, soort, waarde, bron = regel.rstrip("\n").split(";")
            uit.write(
                f"{ids[code]}\t{periode}\t{periode}-01\t{wijk_ids[wijk]}\t\\N\t{soort}\t{_getal(waarde)}\t"
                f"\\N\t{bron}\tdefinitief\t\\N\n"
            )
            aantal += 1
    return uit.getvalue(), aantal


def meet_import(rijen: int = 100_000, ie_rijen: int | None = None, melding=print) -> dict:
    """Service import (CSV and XLSX) with history, its undo, django-import-export and COPY of the same rows."""
    gebruiker = importeur()
    ie_rijen = rijen if ie_rijen is None else min(ie_rijen, rijen)
    uitkomst: dict = {"rijen": rijen, "ie_rijen": ie_rijen, "database": connection.vendor}
    with tempfile.TemporaryDirectory(prefix="bench-") as map_:
        csv_pad, xlsx_pad = Path(map_) / "benchmark.csv", Path(map_) / "benchmark.xlsx"
        try:
            with transaction.atomic():
                wijken = _wijken()
                _bestand(csv_pad, "csv", rijen, wijken)
                uitkomst["copy_s"] = (
                    _meet_copy(csv_pad, wijken) if connection.vendor == "postgresql" else None
                )
                melding(f"  COPY: {uitkomst['copy_s']} s")
                uitkomst.update(_meet_service(csv_pad, gebruiker, "csv", melding))
                uitkomst.update(_meet_ie(csv_pad, ie_rijen, gebruiker, melding))
                _bestand(xlsx_pad, "xlsx", rijen, wijken)
                uitkomst.update(_meet_service(xlsx_pad, gebruiker, "xlsx", melding, ongedaan=False))
                raise _Terugdraaien
        except _Terugdraaien:
            pass
    if uitkomst.get("copy_s"):
        uitkomst["verhouding_copy"] = round(uitkomst["csv_s"] / uitkomst["copy_s"], 1)
        uitkomst["gehaald_copy"] = uitkomst["verhouding_copy"] <= DOEL_COPY
        if uitkomst.get("ie_s"):
            per_rij = uitkomst["ie_s"] / ie_rijen
            uitkomst["ie_verhouding_copy"] = round(per_rij * rijen / uitkomst["copy_s"], 1)
    if "ongedaan_s" in uitkomst:
        uitkomst["gehaald_ongedaan"] = uitkomst["ongedaan_s"] < DOEL_ONGEDAAN_S
    return uitkomst


def _meet_copy(pad: Path, wijken) -> float:
    tekst, _ = _copy_regels(pad, wijken)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE bench_meting (LIKE {Meting._meta.db_table} INCLUDING ALL) ON COMMIT DROP"
        )
        kolommen = (
            "indicator_id, periode, periode_begin, wijk_id, gebied_id, soort, waarde, decimalen, bron, status, "
            "via_import_id"
        )
        begin = time.perf_counter()
        cursor.cursor.copy_expert(f"COPY bench_meting ({kolommen}) FROM STDIN", io.StringIO(tekst))
        duur = time.perf_counter() - begin
        cursor.execute("DROP TABLE bench_meting")
    return round(duur, 2)


def _meet_service(pad: Path, gebruiker, formaat: str, melding, ongedaan: bool = True) -> dict:
    uitkomst = {}
    with transaction.atomic():
        with open(pad, "rb") as bestand:
            begin = time.perf_counter()
            resultaat = metingen_importeren(
                bestand=bestand, bestandsnaam=pad.name, gebruiker=gebruiker, doorvoeren=True
            )
            uitkomst[f"{formaat}_s"] = round(time.perf_counter() - begin, 2)
        if resultaat.import_record is None:
            uitkomst[f"{formaat}_fout"] = (
                "; ".join(str(m) for m in resultaat.meldingen)[:300] or "niet doorgevoerd"
            )
            return uitkomst
        uitkomst[f"{formaat}_historie"] = Meting.history.filter(
            history_change_reason=resultaat.import_record.wijzigingsreden
        ).count()
        melding(
            f"  import {formaat}: {uitkomst[f'{formaat}_s']} s, {uitkomst[f'{formaat}_historie']} historieregels"
        )
        if ongedaan:
            begin = time.perf_counter()
            import_ongedaan_maken(import_record=resultaat.import_record, gebruiker=gebruiker)
            uitkomst["ongedaan_s"] = round(time.perf_counter() - begin, 2)
            melding(f"  ongedaan maken: {uitkomst['ongedaan_s']} s")
    return uitkomst


def _meet_ie(pad: Path, ie_rijen: int, gebruiker: User, melding) -> dict:
    """The admin's import of the first `ie_rijen` rows, rolled back: django-import-export's row-by-row preview,
    then the confirmed commit through the same service as the import page (monitoring.services.importstroom:
    `import_direct_doorvoeren` stores the file as evidence and calls `metingen_importeren`; the storing is left
    out here so a benchmark writes nothing to MEDIA_ROOT)."""
    regels = pad.read_bytes().split(b"\n")
    data = b"\n".join(regels[: ie_rijen + 1]) + b"\n"
    try:
        with transaction.atomic():
            dataset = als_dataset(data, "import.csv")
            begin = time.perf_counter()
            voorbeeld = MetingResource().import_data(dataset, dry_run=True, raise_errors=False)
            resultaat = metingen_importeren(
                bestand=io.BytesIO(data), bestandsnaam="import.csv", gebruiker=gebruiker, doorvoeren=True
            )
            duur = round(time.perf_counter() - begin, 2)
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    melding(f"  django-import-export, voorbeeld en doorvoeren ({ie_rijen} rijen): {duur} s")
    fouten = voorbeeld.has_errors() or voorbeeld.has_validation_errors() or not resultaat.doorgevoerd
    return {"ie_s": duur, "ie_fouten": bool(fouten)}


# --- d. peak memory of a large import, in a subprocess ----------------------------------------------------

KIND = """
import json, os, resource, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hengelo_sd.settings")
django.setup()
from ontwikkeling.benchmark_import import geheugen_kind
print("BENCHMARK " + json.dumps(geheugen_kind(sys.argv[1])))
"""


def geheugen_kind(pad: str) -> dict:
    """Runs in the subprocess: import the file with commit, roll back, report ru_maxrss before and after."""
    import resource

    from monitoring.models import Wijk as W

    voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gebruiker = importeur()
    try:
        with transaction.atomic():
            for i in range(5):
                W.objects.create(naam=f"Benchmarkwijk {i}", cbs_code=f"WK0164{90 + i}")
            begin = time.perf_counter()
            with open(pad, "rb") as bestand:
                metingen_importeren(
                    bestand=bestand, bestandsnaam=Path(pad).name, gebruiker=gebruiker, doorvoeren=True
                )
            duur = time.perf_counter() - begin
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    return {
        "maxrss_voor_mb": round(voor / 1024, 1),
        "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "seconden": round(duur, 1),
    }


def meet_geheugen(rijen: int = 1_000_000, melding=print) -> dict:
    """Write a `rijen`-row CSV (streamed), import it in a fresh process, report that process's peak memory."""
    with tempfile.TemporaryDirectory(prefix="bench-") as map_:
        pad = Path(map_) / "groot.csv"
        try:
            with transaction.atomic():  # the wijken only to name them in the file; the child makes its own
                wijken = [Wijk(naam=f"Benchmarkwijk {i}", cbs_code=f"WK0164{90 + i}") for i in range(5)]
                _bestand(pad, "csv", rijen, wijken)
                raise _Terugdraaien
        except _Terugdraaien:
            pass
        melding(
            f"  bestand van {rijen} rijen: {pad.stat().st_size // 1_000_000} MB; import in een subproces …"
        )
        uit = subprocess.run(
            [sys.executable, "-c", KIND, str(pad)], cwd=settings.BASE_DIR, capture_output=True, text=True
        )
    regel = next((r for r in uit.stdout.splitlines() if r.startswith("BENCHMARK ")), None)
    if regel is None:
        return {"rijen": rijen, "fout": (uit.stderr or uit.stdout)[-1500:]}
    uitkomst = {"rijen": rijen, **json.loads(regel[len("BENCHMARK ") :])}
    uitkomst["gehaald"] = uitkomst["maxrss_mb"] < DOEL_GEHEUGEN_MB
    return uitkomst


# --- f. a full edition's PDF and XLSX --------------------------------------------------------------------


def meet_edities(melding=print) -> dict:
    """pdf_maken and xlsx_maken of the latest edition (published if there is one)."""
    from rapportage.export_pdf import pdf_maken
    from rapportage.export_xlsx import xlsx_maken

    try:
        with transaction.atomic():  # without an edition: a concept made for the measurement, rolled back
            rapportage = (
                Rapportage.objects.filter(gepubliceerd_op__isnull=False).order_by("-pk").first()
                or Rapportage.objects.order_by("-pk").first()
                or _concept()
            )
            uitkomst = {"editie": rapportage.pk, "titel": rapportage.titel}
            for soort, maken in (("pdf", pdf_maken), ("xlsx", xlsx_maken)):
                begin = time.perf_counter()
                inhoud = maken(rapportage)
                uitkomst[f"{soort}_s"] = round(time.perf_counter() - begin, 2)
                uitkomst[f"{soort}_bytes"] = len(inhoud)
                melding(f"  {soort}: {uitkomst[f'{soort}_s']} s")
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    uitkomst["gehaald_pdf"] = uitkomst["pdf_s"] < DOEL_PDF_S
    return uitkomst


def _concept() -> Rapportage:
    from datetime import date

    from rapportage import services

    manager = next((g for g in User.objects.filter(is_active=True, username="manager")), None) or importeur()
    return services.rapportage_aanmaken(
        door=manager,
        pc_moment="viermaandsrapportage",
        jaar=date.today().year,
        titel="Benchmarkeditie (teruggedraaid)",
        peildatum=date.today(),
        zaaknummer="",
        toelichtingen={},
    )
