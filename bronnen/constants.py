from django.db import models


class Ernst(models.TextChoices):
    INFORMATIE = "informatie", "Ter informatie"
    WAARSCHUWING = "waarschuwing", "Waarschuwing: waarde met voorbehoud opgenomen"
    UITGESLOTEN = "uitgesloten", "Uitgesloten: waarde niet opgenomen"


class Begripsoort(models.TextChoices):
    """The two parts of the Scenario document's "Afkortingen en begrippenlijst"."""

    AFKORTING = "afkorting", "Afkorting"
    BEGRIP = "begrip", "Begrip"
