"""The tree's root page is called "Root" by Wagtail's own migration, and the admin shows that
name ("Verkennen: Root"). Editors read Dutch: "Alle pagina's"."""

from django.db import migrations

TITLE = "Alle pagina's"


def rename(apps, schema_editor):
    page = apps.get_model("wagtailcore", "Page")
    page.objects.filter(depth=1, title="Root").update(title=TITLE, draft_title=TITLE)


def rename_back(apps, schema_editor):
    page = apps.get_model("wagtailcore", "Page")
    page.objects.filter(depth=1, title=TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("ervaring", "0014_source_and_editors_marks")]

    operations = [migrations.RunPython(rename, rename_back)]
