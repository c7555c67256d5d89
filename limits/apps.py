from django.apps import AppConfig


class LimitsConfig(AppConfig):
    """Limits on what one client may do: sliding-window counts in the database, who the client
    is behind proxies, and what public forms take (docs/security.md)."""

    name = "limits"
    verbose_name = "limieten"
    default_auto_field = "django.db.models.BigAutoField"
