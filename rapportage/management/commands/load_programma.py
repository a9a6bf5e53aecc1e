from django.core.management.base import BaseCommand

from rapportage.programma_laden import laad_programma


class Command(BaseCommand):
    help = "Laadt het programma uit fixtures/ (idempotent). Met --demo ook demo-accounts per rol."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Maak ook demo-accounts voor elke rol aan.")

    def handle(self, *args, demo, **options):
        verslag = laad_programma(demo=demo)
        if verslag.ongewijzigd:
            self.stdout.write(self.style.SUCCESS("Programma geladen: niets gewijzigd, alles was al actueel."))
            return
        for naam, aantal in sorted(verslag.aangemaakt.items()):
            self.stdout.write(f"  aangemaakt: {aantal} {naam}")
        for naam, aantal in sorted(verslag.bijgewerkt.items()):
            self.stdout.write(f"  bijgewerkt: {aantal} {naam}")
        self.stdout.write(self.style.SUCCESS("Programma geladen."))
