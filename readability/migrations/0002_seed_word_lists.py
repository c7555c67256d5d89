"""The word lists the editors start with (readability/seed_words.py): the site's own words and
at least a hundred hard words with a plainer alternative. Editors change them in the admin;
running this again adds nothing that is already there."""

from django.db import migrations

from readability.seed_words import ALTERNATIVES, SITE_WORDS


def seed(apps, schema_editor):
    site_word = apps.get_model("readability", "SiteWord")
    plain_word = apps.get_model("readability", "PlainWord")
    for word, note in SITE_WORDS:
        site_word.objects.get_or_create(word=word, defaults={"note": note})
    for word, alternatives in ALTERNATIVES:
        plain_word.objects.get_or_create(word=word, defaults={"alternatives": alternatives})


class Migration(migrations.Migration):
    dependencies = [("readability", "0001_word_lists")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
