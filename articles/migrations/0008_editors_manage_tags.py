"""Redacteuren may rename, merge and delete the articles' tags ("Onderwerpen")."""

from django.db import migrations

from ervaring.permissions import EDITORS, grant, model_codenames


def forwards(apps, schema_editor):
    grant(apps, EDITORS, "taggit", model_codenames("tag"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_verbose_names_in_lower_case"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
