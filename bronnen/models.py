"""
Data-quality notes: a visible note, quoting the source, on any object of any app whose source value cannot be
trusted as it stands. The models that carry notes declare `GenericRelation(Datakwaliteitsnotitie)`.
Also the background job record (`Achtergrondtaak`) every app's long-running work reports its progress in.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from simple_history.models import HistoricalRecords

from bronnen.constants import Ernst


class Datakwaliteitsnotitie(models.Model):
    """A visible note on a value from the sources that cannot be trusted as it stands, quoting the source."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    sleutel = models.SlugField(
        "sleutel", max_length=120, unique=True, help_text="Vaste sleutel, zodat het laden idempotent is."
    )
    betreft = models.CharField("betreft", max_length=200, help_text="Bijvoorbeeld 'streefwaarde 2023'.")
    citaat = models.TextField("citaat uit de bron")
    bron = models.CharField("bron", max_length=200)
    toelichting = models.TextField("toelichting")
    ernst = models.CharField("ernst", max_length=20, choices=Ernst)
    history = HistoricalRecords()

    class Meta:
        ordering = ["bron", "sleutel"]
        verbose_name = "datakwaliteitsnotitie"
        verbose_name_plural = "datakwaliteitsnotities"
        indexes = [models.Index(fields=["content_type", "object_id"], name="dq_onderwerp")]

    def __str__(self):
        return f"{self.get_ernst_display()}: {self.betreft}"


class Brondocument(models.Model):
    """One of the municipal documents the application is built from (`../shared/seeds`), as data.

    Dates, zaaknummers and decision dates are stored as the document prints them, never typed into a template;
    `korte_naam` is how a reader cites the document ("Uitvoeringsplan 2023"), and every `bron` in the
    application starts with it.
    """

    code = models.CharField(
        "code", max_length=3, unique=True, help_text="Volgnummer van het bestand in de bronnenmap, bijv. 000."
    )
    korte_naam = models.CharField(
        "korte naam", max_length=100, unique=True, help_text="Zoals een lezer het document noemt."
    )
    titel = models.CharField("titel", max_length=300)
    datum = models.DateField(
        "datum",
        null=True,
        blank=True,
        help_text="De datum die het document zelf draagt; leeg: de bron noemt er geen.",
    )
    datum_toelichting = models.CharField(
        "toelichting bij de datum", max_length=200, blank=True, help_text="Bijvoorbeeld 'definitieve versie'."
    )
    briefdatum = models.DateField(
        "datum van de aanbiedingsbrief", null=True, blank=True, help_text="Leeg: geen brief of geen datum."
    )
    zaaknummer = models.CharField("zaaknummer", max_length=20, blank=True)
    besluitdatum = models.DateField(
        "besluitdatum",
        null=True,
        blank=True,
        help_text="Alleen waar de tekst een datum van besluit noemt; leeg: de bron noemt er geen.",
    )
    besluit = models.TextField(
        "besluit", blank=True, help_text="Wat er op de besluitdatum is besloten, door wie."
    )
    bestand = models.CharField("bestand", max_length=100, help_text="Tekstversie in de bronnenmap.")
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = "brondocument"
        verbose_name_plural = "brondocumenten"

    def __str__(self):
        return self.korte_naam


class Taaksoort(models.TextChoices):
    """What a background job does; the apps above bronnen run them (bronnen.taken)."""

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
    (bronnen.taken), because the job's own work runs in one database transaction: on SQLite a second writing
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
