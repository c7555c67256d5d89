from django.apps import AppConfig


class RolesConfig(AppConfig):
    """The expertise ladder, role types, work areas and role pages."""

    name = "roles"
    verbose_name = "Rollen en de ervaringsladder"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ervaring.caching.invalidation import invalidate_on_change
        from roles.models import EmploymentForm, LadderStep, RoleType, WorkArea

        invalidate_on_change(LadderStep, RoleType, WorkArea, EmploymentForm)
