"""The readability app's tables, the word lists a new site starts with, and the publishing
gate: the group Eindredactie (its permissions: operations/groups.py), the task "Leesbaarheid"
it approves and the workflow "Leesbaarheid (B1)". The index pages of a fresh site are made
later, by load_content: readability/signal_handlers.py gives them the workflow when they are
made. A database made before this squash was applied (replaces) keeps what it has.

The word lists were written by the editors of this site and checked by hand, one by one: each
alternative is a common Dutch word that means the same in the sentences our pages use. Sources
of the idea, not of the words: the B1 guidance of Direct Duidelijk and Klinkende Taal
(docs/readability.md). Editors keep them in the admin under Indeling from then on."""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models

# Words of this site: rare in everyday Dutch, but the subject of the site, explained on its
# pages. Not marked as hard.
SITE_WORDS = [
    ("ervaringsdeskundige", "Waar de site over gaat; uitgelegd op de startpagina."),
    ("ervaringsdeskundigen", ""),
    ("ervaringsdeskundigheid", ""),
    ("ervaringskennis", "Een stap van de ervaringsladder."),
    ("ervaringsladder", ""),
    ("ervaringswerker", "Een rol op de site."),
    ("ervaringswerk", ""),
    ("cliëntondersteuner", "Een rol op de site."),
    ("cliëntondersteuning", ""),
    ("kwartiermaker", "Een rol op de site."),
    ("kwartiermaken", ""),
    ("belangenbehartiger", "Een rol op de site."),
    ("belangenbehartiging", ""),
    ("herstelcoach", ""),
    ("lotgenoot", ""),
    ("lotgenoten", ""),
    ("lotgenotencontact", ""),
    ("lotgenotengroep", "Een rol op de site."),
    ("cliëntenraad", "Een soort werkgever op de site."),
    ("cliëntenraadslid", ""),
    ("cliëntenorganisatie", ""),
    ("patiëntenorganisatie", ""),
    ("zelfregiecentrum", ""),
    ("zelfregiecentra", ""),
    ("ggz", "Geestelijke gezondheidszorg; bekend bij de lezers van de site."),
    ("co-begeleider", "Een rol op de site."),
    ("gastdocent", ""),
    ("vn-ambassadeur", "Een rol op de site."),
    ("klachtenfunctionaris", "Een rol op de site."),
    ("vertrouwenspersoon", ""),
    ("keuzehulp", "Een onderdeel van de site."),
    ("zzp’er", ""),
]

# A hard word and plainer words for it: (word, alternatives). The word as it is usually
# written in the base form; inflected forms are found through it.
ALTERNATIVES = [
    ("faciliteren", "helpen, mogelijk maken"),
    ("implementeren", "invoeren, in gebruik nemen"),
    ("adequaat", "goed, passend"),
    ("participeren", "meedoen"),
    ("participatie", "meedoen"),
    ("inventariseren", "op een rij zetten, nagaan"),
    ("evalueren", "nagaan hoe het ging, bespreken"),
    ("evaluatie", "terugblik, bespreking"),
    ("realiseren", "maken, voor elkaar krijgen"),
    ("optimaliseren", "verbeteren"),
    ("prioriteit", "wat het eerst moet"),
    ("prioriteren", "kiezen wat eerst moet"),
    ("primair", "eerst, vooral"),
    ("initiëren", "beginnen, opzetten"),
    ("initiatief", "plan, idee"),
    ("communiceren", "praten, laten weten"),
    ("informeren", "vertellen, laten weten"),
    ("verstrekken", "geven"),
    ("verwerven", "krijgen"),
    ("verkrijgen", "krijgen"),
    ("aanvangen", "beginnen"),
    ("aanvang", "begin"),
    ("beëindigen", "stoppen, afsluiten"),
    ("retourneren", "terugsturen"),
    ("reeds", "al"),
    ("thans", "nu"),
    ("teneinde", "om"),
    ("middels", "met, door"),
    ("conform", "volgens"),
    ("omtrent", "over"),
    ("inzake", "over"),
    ("betreffende", "over"),
    ("aangaande", "over"),
    ("derhalve", "daarom"),
    ("dientengevolge", "daardoor"),
    ("indien", "als"),
    ("alsmede", "en"),
    ("tevens", "ook"),
    ("echter", "maar"),
    ("doch", "maar"),
    ("wellicht", "misschien"),
    ("nagenoeg", "bijna"),
    ("veelal", "vaak"),
    ("dusdanig", "zo"),
    ("desalniettemin", "toch"),
    ("niettemin", "toch"),
    ("hetgeen", "wat"),
    ("alvorens", "voordat"),
    ("ingevolge", "volgens"),
    ("ten behoeve van", "voor"),
    ("ten aanzien van", "over"),
    ("in het kader van", "bij, voor"),
    ("met betrekking tot", "over"),
    ("woonachtig", "wonend"),
    ("ontvangen", "krijgen"),
    ("trachten", "proberen"),
    ("benodigd", "nodig"),
    ("behoeven", "hoeven"),
    ("verzoeken", "vragen"),
    ("verzoek", "vraag"),
    ("verifiëren", "nagaan, controleren"),
    ("valideren", "nagaan, goedkeuren"),
    ("autoriseren", "toestemming geven"),
    ("consulteren", "om raad vragen"),
    ("raadplegen", "vragen, nakijken"),
    ("accorderen", "goedkeuren"),
    ("fiatteren", "goedkeuren"),
    ("stimuleren", "aanmoedigen"),
    ("signaleren", "zien, merken"),
    ("monitoren", "volgen, in de gaten houden"),
    ("structureel", "blijvend, vast"),
    ("incidenteel", "af en toe"),
    ("frequent", "vaak"),
    ("problematiek", "problemen"),
    ("knelpunt", "probleem"),
    ("cruciaal", "heel belangrijk"),
    ("essentieel", "heel belangrijk"),
    ("substantieel", "groot, flink"),
    ("relevant", "belangrijk, van belang"),
    ("significant", "duidelijk, flink"),
    ("expliciet", "duidelijk"),
    ("impliciet", "niet hardop gezegd"),
    ("integraal", "in zijn geheel"),
    ("adhesie", "steun"),
    ("draagvlak", "steun"),
    ("competenties", "wat je kunt"),
    ("competentie", "vaardigheid"),
    ("expertise", "kennis, kunde"),
    ("deskundigheidsbevordering", "scholing, bijscholing"),
    ("perspectief", "kans, toekomst"),
    ("doelgroep", "mensen voor wie iets is"),
    ("achterban", "de mensen namens wie je spreekt"),
    ("agendasetting", "iets op de agenda zetten"),
    ("empowerment", "eigen kracht"),
    ("inclusief", "met iedereen erbij"),
    ("inclusie", "iedereen doet mee"),
    ("stigma", "vooroordeel"),
    ("stigmatisering", "vooroordelen"),
    ("respectievelijk", "en (in die volgorde)"),
    ("overeenkomstig", "volgens"),
    ("additioneel", "extra"),
    ("alternatief", "andere mogelijkheid"),
    ("categorie", "soort, groep"),
    ("criterium", "eis"),
    ("criteria", "eisen"),
    ("faciliteit", "voorziening"),
    ("financiering", "geld"),
    ("financieel", "met geld"),
    ("gedurende", "tijdens"),
    ("halfjaarlijks", "twee keer per jaar"),
    ("mutatie", "verandering"),
    ("positioneren", "een plek geven"),
    ("procedure", "werkwijze, regels"),
    ("transitie", "overgang, verandering"),
    ("verdringing", "dat iemand anders het werk overneemt"),
    ("vereenzelviging", "te veel meeleven"),
    ("awareness", "bewustzijn, weten dat iets zo is"),
    ("geobjectiveerd", "algemeen, los van één persoon"),
    ("principieel", "uit overtuiging"),
]

