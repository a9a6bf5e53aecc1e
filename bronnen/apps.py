from django.apps import AppConfig


class BronnenConfig(AppConfig):
    """The floor above kern: what every app may use about the sources.

    The source documents (`Brondocument`), data-quality notes on any record (`Datakwaliteitsnotitie`) and the
    machinery of the loaders that fill the database from `fixtures/` (`laden.py`). It imports only kern.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "bronnen"
    verbose_name = "Bronnen en datakwaliteit"
