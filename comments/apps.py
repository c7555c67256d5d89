from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """Reader comments on articles: posting, the rules, moderation in the Wagtail admin, the
    mails a reader asked for, and a commenter's own data (docs/architecture.md, "Comments")."""

    name = "comments"
    verbose_name = "reacties"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from comments.signal_handlers import register_signal_handlers

        register_signal_handlers()
