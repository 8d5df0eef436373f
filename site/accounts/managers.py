from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.db import models


def normalize_email_address(email: str) -> str:
    """Lower-case the whole address: people type their work address in any case."""
    return email.strip().lower()


class UserQuerySet(models.QuerySet):
    def active(self) -> UserQuerySet:
        return self.filter(is_active=True)

    def new_employees(self, *, today: date) -> UserQuerySet:
        """People whose start date lies within the new-employee period (see settings)."""
        since = today - timedelta(days=settings.WEERBAAR_NEW_EMPLOYEE_PERIOD_DAYS)
        return self.filter(start_date__gt=since, start_date__lte=today)

    def with_role(self, role) -> UserQuerySet:
        return self.filter(groups__name=role.group_name)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    """Users log in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalize_email_address(email), **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})
