"""The comments' tables. A database made while comments were part of the articles app keeps them,
renamed, with every comment and its history."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

APP = "comments"
# model: (app label, table) before this app had it
MOVED = {
    "ModerationRules": ("articles", "articles_moderationrules"),
    "Comment": ("articles", "articles_comment"),
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
        ("articles", "0001_squashed_0014_trusted_commenters"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ModerationRules",
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
                        (
                            "suspect_words",
                            models.TextField(
                                blank=True,
                                help_text="Eén woord of woordgroep per regel. Een reactie met zo’n woord wacht op een moderator, met de reden erbij.",
                                verbose_name="Verdachte woorden",
                            ),
                        ),
                        (
                            "blocked_words",
                            models.TextField(
                                blank=True,
                                help_text="Eén woord of woordgroep per regel. Een reactie met zo’n woord komt niet in de wachtrij, maar bij ‘Tegengehouden’, met de reden. De schrijver hoort hetzelfde als bij elke reactie: een moderator kijkt ernaar.",
                                verbose_name="Geblokkeerde woorden",
                            ),
                        ),
                        (
                            "max_links",
                            models.PositiveSmallIntegerField(
                                default=2,
                                help_text="Een reactie met meer links komt bij ‘Tegengehouden’, met de reden.",
                                verbose_name="Hoogstens zoveel links",
                            ),
                        ),
                        (
                            "trusted_after",
                            models.PositiveSmallIntegerField(
                                default=0,
                                help_text="0 = uit (elke reactie wacht op een moderator). Bijvoorbeeld 3: wie zijn e-mailadres bevestigde (voor berichten over zijn reactie) en al 3 goedgekeurde reacties heeft, komt meteen online, tenzij een regel hierboven de reactie tegenhoudt of verdacht vindt. Bij het reactieformulier staat dan dat dit aan staat.",
                                verbose_name="Meteen online na zoveel goedgekeurde reacties",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "regels voor reacties",
                    },
                ),
                migrations.CreateModel(
                    name="Comment",
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
                        ("name", models.CharField(max_length=80, verbose_name="Naam")),
                        (
                            "email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="E-mailadres"
                            ),
                        ),
                        ("body", models.TextField(max_length=3000, verbose_name="Reactie")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Wacht op beoordeling"),
                                    ("approved", "Goedgekeurd"),
                                    ("rejected", "Afgewezen"),
                                    ("spam", "Spam"),
                                    ("held", "Tegengehouden"),
                                ],
                                db_index=True,
                                default="pending",
                                max_length=10,
                                verbose_name="Status",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="Geplaatst op",
                            ),
                        ),
                        (
                            "date_known",
                            models.BooleanField(
                                default=True,
                                help_text="Uit voor reacties die van een bron zijn overgenomen zonder datum: dan staat er ‘datum onbekend’ bij.",
                                verbose_name="Datum bekend",
                            ),
                        ),
                        (
                            "hold_reason",
                            models.CharField(
                                blank=True,
                                help_text="Waarom de regels voor reacties deze reactie tegenhielden of verdacht vonden.",
                                max_length=200,
                                verbose_name="Reden",
                            ),
                        ),
                        (
                            "moderated_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Beoordeeld op"
                            ),
                        ),
                        (
                            "personal_data_erased_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Persoonsgegevens gewist op"
                            ),
                        ),
                        (
                            "notify",
                            models.BooleanField(default=False, verbose_name="Wil berichten"),
                        ),
                        (
                            "notify_confirmed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Berichten bevestigd op"
                            ),
                        ),
                        (
                            "notify_stopped_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Berichten gestopt op"
                            ),
                        ),
                        (
                            "notified_online_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Bericht ‘online’ gestuurd op"
                            ),
                        ),
                        (
                            "notified_reply_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="Bericht ‘redactie reageerde’ gestuurd op",
                            ),
                        ),
                        (
                            "reply",
                            models.TextField(
                                blank=True,
                                help_text="Een antwoord van de redactie. Het staat onder de reactie, als ‘Reactie van de redactie’, zodra de reactie is goedgekeurd.",
                                max_length=3000,
                                verbose_name="Reactie van de redactie",
                            ),
                        ),
                        (
                            "replied_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Beantwoord op"
                            ),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="comments",
                                to="articles.articlepage",
                                verbose_name="Artikel",
                            ),
                        ),
                        (
                            "moderated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Beoordeeld door",
                            ),
                        ),
                        (
                            "replied_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Beantwoord door",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "reactie",
                        "verbose_name_plural": "reacties",
                        "ordering": ["-created_at"],
                        "indexes": [
                            models.Index(
                                fields=["article", "status", "created_at"],
                                name="comments_co_article_8f5d2b_idx",
                            )
                        ],
                    },
                ),
            ]
        ),
        migrations.RunPython(adopt_or_create, drop),
    ]
