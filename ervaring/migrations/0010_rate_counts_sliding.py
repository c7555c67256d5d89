"""Rate limits in sliding windows: one row per key with the moments of its recent claims,
instead of one row per key and clock hour. The old counters are short-lived; they are dropped."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ervaring", "0009_readability_list_block"),
    ]

    operations = [
        migrations.DeleteModel(name="RateCount"),
        migrations.CreateModel(
            name="RateCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
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
