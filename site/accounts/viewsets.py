"""The Wagtail admin's user management, with our forms (wired in WeerbaarUsersConfig).

Wagtail lets anyone who may change users grant superuser status; here only a superuser can,
so beheer/HR manage accounts and roles without being able to escalate anyone's rights.
"""

from wagtail.users.views import users as wagtail_users

from accounts.forms import WeerbaarUserCreationForm, WeerbaarUserEditForm


class _RequestUserFormKwargsMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request_user"] = self.request.user
        return kwargs


class CreateView(_RequestUserFormKwargsMixin, wagtail_users.CreateView):
    pass


class EditView(_RequestUserFormKwargsMixin, wagtail_users.EditView):
    pass


class UserViewSet(wagtail_users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update: bool = False):
        return WeerbaarUserEditForm if for_update else WeerbaarUserCreationForm
