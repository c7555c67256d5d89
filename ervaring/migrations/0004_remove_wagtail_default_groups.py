"""Wagtail's first migrations make the groups "Editors" and "Moderators" and a workflow
"Moderators approval". This site has its own groups (Redacteuren, Moderatoren — the latter
moderate reader comments, not pages), so the English defaults would only confuse."""

from django.db import migrations


def remove_defaults(apps, schema_editor):
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    group_model = apps.get_model("auth", "Group")
    workflow_model.objects.filter(name="Moderators approval").delete()
    task_model.objects.filter(name="Moderators approval").delete()
    group_model.objects.filter(name__in=["Editors", "Moderators"]).delete()


class Migration(migrations.Migration):
    dependencies = [("ervaring", "0003_home_page_and_groups")]
    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
