import datetime

import factory
from factory.django import DjangoModelFactory

from actielijnen.constants import Fase, RagStatus
from actielijnen.models import (
    Actielijn,
    Activiteit,
    Mijlpaal,
    Opdrachtbeschrijving,
    Risico,
    Voortgangsrapportage,
)
from tests.accounts.factories import UserFactory


class ActielijnFactory(DjangoModelFactory):
    class Meta:
        model = Actielijn
        django_get_or_create = ("nummer",)

    nummer = factory.Sequence(lambda n: n + 1)
    naam = factory.Sequence(lambda n: f"Actielijn {n + 1}")
    beschrijving = "Beschrijving van de actielijn."
    bron = "test"


class ActiviteitFactory(DjangoModelFactory):
    class Meta:
        model = Activiteit
        skip_postgeneration_save = True

    sleutel = factory.Sequence(lambda n: f"activiteit-{n}")
    naam = factory.Sequence(lambda n: f"Activiteit {n}")
    actielijn = factory.SubFactory(ActielijnFactory, nummer=1)
    volgorde = factory.Sequence(lambda n: n)
    # On the agenda 2023 unless a test says otherwise (code=""): only agenda activities run. Codes without a
    # dot never collide with the plan's 1.1–4.7 and fit the field's five characters.
    code = factory.Sequence(lambda n: str(n % 100_000))
    geplande_start = "2023-Q2"
    gepland_einde = "2024-Q4"
    bron = "test"

    class Params:
        met_opdracht = factory.Trait(
            opdrachtbeschrijving=factory.RelatedFactory(
                "tests.actielijnen.factories.OpdrachtbeschrijvingFactory", factory_related_name="activiteit"
            )
        )


class OpdrachtbeschrijvingFactory(DjangoModelFactory):
    class Meta:
        model = Opdrachtbeschrijving

    activiteit = factory.SubFactory(ActiviteitFactory)

    class Params:
        compleet = factory.Trait(
            beschrijving="Wat",
            doelen="Waarom",
            resultaten="Wat levert het op",
            aanpak="Hoe",
            projectorganisatie="Wie",
            monitoring="Hoe volgen we het",
        )


class VoortgangsrapportageFactory(DjangoModelFactory):
    class Meta:
        model = Voortgangsrapportage

    activiteit = factory.SubFactory(ActiviteitFactory)
    auteur = factory.SubFactory(UserFactory)
    datum = factory.LazyFunction(datetime.date.today)
    periode = "2025-05"
    rag = RagStatus.GROEN
    percentage_gereed = 40
    fase = Fase.UITVOERING
    toelichting = "Loopt volgens plan."


class MijlpaalFactory(DjangoModelFactory):
    class Meta:
        model = Mijlpaal

    activiteit = factory.SubFactory(ActiviteitFactory)
    omschrijving = factory.Sequence(lambda n: f"Mijlpaal {n}")
    datum_gepland = datetime.date(2024, 6, 1)


class RisicoFactory(DjangoModelFactory):
    class Meta:
        model = Risico

    activiteit = factory.SubFactory(ActiviteitFactory)
    omschrijving = factory.Sequence(lambda n: f"Risico {n}")
    kans = 3
    impact = 4
