"""The admin in Dutch where Wagtail speaks English: a Dutch handleiding instead of Wagtail's
English guides in the help menu and on the dashboard, and the link to the admin on public pages
in plain words."""

from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.http import require_safe
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import AdminItem

# Wagtail's help menu items that open English pages on guide.wagtail.org.
ENGLISH_HELP = ("editor-guide", "whats-new-in-wagtail-")


@require_safe
def handleiding(request):
    """Short Dutch help for everyone who works in the admin."""
    return render(request, "core/handleiding.html")


def urls():
    return [path("handleiding/", handleiding, name="handleiding")]


def help_menu_item():
    return MenuItem("Handleiding", reverse("handleiding"), name="handleiding", icon_name="help")


def without_english_help(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(ENGLISH_HELP)]


class ToTheAdmin(AdminItem):
    """ "Naar het beheer" in the bar an editor sees on a public page."""

    template_name = "core/userbar_admin_item.html"


def userbar_in_dutch(request, items, page=None):
    items[:] = [ToTheAdmin() if type(item) is AdminItem else item for item in items]
