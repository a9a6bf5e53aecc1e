"""
Benchmark of the spreadsheet import: generates a long-layout file (100.000 rows by default) and imports it with
the same service the data-team page uses, then rolls everything back so the database is left as it was.

    python manage.py load_programma          # the indicators must exist
    python manage.py benchmark_import [--rijen 100000] [--formaat csv|xlsx]
"""

import os
import platform
import tempfile
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

import openpyxl

from monitoring import excelgrens
from monitoring.constants import Eenheid
from monitoring.models import Indicator, Meting, Wijk
from monitoring.permissions import mag_importeren
from monitoring.services import metingen_importeren

SOORTEN = ("peil", "streef", "realisatie", "prognose")


class _Terugdraaien(Exception):
    pass


def importrijen(indicatoren, wijken, aantal):
    """Unique (indicator, month, wijk, soort) rows in Dutch notation, values that fit each unit."""
    geteld = 0
    for jaar in range(1900, 2100):
        for maand in range(1, 13):
            for wijk in wijken:
                for indicator in indicatoren:
                    for soort in SOORTEN:
                        if geteld == aantal:
                            return
                        getal = 1 + (geteld % 9)
                        waarde = {
                            Eenheid.PERCENTAGE: f"{getal}{geteld % 10},5%",
                            Eenheid.BEDRAG: f"€ {getal}.{geteld % 1000:03d}",
                            Eenheid.RAPPORTCIJFER: f"{getal},{geteld % 10}",
                        }.get(indicator.eenheid, f"{getal}.{geteld % 1000:03d}")
                        yield [
                            indicator.code,
                            f"{jaar}-{maand:02d}",
                            wijk.cbs_code,
                            soort,
                            waarde,
                            "benchmark",
                        ]
                        geteld += 1


class Command(BaseCommand):
    help = "Meet de import van een gegenereerd bestand in de lange indeling (standaard 100.000 rijen)."

    def add_arguments(self, parser):
        parser.add_argument("--rijen", type=int, default=100_000)
        parser.add_argument("--formaat", choices=("csv", "xlsx"), default="csv")

    def handle(self, *args, rijen, formaat, **options):
        # The import reads the first sheet only, so an .xlsx that Excel could not open whole is refused, not split.
        if formaat == "xlsx" and (
            melding := excelgrens.te_groot_melding(
                "Het benchmarkbestand", rijen=rijen + 1, uitweg="--formaat csv"
            )
        ):
            raise CommandError(melding)
        indicatoren = list(Indicator.objects.order_by("code"))
        if not indicatoren:
            raise CommandError("Er zijn geen indicatoren; draai eerst `manage.py load_programma`.")
        # Whoever may import (the beheerder role, or a superuser): the same permission the import page asks.
        gebruiker = next(
            (g for g in get_user_model().objects.filter(is_active=True) if mag_importeren(g)),
            None,
        )
        if gebruiker is None:
            raise CommandError(
                "Er is geen beheerder; draai `manage.py load_programma --demo` of maak er een."
            )
        with tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / f"benchmark.{formaat}"
            try:
                with transaction.atomic():
                    wijken = [
                        Wijk.objects.create(naam=f"Benchmarkwijk {i}", cbs_code=f"WK0164{90 + i}")
                        for i in range(5)
                    ]
                    begin = time.perf_counter()
                    self.schrijf(pad, formaat, importrijen(indicatoren, wijken, rijen))
                    gegenereerd = time.perf_counter() - begin
                    grootte = pad.stat().st_size
                    with open(pad, "rb") as bestand:
                        begin = time.perf_counter()
                        proef = metingen_importeren(
                            bestand=bestand, bestandsnaam=pad.name, gebruiker=gebruiker
                        )
                        proeftijd = time.perf_counter() - begin
                    with open(pad, "rb") as bestand:
                        begin = time.perf_counter()
                        resultaat = metingen_importeren(
                            bestand=bestand, bestandsnaam=pad.name, gebruiker=gebruiker, doorvoeren=True
                        )
                        importtijd = time.perf_counter() - begin
                    historie = Meting.history.filter(
                        history_change_reason=resultaat.import_record.wijzigingsreden
                    ).count()
                    raise _Terugdraaien
            except _Terugdraaien:
                pass
        analyse = resultaat.analyse
        self.stdout.write(
            f"Bestand: {rijen} rijen, {formaat}, {grootte:,} bytes "
            f"(gegenereerd in {gegenereerd:.1f} s)\n"
            f"Proefimport (lezen + valideren + vergelijken): {proeftijd:.1f} s, "
            f"fouten: {len(proef.analyse.fouten)}\n"
            f"Import (lezen + valideren + schrijven met historie): {importtijd:.1f} s — "
            f"{analyse.aantal_nieuw} nieuw, {historie} historieregels, {rijen / importtijd:,.0f} rijen/s\n"
            f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"database: {transaction.get_connection().vendor} (alles is teruggedraaid)"
        )

    @staticmethod
    def schrijf(pad: Path, formaat: str, rijen) -> None:
        kop = ["indicator", "periode", "wijk", "soort", "waarde", "bron"]
        if formaat == "csv":
            with open(pad, "w", encoding="utf-8", newline="") as uit:
                uit.write(";".join(kop) + "\n")
                for rij in rijen:
                    uit.write(";".join(rij) + "\n")
            return
        werkmap = openpyxl.Workbook(write_only=True)
        blad = werkmap.create_sheet("Metingen")
        blad.append(kop)
        for rij in rijen:
            blad.append(rij)
        werkmap.save(pad)
