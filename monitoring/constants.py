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


class GebiedSoort(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente"
    REGIO = "regio", "Regio"
    LAND = "land", "Land"


class Domein(models.TextChoices):
    JEUGD = "jeugd", "Jeugd"
    WMO = "wmo", "Wmo"
    WERK_INKOMEN = "wi", "Werk & Inkomen (W&I)"


class FinancienSoort(models.TextChoices):
    TRANSFORMATIEBUDGET = "transformatiebudget", "Incidenteel transformatiebudget"
    BUDGET_BESTEED = "besteed", "Besteed transformatiebudget"
    INVESTERING = "investering", "Structurele investering"
    TAAKSTELLING = "taakstelling", "Besparingspotentieel / taakstelling (gepland)"
    BESPARING_GEREALISEERD = "gerealiseerd", "Gerealiseerde besparing"
    BESPARING_NIET_BEHAALD = "niet_behaald", "Beoogde besparing niet behaald"
    SCENARIO = "scenario", "Berekende besparing in een scenario"


class KerncijferOnderwerp(models.TextChoices):
    OVER_HENGELO = "over_hengelo", "Over Hengelo"
    GEBRUIK_MAATWERK = "gebruik_maatwerk", "Gebruik maatwerk"
    UITGAVEN = "uitgaven", "Uitgaven"


class Indeling(models.TextChoices):
    LANG = "lang", "Lang: één meting per rij"
    BREED = "breed", "Breed: één kolom per jaar"


class ScenarioTabel(models.TextChoices):
    """The two tables of the Scenario's document that print a scenario's total per year."""

    DOORREKENING = "doorrekening", "Doorrekening: Totaal Scenario"
    OP_EEN_RIJ = "op_een_rij", "Scenario's op een rij"


class Bedragseenheid(models.TextChoices):
    EURO = "euro", "euro"
    DUIZEND_EURO = "duizend_euro", "duizenden euro's"

    @classmethod
    def factor(cls, eenheid: str) -> int:
        return 1000 if eenheid == cls.DUIZEND_EURO else 1
