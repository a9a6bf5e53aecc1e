from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The top floor: the read-only public API under /api/v1 and its DCAT-AP-NL catalogue.

    It serves only what raad and public may already read: published editions from their stored snapshot, the
    indicator series of rapportage.open_data and the OpenAPI document. It reads from rapportage (and the floors
    below); nothing imports it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "Open API"
