from django.apps import AppConfig


class RolesConfig(AppConfig):
    """The expertise ladder, role types, work areas and role pages."""

    name = "roles"
    verbose_name = "Rollen en de ervaringsladder"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from roles.signal_handlers import register_signal_handlers

        register_signal_handlers()
