from django.apps import AppConfig


class ReadabilityConfig(AppConfig):
    """B1 writing help for editors: the analysis, the word lists, the report and the checks
    (docs/readability.md). A feature, not core: `ervaring` shows its results only through a
    hook (READABILITY_LIST_HOOK in core/blocks.py)."""

    name = "readability"
    verbose_name = "leesbaarheid"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from readability.signal_handlers import register_signal_handlers

        register_signal_handlers()
