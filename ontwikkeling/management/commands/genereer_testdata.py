"""
`manage.py genereer_testdata --schaal N`: the ten-year data shape of issue 14 (N = 1: 1,2 miljoen metingen,
26.000 voortgangsrapportages, 500 gebruikers), deterministic, for benchmarks. See monitoring/testdata.py.

    DEBUG=1 python manage.py load_programma --demo
    DEBUG=1 python manage.py genereer_testdata --schaal 1 [--opnieuw]
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kern.notatie import format_getal
from ontwikkeling import testdata


class Command(BaseCommand):
    help = "Genereer testdata in de vorm van tien jaar (schaal 1 = 1,2 miljoen metingen); alleen voor ontwikkeling."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schaal", type=float, default=1.0, help="1 = tien jaar (standaard); 0,001 = klein"
        )
        parser.add_argument(
            "--opnieuw", action="store_true", help="eerder gegenereerde testdata eerst verwijderen"
        )
        parser.add_argument(
            "--verwijder", action="store_true", help="alleen de gegenereerde testdata verwijderen"
        )
        parser.add_argument(
            "--ik-weet-het",
            action="store_true",
            help="ook zonder DEBUG (nooit op productie: de testdata staat dan tussen de echte cijfers)",
        )

    def handle(self, *args, schaal, opnieuw, verwijder, ik_weet_het, **opties):
        if not settings.DEBUG and not ik_weet_het:
            raise CommandError(
                "Testdata genereren mag alleen met DEBUG=1 (ontwikkeling). Weet u zeker dat deze database geen "
                "productie is, geef dan --ik-weet-het."
            )
        if verwijder:
            self.stdout.write(f"Verwijderd: {testdata.verwijder_testdata()}")
            return
        try:
            omvang = testdata.Omvang.voor(schaal)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Schaal {format_getal(schaal, decimalen=3)}: {omvang.indicatoren} indicatoren × {omvang.maanden} "
            f"maanden × 4 soorten × {omvang.plaatsen} plaatsen = {format_getal(omvang.metingen, decimalen=0)} "
            f"metingen; {format_getal(omvang.updates, decimalen=0)} updates; {omvang.gebruikers} gebruikers"
        )
        begin = time.perf_counter()
        try:
            verslag = testdata.genereer(schaal, opnieuw=opnieuw, melding=self.stdout.write)
        except (testdata.AlTestdata, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        for soort in ("gebruikers", "indicatoren", "metingen", "updates"):
            self.stdout.write(
                f"{soort:<12}{format_getal(verslag.aantallen[soort], decimalen=0):>12} rijen in "
                f"{format_getal(verslag.seconden[soort], decimalen=1)} s "
                f"({format_getal(verslag.rijen_per_seconde(soort), decimalen=0)} rijen/s)"
            )
        self.stdout.write(
            self.style.SUCCESS(f"Klaar in {format_getal(time.perf_counter() - begin, decimalen=1)} s.")
        )
