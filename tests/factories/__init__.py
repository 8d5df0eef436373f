"""factory_boy factories, one module per app."""

from tests.factories.accounts import AudienceFactory, DepartmentFactory, UserFactory

__all__ = ["AudienceFactory", "DepartmentFactory", "UserFactory"]
