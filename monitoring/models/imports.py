"""
The record of a committed spreadsheet import (`Import`), which can be undone but never deleted.
"""

from pathlib import Path

from django.conf import settings
from django.db import models

from monitoring.constants import Indeling


class ImportVerwijderen(Exception):
    """Raised on every attempt to delete an import: its record is the audit trail of the metingen it wrote."""


class ImportQuerySet(models.QuerySet):
    def delete(self):
        raise ImportVerwijderen("Een import wordt nooit verwijderd; maak hem ongedaan op de importpagina.")


class Import(models.Model):
    """One committed spreadsheet import: who, when, which file, what it did; it can be undone, never deleted."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.PROTECT, related_name="+"
    )
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True)
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    bestand = models.CharField(
        "bewaard bestand",
        max_length=200,
        blank=True,
        help_text="Het geüploade bestand, relatief aan MEDIA_ROOT, onder zijn sha256 (imports/<sha256>.csv of "
        ".xlsx): het bewijs achter deze import, bewaard zolang de import bestaat. Leeg: niet via de importpagina.",
    )
    indeling = models.CharField("indeling", max_length=10, choices=Indeling)
    alleen_geldige = models.BooleanField("alleen geldige rijen", default=False)
    aantal_rijen = models.PositiveIntegerField("rijen", default=0)
    aantal_nieuw = models.PositiveIntegerField("nieuw", default=0)
    aantal_gewijzigd = models.PositiveIntegerField("gewijzigd", default=0)
    aantal_ongewijzigd = models.PositiveIntegerField("ongewijzigd", default=0)
    aantal_ongeldig = models.PositiveIntegerField("ongeldig", default=0)
    ongedaan_op = models.DateTimeField("ongedaan gemaakt op", null=True, blank=True)
    ongedaan_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ongedaan gemaakt door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ImportQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "import"
        verbose_name_plural = "imports"

    def __str__(self):
        return f"{self.bestandsnaam} ({self.tijdstip:%d-%m-%Y %H:%M})"

    def delete(self, *args, **kwargs):
        raise ImportVerwijderen("Een import wordt nooit verwijderd; maak hem ongedaan op de importpagina.")

    @property
    def bestandspad(self) -> Path | None:
        """Where the uploaded file behind this import is kept (MEDIA_ROOT/imports/<sha256>.<ext>), or None."""
        return Path(settings.MEDIA_ROOT) / self.bestand if self.bestand else None

    @property
    def wijzigingsreden(self) -> str:
        """The change reason on every history row this import wrote; undo finds its rows by it."""
        return f"import:{self.pk}"
