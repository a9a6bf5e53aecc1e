from django.db import models


class Ernst(models.TextChoices):
    INFORMATIE = "informatie", "Ter informatie"
    WAARSCHUWING = "waarschuwing", "Waarschuwing: waarde met voorbehoud opgenomen"
    UITGESLOTEN = "uitgesloten", "Uitgesloten: waarde niet opgenomen"
