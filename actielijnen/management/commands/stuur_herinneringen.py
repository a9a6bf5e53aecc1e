from django.core.management.base import BaseCommand

from actielijnen.services import herinneringen_versturen


class Command(BaseCommand):
    help = (
        "Stuurt trekkers een e-mail enkele dagen vóór en na de datum waarop hun voortgangsupdate verwacht wordt. "
        "Elke herinnering gaat één keer per verwachte datum; dagelijks draaien (cron) is veilig."
    )

    def handle(self, *args, **options):
        verstuurd = herinneringen_versturen()
        self.stdout.write(f"{len(verstuurd)} herinnering(en) verstuurd.")
