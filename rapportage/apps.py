from django.apps import AppConfig


class RapportageConfig(AppConfig):
    """The top floor: P&C editions for the raad, moties, and the outcome pages of college, raad and inwoners.

    It reads from every app below (actielijnen, monitoring, participatie); no app below imports it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "rapportage"
    verbose_name = "Rapportage aan de raad"
