from django.contrib.auth.models import AbstractUser
from django.db import models

from accounts.constants import Rol


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
