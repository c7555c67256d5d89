"""Redacteuren may edit authors; Moderatoren may see, moderate and delete comments (and only
they, with the beheerders, may)."""

from django.db import migrations

from ervaring.permissions import EDITORS, MODERATORS, grant, model_codenames


def forwards(apps, schema_editor):
    grant(apps, EDITORS, "articles", model_codenames("author"))
    grant(apps, MODERATORS, "articles", ["view_comment", "change_comment", "delete_comment"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_initial"), ("ervaring", "0003_home_page_and_groups")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
