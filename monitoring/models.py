"""
Beleidsindicatoren and their metingen, the informatiepiramide levels, wijken and data-quality notes.

Figures are Decimal, never float. One value per (indicator, periode, wijk, soort).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from simple_history.models import HistoricalRecords

from monitoring.constants import (
    Eenheid,
    Ernst,
    FitGap,
    IndicatorSoort,
    MetingSoort,
    MetingStatus,
    OutputOutcome,
    Richting,
)
from monitoring.periode import Periode


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


class Informatieniveau(models.Model):
    """A level of the informatiepiramide (§5.3)."""

    sleutel = models.SlugField("sleutel", unique=True)
    naam = models.CharField("niveau", max_length=50)
    volgorde = models.PositiveSmallIntegerField("volgorde")
    proces = models.CharField("proces", max_length=200, blank=True)
    type_indicatoren = models.CharField("type indicatoren", max_length=200, blank=True)
    bronnen = models.TextField("bronnen", blank=True)
    voorbeelden = models.TextField("voorbeelden", blank=True)
    bron = models.CharField("bron", max_length=200)
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
    bron = models.CharField("bron", max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = "doel"
        verbose_name_plural = "doelen"

    def __str__(self):
        return f"{self.code} {self.omschrijving}"


class Wijk(models.Model):
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
    bron = models.CharField("bron van de data", max_length=200, blank=True)
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
    history = HistoricalRecords()

    class Meta:
        ordering = ["doel__code", "volgorde", "code"]
        verbose_name = "beleidsindicator"
        verbose_name_plural = "beleidsindicatoren"

    def __str__(self):
        return f"{self.code} {self.naam}"

    def get_absolute_url(self):
        return reverse("monitoring:indicator_detail", kwargs={"code": self.code})


class Meting(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name="indicator", on_delete=models.CASCADE, related_name="metingen"
    )
    periode = models.CharField("periode", max_length=7, help_text="2023, 2023-Q2 of 2023-05.")
    periode_begin = models.DateField("begin van de periode", editable=False)
    wijk = models.ForeignKey(
        Wijk,
        verbose_name="wijk",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metingen",
        help_text="Leeg: heel Hengelo.",
    )
    soort = models.CharField("soort", max_length=12, choices=MetingSoort)
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=4)
    bron = models.CharField("bron", max_length=200, blank=True)
    status = models.CharField("status", max_length=12, choices=MetingStatus, default=MetingStatus.DEFINITIEF)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "periode_begin", "soort"]
        verbose_name = "meting"
        verbose_name_plural = "metingen"
        constraints = [
            # NULL wijk means "heel Hengelo"; SQL treats NULLs as distinct, hence two constraints.
            models.UniqueConstraint(
                fields=["indicator", "periode", "soort"],
                condition=models.Q(wijk__isnull=True),
                name="meting_uniek_hengelo",
            ),
            models.UniqueConstraint(
                fields=["indicator", "periode", "wijk", "soort"],
                condition=models.Q(wijk__isnull=False),
                name="meting_uniek_per_wijk",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "soort", "periode_begin"], name="meting_reeks")]

    def __str__(self):
        return f"{self.indicator.code} {self.periode} {self.get_soort_display()}: {self.waarde}"

    def save(self, *args, **kwargs):
        periode = Periode.parse(self.periode)
        self.periode, self.periode_begin = periode.tekst, periode.begin
        super().save(*args, **kwargs)
