"""Progress of an activity: updates by the trekker, milestones and planning-change requests."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone

from simple_history.models import HistoricalRecords

from actielijnen.constants import (
    ActiviteitStatus,
    AkkoordRol,
    Fase,
    HerinneringSoort,
    PlanningswijzigingStatus,
    RagStatus,
)
from kern.herkomst import Voorbeeldherkomst
from kern.notatie import kwartaal_valideren


class Voortgangsrapportage(Voorbeeldherkomst):
    """One dated progress update of an activity by its trekker."""

    activiteit = models.ForeignKey(
        "actielijnen.Activiteit",
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        related_name="voortgangsrapportages",
    )
    datum = models.DateField("datum", default=timezone.localdate)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur",
        on_delete=models.PROTECT,
        related_name="voortgangsrapportages",
    )
    periode = models.CharField("periode", max_length=20, help_text="Bijvoorbeeld 2023-Q2 of 2023-05.")
    rag = models.CharField("stoplichtkleur", max_length=10, choices=RagStatus)
    percentage_gereed = models.PositiveSmallIntegerField(
        "percentage gereed", validators=[MaxValueValidator(100)]
    )
    fase = models.CharField("fase", max_length=30, choices=Fase)
    status = models.CharField(
        "status van de activiteit",
        max_length=20,
        choices=ActiviteitStatus,
        blank=True,
        help_text="De status die de activiteit met deze update kreeg; leeg bij oudere updates.",
    )
    toelichting = models.TextField("toelichting")
    knelpunten = models.TextField("knelpunten", blank=True)
    besluit_nodig = models.BooleanField("besluit nodig", default=False)
    besluit_omschrijving = models.TextField("welk besluit is nodig", blank=True)
    verhalen = models.TextField(
        "verhalen en casuïstiek",
        blank=True,
        help_text="Cijfers zeggen niet alles: ervaringen, casuïstiek, verhalen.",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-pk"]
        get_latest_by = ["datum", "pk"]
        verbose_name = "voortgangsrapportage"
        verbose_name_plural = "voortgangsrapportages"
        indexes = [
            models.Index(fields=["activiteit", "-datum"], name="voortgang_activiteit_datum"),
            # The freshness footer on every page asks for the newest update: an index answers it in O(log n).
            models.Index(fields=["aangemaakt_op"], name="voortgang_aangemaakt_op"),
        ]

    def __str__(self):
        return f"{self.activiteit} — {self.datum:%d-%m-%Y}"

    def clean(self):
        if self.besluit_nodig and not self.besluit_omschrijving.strip():
            raise ValidationError({"besluit_omschrijving": "Beschrijf welk besluit nodig is."})


class Mijlpaal(Voorbeeldherkomst):
    activiteit = models.ForeignKey(
        "actielijnen.Activiteit",
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        related_name="mijlpalen",
    )
    omschrijving = models.CharField("omschrijving", max_length=300)
    datum_gepland = models.DateField("gepland op")
    datum_bereikt = models.DateField("bereikt op", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum_gepland", "pk"]
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"

    def __str__(self):
        return self.omschrijving

    def is_te_laat(self, peildatum=None) -> bool:
        """Overdue: not reached and the due date has passed."""
        peildatum = peildatum or timezone.localdate()
        return self.datum_bereikt is None and self.datum_gepland < peildatum


class Planningswijziging(Voorbeeldherkomst):
    """A request to change an activity's planning; it takes effect only when all three roles of §2.2 agreed."""

    activiteit = models.ForeignKey(
        "actielijnen.Activiteit",
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        related_name="planningswijzigingen",
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="aangevraagd door", on_delete=models.PROTECT, related_name="+"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", default=timezone.now)
    reden = models.TextField("reden")
    nieuwe_start = models.CharField("nieuwe start", max_length=7, blank=True, validators=[kwartaal_valideren])
    nieuw_einde = models.CharField("nieuw einde", max_length=7, blank=True, validators=[kwartaal_valideren])
    status = models.CharField(
        "status", max_length=20, choices=PlanningswijzigingStatus, default=PlanningswijzigingStatus.INGEDIEND
    )
    doorgevoerd_op = models.DateTimeField("doorgevoerd op", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-aangevraagd_op"]
        verbose_name = "planningswijziging"
        verbose_name_plural = "planningswijzigingen"

    def __str__(self):
        return f"Planningswijziging {self.activiteit} ({self.get_status_display()})"

    def clean(self):
        if not self.nieuwe_start and not self.nieuw_einde:
            raise ValidationError("Geef een nieuwe start, een nieuw einde of beide.")
        if self.nieuwe_start and self.nieuw_einde and self.nieuwe_start > self.nieuw_einde:
            raise ValidationError({"nieuw_einde": "Het einde ligt vóór de start."})

    def ontbrekende_akkoorden(self, akkoorden=None) -> list[str]:
        """Roles of §2.2 that have not yet agreed."""
        akkoorden = akkoorden if akkoorden is not None else list(self.akkoorden.all())
        gegeven = {a.rol for a in akkoorden if a.akkoord}
        return [rol for rol in AkkoordRol.values if rol not in gegeven]


class PlanningswijzigingAkkoord(Voorbeeldherkomst):
    """The decision of one role on a planning change."""

    planningswijziging = models.ForeignKey(
        Planningswijziging,
        on_delete=models.CASCADE,
        related_name="akkoorden",
        verbose_name="planningswijziging",
    )
    rol = models.CharField("rol", max_length=20, choices=AkkoordRol)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT, related_name="+"
    )
    akkoord = models.BooleanField("akkoord")
    toelichting = models.TextField("toelichting", blank=True)
    datum = models.DateTimeField("datum", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "akkoord op planningswijziging"
        verbose_name_plural = "akkoorden op planningswijzigingen"
        constraints = [
            models.UniqueConstraint(fields=["planningswijziging", "rol"], name="akkoord_een_per_rol"),
        ]

    def __str__(self):
        return f"{self.get_rol_display()}: {'akkoord' if self.akkoord else 'niet akkoord'}"


class Jaarsamenvatting(Voorbeeldherkomst):
    """A multi-year activity's summary of one calendar year, kept beside its updates."""

    activiteit = models.ForeignKey(
        "actielijnen.Activiteit",
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        related_name="jaarsamenvattingen",
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    samenvatting = models.TextField("samenvatting")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.PROTECT, related_name="+"
    )
    bijgewerkt_op = models.DateTimeField("bijgewerkt op", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar"]
        verbose_name = "jaarsamenvatting"
        verbose_name_plural = "jaarsamenvattingen"
        constraints = [
            models.UniqueConstraint(fields=["activiteit", "jaar"], name="jaarsamenvatting_een_per_jaar"),
        ]

    def __str__(self):
        return f"{self.activiteit} {self.jaar}"


class Herinnering(models.Model):
    """A reminder e-mail sent to a trekker; recorded so that `stuur_herinneringen` never sends one twice."""

    activiteit = models.ForeignKey(
        "actielijnen.Activiteit",
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        related_name="herinneringen",
    )
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ontvanger", on_delete=models.CASCADE, related_name="+"
    )
    soort = models.CharField("soort", max_length=10, choices=HerinneringSoort)
    vervaldatum = models.DateField("update verwacht op")
    verzonden_op = models.DateTimeField("verzonden op", default=timezone.now)

    class Meta:
        ordering = ["-verzonden_op"]
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        constraints = [
            models.UniqueConstraint(
                fields=["activiteit", "ontvanger", "soort", "vervaldatum"], name="herinnering_eenmalig"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.activiteit} ({self.vervaldatum:%d-%m-%Y})"
