from django.apps import AppConfig


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = "Zakelijk partnerschap, participatie en communicatie"

    def ready(self):
        from participatie.aanhaakpunten import registreren

        registreren()
