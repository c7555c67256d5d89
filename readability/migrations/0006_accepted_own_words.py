"""Own words count once Eindredactie accepted them. The words already on the list (the seeded
ones and what editors added before this rule) stay as they count now: accepted."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def accept_the_words_there_are(apps, schema_editor):
    apps.get_model("readability", "SiteWord").objects.update(accepted_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("readability", "0001_squashed_0005_readability_workflow"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="siteword",
            name="accepted_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="Goedgekeurd op"
            ),
        ),
        migrations.AddField(
            model_name="siteword",
            name="accepted_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="Goedgekeurd door",
            ),
        ),
        migrations.RunPython(accept_the_words_there_are, migrations.RunPython.noop),
    ]
