"""Replace Wagtail's welcome page with our home page, and create the groups Redacteuren and
Moderatoren with their rights in the admin, on pages, images and documents."""

from django.db import migrations

from ervaring.permissions import EDITORS, MODERATORS, ensure_permissions


def create_home_page(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    site_model = apps.get_model("wagtailcore", "Site")
    home_model = apps.get_model("ervaring", "HomePage")
    locale_model = apps.get_model("wagtailcore", "Locale")

    # Wagtail's own first migration made a welcome page at /home/; ours takes its place.
    page_model.objects.filter(
        depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    home_type, _ = content_type_model.objects.get_or_create(model="homepage", app_label="ervaring")
    root = page_model.objects.get(depth=1)
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
    root.numchild = 1
    root.save(update_fields=["numchild"])
    site_model.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page_id": home.pk,
            "site_name": "ervaring",
        },
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("ervaring", "HomePage").objects.all().delete()


def create_groups(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    page_model = apps.get_model("wagtailcore", "Page")
    collection_model = apps.get_model("wagtailcore", "Collection")
    ensure_permissions(apps)

    def permission(app_label, codename):
        return permission_model.objects.get(content_type__app_label=app_label, codename=codename)

    access_admin = permission("wagtailadmin", "access_admin")
    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    moderators, _ = group_model.objects.get_or_create(name=MODERATORS)
    editors.permissions.add(access_admin)
    moderators.permissions.add(access_admin)

    # Editors: create, edit and publish every page; lock and unlock them.
    root = page_model.objects.get(depth=1)
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        page_permission_model.objects.get_or_create(
            group=editors, page=root, permission=permission("wagtailcore", codename)
        )
    # Editors: images and documents in every collection.
    root_collection = collection_model.objects.get(depth=1)
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in ("add", "change", "delete", "choose"):
            collection_permission_model.objects.get_or_create(
                group=editors,
                collection=root_collection,
                permission=permission(app_label, f"{action}_{model}"),
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, MODERATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ervaring", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(create_home_page, remove_home_page),
        migrations.RunPython(create_groups, remove_groups),
    ]
