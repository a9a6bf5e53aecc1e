from django.db import models


class Rol(models.TextChoices):
    """The roles of the programme organisation (uitvoeringsplan §2.2, §4, §5.3). Each is a Django group."""

    TREKKER = "trekker", "Trekker (actiehouder)"
    OPDRACHTGEVER = "opdrachtgever", "Opdrachtgever"
    OPGAVECOORDINATOR = "opgavecoordinator", "Opgavecoördinator"
    MANAGER = "manager", "Manager sociaal domein (accounthouder)"
    COLLEGE = "college", "College"
    RAAD = "raad", "Raad"
    GRIFFIE = "griffie", "Griffie"
    BEHEERDER = "beheerder", "Beheerder (datakernteam)"
