from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Articles, authors, tags, feeds, reader comments and their moderation."""

    name = "articles"
    verbose_name = "Artikelen en reacties"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.signal_handlers import register_signal_handlers

        register_signal_handlers()
