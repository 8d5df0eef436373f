"""Forms for people: the Wagtail admin user forms (with our fields) and the login form."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm

EXTRA_USER_FIELDS = ("personnel_number", "department", "start_date")


class WeerbaarUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(EXTRA_USER_FIELDS)


class WeerbaarUserEditForm(UserEditForm):
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
