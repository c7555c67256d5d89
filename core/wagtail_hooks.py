"""Wagtail hooks every app shares: what a served page may be shared under, the "Indeling" menu
that holds the taxonomy snippets (and the search's words that mean the same), and the admin's
Dutch names."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from caching.declaration import declare
from core import admin_help
from core.admin_access import may_edit_pages
from core.admin_menu import INDELING_MENU_HOOK, indeling_menu_item
from core.attention import AttentionPanel
from core.models import SearchSynonym


@hooks.register("on_serve_page")
def declare_query_params(serve):
    """Every page's answer says which query parameters it depends on (BasePage.query_params),
    so this site's page cache and the caches in front of it may share it with every anonymous
    visitor (caching/middleware.py). A sub-route that reads others declares its own."""

    def serve_declared(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        if hasattr(page, "query_params"):
            declare(response, page.query_params)
        return response

    return serve_declared


@hooks.register("register_admin_menu_item")
def register_indeling_menu():
    """One menu for the site's taxonomy; each app adds its snippets to it through the hook
    (core/admin_menu.py)."""
    return indeling_menu_item()


class SearchSynonymViewSet(SnippetViewSet):
    """Groups of words that mean the same to someone searching (core/search.py)."""

    model = SearchSynonym
    icon = "search"
    menu_hook = INDELING_MENU_HOOK
    menu_label = "Zoekwoorden"
    menu_order = 90
    list_display = ["__str__"]
    search_fields = ["words"]


register_snippet(SearchSynonymViewSet)


@hooks.register("insert_global_admin_js")
def admin_names_in_dutch():
    return format_html('<script src="{}" defer></script>', static("js/admin-dutch.js"))


@hooks.register("construct_homepage_panels")
def attention_on_the_dashboard(request, panels):
    """What waits for the editors, each app's count in one panel (core/attention.py)."""
    if may_edit_pages(request.user):
        panels.append(AttentionPanel(request))


@hooks.register("register_admin_urls")
def handleiding_urls():
    return admin_help.urls()


@hooks.register("register_help_menu_item")
def handleiding_in_the_help_menu():
    return admin_help.help_menu_item()


@hooks.register("construct_help_menu")
def no_english_guides(request, menu_items):
    """Wagtail's editor guide and release notes are English pages elsewhere: the handleiding
    replaces them."""
    admin_help.without_english_help(request, menu_items)


@hooks.register("construct_wagtail_userbar")
def userbar_in_dutch(request, items, page=None):
    admin_help.userbar_in_dutch(request, items, page)
