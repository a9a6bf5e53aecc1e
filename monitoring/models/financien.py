"""
The finances: the three scenarios, the financial figures (budget, investments, planned and realised savings) and
the scenario totals as the document prints them.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from simple_history.models import HistoricalRecords

from bronnen.models import Datakwaliteitsnotitie
from bronnen.velden import BronVeld
from monitoring.constants import Bedragseenheid, Domein, FinancienSoort, ScenarioTabel


class Scenario(models.Model):
    """One of the three scenarios of the political market of July 2022 (003)."""

    nummer = models.PositiveSmallIntegerField("nummer", unique=True)
    naam = models.CharField("naam", max_length=100)
    bron = BronVeld()
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["nummer"]
        verbose_name = "scenario"
        verbose_name_plural = "scenario's"

    def __str__(self):
        return f"Scenario {self.nummer}: {self.naam}"


class Bedrag(models.Model):
    """A financial figure: budget, investment, planned or realised saving, or a scenario's calculated saving."""

    sleutel = models.SlugField("sleutel", max_length=120, unique=True)
    soort = models.CharField("soort", max_length=20, choices=FinancienSoort)
    domein = models.CharField(
        "domein", max_length=10, choices=Domein, blank=True, help_text="Leeg: het hele plan."
    )
    jaar = models.PositiveSmallIntegerField("jaar", null=True, blank=True, help_text="Leeg: structureel.")
    scenario = models.ForeignKey(
        Scenario,
        verbose_name="scenario",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bedragen",
    )
    bedrag = models.DecimalField("bedrag (euro)", max_digits=16, decimal_places=2)
    bron = BronVeld()
    toelichting = models.TextField("toelichting", blank=True)
    datakwaliteit = GenericRelation(Datakwaliteitsnotitie)
    history = HistoricalRecords()

    class Meta:
        ordering = ["soort", "scenario__nummer", "domein", "jaar"]
        verbose_name = "financieel bedrag"
        verbose_name_plural = "financiële bedragen"

    def __str__(self):
        jaar = self.jaar or "structureel"
        return f"{self.get_soort_display()} {self.get_domein_display() or 'totaal'} {jaar}: € {self.bedrag}"


class Scenariototaal(models.Model):
    """A scenario's total for one year as the document prints it (003), beside the sum of its domains.

    Two tables print totals: "Totaal Scenario n" under each Doorrekening (in euros) and the overview "Scenario's op
    een rij" (in thousands of euros: "€ 1.506" is € 1.506.000). The unit is stored with the figure; `wijkt_af`
    flags a printed total that differs from the sum of the domain amounts, which the page then shows beside it.
    """

    scenario = models.ForeignKey(
        Scenario, verbose_name="scenario", on_delete=models.CASCADE, related_name="gedrukte_totalen"
    )
    tabel = models.CharField("tabel", max_length=20, choices=ScenarioTabel)
    jaar = models.PositiveSmallIntegerField("jaar")
    cel = models.CharField("cel zoals gedrukt", max_length=40, help_text="Bijvoorbeeld '€ 1.506'.")
    bedrag = models.DecimalField("bedrag zoals gedrukt", max_digits=16, decimal_places=2)
    eenheid = models.CharField("eenheid", max_length=12, choices=Bedragseenheid)
    som_van_de_domeinen = models.DecimalField(
        "som van de domeinen (euro)", max_digits=16, decimal_places=2, null=True, blank=True
    )
    wijkt_af = models.BooleanField(
        "wijkt af van de som van de domeinen",
        default=False,
        help_text="Het gedrukte totaal (omgerekend naar euro) is niet gelijk aan de som van Jeugd, Wmo en W&I.",
    )
    bron = BronVeld()
    history = HistoricalRecords()

    class Meta:
        ordering = ["scenario__nummer", "tabel", "jaar"]
        verbose_name = "gedrukt scenariototaal"
        verbose_name_plural = "gedrukte scenariototalen"
        constraints = [
            models.UniqueConstraint(fields=["scenario", "tabel", "jaar"], name="scenariototaal_uniek")
        ]

    def __str__(self):
        return f"{self.scenario} {self.jaar} ({self.get_tabel_display()}): {self.cel}"

    @property
    def cel_weergave(self) -> str:
        """The cell as printed, with a non-breaking space after € so a page never wraps between € and the figure."""
        return self.cel.replace("€ ", "€\u00a0")

    @property
    def bedrag_in_euro(self):
        """The printed figure in euros (the overview's thousands multiplied out)."""
        return self.bedrag * Bedragseenheid.factor(self.eenheid)

    @property
    def verschil(self):
        """Printed total minus the sum of the domains, in euros; None when the sum is unknown."""
        if self.som_van_de_domeinen is None:
            return None
        return self.bedrag_in_euro - self.som_van_de_domeinen
