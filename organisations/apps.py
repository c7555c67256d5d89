from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Kinds of employers, example organisations and the figures about them."""

    name = "organisations"
    verbose_name = "Werkgevers en organisaties"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ervaring.caching.invalidation import invalidate_on_change
        from organisations.models import Organisation

        invalidate_on_change(Organisation)
