from django.db import models


class Eenheid(models.TextChoices):
    PERCENTAGE = "percentage", "Percentage"
    AANTAL = "aantal", "Aantal"
    BEDRAG = "bedrag", "Bedrag in euro"
    RAPPORTCIJFER = "rapportcijfer", "Rapportcijfer"


class Richting(models.TextChoices):
    HOGER_IS_BETER = "hoger", "Hoger is beter"
    LAGER_IS_BETER = "lager", "Lager is beter"


class IndicatorSoort(models.TextChoices):
    EFFECT_KWALITATIEF = "effect_kwalitatief", "Effect (kwalitatief)"
    EFFECT_KWANTITATIEF = "effect_kwantitatief", "Effect (kwantitatief)"
    PROCES = "proces", "Proces"
    UITKOMST = "uitkomst", "Uitkomst"
    IMPACT = "impact", "Impact"


class OutputOutcome(models.TextChoices):
    OUTPUT = "output", "Output (prestatie)"
    OUTCOME = "outcome", "Outcome (effect)"


class FitGap(models.TextChoices):
    # §5.1: groen = data toegankelijk; oranje = in huis, bewerking nodig; rood = niet binnen twee jaar.
    GROEN = "groen", "Groen: data beschikbaar"
    ORANJE = "oranje", "Oranje: beschikbaar, bewerking nodig"
    ROOD = "rood", "Rood: niet beschikbaar binnen twee jaar"


class MetingSoort(models.TextChoices):
    PEILWAARDE = "peil", "Peilwaarde"
    STREEFWAARDE = "streef", "Streefwaarde"
    REALISATIE = "realisatie", "Realisatie"
    PROGNOSE = "prognose", "Prognose"


class MetingStatus(models.TextChoices):
    VOORLOPIG = "voorlopig", "Voorlopig"
    DEFINITIEF = "definitief", "Definitief"


class Ernst(models.TextChoices):
    INFORMATIE = "informatie", "Ter informatie"
    WAARSCHUWING = "waarschuwing", "Waarschuwing: waarde met voorbehoud opgenomen"
    UITGESLOTEN = "uitgesloten", "Uitgesloten: waarde niet opgenomen"
