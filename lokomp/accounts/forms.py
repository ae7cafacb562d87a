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
