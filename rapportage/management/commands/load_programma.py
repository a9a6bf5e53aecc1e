from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rapportage.programma_laden import laad_programma


class Command(BaseCommand):
    help = (
        "Laadt het programma uit fixtures/ (idempotent). Met --demo ook demo-accounts per rol (alleen met DEBUG). "
        "De gemarkeerde voorbeeldgeschiedenis van de demo laadt `manage.py demo_laden` (app ontwikkeling)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Maak ook demo-accounts voor elke rol aan (alleen met DEBUG).",
        )

    def handle(self, *args, demo, **options):
        if demo and not settings.DEBUG:
            # The demo accounts share a published password and the beheerder among them may do almost anything:
            # they exist only on a development machine (DEBUG=1), never in a production configuration.
            raise CommandError(
                "Demo-accounts worden alleen aangemaakt met DEBUG aan (ontwikkelomgeving): hun wachtwoord staat "
                "in de README. Laad het programma op productie zonder --demo en maak echte accounts aan met "
                "`manage.py createsuperuser` of in het beheer."
            )
        verslag = laad_programma(demo=demo)
        if verslag.ongewijzigd:
            self.stdout.write(self.style.SUCCESS("Programma geladen: niets gewijzigd, alles was al actueel."))
            return
        for naam, aantal in sorted(verslag.aangemaakt.items()):
            self.stdout.write(f"  aangemaakt: {aantal} {naam}")
        for naam, aantal in sorted(verslag.bijgewerkt.items()):
            self.stdout.write(f"  bijgewerkt: {aantal} {naam}")
        self.stdout.write(self.style.SUCCESS("Programma geladen."))
