"""Risks: the ten base risks of the transformatieplan (§3) and activity-specific risks that refer to them."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.formats import date_format

from simple_history.models import HistoricalRecords

from actielijnen.constants import SCORE_SCHAAL, RisicoCategorie, RisicoStatus, RisicoWijzigingSoort
from bronnen.velden import BronVeld
from kern.herkomst import Voorbeeldherkomst

# A risk with kans × impact at or above RISICO_DREMPEL is "hoog", at or above MIDDEL_DREMPEL "middel", else "laag":
# the bands of the dashboard's matrix, the register's "boven de drempel" and the dashboard's count alike.
RISICO_DREMPEL = 15
MIDDEL_DREMPEL = 8


class RisicoQuerySet(models.QuerySet):
    def basisrisicos(self):
        return self.filter(activiteit__isnull=True).exclude(code="")

    def actief(self):
        return self.filter(status=RisicoStatus.ACTIEF)

    def met_score(self):
        return self.annotate(score_db=F("kans") * F("impact"))


class Risico(Voorbeeldherkomst):
    code = models.CharField(
        "code", max_length=4, blank=True, help_text="1a–3d voor de basisrisico's van het transformatieplan."
    )
    sleutel = models.SlugField(
        "sleutel",
        max_length=100,
        blank=True,
        help_text="Vaste sleutel van risico's die uit de brondocumenten komen.",
    )
    categorie = models.CharField("categorie", max_length=20, choices=RisicoCategorie, blank=True)
    omschrijving = models.CharField("omschrijving", max_length=300)
    toelichting = models.TextField("toelichting", blank=True)
    activiteit = models.ForeignKey(
        "actielijnen.Activiteit",
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="risicos",
        help_text="Leeg voor risico's van het transformatieplan als geheel.",
    )
    basisrisico = models.ForeignKey(
        "self",
        verbose_name="basisrisico",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afgeleide_risicos",
        limit_choices_to={"activiteit__isnull": True},
    )
    kans = models.PositiveSmallIntegerField("kans (1–5)", choices=SCORE_SCHAAL, null=True, blank=True)
    impact = models.PositiveSmallIntegerField("impact (1–5)", choices=SCORE_SCHAAL, null=True, blank=True)
    beheersmaatregel = models.TextField("beheersmaatregel", blank=True)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="eigenaar",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="risicos",
    )
    status = models.CharField("status", max_length=20, choices=RisicoStatus, default=RisicoStatus.ACTIEF)
    bron = BronVeld(blank=True)
    history = HistoricalRecords()

    objects = RisicoQuerySet.as_manager()

    class Meta:
        ordering = ["code", "omschrijving"]
        verbose_name = "risico"
        verbose_name_plural = "risico's"
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~models.Q(code=""), name="risico_code_uniek"),
            models.UniqueConstraint(
                fields=["sleutel"], condition=~models.Q(sleutel=""), name="risico_sleutel_uniek"
            ),
        ]

    def __str__(self):
        return f"{self.code}. {self.omschrijving}" if self.code else self.omschrijving

    def get_absolute_url(self):
        return reverse("actielijnen:risico_detail", kwargs={"pk": self.pk})

    @property
    def score(self) -> int | None:
        """Kans × impact (1–25); None while either is not assessed."""
        if self.kans is None or self.impact is None:
            return None
        return self.kans * self.impact

    @property
    def score_woord(self) -> str:
        """The score as a word: "hoog", "middel" or "laag"; "" while the risk is not assessed."""
        score = self.score
        if score is None:
            return ""
        if score >= RISICO_DREMPEL:
            return "hoog"
        return "middel" if score >= MIDDEL_DREMPEL else "laag"

    @property
    def is_basisrisico(self) -> bool:
        return self.activiteit_id is None and bool(self.code)

    @property
    def betreft(self) -> str:
        """What the risk belongs to, short: "Programma" for a risk of the plan as a whole, else the activity."""
        if self.activiteit_id is None:
            return "Programma"
        return self.activiteit.code or self.activiteit.naam


class RisicoWijziging(Voorbeeldherkomst):
    """A dated entry in a risk's log: a changed assessment, an intensified measure, a risk no longer tracked."""

    risico = models.ForeignKey(
        Risico, on_delete=models.CASCADE, related_name="wijzigingen", verbose_name="risico"
    )
    datum = models.DateField("datum")
    # The Jaarstukken 2023 date none of their changes: they are dated at the end of the reporting year, and the
    # pages say that this date is an assumption (issue 24: no default shown as a fact).
    datum_aangenomen = models.BooleanField(
        "datum aangenomen",
        default=False,
        help_text="De bron noemt geen datum; de datum is het einde van het verslagjaar.",
    )
    soort = models.CharField("soort wijziging", max_length=30, choices=RisicoWijzigingSoort)
    toelichting = models.TextField("toelichting")
    kans = models.PositiveSmallIntegerField("nieuwe kans", choices=SCORE_SCHAAL, null=True, blank=True)
    impact = models.PositiveSmallIntegerField("nieuwe impact", choices=SCORE_SCHAAL, null=True, blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    bron = BronVeld(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = "risicowijziging"
        verbose_name_plural = "risicowijzigingen"

    def __str__(self):
        return f"{self.risico} — {self.get_soort_display()} ({self.datum:%d-%m-%Y})"

    @property
    def datum_tekst(self) -> str:
        """The date as a reader reads it, with "aangenomen" when the source gives none."""
        tekst = date_format(self.datum, "j F Y")
        return f"{tekst} (aangenomen: de bron noemt geen datum)" if self.datum_aangenomen else tekst
