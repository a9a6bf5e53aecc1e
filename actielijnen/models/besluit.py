"""The opdrachtgever's decision on an update that asked for one ("besluit nodig")."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from simple_history.models import HistoricalRecords

from kern.herkomst import Voorbeeldherkomst


class Besluit(Voorbeeldherkomst):
    """What the opdrachtgever decided on a progress update with `besluit_nodig`; one decision per update.

    An update that asks for a decision waits in the opdrachtgever's inbox until this exists, so "besluit nodig"
    always leads somewhere and the dashboard can count what is still open.
    """

    voortgangsrapportage = models.OneToOneField(
        "actielijnen.Voortgangsrapportage",
        verbose_name="update",
        on_delete=models.CASCADE,
        related_name="besluit",
    )
    datum = models.DateField("datum van het besluit", default=timezone.localdate)
    besluit = models.TextField("besluit")
    genomen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="genomen door", on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = "besluit op een update"
        verbose_name_plural = "besluiten op updates"

    def __str__(self):
        return f"Besluit {self.voortgangsrapportage} ({self.datum:%d-%m-%Y})"
