from django.apps import AppConfig


class KernConfig(AppConfig):
    """The bottom floor: the machinery every app runs on, about no part of the domain.

    The lost-update guard (`gelijktijdigheid.py`), the change history as users read it (`geschiedenis.py`),
    background jobs with their progress (`taken.py`, model `Achtergrondtaak`), the form base classes
    (`forms.py`) and Dutch notation of numbers, periods and plurals (`notatie.py`).
    It imports no other app of the project.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "kern"
    verbose_name = "Kern"
