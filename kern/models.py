"""The background job record (`Achtergrondtaak`) every app's long-running work reports its progress in."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Taaksoort(models.TextChoices):
    """What a background job does; the apps above kern run them (kern.taken)."""

    IMPORT_CONTROLEREN = "import_controleren", "Import controleren"
    IMPORT_DOORVOEREN = "import_doorvoeren", "Import doorvoeren"
    IMPORT_ONGEDAAN_MAKEN = "import_ongedaan_maken", "Import ongedaan maken"
    EXPORT_XLSX = "export_xlsx", "Export (Excel)"
    EDITIE_PUBLICEREN = "editie_publiceren", "Editie publiceren"
    CONCEPT_PDF = "concept_pdf", "PDF van een concept"


class Taakstatus(models.TextChoices):
    WACHTEND = "wachtend", "Wacht op verwerking"
    BEZIG = "bezig", "Bezig"
    GESLAAGD = "geslaagd", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


class Achtergrondtaak(models.Model):
    """One background job a user started (an import, an undo, an export, a publication), as the user sees it.

    django-tasks (`django_tasks_db`) queues and runs the job; this record is what the progress page reads.
    The progress itself (`gedaan`, `totaal`, heartbeat) is written out of band, to a small file per job
    (kern.taken), because the job's own work runs in one database transaction: on SQLite a second writing
    connection would wait for it ("database is locked"). `gedaan`/`totaal` here are the last known values,
    stored when the job ends.
    """

    soort = models.CharField("soort", max_length=40, choices=Taaksoort)
    omschrijving = models.CharField("omschrijving", max_length=300)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="achtergrondtaken",
        verbose_name="gestart door",
    )
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)
    gestart = models.DateTimeField("gestart", null=True, blank=True)
    klaar = models.DateTimeField("klaar", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=Taakstatus, default=Taakstatus.WACHTEND)
    gedaan = models.PositiveBigIntegerField("gedaan", default=0)
    totaal = models.PositiveBigIntegerField("totaal", null=True, blank=True)
    melding = models.TextField("melding", blank=True, help_text="Voor de gebruiker, in het Nederlands.")
    resultaat = models.JSONField("resultaat", default=dict, blank=True)
    bestand = models.CharField(
        "bestand", max_length=500, blank=True, help_text="Een gemaakt bestand, relatief aan MEDIA_ROOT."
    )
    taak_id = models.CharField("django-tasks-resultaat", max_length=64, blank=True)

    class Meta:
        ordering = ["-aangemaakt", "-pk"]
        verbose_name = "achtergrondtaak"
        verbose_name_plural = "achtergrondtaken"
        indexes = [models.Index(fields=["gebruiker", "-aangemaakt"], name="taak_gebruiker_recent")]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.omschrijving}"

    @property
    def is_afgelopen(self) -> bool:
        return self.status in (Taakstatus.GESLAAGD, Taakstatus.MISLUKT)

    @property
    def eenheid(self) -> str:
        """What `gedaan` and `totaal` count, for the progress text: a publication or PDF makes files, the rest rows."""
        return "bestanden" if self.soort in (Taaksoort.EDITIE_PUBLICEREN, Taaksoort.CONCEPT_PDF) else "rijen"
