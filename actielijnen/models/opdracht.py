"""Opdrachtbeschrijving: the six parts of §3 plus savings and investment per year."""

from django.conf import settings
from django.db import models

from simple_history.models import HistoricalRecords

from actielijnen.constants import OpdrachtbeschrijvingStatus
from kern.herkomst import Voorbeeldherkomst


class Opdrachtbeschrijving(Voorbeeldherkomst):
    activiteit = models.OneToOneField(
        "actielijnen.Activiteit",
        verbose_name="activiteit",
        on_delete=models.CASCADE,
        related_name="opdrachtbeschrijving",
    )
    beschrijving = models.TextField("1. beschrijving van de opdracht", blank=True)
    doelen = models.TextField("2. wat willen we bereiken (doelen)", blank=True)
    resultaten = models.TextField("3. welke resultaten leveren we op", blank=True)
    aanpak = models.TextField("4. wat is de aanpak om de resultaten te bereiken", blank=True)
    projectorganisatie = models.TextField("5. hoe ziet de projectorganisatie eruit", blank=True)
    monitoring = models.TextField("6. hoe gaan we het monitoren", blank=True)
    status = models.CharField(
        "status",
        max_length=20,
        choices=OpdrachtbeschrijvingStatus,
        default=OpdrachtbeschrijvingStatus.CONCEPT,
    )
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="vastgesteld door",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    vastgesteld_op = models.DateTimeField("vastgesteld op", null=True, blank=True)
    history = HistoricalRecords()

    ONDERDELEN = ("beschrijving", "doelen", "resultaten", "aanpak", "projectorganisatie", "monitoring")

    class Meta:
        verbose_name = "opdrachtbeschrijving"
        verbose_name_plural = "opdrachtbeschrijvingen"

    def __str__(self):
        return f"Opdrachtbeschrijving {self.activiteit}"

    def ontbrekende_onderdelen(self) -> list[str]:
        """Labels of the six parts that are still empty."""
        return [
            str(self._meta.get_field(naam).verbose_name)
            for naam in self.ONDERDELEN
            if not getattr(self, naam).strip()
        ]


class BesparingEnInvestering(models.Model):
    """Savings potential and required investment of one opdrachtbeschrijving in one year (§3)."""

    opdrachtbeschrijving = models.ForeignKey(
        Opdrachtbeschrijving,
        on_delete=models.CASCADE,
        related_name="jaarbedragen",
        verbose_name="opdrachtbeschrijving",
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    besparingspotentieel = models.DecimalField(
        "besparingspotentieel (€)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    benodigde_investering = models.DecimalField(
        "benodigde investering (€)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["jaar"]
        verbose_name = "besparing en investering per jaar"
        verbose_name_plural = "besparingen en investeringen per jaar"
        constraints = [
            models.UniqueConstraint(
                fields=["opdrachtbeschrijving", "jaar"], name="jaarbedrag_uniek_per_jaar"
            ),
        ]

    def __str__(self):
        return f"{self.opdrachtbeschrijving.activiteit} {self.jaar}"
