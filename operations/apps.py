from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: the content loader and its ledger, backups and restores, the groups and
    their permissions (made after every migrate), and the set-up commands."""

    name = "operations"
    verbose_name = "beheer van de site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from operations.groups import set_up_groups

        post_migrate.connect(set_up_groups, sender=self, dispatch_uid="operations-groups")
