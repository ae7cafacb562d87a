from django.contrib.auth.forms import AuthenticationForm

from lokomp.core.forms import DsFormMixin


class LoginForm(DsFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Feil brukernavn eller passord. Husk at passordet skiller mellom store "
        "og små bokstaver.",
        "inactive": "Denne kontoen er deaktivert.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Brukernavn"
        self.fields["password"].label = "Passord"
