"""The rate limits' counts. A database made before limits were an app of their own (in the app
`ervaring`) keeps its table, renamed."""

import django.utils.timezone
from django.db import migrations, models

APP = "limits"
# model: (app label, table) before this app had it
MOVED = {
    "RateCount": ("ervaring", "ervaring_ratecount"),
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
                    name="RateCount",
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
                        ("key", models.CharField(max_length=64, unique=True)),
                        ("moments", models.TextField(blank=True, default="")),
                        ("version", models.PositiveBigIntegerField(default=0)),
                        (
                            "updated_at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                        ),
                    ],
                    options={
                        "verbose_name": "teller",
                        "verbose_name_plural": "tellers",
                    },
                ),
            ]
        ),
        migrations.RunPython(adopt_or_create, drop),
    ]
