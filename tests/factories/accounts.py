from __future__ import annotations

import factory
from django.contrib.auth.models import Group
from django.urls import reverse

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


# -- What the Wagtail user admin's edit form posts ----------------------------------------------


def user_edit_url(user: User) -> str:
    return reverse("wagtailusers_users:edit", args=[user.pk])


def role_group(role: Role) -> Group:
    return Group.objects.get(name=role.group_name)


def user_edit_data(user: User, **overrides) -> dict:
    """The edit form's fields for ``user`` unchanged, with ``overrides`` applied; an override
    of None leaves that field out of the post."""
    data = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "personnel_number": user.personnel_number,
        "department": user.department_id or "",
        "start_date": "",
        "end_date": "",
        "is_active": "on",
        "groups": [group.pk for group in user.groups.all()],
        "password1": "",
        "password2": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
