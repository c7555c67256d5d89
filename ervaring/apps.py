from django.apps import AppConfig


class ErvaringConfig(AppConfig):
    """The project package: site-wide pages, shared blocks, settings, search and the loader."""

    name = "ervaring"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ervaring.caching import checks, invalidation  # noqa: F401 - checks register

        invalidation.connect()
