"""
Procurement tracks (§2.3.1): per domain the date its new contracts must start and the steps towards it, each with a
duration and a safety margin ("bij iedere stap een verantwoorde termijn"). The backward planning that reads them
lives in participatie/terugrekenen.py.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q

from simple_history.models import HistoricalRecords

from actielijnen.models import Activiteit
from bronnen.models import Datakwaliteitsnotitie
from bronnen.velden import BronVeld
from kern.herkomst import Voorbeeldherkomst
from participatie.models.referentie import Inkoopfase, Inkoopstap


class Inkooptraject(Voorbeeldherkomst):
    """The procurement track of one domain (Jeugd, Wmo, W&I, …); the data team may add more."""

    sleutel = models.SlugField("sleutel", unique=True)
    naam = models.CharField("domein", max_length=100)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    ingangsdatum = models.DateField(
        "ingangsdatum nieuwe overeenkomsten",
        null=True,
        blank=True,
        help_text="De datum waarop de nieuwe overeenkomsten ingaan; de planning rekent hiervan terug.",
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="eigenaar",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inkooptrajecten",
        help_text="Werkt de duur, marges en werkelijke data van de stappen bij.",
    )
    activiteiten = models.ManyToManyField(
        Activiteit, verbose_name="activiteiten", blank=True, related_name="inkooptrajecten"
    )
    toelichting = models.TextField("toelichting", blank=True)
    bron = BronVeld(blank=True)
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords(m2m_fields=[activiteiten])

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = "inkooptraject"
        verbose_name_plural = "inkooptrajecten"

    def __str__(self):
        return self.naam


class Inkooptrajectstap(Voorbeeldherkomst):
    """One step of a track, in order: e.g. Voorbereiden contractering, the six dialogue steps, Contractering.

    `marge_dagen` is the safety margin after the step: the latest end of a step lies that many days before the
    latest start of the next step (or the contract date, for the last step).
    """

    traject = models.ForeignKey(
        Inkooptraject, verbose_name="inkooptraject", on_delete=models.CASCADE, related_name="stappen"
    )
    volgorde = models.PositiveSmallIntegerField("volgorde")
    naam = models.CharField("naam", max_length=200)
    fase = models.ForeignKey(
        Inkoopfase, verbose_name="fase", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    inkoopstap = models.ForeignKey(
        Inkoopstap,
        verbose_name="stap uit het plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    duur_dagen = models.PositiveIntegerField("duur (dagen)", null=True, blank=True)
    # The sources name no margins (§2.3.1 asks for "een verantwoorde termijn"): empty is "niet bekend", and the
    # backward planning then counts 0 days, which the pages say (issue 24: no default shown as a fact).
    marge_dagen = models.PositiveIntegerField(
        "veiligheidsmarge (dagen)",
        null=True,
        blank=True,
        help_text="Leeg: niet bekend; de planning rekent dan met 0 dagen.",
    )
    gepland_start = models.DateField("geplande start", null=True, blank=True)
    gepland_einde = models.DateField("gepland einde", null=True, blank=True)
    werkelijk_start = models.DateField("werkelijke start", null=True, blank=True)
    werkelijk_einde = models.DateField("werkelijk einde", null=True, blank=True)
    bron = BronVeld(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["traject", "volgorde"]
        verbose_name = "stap van een inkooptraject"
        verbose_name_plural = "stappen van inkooptrajecten"
        constraints = [
            models.UniqueConstraint(fields=["traject", "volgorde"], name="inkooptrajectstap_uniek"),
            models.CheckConstraint(
                condition=Q(gepland_einde__isnull=True)
                | Q(gepland_start__isnull=True)
                | Q(gepland_einde__gte=F("gepland_start")),
                name="inkooptrajectstap_gepland_volgorde",
            ),
            models.CheckConstraint(
                condition=Q(werkelijk_einde__isnull=True)
                | (Q(werkelijk_start__isnull=False) & Q(werkelijk_einde__gte=F("werkelijk_start"))),
                name="inkooptrajectstap_werkelijk_volgorde",
            ),
        ]

    def __str__(self):
        return f"{self.traject}: {self.volgorde}. {self.naam}"
