"""Helpers for the data migrations that give the groups Redacteuren and Moderatoren their
permissions. Each app's migration grants the permissions on its own models."""

from django.contrib.auth.management import create_permissions

EDITORS = "Redacteuren"
MODERATORS = "Moderatoren"


def ensure_permissions(apps):
    """Permissions are normally made after all migrations ran; make them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name, app_label, codenames):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    group, _ = group_model.objects.get_or_create(name=group_name)
    permissions = permission_model.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"Onbekende rechten in {app_label}: {sorted(missing)}")
    group.permissions.add(*permissions)


def model_codenames(*models, actions=("add", "change", "delete", "view")):
    return [f"{action}_{model}" for model in models for action in actions]
