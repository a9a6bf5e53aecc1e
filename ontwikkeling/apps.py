from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class OntwikkelingConfig(AppConfig):
    """The top floor, outside the product: tools for developers and the demo, never in production.

    Benchmarks (`benchmark*`), the soak test (`soak`), the ten-year test-data generator (`genereer_testdata`,
    `testdata.py`) and the labelled example history of the demo (`demo_laden`, `voorbeeldgeschiedenis.py`,
    `voorbeelden/`). The settings install it only with DEBUG on; installed without DEBUG it refuses to start.
    It may import every app; no app imports it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "ontwikkeling"
    verbose_name = "Ontwikkeling (alleen met DEBUG)"

    def ready(self):
        if not settings.DEBUG:
            raise ImproperlyConfigured(
                "De app 'ontwikkeling' (benchmarks, soak, testdata, demo) hoort niet in productie: "
                "zet DEBUG aan of haal hem uit INSTALLED_APPS."
            )
