from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Controle van pagina's"
    default_auto_field = "django.db.models.BigAutoField"
