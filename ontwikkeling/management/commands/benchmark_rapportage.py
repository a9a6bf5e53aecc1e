"""
Benchmark of an edition at demo size: making it (the snapshot), and exporting its PDF and XLSX (and every CSV).

Loads the programme with the demo users inside a transaction, makes a few editions the way the manager does,
times each step, and rolls everything back so the database is left as it was (it must be migrated).

    python manage.py benchmark_rapportage [--runs 5]
"""

import logging
import os
import platform
import statistics
import time
from datetime import date

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from rapportage import export_csv, export_pdf, export_xlsx, services
from rapportage.programma_laden import laad_programma

PEILDATUM = date(2024, 4, 30)


class _Terugdraaien(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Meet hoe lang een editie maken (momentopname) en haar PDF, XLSX en CSV maken duurt, op demogrootte."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="aantal metingen per stap (de mediaan telt)")

    def handle(self, *args, runs, **options):
        # WeasyPrint and fontTools report every page and glyph at INFO; only the figures below matter here.
        for naam in ("weasyprint", "fontTools"):
            logging.getLogger(naam).setLevel(logging.WARNING)
        tijden: dict[str, list[float]] = {"momentopname": [], "pdf": [], "xlsx": [], "csv": []}
        groottes: dict[str, int] = {}
        try:
            with transaction.atomic():
                laad_programma(demo=True)
                manager = User.objects.get(username="manager")
                for run in range(runs):
                    begin = time.perf_counter()
                    rapportage = services.rapportage_aanmaken(
                        door=manager,
                        pc_moment="viermaandsrapportage",
                        jaar=2000 + run,  # one edition per run: (moment, jaar, versie, peildatum) is unique
                        titel=f"Benchmark {run + 1}",
                        peildatum=PEILDATUM,
                        zaaknummer="0000000",
                        toelichtingen={
                            sectie: "Toelichting bij de cijfers.\n\nTweede alinea."
                            for sectie in ("financien", "monitoring")
                        },
                    )
                    tijden["momentopname"].append(time.perf_counter() - begin)
                    for soort, maker in (("pdf", export_pdf.pdf_maken), ("xlsx", export_xlsx.xlsx_maken)):
                        begin = time.perf_counter()
                        groottes[soort] = len(maker(rapportage))
                        tijden[soort].append(time.perf_counter() - begin)
                    begin = time.perf_counter()
                    groottes["csv"] = sum(
                        len(export_csv.csv_maken(rapportage, t)) for t in export_csv.TABELLEN
                    )
                    tijden["csv"].append(time.perf_counter() - begin)
                inhoud = rapportage.inhoud
                omvang = (
                    f"{len(inhoud['voortgang']['activiteiten'])} activiteiten, {len(inhoud['indicatoren'])} indicatoren, "
                    f"{len(inhoud['risicos']['actief'])} risico's, {len(inhoud['sociaal_domein']['kerncijfers'])} kerncijfers"
                )
                raise _Terugdraaien
        except _Terugdraaien:
            pass
        labels = {
            "momentopname": "Editie maken (momentopname)",
            "pdf": "PDF",
            "xlsx": "XLSX",
            "csv": f"CSV ({len(export_csv.TABELLEN)} tabellen)",
        }
        self.stdout.write(f"Demogrootte: {omvang}; mediaan van {runs} metingen")
        for sleutel, label in labels.items():
            reeks = tijden[sleutel]
            grootte = f", {groottes[sleutel]:_} bytes".replace("_", ".") if sleutel in groottes else ""
            self.stdout.write(
                f"{label}: {statistics.median(reeks):.2f} s (min {min(reeks):.2f}, max {max(reeks):.2f}){grootte}"
            )
        self.stdout.write(
            f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"database: {transaction.get_connection().vendor} (alles is teruggedraaid)"
        )
