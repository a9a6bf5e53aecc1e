from django.contrib.auth.models import Group

import factory
from factory.django import DjangoModelFactory

from accounts.models import User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = "Achternaam"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("Hengelo-test-2025")

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        for rol in extracted or []:
            self.groups.add(Group.objects.get(name=rol))
