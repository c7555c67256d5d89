from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The page foundation: BasePage, the home page and text pages, shared blocks, the site's
    settings, menu and footer, search, and the site-wide views (login, robots.txt, errors)."""

    name = "core"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.signal_handlers import register_signal_handlers

        register_signal_handlers()
