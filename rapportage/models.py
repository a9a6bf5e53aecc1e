"""
Editions for the raad (Rapportage), their workflow and stored exports, and the raad's moties.

An edition stores a snapshot (`inhoud`) of everything it shows, taken when it is made: the raad, the griffie
and the public read only that, never live rows. Once published it is frozen: `save()` refuses any change but
the step to "vervangen" when a correction replaces it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from simple_history.models import HistoricalRecords

from kern.herkomst import Voorbeeldherkomst
from rapportage.constants import BEVROREN, Exportsoort, MotieSoort, MotieStatus, PcMoment, RapportageStatus

# Fields that describe what an edition says; frozen once it is published.
INHOUDSVELDEN = ("pc_moment", "jaar", "titel", "peildatum", "zaaknummer", "inhoud", "toelichtingen", "versie")


class Rapportage(Voorbeeldherkomst):
    """One edition of the report on the transformation to the raad, tied to a moment of the P&C cycle."""

    pc_moment = models.CharField("P&C-moment", max_length=30, choices=PcMoment)
    jaar = models.PositiveSmallIntegerField("jaar")
    titel = models.CharField("titel", max_length=200)
    peildatum = models.DateField("peildatum")
    zaaknummer = models.CharField("zaaknummer", max_length=30, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=RapportageStatus, default=RapportageStatus.CONCEPT
    )
    versie = models.PositiveSmallIntegerField("versie", default=1)
    vervangt = models.OneToOneField(
        "self",
        verbose_name="vervangt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervangen_door",
        help_text="De gepubliceerde editie die deze correctie vervangt.",
    )
    inhoud = models.JSONField("momentopname", default=dict, editable=False)
    toelichtingen = models.JSONField("toelichtingen per sectie", default=dict, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="aangemaakt door", on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now)
    gepubliceerd_op = models.DateTimeField("gepubliceerd op", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["inhoud"])

    class Meta:
        ordering = ["-peildatum", "-versie", "-pk"]
        verbose_name = "rapportage aan de raad"
        verbose_name_plural = "rapportages aan de raad"
        permissions = [
            ("vaststellen_rapportage", "Mag rapportages vaststellen en publiceren (college)"),
            ("view_actueel", "Mag actuele, nog niet gepubliceerde gegevens zien"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pc_moment", "jaar", "versie", "peildatum"], name="rapportage_uniek_per_moment"
            )
        ]

    def __str__(self):
        versie = f" (versie {self.versie})" if self.versie > 1 else ""
        return f"{self.titel}{versie}"

    def save(self, *args, **kwargs):
        if self.pk:
            opgeslagen = Rapportage.objects.filter(pk=self.pk).values(*INHOUDSVELDEN, "status").first()
            if opgeslagen and opgeslagen["status"] in BEVROREN:
                gewijzigd = [v for v in INHOUDSVELDEN if opgeslagen[v] != getattr(self, v)]
                terug = self.status not in BEVROREN
                if gewijzigd or terug:
                    raise ValidationError(
                        "Een gepubliceerde rapportage wordt nooit gewijzigd. Maak een correctie: een nieuwe "
                        "versie die haar vervangt."
                    )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("rapportage:editie", kwargs={"pk": self.pk})

    def delete(self, *args, **kwargs):
        if self.is_bevroren:
            raise ValidationError("Een gepubliceerde rapportage kan niet worden verwijderd.")
        return super().delete(*args, **kwargs)

    @property
    def is_bevroren(self) -> bool:
        return self.status in BEVROREN

    @property
    def is_concept(self) -> bool:
        return self.status == RapportageStatus.CONCEPT


class Statusovergang(models.Model):
    """Who moved an edition from one status to the next, and when."""

    rapportage = models.ForeignKey(
        Rapportage, verbose_name="rapportage", on_delete=models.CASCADE, related_name="statusovergangen"
    )
    van = models.CharField("van", max_length=20, choices=RapportageStatus, blank=True)
    naar = models.CharField("naar", max_length=20, choices=RapportageStatus)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField("op", default=timezone.now)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = "statusovergang"
        verbose_name_plural = "statusovergangen"

    def __str__(self):
        return f"{self.get_van_display() or 'nieuw'} → {self.get_naar_display()} ({self.op:%d-%m-%Y %H:%M})"


class Exportbestand(models.Model):
    """The PDF or XLSX of a published edition, made once at publication and served byte for byte after."""

    rapportage = models.ForeignKey(
        Rapportage, verbose_name="rapportage", on_delete=models.PROTECT, related_name="exportbestanden"
    )
    soort = models.CharField("soort", max_length=10, choices=Exportsoort)
    bestandsnaam = models.CharField("bestandsnaam", max_length=200)
    inhoud = models.BinaryField("inhoud")
    sha256 = models.CharField("SHA-256", max_length=64)
    gemaakt_op = models.DateTimeField("gemaakt op", default=timezone.now)

    class Meta:
        verbose_name = "exportbestand"
        verbose_name_plural = "exportbestanden"
        constraints = [models.UniqueConstraint(fields=["rapportage", "soort"], name="export_een_per_soort")]

    def __str__(self):
        return self.bestandsnaam


class Motie(models.Model):
    """A motie, amendement or toezegging of the raad on the transformation, registered by the griffie."""

    soort = models.CharField("soort", max_length=20, choices=MotieSoort, default=MotieSoort.MOTIE)
    nummer = models.CharField(
        "nummer", max_length=30, help_text="Zoals de griffie hem nummert, bijv. M2023-14."
    )
    titel = models.CharField("titel", max_length=200)
    datum = models.DateField("datum")
    vergadering = models.CharField(
        "vergadering", max_length=200, help_text="Bijvoorbeeld 'Raad 11 juli 2023'."
    )
    tekst = models.TextField("tekst (dictum)")
    status = models.CharField("status", max_length=20, choices=MotieStatus, default=MotieStatus.OPEN)
    uitvoering = models.TextField("wat het college deed", blank=True)
    activiteiten = models.ManyToManyField(
        "actielijnen.Activiteit", verbose_name="activiteiten", blank=True, related_name="moties"
    )
    indicatoren = models.ManyToManyField(
        "monitoring.Indicator", verbose_name="beleidsindicatoren", blank=True, related_name="moties"
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="geregistreerd door",
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords(m2m_fields=[activiteiten, indicatoren])

    class Meta:
        ordering = ["-datum", "nummer"]
        verbose_name = "motie, amendement of toezegging"
        verbose_name_plural = "moties, amendementen en toezeggingen"
        constraints = [models.UniqueConstraint(fields=["soort", "nummer"], name="motie_nummer_uniek")]

    def __str__(self):
        return f"{self.get_soort_display()} {self.nummer}: {self.titel}"

    def get_absolute_url(self):
        return reverse("rapportage:motie", kwargs={"pk": self.pk})
