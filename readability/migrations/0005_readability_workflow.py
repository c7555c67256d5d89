"""The publishing gate (docs/readability.md): the group Eindredactie, the task "Leesbaarheid"
it approves, and the workflow "Leesbaarheid (B1)" on the articles and the roles. The index
pages of a fresh site are made later, by load_content: readability/signal_handlers.py gives
them the workflow when they are made; this gives it to those that exist already."""

from django.db import migrations

from ervaring.permissions import ensure_permissions

FINAL_EDITORS = "Eindredactie"
TASK = "Leesbaarheid"
WORKFLOW = "Leesbaarheid (B1)"
GATED = [("articles", "ArticleIndexPage"), ("roles", "RoleIndexPage")]


def forwards(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    task_model = apps.get_model("readability", "ReadabilityTask")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    ensure_permissions(apps)

    final_editors, _ = group_model.objects.get_or_create(name=FINAL_EDITORS)
    final_editors.permissions.add(
        permission_model.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    task_type, _ = content_type_model.objects.get_or_create(
        app_label="readability", model="readabilitytask"
    )
    task, _ = task_model.objects.get_or_create(
        name=TASK, defaults={"active": True, "content_type": task_type}
    )
    task.groups.add(final_editors)
    workflow, _ = workflow_model.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    workflow_task_model.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for app_label, model_name in GATED:
        for page in apps.get_model(app_label, model_name).objects.all():
            workflow_page_model.objects.get_or_create(
                page_id=page.pk, defaults={"workflow": workflow}
            )


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("readability", "ReadabilityTask").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=FINAL_EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("readability", "0004_readability_task"),
        ("articles", "0014_trusted_commenters"),
        ("roles", "0008_source_and_editors_marks"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
