"""
The four pillars of databedrevenheid (Uitvoeringsplan 2023, §5.1) and their elements.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from simple_history.models import HistoricalRecords

from bronnen.models import Datakwaliteitsnotitie
from bronnen.velden import BronVeld


class Databedrevenheidspijler(models.Model):
    """One of the four pillars of databedrevenheid (Uitvoeringsplan 2023, §5.1): Data, Kennis, Strategie, Cultuur."""

    naam = models.CharField("naam", max_length=50, unique=True)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "pijler van databedrevenheid"
        verbose_name_plural = "pijlers van databedrevenheid"

    def __str__(self):
        return self.naam


class Pijlerelement(models.Model):
    """An element under a pillar of databedrevenheid, in the order of the table in §5.1."""

    pijler = models.ForeignKey(
        Databedrevenheidspijler, verbose_name="pijler", on_delete=models.CASCADE, related_name="elementen"
    )
    volgorde = models.PositiveSmallIntegerField("volgorde")
    naam = models.CharField("naam", max_length=100)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pijler__volgorde", "volgorde"]
        verbose_name = "element van een pijler"
        verbose_name_plural = "elementen van de pijlers"
        constraints = [models.UniqueConstraint(fields=["pijler", "volgorde"], name="pijlerelement_uniek")]

    def __str__(self):
        return self.naam
