from django.apps import AppConfig


class ActielijnenConfig(AppConfig):
    name = "actielijnen"
    verbose_name = "Actielijnen en activiteiten"
