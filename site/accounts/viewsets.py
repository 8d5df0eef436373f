"""The Wagtail admin's user management, with our forms (wired in WeerbaarUsersConfig)."""

from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.forms import WeerbaarUserCreationForm, WeerbaarUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return WeerbaarUserEditForm if for_update else WeerbaarUserCreationForm
