"""Choices of the rapportage app: the P&C moments, an edition's workflow, its sections, moties."""

from django.db import models


class PcMoment(models.TextChoices):
    """The moments of the planning-and-control cycle through which the raad is informed (000 §5.4, 004)."""

    BEGROTING = "begroting", "Begroting"
    ZOMERNOTA = "zomernota", "Zomernota (voorjaarsnota)"
    VIERMAANDSRAPPORTAGE = "viermaandsrapportage", "Viermaandsrapportage"
    JAARSTUKKEN = "jaarstukken", "Jaarstukken"


class RapportageStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VASTGESTELD = "vastgesteld", "Vastgesteld door het college"
    GEPUBLICEERD = "gepubliceerd", "Gepubliceerd"
    VERVANGEN = "vervangen", "Vervangen door een correctie"


# A published (or replaced) edition is never edited again.
BEVROREN = (RapportageStatus.GEPUBLICEERD, RapportageStatus.VERVANGEN)
# What the raad, the griffie and the public may read.
OPENBAAR = BEVROREN


class Sectie(models.TextChoices):
    """The sections of the annex on the transformation in the Jaarstukken 2023 (002), in its order."""

    FINANCIEN = "financien", "Financiën"
    RISICOBEHEERSING = "risicobeheersing", "Risicobeheersing"
    MONITORING = "monitoring", "Monitoring en sturing"
    SOCIAAL_DOMEIN = "sociaal_domein", "Sociaal Domein in beeld"
    VOORTGANG = "voortgang", "Voortgang per actielijn"
    MOTIES = "moties", "Moties, amendementen en toezeggingen"
    # Not in the annex of 2023: what the participation trajectories brought in and what was done with it (§4.1).
    PARTICIPATIE = "participatie", "Participatie: wat deden we met de inbreng?"


class MotieSoort(models.TextChoices):
    MOTIE = "motie", "Motie"
    AMENDEMENT = "amendement", "Amendement"
    TOEZEGGING = "toezegging", "Toezegging"


class MotieStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEDAAN = "afgedaan", "Afgedaan"


class Exportsoort(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (XLSX)"
