from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Was deze pagina nuttig?"
    default_auto_field = "django.db.models.BigAutoField"
