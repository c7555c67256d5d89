from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Articles, authors, tags, feeds, reader comments and their moderation."""

    name = "articles"
    verbose_name = "Artikelen en reacties"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from taggit.models import Tag

        from articles.comments import signals
        from articles.models import Author
        from ervaring.caching.invalidation import invalidate_on_change

        signals.connect()
        # A renamed or deleted tag changes the articles' pages and the tag pages.
        invalidate_on_change(Author, Tag)
