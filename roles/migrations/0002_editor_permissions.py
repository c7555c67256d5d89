"""Redacteuren may edit the ladder, role types, work areas and employment forms."""

from django.db import migrations

from ervaring.permissions import EDITORS, grant, model_codenames


def forwards(apps, schema_editor):
    grant(
        apps,
        EDITORS,
        "roles",
        model_codenames("ladderstep", "roletype", "workarea", "employmentform"),
    )


class Migration(migrations.Migration):
    dependencies = [("roles", "0001_initial"), ("ervaring", "0003_home_page_and_groups")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
