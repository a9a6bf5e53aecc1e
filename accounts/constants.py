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


# Roles that publish or decide: the college sets and publishes editions, the opdrachtgever approves, the griffie
# registers moties, the beheerder hands out roles. Granting one of them takes a second beheerder's approval
# (accounts/services.py), so no one grants themself power through an account of their own.
ROLLEN_MET_BESLISMACHT = frozenset({Rol.COLLEGE, Rol.OPDRACHTGEVER, Rol.GRIFFIE, Rol.BEHEERDER})


class Roltoekenningsoort(models.TextChoices):
    TOEKENNING = "toekenning", "Toekenning"
    INTREKKING = "intrekking", "Intrekking"


class Roltoekenningstatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "Wacht op een tweede beheerder"
    DOORGEVOERD = "doorgevoerd", "Doorgevoerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
