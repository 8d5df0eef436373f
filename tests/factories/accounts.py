from __future__ import annotations

import factory
from django.contrib.auth.models import Group

from accounts.models import Audience, Department, User
from accounts.roles import Role
from accounts.services import user_set_roles

TEST_PASSWORD = "Correct-horse-battery-42"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Afdeling {n}")
    code = factory.Sequence(lambda n: f"AFD{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a usable password (TEST_PASSWORD) and, by default, the medewerker role."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@weerbaar.test")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    department = factory.SubFactory(DepartmentFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            user_set_roles(
                user=self, roles=extracted if extracted is not None else [Role.MEDEWERKER]
            )


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Doelgroep {n}")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(Group.objects.filter(name__in=[r.group_name for r in extracted]))

    @factory.post_generation
    def departments(self, create, extracted, **kwargs):
        if create and extracted:
            self.departments.set(extracted)
