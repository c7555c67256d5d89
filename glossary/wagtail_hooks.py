"""The begrippenlijst in the admin (Indeling → Begrippen) and on public pages: the first use of
each term in a page's text marked, with its explanation in place (glossary/marking.py)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_menu import INDELING_MENU_HOOK
from core.models.pages import MARK_TEXT_HOOK
from core.spelling import SEARCH_NAMES_HOOK
from glossary.marking import mark_page_text
from glossary.models import GlossaryPage, Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "help"
    menu_hook = INDELING_MENU_HOOK
    menu_label = "Begrippen"
    menu_order = 60
    list_display = ["term", "explanation", "explanation_from_source"]
    search_fields = ["term", "other_forms", "explanation"]


register_snippet(TermViewSet)


@hooks.register(MARK_TEXT_HOOK)
def glossary_marks(page, streams):
    return mark_page_text(page, streams)


@hooks.register(SEARCH_NAMES_HOOK)
def glossary_terms():
    """Every term and its forms, as names of the page /begrippen/ (live and public only)."""
    page = GlossaryPage.objects.live().public().only("id").first()
    if page is None:
        return []
    return [(form, page.pk) for term in Term.objects.all() for form in term.forms]
