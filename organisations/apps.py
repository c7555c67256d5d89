from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Kinds of employers, example organisations and the figures about them."""

    name = "organisations"
    verbose_name = "Werkgevers en organisaties"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from organisations.signal_handlers import register_signal_handlers

        register_signal_handlers()
