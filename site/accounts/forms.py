"""Forms for people: the Wagtail admin user forms (with our fields) and the login form."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from accounts.policies import grantable_role_groups

EXTRA_USER_FIELDS = ("personnel_number", "department", "start_date", "end_date")


class _SeparationOfDutiesMixin:
    """Only a superuser sees (and can set) the superuser checkbox and the password fields, and
    the groups field offers
    only the roles the editor may grant (:func:`accounts.policies.grantable_role_groups`).

    The choices are the validation too: a tampered post with any other group id is a form
    error ("not one of the available choices") and nothing is saved.
    """

    def __init__(self, *args, request_user=None, **kwargs):
        # Set before Wagtail's __init__, which drops the password fields when this is False.
        self._may_set_password = bool(request_user and request_user.is_superuser)
        super().__init__(*args, **kwargs)
        if not (request_user and request_user.is_superuser):
            self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = grantable_role_groups(request_user)

    @property
    def password_enabled(self) -> bool:
        """Only a superuser sets a password by hand: whoever knows a person's password can log
        in as them, so beheer/HR never chooses one. People set their own through allauth's
        reset link (or use SSO); a new account without a password gets an unusable one."""
        return self._may_set_password and super().password_enabled


class WeerbaarUserCreationForm(_SeparationOfDutiesMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(EXTRA_USER_FIELDS)

    def save(self, commit=True):
        """Without a password the account gets an unusable one: SSO or a reset link only."""
        user = super().save(commit=False)
        if not self.cleaned_data.get("password1"):
            user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


class WeerbaarUserEditForm(_SeparationOfDutiesMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(EXTRA_USER_FIELDS)


class LoginForm(AllauthLoginForm):
    """allauth's login form without the reset link in the password's help text.

    The template puts "Wachtwoord vergeten?" after the button, so keyboard users reach the
    password field straight after the email field.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
