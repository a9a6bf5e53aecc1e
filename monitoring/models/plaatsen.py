"""
The places a meting can be for besides Hengelo as a whole: its wijken, and other gemeenten or regions as benchmark.
"""

from django.db import models

from simple_history.models import HistoricalRecords

from bronnen.velden import BronVeld
from kern.herkomst import Voorbeeldherkomst
from monitoring.constants import GebiedSoort


class Wijk(Voorbeeldherkomst):
    """A wijk of Hengelo (gemeentecode GM0164), maintained by the data team."""

    naam = models.CharField("naam", max_length=100, unique=True)
    cbs_code = models.CharField("CBS-wijkcode", max_length=8, unique=True, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = "wijk"
        verbose_name_plural = "wijken"

    def __str__(self):
        return self.naam


class Vergelijkingsgebied(models.Model):
    """Another gemeente, or Twente / Nederland as a whole: a benchmark beside Hengelo's own values."""

    naam = models.CharField("naam", max_length=100, unique=True)
    cbs_code = models.CharField(
        "CBS-code",
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        help_text="Bijvoorbeeld GM0153 voor een gemeente.",
    )
    soort = models.CharField("soort", max_length=10, choices=GebiedSoort)
    bron = BronVeld(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["soort", "naam"]
        verbose_name = "vergelijkingsgebied"
        verbose_name_plural = "vergelijkingsgebieden"

    def __str__(self):
        return self.naam