FINAL_EDITORS = "Eindredactie"
TASK = "Leesbaarheid"
WORKFLOW = "Leesbaarheid (B1)"


def first_lists_and_gate(apps, schema_editor):
    site_word = apps.get_model("readability", "SiteWord")
    plain_word = apps.get_model("readability", "PlainWord")
    for word, note in SITE_WORDS:
        site_word.objects.get_or_create(word=word, defaults={"note": note})
    for word, alternatives in ALTERNATIVES:
        plain_word.objects.get_or_create(word=word, defaults={"alternatives": alternatives})

    final_editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name=FINAL_EDITORS)
    task_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="readability", model="readabilitytask"
    )
    task, _ = apps.get_model("readability", "ReadabilityTask").objects.get_or_create(
        name=TASK, defaults={"active": True, "content_type": task_type}
    )
    task.groups.add(final_editors)
    workflow, _ = apps.get_model("wagtailcore", "Workflow").objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    apps.get_model("wagtailcore", "WorkflowTask").objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )


def remove_gate(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("readability", "ReadabilityTask").objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("readability", "0001_word_lists"),
        ("readability", "0002_seed_word_lists"),
        ("readability", "0003_editor_permissions"),
        ("readability", "0004_readability_task"),
        ("readability", "0005_readability_workflow"),
    ]

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PlainWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "word",
                    models.CharField(
                        error_messages={"unique": "Dit woord staat al in de lijst."},
                        help_text="Het woord in zijn gewone vorm (‘faciliteren’, niet ‘faciliteert’), of een vaste uitdrukking (‘ten behoeve van’).",
                        max_length=80,
                        unique=True,
                        verbose_name="Moeilijk woord",
                    ),
                ),
                (
                    "alternatives",
                    models.CharField(
                        help_text="Wat de redacteur in plaats daarvan kan schrijven. Meer dan één: scheid ze met een komma.",
                        max_length=200,
                        verbose_name="Gewonere woorden",
                    ),
                ),
            ],
            options={
                "verbose_name": "gewoner woord",
                "verbose_name_plural": "gewonere woorden",
                "ordering": ["word"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="SiteWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "word",
                    models.CharField(
                        error_messages={"unique": "Dit woord staat al in de lijst."},
                        help_text="Eén woord, zoals het op de site staat (bijvoorbeeld ‘kwartiermaker’). Meervoud en andere vormen vinden we zelf.",
                        max_length=80,
                        unique=True,
                        verbose_name="Woord",
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="Bijvoorbeeld: ‘een rol op de site’ of ‘uitgelegd op de startpagina’.",
                        max_length=200,
                        verbose_name="Waarom het mag",
                    ),
                ),
            ],
            options={
                "verbose_name": "eigen woord",
                "verbose_name_plural": "eigen woorden",
                "ordering": ["word"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="ReadabilityTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text="Pages/snippets at this step in a workflow will be moderated or approved by these groups of users",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "leesbaarheidstaak",
                "verbose_name_plural": "leesbaarheidstaken",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.RunPython(first_lists_and_gate, remove_gate),
    ]
