from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = "Begrippen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from glossary.signal_handlers import register_signal_handlers

        register_signal_handlers()
