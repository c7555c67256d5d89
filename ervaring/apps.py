from django.apps import AppConfig


class ErvaringConfig(AppConfig):
    """The project package: site-wide pages, shared blocks, settings, search and the loader."""

    name = "ervaring"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ervaring.caching import checks  # noqa: F401 - importing registers the checks
        from ervaring.signal_handlers import register_signal_handlers

        register_signal_handlers()
