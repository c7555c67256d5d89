"""Forms of Wagtail's admin that we adjust through its settings (WAGTAILADMIN_USER_LOGIN_FORM)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    """Wagtail's admin login, with the password field labelled in the admin's language: Wagtail
    gives it no label, so Django showed the field's English name, "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
