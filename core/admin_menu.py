"""The admin's "Indeling" menu, which holds the site's taxonomy snippets. Each app adds its
snippets to it through the hook named here (`menu_hook = INDELING_MENU_HOOK` on a
SnippetViewSet); core/wagtail_hooks.py registers the menu itself."""

from wagtail.admin.menu import Menu, SubmenuMenuItem

INDELING_MENU_HOOK = "register_indeling_menu_item"


def indeling_menu_item():
    return SubmenuMenuItem(
        "Indeling",
        Menu(register_hook_name=INDELING_MENU_HOOK),
        name="indeling",
        icon_name="tag",
        order=250,
    )
