"""
Data-quality notes: a visible note, quoting the source, on any object of any app whose source value cannot be
trusted as it stands. The models that carry notes declare `GenericRelation(Datakwaliteitsnotitie)`.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

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
