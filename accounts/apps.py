from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self):
        from accounts.services import rollen_synchroniseren

        # Every fresh database gets the role groups and their permissions.
        post_migrate.connect(rollen_synchroniseren, dispatch_uid="accounts.rollen_synchroniseren")
