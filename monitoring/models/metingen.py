"""
The metingen of the indicators, one value per (indicator, periode, wijk, soort), what other sources print for the
same slot, and the period rule every model with a period follows (`_periode_controleren`).

Figures are Decimal, never float.
"""

from django.core.exceptions import ValidationError
from django.db import models

from simple_history.models import HistoricalRecords

from bronnen.models import Brondocument
from bronnen.velden import BronVeld
from kern.notatie import OngeldigePeriode, Periode
from monitoring.constants import MetingSoort, MetingStatus
from monitoring.models.imports import Import
from monitoring.models.indicatoren import Indicator
from monitoring.models.plaatsen import Vergelijkingsgebied, Wijk


def _periode_controleren(periode: str) -> None:
    """A ValidationError on the field `periode` unless it is a year, quarter or month (kern.notatie)."""
    try:
        Periode.parse(periode)
    except OngeldigePeriode as exc:
        raise ValidationError({"periode": str(exc)}) from exc


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
    gebied = models.ForeignKey(
        Vergelijkingsgebied,
        verbose_name="vergelijkingsgebied",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metingen",
        help_text="Leeg: een waarde van Hengelo zelf. Anders: een benchmark van een andere gemeente of regio.",
    )
    soort = models.CharField("soort", max_length=12, choices=MetingSoort)
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=4)
    decimalen = models.PositiveSmallIntegerField(
        "decimalen",
        null=True,
        blank=True,
        help_text="Zoveel decimalen als de bron schrijft (15,0% → 1); leeg: zo weinig als nodig.",
    )
    bron = BronVeld(blank=True)
    status = models.CharField("status", max_length=12, choices=MetingStatus, default=MetingStatus.DEFINITIEF)
    via_import = models.ForeignKey(
        Import,
        verbose_name="import",
        # The import that wrote this value stays: undo needs it, and the audit trail may not lose it.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="metingen",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "periode_begin", "soort"]
        verbose_name = "meting"
        verbose_name_plural = "metingen"
        permissions = [
            ("import_metingen", "Mag metingen importeren en imports ongedaan maken"),
            ("export_metingen", "Mag indicatoren en metingen exporteren"),
            ("view_kleine_aantallen", "Mag aantallen onder de drempel zien"),
            ("view_fitgap", "Mag het fit-gapoverzicht zien"),
        ]
        constraints = [
            # NULL wijk/gebied means "heel Hengelo"; SQL treats NULLs as distinct, hence three constraints.
            models.UniqueConstraint(
                fields=["indicator", "periode", "soort"],
                condition=models.Q(wijk__isnull=True, gebied__isnull=True),
                name="meting_uniek_hengelo",
            ),
            models.UniqueConstraint(
                fields=["indicator", "periode", "gebied", "soort"],
                condition=models.Q(gebied__isnull=False),
                name="meting_uniek_per_gebied",
            ),
            models.CheckConstraint(
                condition=models.Q(wijk__isnull=True) | models.Q(gebied__isnull=True),
                name="meting_wijk_of_gebied",
            ),
            models.UniqueConstraint(
                fields=["indicator", "periode", "wijk", "soort"],
                condition=models.Q(wijk__isnull=False),
                name="meting_uniek_per_wijk",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "soort", "periode_begin"], name="meting_reeks"),
            # The standing of every indicator reads only Hengelo's own figures, newest first per kind: a partial
            # index keeps that read to the city-wide rows, however many wijk and benchmark figures there are.
            models.Index(
                fields=["indicator", "soort", "-periode_begin"],
                condition=models.Q(wijk__isnull=True, gebied__isnull=True),
                name="meting_hengelo_reeks",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.periode} {self.get_soort_display()}: {self.waarde}"

    def save(self, *args, **kwargs):
        periode = Periode.parse(self.periode)
        self.periode, self.periode_begin = periode.tekst, periode.begin
        super().save(*args, **kwargs)

    def clean(self):
        """Refuse a period that is no year, quarter or month in Dutch next to the field (admin forms)."""
        super().clean()
        _periode_controleren(self.periode)


class AndereBronwaarde(models.Model):
    """What another source document prints for the same slot as a Meting (same indicator, period and kind).

    Meting keeps one value per slot (its unique key is what imports rely on); where a second source gives a
    different value, that value is kept here with its own source, flagged as a conflict, and a data-quality note
    quotes both. `waarde` is empty when the source prints "no value" for the slot (e.g. "n.v.t.").
    """

    meting = models.ForeignKey(
        Meting, verbose_name="meting", on_delete=models.CASCADE, related_name="andere_bronwaarden"
    )
    brondocument = models.ForeignKey(
        Brondocument, verbose_name="brondocument", on_delete=models.PROTECT, related_name="+"
    )
    bron = BronVeld()
    cel = models.CharField("cel zoals gedrukt", max_length=60)
    waarde = models.DecimalField(
        "waarde",
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Leeg: de bron geeft geen waarde.",
    )
    decimalen = models.PositiveSmallIntegerField("decimalen", null=True, blank=True)
    is_conflict = models.BooleanField(
        "conflict",
        default=True,
        help_text="De bron geeft voor dezelfde meting iets anders dan de opgenomen waarde.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meting", "bron"]
        verbose_name = "waarde uit een andere bron"
        verbose_name_plural = "waarden uit andere bronnen"
        constraints = [models.UniqueConstraint(fields=["meting", "bron"], name="andere_bronwaarde_uniek")]

    def __str__(self):
        return f"{self.meting.indicator.code} {self.meting.periode}: {self.cel} ({self.bron})"
