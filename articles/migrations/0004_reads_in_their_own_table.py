"""Reads get a table of their own (a revision or revert never rolls them back); the count that
came from the source site keeps its own, labelled field and no longer grows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_group_permissions")]

    operations = [
        migrations.RenameField("articlepage", "view_count", "source_view_count"),
        migrations.AlterField(
            model_name="articlepage",
            name="source_view_count",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="Alleen als de bron zegt hoe vaak het artikel daar gelezen is. Dit "
                "getal telt niet verder; hoe vaak het hier gelezen is, telt de site zelf.",
                null=True,
                verbose_name="Gelezen op de oorspronkelijke site",
            ),
        ),
        migrations.CreateModel(
            name="ArticleReads",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="reads",
                        serialize=False,
                        to="articles.articlepage",
                        verbose_name="Artikel",
                    ),
                ),
                (
                    "count",
                    models.PositiveBigIntegerField(default=0, verbose_name="Aantal keer gelezen"),
                ),
            ],
            options={"verbose_name": "Gelezen", "verbose_name_plural": "Gelezen"},
        ),
    ]
