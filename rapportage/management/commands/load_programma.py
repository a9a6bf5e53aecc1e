from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rapportage.programma_laden import laad_programma
from rapportage.voorbeeldgeschiedenis import voorbeeldgeschiedenis_laden


class Command(BaseCommand):
    help = (
        "Laadt het programma uit fixtures/ (idempotent). Met --demo ook demo-accounts per rol en een duidelijk "
        "gemarkeerde voorbeeldgeschiedenis (updates, scores, planning, besluiten, een gepubliceerde rapportage)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Maak ook demo-accounts voor elke rol aan en, in een lege database, een voorbeeldgeschiedenis.",
        )
        parser.add_argument(
            "--zonder-voorbeelden",
            action="store_true",
            help="Met --demo: alleen de demo-accounts, geen voorbeeldgeschiedenis.",
        )

    def handle(self, *args, demo, zonder_voorbeelden, **options):
        if demo and not settings.DEBUG:
            # The demo accounts share a published password and the beheerder among them may do almost anything:
            # they exist only on a development machine (DEBUG=1), never in a production configuration.
            raise CommandError(
                "Demo-accounts worden alleen aangemaakt met DEBUG aan (ontwikkelomgeving): hun wachtwoord staat "
                "in de README. Laad het programma op productie zonder --demo en maak echte accounts aan met "
                "`manage.py createsuperuser` of in het beheer."
            )
        verslag = laad_programma(demo=demo)
        if demo and not zonder_voorbeelden:
            self._voorbeeldgeschiedenis()
        if verslag.ongewijzigd:
            self.stdout.write(self.style.SUCCESS("Programma geladen: niets gewijzigd, alles was al actueel."))
            return
        for naam, aantal in sorted(verslag.aangemaakt.items()):
            self.stdout.write(f"  aangemaakt: {aantal} {naam}")
        for naam, aantal in sorted(verslag.bijgewerkt.items()):
            self.stdout.write(f"  bijgewerkt: {aantal} {naam}")
        self.stdout.write(self.style.SUCCESS("Programma geladen."))

    def _voorbeeldgeschiedenis(self):
        voorbeelden = voorbeeldgeschiedenis_laden()
        if voorbeelden.overgeslagen:
            self.stdout.write(f"  voorbeeldgeschiedenis niet toegevoegd: {voorbeelden.overgeslagen}.")
            return
        for naam, aantal in sorted(voorbeelden.aantallen.items()):
            self.stdout.write(f"  voorbeeld toegevoegd: {aantal} {naam}")
