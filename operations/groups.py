"""The groups and what they may do, said once, and made so after every `migrate`.

Redacteuren create, edit and publish every page, keep images, documents and the snippets under
Indeling; Moderatoren moderate reader comments and keep the rules for them (no pages);
Eindredactie approves the readability task (its workflow: readability/migrations). Superusers
are beheerders.

`set_up_groups` runs on Django's `post_migrate` (OperationsConfig.ready): it makes missing
groups and gives each what it lacks of the permissions below. It never takes a permission away
and never touches another group, so a beheerder's additions stay; running it twice changes
nothing. Migrations do not grant permissions: they would freeze today's list in the past."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Redacteuren"
MODERATORS = "Moderatoren"
FINAL_EDITORS = "Eindredactie"

CRUD = ("add", "change", "delete", "view")


def model_codenames(app_label, *models, actions=CRUD):
    return [(app_label, f"{action}_{model}") for model in models for action in actions]


ACCESS_ADMIN = ("wagtailadmin", "access_admin")

# (app label, codename) per group.
PERMISSIONS = {
    EDITORS: [
        ACCESS_ADMIN,
        *model_codenames("roles", "ladderstep", "roletype", "workarea", "employmentform"),
        *model_codenames("organisations", "organisation"),
        *model_codenames("articles", "author"),
        *model_codenames("taggit", "tag"),
        *model_codenames("core", "searchsynonym"),
        *model_codenames("readability", "siteword", "plainword"),
        *model_codenames("glossary", "term"),
        *model_codenames("comments", "moderationrules", actions=("change", "view")),
        *model_codenames("feedback", "contactmessage", actions=("change", "delete", "view")),
    ],
    MODERATORS: [
        ACCESS_ADMIN,
        *model_codenames("comments", "comment", actions=("change", "delete", "view")),
        *model_codenames("comments", "moderationrules", actions=("change", "view")),
    ],
    FINAL_EDITORS: [ACCESS_ADMIN],
}

# Wagtail's own: on the whole page tree (from the root) and in every collection.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        *(f"{action}_image" for action in ("add", "change", "delete", "choose")),
        *(f"{action}_document" for action in ("add", "change", "delete", "choose")),
    ],
}


class UnknownPermission(RuntimeError):
    """A permission named above that no installed app has: a typo, or a model that moved."""


def set_up_groups(app_config=None, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """Make the groups and give them what they lack (a post_migrate receiver; also callable)."""
    # Permissions are made per app after its migrations; make sure every app's exist now.
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)

    wanted = {group: [find(pair, using) for pair in pairs] for group, pairs in PERMISSIONS.items()}
    for name, permissions in wanted.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*permissions)

    root = Page.objects.using(using).filter(depth=1).first()
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.using(using).get(name=name)
        for codename in codenames if root else ():
            GroupPagePermission.objects.using(using).get_or_create(
                group=group, page=root, permission=find(("wagtailcore", codename), using)
            )
    collection = Collection.objects.using(using).filter(depth=1).first()
    for name, codenames in COLLECTION_PERMISSIONS.items():
        group = Group.objects.using(using).get(name=name)
        for codename in codenames if collection else ():
            app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
            GroupCollectionPermission.objects.using(using).get_or_create(
                group=group, collection=collection, permission=find((app_label, codename), using)
            )


def find(pair, using=DEFAULT_DB_ALIAS):
    app_label, codename = pair
    found = (
        Permission.objects.using(using)
        .filter(content_type__app_label=app_label, codename=codename)
        .first()
    )
    if found is None:
        raise UnknownPermission(f"Onbekend recht: {app_label}.{codename}")
    return found
