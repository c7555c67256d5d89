"""The content loader's ledger. A database made before operations were an app of their own (in
the app `ervaring`) keeps it, renamed: the loader still knows what it made."""

import django.db.models.deletion
from django.db import migrations, models

APP = "operations"
# model: (app label, table) before this app had it
MOVED = {
    "LoadedContent": ("ervaring", "ervaring_loadedcontent"),
}


def adopt_or_create(apps, schema_editor):
    """On a database made before this app existed: rename the tables it had under another app,
    with their content types, so every row, permission, revision and history entry that points
    at them stays attached. On a fresh database: make the tables. Returns whether it adopted."""
    tables = set(schema_editor.connection.introspection.table_names())
    content_types = apps.get_model("contenttypes", "ContentType")
    adopted = False
    for name, (old_app, old_table) in MOVED.items():
        model = apps.get_model(APP, name)
        if old_table in tables:
            schema_editor.alter_db_table(model, old_table, model._meta.db_table)
            content_types.objects.filter(app_label=old_app, model=name.lower()).update(
                app_label=APP
            )
            adopted = True
        else:
            schema_editor.create_model(model)
    return adopted


def drop(apps, schema_editor):
    for name in reversed(MOVED):
        schema_editor.delete_model(apps.get_model(APP, name))


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LoadedContent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=200, unique=True)),
                        ("object_id", models.CharField(max_length=64)),
                        (
                            "digest",
                            models.CharField(
                                help_text="Hash of the fixture record the object was loaded from.",
                                max_length=64,
                            ),
                        ),
                        (
                            "state",
                            models.CharField(
                                help_text="Latest revision (pages) or hash of the fields (snippets) after loading.",
                                max_length=64,
                            ),
                        ),
                        ("loaded_at", models.DateTimeField(auto_now=True)),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "geladen inhoud",
                        "verbose_name_plural": "geladen inhoud",
                    },
                ),
            ]
        ),
        migrations.RunPython(adopt_or_create, drop),
    ]
