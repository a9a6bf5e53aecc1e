from django.db import models


class ActiviteitStatus(models.TextChoices):
    # "onbekend" means no information, which is not the same as "gepland" (issue 3).
    ONBEKEND = "onbekend", "Onbekend"
    GEPLAND = "gepland", "Gepland (niet gestart)"
    IN_VOORBEREIDING = "in_voorbereiding", "In voorbereiding"
    LOPEND = "lopend", "Lopend"
    GEPAUZEERD = "gepauzeerd", "Gepauzeerd"
    AFGEROND = "afgerond", "Afgerond"


class RagStatus(models.TextChoices):
    GROEN = "groen", "Groen: op koers"
    ORANJE = "oranje", "Oranje: aandacht nodig"
    ROOD = "rood", "Rood: bijsturing nodig"


class Fase(models.TextChoices):
    VERKENNING = "verkenning", "Verkenning"
    OPDRACHTFORMULERING = "opdrachtformulering", "Opdrachtformulering"
    UITVOERING = "uitvoering", "Uitvoering"
    IMPLEMENTATIE = "implementatie", "Implementatie"
    BORGING = "borging", "Borging en evaluatie"


class OpdrachtbeschrijvingStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    TER_GOEDKEURING = "ter_goedkeuring", "Ter goedkeuring"
    VASTGESTELD = "vastgesteld", "Vastgesteld"


class RisicoCategorie(models.TextChoices):
    # Uitvoeringsplan §3, "Besparing en risicobeheersing".
    TE_VOORKOMEN = "te_voorkomen", "1. Te voorkomen risico's"
    STRATEGISCH = "strategisch", "2. Strategische risico's"
    EXTERN = "extern", "3. Externe risico's"


class RisicoStatus(models.TextChoices):
    ACTIEF = "actief", "Actief"
    VERVALLEN = "vervallen", "Vervallen (niet meer gevolgd)"


class RisicoWijzigingSoort(models.TextChoices):
    NIEUW = "nieuw", "Nieuw risico"
    BEOORDELING = "beoordeling", "Beoordeling gewijzigd"
    MAATREGEL_GEINTENSIVEERD = "maatregel_geintensiveerd", "Beheersmaatregel geïntensiveerd"
    KLEINER = "kleiner", "Risico kleiner geworden"
    GROTER = "groter", "Risico groter geworden"
    ONGEWIJZIGD = "ongewijzigd", "Ongewijzigd, toegelicht"
    # A source's explanation that does not say whether the risk changed (Jaarstukken 2023 on 2b): not classed.
    TOEGELICHT = "toegelicht", "Toegelicht (de bron zegt niet of het risico veranderde)"
    NIET_MEER_GEVOLGD = "niet_meer_gevolgd", "Niet meer apart gevolgd"


class PlanningswijzigingStatus(models.TextChoices):
    INGEDIEND = "ingediend", "Ingediend"
    AKKOORD = "akkoord", "Akkoord en doorgevoerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class AkkoordRol(models.TextChoices):
    # §2.2: a planning changes "alleen na overleg tussen de opdrachtgever, opdrachtnemer en opgavecoördinator".
    OPDRACHTGEVER = "opdrachtgever", "Opdrachtgever"
    OPDRACHTNEMER = "opdrachtnemer", "Opdrachtnemer"
    OPGAVECOORDINATOR = "opgavecoordinator", "Opgavecoördinator"


SCORE_SCHAAL = [(i, str(i)) for i in range(1, 6)]


class HerinneringSoort(models.TextChoices):
    BINNENKORT = "binnenkort", "Update binnenkort verwacht"
    VERLOPEN = "verlopen", "Update te laat"
