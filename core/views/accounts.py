"""Logging in and out on the site itself, to read pages for logged-in visitors."""

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView, LogoutView


class LoginForm(AuthenticationForm):
    """Logging in to read a private page, in plain Dutch."""

    error_messages = {
        "invalid_login": "Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar. "
        "Let op hoofdletters en kleine letters.",
        "inactive": "Dit account staat uit. Vraag de redactie om hulp.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["username"].error_messages["required"] = "Vul je gebruikersnaam in."
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].error_messages["required"] = "Vul je wachtwoord in."


login = LoginView.as_view(template_name="core/login.html", authentication_form=LoginForm)
logout = LogoutView.as_view(next_page="/")
