"""Redacteuren keep the two word lists (Indeling → Eigen woorden, Gewonere woorden)."""

from django.db import migrations

from ervaring.permissions import EDITORS, grant, model_codenames


def forwards(apps, schema_editor):
    grant(apps, EDITORS, "readability", model_codenames("siteword", "plainword"))


class Migration(migrations.Migration):
    dependencies = [
        ("readability", "0002_seed_word_lists"),
        ("ervaring", "0003_home_page_and_groups"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
