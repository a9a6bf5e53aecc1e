from django.apps import AppConfig


class BronnenConfig(AppConfig):
    """The bottom floor: what every app may use about the sources.

    Data-quality notes (`Datakwaliteitsnotitie`), the Dutch number notation of the source documents
    (`notatie.py`) and the machinery of the loaders that fill the database from `fixtures/` (`laden.py`).
    It imports no other app of the project.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "bronnen"
    verbose_name = "Bronnen en datakwaliteit"
