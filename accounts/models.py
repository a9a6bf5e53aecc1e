from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from accounts.constants import Rol, Roltoekenningsoort, Roltoekenningstatus


class User(AbstractUser):
    """A person who uses the monitor. Roles are Django groups named after `Rol` values."""

    functie = models.CharField("functie", max_length=200, blank=True)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    @property
    def rollen(self) -> set[str]:
        """The `Rol` values this user holds (cached per instance: group names never change mid-request)."""
        if not hasattr(self, "_rollen_cache"):
            namen = {group.name for group in self.groups.all()}
            self._rollen_cache = {rol for rol in Rol.values if rol in namen}
        return self._rollen_cache

    def heeft_rol(self, rol: str) -> bool:
        return rol in self.rollen

    def weergavenaam(self) -> str:
        return self.get_full_name() or self.username


class Roltoekenning(models.Model):
    """One change of a user's roles: the log of who granted or withdrew which role, and who approved it.

    Append-only: rows are made by accounts/services.py and only a pending request changes, once, to doorgevoerd
    or afgewezen. A role that publishes or decides (`ROLLEN_MET_BESLISMACHT`) is not given until a second
    beheerder, neither the requester nor the user, approves it.
    """

    gebruiker = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="roltoekenningen", verbose_name="gebruiker"
    )
    rol = models.CharField("rol", max_length=30, choices=Rol.choices)
    soort = models.CharField("soort", max_length=20, choices=Roltoekenningsoort.choices)
    status = models.CharField("status", max_length=20, choices=Roltoekenningstatus.choices)
    aangevraagd_door = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name="aangevraagd door"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", default=timezone.now)
    aangevraagd_vanaf = models.GenericIPAddressField("adres van de aanvrager", null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="beoordeeld door",
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    beoordeeld_vanaf = models.GenericIPAddressField("adres van de beoordelaar", null=True, blank=True)

    class Meta:
        verbose_name = "roltoekenning"
        verbose_name_plural = "roltoekenningen"
        ordering = ["-aangevraagd_op", "-pk"]
        permissions = [
            ("beoordelen_roltoekenning", "Mag een roltoekenning van een ander goedkeuren of afwijzen")
        ]
        indexes = [models.Index(fields=["status", "-aangevraagd_op"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} van de rol {self.get_rol_display()} aan {self.gebruiker}"
