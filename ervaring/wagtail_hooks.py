"""Admin parts every app shares: the "Indeling" menu that holds the taxonomy snippets, and the
menu item for flat page listings."""

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

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
