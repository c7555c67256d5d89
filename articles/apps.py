from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Articles, authors, tags, feeds, reader comments and their moderation."""

    name = "articles"
    verbose_name = "Artikelen en reacties"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from taggit.models import Tag

        from articles.comments import signals
        from articles.comments.forms import sign_start
        from articles.models import Author
        from ervaring.caching import visitor_fields
        from ervaring.signals import invalidate_on_change

        signals.connect()
        # A renamed or deleted tag changes the articles' pages and the tag pages.
        invalidate_on_change(Author, Tag)
        # A cached article page gets a fresh start time in its comment form per visitor.
        visitor_fields.register("started", lambda request: sign_start())
