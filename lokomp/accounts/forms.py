from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsFormMixin


class LoginForm(DsFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Feil brukernavn eller passord. Husk at passordet skiller mellom store og små "
            "bokstaver."
        ),
        "inactive": _("Denne kontoen er deaktivert."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Brukernavn")
        self.fields["password"].label = _("Passord")


class PasswordResetForm(DsFormMixin, auth_forms.PasswordResetForm):
    """Always the same answer, whether the address is known or not: the form tells no one
    which addresses have an account."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-postadressen din")
        self.fields["email"].error_messages = {
            "required": _("Skriv e-postadressen din."),
            "invalid": _("Skriv en gyldig e-postadresse."),
        }


class SetPasswordForm(DsFormMixin, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nytt passord")
        self.fields["new_password2"].label = _("Nytt passord en gang til")
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": _("Passordene er ikke like."),
        }
