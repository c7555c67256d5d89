"""The page foundation's tables. On a fresh database they are made here, with what a new site
starts with (first_site). A database made before the foundation was an app of its own (in the
app `ervaring`) keeps its tables, renamed, and its content."""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

APP = "core"
# model: (app label, table) before this app had it
MOVED = {
    "ContentPage": ("ervaring", "ervaring_contentpage"),
    "HomePage": ("ervaring", "ervaring_homepage"),
    "SearchSynonym": ("ervaring", "ervaring_searchsynonym"),
    "HomeFeaturedRole": ("ervaring", "ervaring_homefeaturedrole"),
    "SiteSettings": ("ervaring", "ervaring_sitesettings"),
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


# What a new site starts with; a site that exists keeps what it has.
ROOT_TITLE = "Alle pagina's"
# The first groups of words that mean the same to someone searching; the editors keep them
# under Indeling > Zoekwoorden from then on.
FIRST_SYNONYMS = [
    "geld, betaald, salaris, loon, verdienen, inkomen",
    "vrijwillig, vrijwilliger, vrijwilligerswerk, onbetaald",
    "zzp, zzper, zelfstandig, zelfstandige, ondernemer",
    "kortdurend, deeltijd, parttime, uren",
    "psychose, psychisch, psychiatrie, ggz, herstel",
    "verslaving, verslaafd, verslavingszorg",
    "opleiding, cursus, scholing, training, diploma",
    "uitkering, bijstand, wajong, uwv",
    "beperking, handicap, gehandicapt",
    "lotgenoot, lotgenotencontact, maatje, peer",
    "belangenbehartiging, belangenbehartiger, inspraak, medezeggenschap, cliëntenraad",
    "schulden, schuldhulp, schuldhulpverlening, armoede",
    "werkgever, organisatie, instelling",
    "vacature, baan, functie",
]


def foundation(apps, schema_editor):
    if not adopt_or_create(apps, schema_editor):
        first_site(apps)


def first_site(apps):
    """Our home page in place of Wagtail's welcome page, the site pointing at it, the tree's
    root in Dutch, no English default groups or workflow (this site has its own groups,
    operations/groups.py; its Moderatoren moderate comments, not pages), and the first
    groups of search words."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    site_model = apps.get_model("wagtailcore", "Site")
    locale_model = apps.get_model("wagtailcore", "Locale")
    home_model = apps.get_model(APP, "HomePage")

    page_model.objects.filter(
        depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    root = page_model.objects.get(depth=1)
    if not home_model.objects.exists():
        home_type, _ = content_type_model.objects.get_or_create(app_label=APP, model="homepage")
        home = home_model.objects.create(
            title="Werken met je ervaring",
            draft_title="Werken met je ervaring",
            slug="home",
            content_type=home_type,
            path=root.path + "0001",
            depth=2,
            numchild=0,
            url_path="/home/",
            intro="Welke soorten werk zijn er voor ervaringsdeskundigen?",
            locale=locale_model.objects.first(),
            live=True,
        )
        root.numchild = page_model.objects.filter(depth=2).count()
        site_model.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page_id": home.pk,
                "site_name": "ervaring",
            },
        )
    root.title = root.draft_title = ROOT_TITLE
    root.save(update_fields=["numchild", "title", "draft_title"])

    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Moderators approval").delete()
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(
        name="Moderators approval"
    ).delete()
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Moderators"]).delete()

    synonym = apps.get_model(APP, "SearchSynonym")
    if not synonym.objects.exists():
        synonym.objects.bulk_create(synonym(words=words) for words in FIRST_SYNONYMS)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("roles", "0001_squashed_0008_source_and_editors_marks"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "summary",
                            models.TextField(
                                blank=True,
                                help_text="Eén of twee korte zinnen. Staat in overzichten, zoekresultaten en bij Google.",
                                max_length=400,
                                verbose_name="Samenvatting",
                            ),
                        ),
                        (
                            "in_short",
                            models.TextField(
                                blank=True,
                                help_text="Een lange tekst uit een bron in een paar korte zinnen, in eenvoudige woorden (taalniveau B1). Staat boven de tekst, als samenvatting van de redactie.",
                                verbose_name="In het kort",
                            ),
                        ),
                        (
                            "body",
                            wagtail.fields.StreamField(
                                [
                                    ("heading", 2),
                                    ("paragraph", 3),
                                    ("quote", 6),
                                    ("experience_story", 6),
                                    ("list", 11),
                                    ("callout", 15),
                                    ("image", 19),
                                    ("table", 20),
                                    ("figures", 32),
                                    ("readability_list", 33),
                                ],
                                blank=True,
                                block_lookup={
                                    0: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Tekst", "max_length": 120},
                                    ),
                                    1: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("h2", "Kop (niveau 2)"),
                                                ("h3", "Tussenkop (niveau 3)"),
                                            ],
                                            "help_text": "Gebruik niveau 3 alleen onder een kop van niveau 2.",
                                            "label": "Niveau",
                                        },
                                    ),
                                    2: (
                                        "wagtail.blocks.StructBlock",
                                        [[("text", 0), ("level", 1)]],
                                        {},
                                    ),
                                    3: ("core.blocks.ParagraphBlock", (), {}),
                                    4: ("wagtail.blocks.TextBlock", (), {"label": "Citaat"}),
                                    5: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Naam of omschrijving. Mag leeg.",
                                            "label": "Wie zegt dit?",
                                            "required": False,
                                        },
                                    ),
                                    6: (
                                        "wagtail.blocks.StructBlock",
                                        [[("text", 4), ("attribution", 5)]],
                                        {},
                                    ),
                                    7: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Titel boven de lijst", "required": False},
                                    ),
                                    8: (
                                        "wagtail.blocks.BooleanBlock",
                                        (),
                                        {"label": "Genummerd", "required": False},
                                    ),
                                    9: ("wagtail.blocks.TextBlock", (), {"label": "Punt"}),
                                    10: (
                                        "wagtail.blocks.ListBlock",
                                        (9,),
                                        {"label": "Punten", "min_num": 1},
                                    ),
                                    11: (
                                        "wagtail.blocks.StructBlock",
                                        [[("title", 7), ("numbered", 8), ("items", 10)]],
                                        {},
                                    ),
                                    12: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("tip", "Tip"),
                                                ("let-op", "Let op"),
                                                ("info", "Goed om te weten"),
                                            ],
                                            "label": "Soort",
                                        },
                                    ),
                                    13: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Titel", "required": False},
                                    ),
                                    14: ("core.blocks.ParagraphBlock", (), {"label": "Tekst"}),
                                    15: (
                                        "wagtail.blocks.StructBlock",
                                        [[("kind", 12), ("title", 13), ("text", 14)]],
                                        {},
                                    ),
                                    16: (
                                        "wagtail.images.blocks.ImageChooserBlock",
                                        (),
                                        {"label": "Afbeelding"},
                                    ),
                                    17: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Beschrijf wat er op de afbeelding te zien is, voor wie hem niet kan zien.",
                                            "label": "Alt-tekst",
                                            "max_length": 250,
                                        },
                                    ),
                                    18: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Onderschrift", "required": False},
                                    ),
                                    19: (
                                        "wagtail.blocks.StructBlock",
                                        [[("image", 16), ("alt_text", 17), ("caption", 18)]],
                                        {},
                                    ),
                                    20: ("core.blocks.TableBlock", (), {}),
                                    21: ("wagtail.blocks.CharBlock", (), {"label": "Titel"}),
                                    22: (
                                        "wagtail.blocks.TextBlock",
                                        (),
                                        {
                                            "help_text": "Eén korte zin in eenvoudige woorden: wat zeggen deze cijfers? Zeg niets wat de bron niet zegt. Op de site staat dat deze zin van de redactie is.",
                                            "label": "In het kort (door de redactie)",
                                            "required": False,
                                        },
                                    ),
                                    23: (
                                        "wagtail.blocks.TextBlock",
                                        (),
                                        {"label": "Toelichting", "required": False},
                                    ),
                                    24: (
                                        "wagtail.blocks.DecimalBlock",
                                        (),
                                        {"decimal_places": 1, "label": "Getal"},
                                    ),
                                    25: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("personen", "personen"),
                                                ("procent", "procent"),
                                                ("organisaties", "organisaties"),
                                            ],
                                            "label": "Eenheid",
                                        },
                                    ),
                                    26: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("", "precies"),
                                                ("ongeveer", "ongeveer"),
                                                ("naar schatting", "naar schatting"),
                                                ("ruim", "ruim"),
                                                ("minstens", "minstens"),
                                            ],
                                            "help_text": "Neem het woord van de bron over: ‘ruim 90’ is iets anders dan ‘ongeveer 90’.",
                                            "label": "Precisie",
                                            "required": False,
                                        },
                                    ),
                                    27: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Zeg ook waarvan het een deel is, bij een percentage: ‘van de organisaties die meededen’.",
                                            "label": "Wat is geteld?",
                                            "max_length": 250,
                                        },
                                    ),
                                    28: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Bron", "max_length": 250},
                                    ),
                                    29: (
                                        "wagtail.blocks.IntegerBlock",
                                        (),
                                        {
                                            "help_text": "Alleen als de bron het jaar noemt. Leeg: op de site staat ‘niet genoemd’.",
                                            "label": "Jaar",
                                            "max_value": 2100,
                                            "min_value": 1950,
                                            "required": False,
                                        },
                                    ),
                                    30: (
                                        "wagtail.blocks.StructBlock",
                                        [
                                            [
                                                ("number", 24),
                                                ("unit", 25),
                                                ("qualifier", 26),
                                                ("label", 27),
                                                ("source", 28),
                                                ("year", 29),
                                            ]
                                        ],
                                        {},
                                    ),
                                    31: (
                                        "wagtail.blocks.ListBlock",
                                        (30,),
                                        {"label": "Cijfers", "min_num": 1},
                                    ),
                                    32: (
                                        "wagtail.blocks.StructBlock",
                                        [
                                            [
                                                ("title", 21),
                                                ("in_short", 22),
                                                ("intro", 23),
                                                ("figures", 31),
                                            ]
                                        ],
                                        {},
                                    ),
                                    33: ("core.blocks.ReadabilityListBlock", (), {}),
                                },
                                verbose_name="Inhoud",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                blank=True,
                                help_text="Waar komt de tekst vandaan? Bijvoorbeeld de naam van de auteur of de website.",
                                max_length=300,
                                verbose_name="Bron",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "tekstpagina",
                        "verbose_name_plural": "tekstpagina's",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="HomePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "summary",
                            models.TextField(
                                blank=True,
                                help_text="Eén of twee korte zinnen. Staat in overzichten, zoekresultaten en bij Google.",
                                max_length=400,
                                verbose_name="Samenvatting",
                            ),
                        ),
                        (
                            "intro",
                            models.TextField(
                                help_text="De eerste zinnen die een bezoeker leest. Kort en duidelijk.",
                                max_length=600,
                                verbose_name="Introductie",
                            ),
                        ),
                        (
                            "body",
                            wagtail.fields.StreamField(
                                [
                                    ("heading", 2),
                                    ("paragraph", 3),
                                    ("quote", 6),
                                    ("experience_story", 6),
                                    ("list", 11),
                                    ("callout", 15),
                                    ("image", 19),
                                    ("table", 20),
                                    ("figures", 32),
                                    ("readability_list", 33),
                                ],
                                blank=True,
                                block_lookup={
                                    0: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Tekst", "max_length": 120},
                                    ),
                                    1: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("h2", "Kop (niveau 2)"),
                                                ("h3", "Tussenkop (niveau 3)"),
                                            ],
                                            "help_text": "Gebruik niveau 3 alleen onder een kop van niveau 2.",
                                            "label": "Niveau",
                                        },
                                    ),
                                    2: (
                                        "wagtail.blocks.StructBlock",
                                        [[("text", 0), ("level", 1)]],
                                        {},
                                    ),
                                    3: ("core.blocks.ParagraphBlock", (), {}),
                                    4: ("wagtail.blocks.TextBlock", (), {"label": "Citaat"}),
                                    5: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Naam of omschrijving. Mag leeg.",
                                            "label": "Wie zegt dit?",
                                            "required": False,
                                        },
                                    ),
                                    6: (
                                        "wagtail.blocks.StructBlock",
                                        [[("text", 4), ("attribution", 5)]],
                                        {},
                                    ),
                                    7: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Titel boven de lijst", "required": False},
                                    ),
                                    8: (
                                        "wagtail.blocks.BooleanBlock",
                                        (),
                                        {"label": "Genummerd", "required": False},
                                    ),
                                    9: ("wagtail.blocks.TextBlock", (), {"label": "Punt"}),
                                    10: (
                                        "wagtail.blocks.ListBlock",
                                        (9,),
                                        {"label": "Punten", "min_num": 1},
                                    ),
                                    11: (
                                        "wagtail.blocks.StructBlock",
                                        [[("title", 7), ("numbered", 8), ("items", 10)]],
                                        {},
                                    ),
                                    12: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("tip", "Tip"),
                                                ("let-op", "Let op"),
                                                ("info", "Goed om te weten"),
                                            ],
                                            "label": "Soort",
                                        },
                                    ),
                                    13: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Titel", "required": False},
                                    ),
                                    14: ("core.blocks.ParagraphBlock", (), {"label": "Tekst"}),
                                    15: (
                                        "wagtail.blocks.StructBlock",
                                        [[("kind", 12), ("title", 13), ("text", 14)]],
                                        {},
                                    ),
                                    16: (
                                        "wagtail.images.blocks.ImageChooserBlock",
                                        (),
                                        {"label": "Afbeelding"},
                                    ),
                                    17: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Beschrijf wat er op de afbeelding te zien is, voor wie hem niet kan zien.",
                                            "label": "Alt-tekst",
                                            "max_length": 250,
                                        },
                                    ),
                                    18: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Onderschrift", "required": False},
                                    ),
                                    19: (
                                        "wagtail.blocks.StructBlock",
                                        [[("image", 16), ("alt_text", 17), ("caption", 18)]],
                                        {},
                                    ),
                                    20: ("core.blocks.TableBlock", (), {}),
                                    21: ("wagtail.blocks.CharBlock", (), {"label": "Titel"}),
                                    22: (
                                        "wagtail.blocks.TextBlock",
                                        (),
                                        {
                                            "help_text": "Eén korte zin in eenvoudige woorden: wat zeggen deze cijfers? Zeg niets wat de bron niet zegt. Op de site staat dat deze zin van de redactie is.",
                                            "label": "In het kort (door de redactie)",
                                            "required": False,
                                        },
                                    ),
                                    23: (
                                        "wagtail.blocks.TextBlock",
                                        (),
                                        {"label": "Toelichting", "required": False},
                                    ),
                                    24: (
                                        "wagtail.blocks.DecimalBlock",
                                        (),
                                        {"decimal_places": 1, "label": "Getal"},
                                    ),
                                    25: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("personen", "personen"),
                                                ("procent", "procent"),
                                                ("organisaties", "organisaties"),
                                            ],
                                            "label": "Eenheid",
                                        },
                                    ),
                                    26: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("", "precies"),
                                                ("ongeveer", "ongeveer"),
                                                ("naar schatting", "naar schatting"),
                                                ("ruim", "ruim"),
                                                ("minstens", "minstens"),
                                            ],
                                            "help_text": "Neem het woord van de bron over: ‘ruim 90’ is iets anders dan ‘ongeveer 90’.",
                                            "label": "Precisie",
                                            "required": False,
                                        },
                                    ),
                                    27: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Zeg ook waarvan het een deel is, bij een percentage: ‘van de organisaties die meededen’.",
                                            "label": "Wat is geteld?",
                                            "max_length": 250,
                                        },
                                    ),
                                    28: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Bron", "max_length": 250},
                                    ),
                                    29: (
                                        "wagtail.blocks.IntegerBlock",
                                        (),
                                        {
                                            "help_text": "Alleen als de bron het jaar noemt. Leeg: op de site staat ‘niet genoemd’.",
                                            "label": "Jaar",
                                            "max_value": 2100,
                                            "min_value": 1950,
                                            "required": False,
                                        },
                                    ),
                                    30: (
                                        "wagtail.blocks.StructBlock",
                                        [
                                            [
                                                ("number", 24),
                                                ("unit", 25),
                                                ("qualifier", 26),
                                                ("label", 27),
                                                ("source", 28),
                                                ("year", 29),
                                            ]
                                        ],
                                        {},
                                    ),
                                    31: (
                                        "wagtail.blocks.ListBlock",
                                        (30,),
                                        {"label": "Cijfers", "min_num": 1},
                                    ),
                                    32: (
                                        "wagtail.blocks.StructBlock",
                                        [
                                            [
                                                ("title", 21),
                                                ("in_short", 22),
                                                ("intro", 23),
                                                ("figures", 31),
                                            ]
                                        ],
                                        {},
                                    ),
                                    33: ("core.blocks.ReadabilityListBlock", (), {}),
                                },
                                help_text="Korte uitleg onder de introductie.",
                                verbose_name="Wat is ervaringsdeskundigheid?",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                blank=True,
                                help_text="Waar komt de tekst vandaan? Leeg: de tekst is van de redactie, en dat staat onder de pagina.",
                                max_length=300,
                                verbose_name="Bron",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "startpagina",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="SearchSynonym",
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
                            "words",
                            models.CharField(
                                help_text="Woorden die voor iemand die zoekt hetzelfde betekenen, gescheiden door komma's. Wie één ervan zoekt, vindt ook pagina's met de andere. Bijvoorbeeld: geld, betaald, salaris.",
                                max_length=300,
                                verbose_name="Woorden",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "zoekwoorden met dezelfde betekenis",
                        "verbose_name_plural": "zoekwoorden met dezelfde betekenis",
                        "ordering": ["words"],
                    },
                ),
                migrations.CreateModel(
                    name="HomeFeaturedRole",
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
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "role",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="roles.rolepage",
                                verbose_name="Rol",
                            ),
                        ),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="featured_roles",
                                to="core.homepage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "uitgelichte rol",
                        "verbose_name_plural": "uitgelichte rollen",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="SiteSettings",
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
                            "tagline",
                            models.CharField(
                                blank=True,
                                default="Werken met je ervaring",
                                help_text="Staat onder de naam van de site.",
                                max_length=150,
                                verbose_name="Ondertitel",
                            ),
                        ),
                        (
                            "contact_email",
                            models.EmailField(
                                blank=True,
                                help_text="Staat onderaan elke pagina als ‘Contact’. Bezoekers mailen hierheen, bijvoorbeeld om hun reactie te laten wissen.",
                                max_length=254,
                                verbose_name="E-mailadres voor contact",
                            ),
                        ),
                        (
                            "moderation_wait",
                            models.CharField(
                                blank=True,
                                default="meestal binnen twee werkdagen",
                                help_text="Hoe snel een moderator meestal naar een nieuwe reactie kijkt. Bezoekers lezen het bij het reactieformulier en na het versturen: ‘Een moderator kijkt er eerst naar, meestal binnen twee werkdagen.’ Leeg laten: dan noemen we geen tijd.",
                                max_length=80,
                                verbose_name="Wanneer kijkt een moderator?",
                            ),
                        ),
                        (
                            "accessibility_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Toegankelijkheidsverklaring",
                            ),
                        ),
                        (
                            "privacy_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Privacypagina",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "instellingen van de site",
                    },
                ),
            ]
        ),
        migrations.RunPython(foundation, drop),
    ]
