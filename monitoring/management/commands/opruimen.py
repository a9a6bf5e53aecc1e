"""
`manage.py opruimen`: the scheduled housekeeping of the background jobs and their files (README, "Uitrol" and
"Achtergrondtaken"). Safe to run as often as wanted (every hour, or daily beside `stuur_herinneringen`).

1. Jobs of a killed worker are ended: mislukt with the Dutch ONDERBROKEN message, and FAILED in django-tasks'
   queue (kern.taken.dode_taken_afsluiten).
2. Files made for download (exports, concept PDFs) go EXPORT_BEWAARUREN after their job ended; the job page then
   says the file has expired (kern.taken.verlopen_bestanden_opruimen).
3. Progress files and previews in MEDIA_ROOT/taken of jobs that ended IMPORT_BESTANDEN_BEWAARDAGEN ago go.
4. Uploads that no Import references (checked, never committed) go IMPORT_BESTANDEN_BEWAARDAGEN after their last
   upload; the file behind an Import is never removed (monitoring.taken.verweesde_uploads_opruimen).

It lives in monitoring, the floor that owns the uploads; the job housekeeping itself is bronnen's and covers the
jobs of every app.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from kern.taken import dode_taken_afsluiten, oude_taakbestanden_opruimen, verlopen_bestanden_opruimen
from monitoring.taken import verweesde_uploads_opruimen


class Command(BaseCommand):
    help = (
        "Ruimt op: sluit achtergrondtaken af waarvan de verwerker is gestopt, verwijdert verlopen exports (na "
        "EXPORT_BEWAARUREN), oude voortgangsbestanden en geüploade bestanden die geen import gebruikt (na "
        "IMPORT_BESTANDEN_BEWAARDAGEN). Het bestand achter een import blijft altijd bewaard. Veilig om vaak te draaien."
    )

    def handle(self, *args, **options):
        dood = dode_taken_afsluiten()
        exports = verlopen_bestanden_opruimen()
        voortgang = oude_taakbestanden_opruimen(timedelta(days=settings.IMPORT_BESTANDEN_BEWAARDAGEN))
        uploads = verweesde_uploads_opruimen()
        self.stdout.write(
            f"{len(dood)} onderbroken taak/taken afgesloten, {exports} verlopen export(s), {voortgang} oud(e) "
            f"voortgangsbestand(en) en {len(uploads)} ongebruikte upload(s) verwijderd."
        )
