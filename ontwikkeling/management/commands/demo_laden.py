from django.core.management import call_command
from django.core.management.base import BaseCommand

from ontwikkeling.voorbeeldgeschiedenis import voorbeeldgeschiedenis_laden


class Command(BaseCommand):
    help = (
        "De demo: het programma met demo-accounts per rol (load_programma --demo) en, in een database zonder "
        "echt gebruik, een duidelijk gemarkeerde voorbeeldgeschiedenis (updates, scores, planning, besluiten, "
        "een gepubliceerde rapportage). Alleen met DEBUG."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--zonder-voorbeelden",
            action="store_true",
            help="Alleen het programma en de demo-accounts, geen voorbeeldgeschiedenis.",
        )

    def handle(self, *args, zonder_voorbeelden, **options):
        call_command("load_programma", "--demo", stdout=self.stdout, stderr=self.stderr)
        if zonder_voorbeelden:
            return
        voorbeelden = voorbeeldgeschiedenis_laden()
        if voorbeelden.overgeslagen:
            self.stdout.write(f"  voorbeeldgeschiedenis niet toegevoegd: {voorbeelden.overgeslagen}.")
            return
        for naam, aantal in sorted(voorbeelden.aantallen.items()):
            self.stdout.write(f"  voorbeeld toegevoegd: {aantal} {naam}")
