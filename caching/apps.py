from django.apps import AppConfig


class CachingConfig(AppConfig):
    """One page, one answer: the content version, what pages read kept per version, and the
    anonymous page cache (docs/architecture.md, "Caching"). No models."""

    name = "caching"
    verbose_name = "cache"

    def ready(self):
        from caching import checks  # noqa: F401 - importing registers the checks
        from caching.signal_handlers import register_signal_handlers

        register_signal_handlers()
