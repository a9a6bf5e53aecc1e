"""Communication actions (§4.2): per activity or overarching, each on one of the four lines, with owner, dates and
what it cost against the plan's budget."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from simple_history.models import HistoricalRecords

from actielijnen.models import Activiteit
from kern.herkomst import Voorbeeldherkomst
from participatie.models.referentie import Communicatiebudget, Communicatielijn


class Communicatiemiddel(models.TextChoices):
    """The overarching means §4.2 names, and 'overig' for what an activity does itself."""

    PUBLIEKSCAMPAGNE = "publiekscampagne", "Publiekscampagne"
    SOCIALE_KAART = "sociale_kaart", "Digitale sociale kaart / informatiewijzer"
    NIEUWSBRIEF = "nieuwsbrief", "Nieuwsbrief"
    WEBPAGINA = "webpagina", "Webpagina"
    INFORMATIEMARKT = "informatiemarkt", "Informatiemarkt"
    PERSOONLIJK = "persoonlijk", "Persoonlijke communicatie"
    NETWERKBIJEENKOMST = "netwerkbijeenkomst", "Netwerkbijeenkomst"
    OVERIG = "overig", "Overig"


class Communicatieactie(Voorbeeldherkomst):
    naam = models.CharField("naam", max_length=200)
    middel = models.CharField("middel", max_length=30, choices=Communicatiemiddel)
    communicatielijn = models.ForeignKey(
        Communicatielijn, verbose_name="communicatielijn", on_delete=models.PROTECT, related_name="acties"
    )
    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name="activiteit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="communicatieacties",
        help_text="Leeg: overkoepelende communicatie.",
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="eigenaar", on_delete=models.PROTECT, related_name="+"
    )
    gepland_op = models.DateField("geplande datum")
    uitgevoerd_op = models.DateField("uitgevoerd op", null=True, blank=True)
    budget = models.ForeignKey(
        Communicatiebudget,
        verbose_name="budget",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
    )
    kosten = models.DecimalField(
        "besteed (euro)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    toelichting = models.TextField("toelichting", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["gepland_op", "naam"]
        verbose_name = "communicatieactie"
        verbose_name_plural = "communicatieacties"
        indexes = [models.Index(fields=["middel", "uitgevoerd_op"], name="communicatieactie_middel")]

    def __str__(self):
        return self.naam
