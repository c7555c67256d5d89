from django.apps import AppConfig


class LinksConfig(AppConfig):
    name = "links"
    verbose_name = "Gebroken links"
    default_auto_field = "django.db.models.BigAutoField"
