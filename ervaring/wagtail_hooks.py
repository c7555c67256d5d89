"""Admin parts every app shares: the "Indeling" menu that holds the taxonomy snippets, and the
menu item for flat page listings."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from ervaring import readability_admin

INDELING_MENU_HOOK = "register_indeling_menu_item"


@hooks.register("register_admin_menu_item")
def register_indeling_menu():
    """One menu for the site's taxonomy; each app adds its snippets to it through the hook."""
    return SubmenuMenuItem(
        "Indeling",
        Menu(register_hook_name=INDELING_MENU_HOOK),
        name="indeling",
        icon_name="tag",
        order=250,
    )


class PageEditorsMenuItem(MenuItem):
    """Shown only to people who may edit pages: a moderator has no use for a listing of pages
    they cannot open."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, {"add", "change", "publish"}
        )


# Readability (ervaring/readability_admin.py): measured as the editor types, and a report.
@hooks.register("register_admin_urls")
def register_readability_urls():
    return readability_admin.urls()


@hooks.register("register_reports_menu_item")
def register_readability_report():
    return readability_admin.menu_item()


@hooks.register("insert_editor_js")
def readability_in_the_editor():
    return format_html(
        '<script src="{}" data-measure-url="{}" id="leesbaarheid-script" defer></script>',
        static("js/readability.js"),
        reverse("readability_measure"),
    )


@hooks.register("insert_global_admin_css")
def readability_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/readability.css"))
