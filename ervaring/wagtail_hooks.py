"""Admin parts every app shares: the "Indeling" menu that holds the taxonomy snippets."""

from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

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
