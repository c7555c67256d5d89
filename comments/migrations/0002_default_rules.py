"""Rules a new site starts with (suspect and blocked words), also for a site whose rules were
never filled in: a row with both lists empty gets the defaults of the fields below."""

from django.db import migrations, models


def fill_empty_rules(apps, schema_editor):
    rules = apps.get_model("comments", "ModerationRules")
    suspect = rules._meta.get_field("suspect_words").default
    blocked = rules._meta.get_field("blocked_words").default
    rules.objects.filter(suspect_words="", blocked_words="").update(
        suspect_words=suspect, blocked_words=blocked
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="moderationrules",
            name="blocked_words",
            field=models.TextField(
                blank=True,
                default="viagra\ncialis\ncasino\nescort\nporno\nxxx",
                help_text="Eén woord of woordgroep per regel. Een reactie met zo’n woord krijgt de status ‘Tegengehouden’, met de reden, en staat in de wachtrij. De schrijver hoort hetzelfde als bij elke reactie: een moderator kijkt ernaar.",
                verbose_name="Geblokkeerde woorden",
            ),
        ),
        migrations.AlterField(
            model_name="moderationrules",
            name="max_links",
            field=models.PositiveSmallIntegerField(
                default=2,
                help_text="Een reactie met meer links krijgt de status ‘Tegengehouden’, met de reden.",
                verbose_name="Hoogstens zoveel links",
            ),
        ),
        migrations.AlterField(
            model_name="moderationrules",
            name="suspect_words",
            field=models.TextField(
                blank=True,
                default="bitcoin\ncrypto\ngratis geld\nsnel geld\nlening\nklik hier\nwhatsapp\ntelegram",
                help_text="Eén woord of woordgroep per regel. Een reactie met zo’n woord wacht op een moderator, met de reden erbij.",
                verbose_name="Verdachte woorden",
            ),
        ),
        migrations.RunPython(fill_empty_rules, migrations.RunPython.noop),
    ]
