"""Redacteuren may edit organisations."""

from django.db import migrations

from ervaring.permissions import EDITORS, grant, model_codenames


def forwards(apps, schema_editor):
    grant(apps, EDITORS, "organisations", model_codenames("organisation"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial"), ("ervaring", "0003_home_page_and_groups")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
