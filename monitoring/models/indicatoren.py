"""
Beleidsindicatoren, the goals of programma 6 they belong to, and the levels of the informatiepiramide.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from simple_history.models import HistoricalRecords

from bronnen.models import Datakwaliteitsnotitie
from bronnen.velden import BronVeld
from monitoring.constants import Eenheid, FitGap, IndicatorSoort, OutputOutcome, Richting


class Informatieniveau(models.Model):
    """A level of the informatiepiramide (§5.3)."""

    sleutel = models.SlugField("sleutel", unique=True)
    naam = models.CharField("niveau", max_length=50)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    proces = models.CharField("proces", max_length=200, blank=True)
    type_indicatoren = models.CharField("type indicatoren", max_length=200, blank=True)
    bronnen = models.TextField("bronnen", blank=True)
    voorbeelden = models.TextField("voorbeelden", blank=True)
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = "niveau van de informatiepiramide"
        verbose_name_plural = "niveaus van de informatiepiramide"

    def __str__(self):
        return self.naam


class Doel(models.Model):
    """A goal or sub-goal of programma 6 (6.1 → 6.1.1 …)."""

    code = models.CharField("code", max_length=20, unique=True)
    omschrijving = models.TextField("omschrijving")
    ouder = models.ForeignKey(
        "self",
        verbose_name="hoofddoel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subdoelen",
    )
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = "doel"
        verbose_name_plural = "doelen"

    def __str__(self):
        return f"{self.code} {self.omschrijving}"


class Indicator(models.Model):
    code = models.CharField(
        "code", max_length=20, unique=True, help_text="Doelcode plus volgnummer in de tabel, bijv. 6.1.1.1."
    )
    naam = models.TextField("naam")
    doel = models.ForeignKey(Doel, verbose_name="doel", on_delete=models.PROTECT, related_name="indicatoren")
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    eenheid = models.CharField("eenheid", max_length=20, choices=Eenheid)
    richting = models.CharField("richting", max_length=10, choices=Richting)
    soort = models.CharField("soort", max_length=30, choices=IndicatorSoort)
    output_outcome = models.CharField("output of outcome", max_length=10, choices=OutputOutcome, blank=True)
    niveaus = models.ManyToManyField(
        Informatieniveau,
        verbose_name="niveaus van de informatiepiramide",
        blank=True,
        related_name="indicatoren",
    )
    modellaag = models.ForeignKey(
        "actielijnen.Modellaag",
        verbose_name="laag Nieuw Hengelo's Model",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicatoren",
    )
    bron = BronVeld("bron van de data", blank=True)
    fitgap = models.CharField("fit-gap", max_length=10, choices=FitGap, blank=True)
    fitgap_toelichting = models.TextField("toelichting fit-gap", blank=True)
    fitgap_eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="eigenaar fit-gap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    activiteiten = models.ManyToManyField(
        "actielijnen.Activiteit",
        verbose_name="activiteiten die hem beïnvloeden",
        blank=True,
        related_name="indicatoren",
    )
    vindplaats = models.CharField("vindplaats in de brondocumenten", max_length=200, blank=True)
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    # The links to activities are history too (goal → activity → effect): who linked what, when, on the
    # indicator's history page.
    history = HistoricalRecords(m2m_fields=[activiteiten])

    class Meta:
        ordering = ["doel__code", "volgorde", "code"]
        verbose_name = "beleidsindicator"
        verbose_name_plural = "beleidsindicatoren"
        permissions = [
            ("wijzig_fitgap", "Mag de fit-gapstatus en eigenaar van elke indicator wijzigen"),
            ("koppel_activiteiten", "Mag indicatoren aan activiteiten koppelen"),
        ]

    def __str__(self):
        return f"{self.code} {self.naam}"

    def get_absolute_url(self):
        return reverse("monitoring:indicator_detail", kwargs={"code": self.code})
