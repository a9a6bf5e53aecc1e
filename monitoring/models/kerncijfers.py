"""
The figures of the sociaal domein beside the indicators: the standings of the transformatiepiramide per layer and
period, and the factsheet's kerncijfers.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from simple_history.models import HistoricalRecords

from bronnen.models import Datakwaliteitsnotitie
from bronnen.velden import BronVeld
from monitoring.constants import Domein, Eenheid, KerncijferOnderwerp
from monitoring.models.metingen import _periode_controleren


class Piramidestand(models.Model):
    """Number of clients in one layer of the transformatiepiramide (Nieuw Hengelo's Model) in one period."""

    modellaag = models.ForeignKey(
        "actielijnen.Modellaag", verbose_name="laag", on_delete=models.PROTECT, related_name="piramidestanden"
    )
    periode = models.CharField("periode", max_length=7)
    aantal_clienten = models.PositiveIntegerField("aantal cliënten")
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["periode", "modellaag__volgorde"]
        verbose_name = "stand van de transformatiepiramide"
        verbose_name_plural = "standen van de transformatiepiramide"
        constraints = [models.UniqueConstraint(fields=["modellaag", "periode"], name="piramidestand_uniek")]

    def __str__(self):
        return f"{self.modellaag} {self.periode}: {self.aantal_clienten}"

    def clean(self):
        """The same period rule as every meting: a year, quarter or month, refused in Dutch otherwise."""
        super().clean()
        _periode_controleren(self.periode)


class Kerncijfer(models.Model):
    """A figure of the factsheet Sociaal Domein in beeld (002): population, use of maatwerk, spending."""

    sleutel = models.SlugField("sleutel", max_length=120, unique=True)
    onderwerp = models.CharField("onderwerp", max_length=20, choices=KerncijferOnderwerp)
    naam = models.CharField("naam", max_length=200)
    domein = models.CharField("domein", max_length=10, choices=Domein, blank=True)
    periode = models.CharField("periode", max_length=7)
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=4)
    eenheid = models.CharField("eenheid", max_length=20, choices=Eenheid)
    telt_personen = models.BooleanField(
        "telt personen",
        default=False,
        help_text="Kleine aantallen worden voor college, raad en inwoners verborgen.",
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["onderwerp", "volgorde"]
        verbose_name = "kerncijfer"
        verbose_name_plural = "kerncijfers"

    def __str__(self):
        return f"{self.naam} ({self.periode})"

    def clean(self):
        """The same period rule as every meting: a year, quarter or month, refused in Dutch otherwise."""
        super().clean()
        _periode_controleren(self.periode)
