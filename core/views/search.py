"""The site's search page: every public page, titles first, Dutch word forms alike."""

from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Page

from caching.data import cached_for_content
from caching.declaration import reads_query
from core.models import BasePage, SearchSynonym
from core.privacy import public
from core.query_params import number_param
from core.search import query_words, search_ids
from core.spelling import vocabulary

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
# The Wagtail hook through which apps offer a way on when a search finds nothing: a function
# returning [{"label", "text", "url"}] (roles offers its filters, the keuzehulp and the ladder).
SEARCH_HELP_HOOK = "register_search_help"


def clean_query(raw):
    """A search query without control characters, trimmed to a sane length."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def describe_results(pages):
    """Give each search result its type ("Rol", "Artikel", …) and summary, without loading
    every result's specific page: the summaries of all types come in one UNION query."""
    ids = [page.pk for page in pages]
    summaries = {}
    if ids:
        models = [m for m in apps.get_models() if issubclass(m, BasePage) and not m._meta.abstract]
        queries = [
            m.objects.filter(pk__in=ids)
            .order_by()
            .values_list("pk", "summary", "summary_by_editors")
            for m in models
        ]
        summaries = {
            pk: (summary, by_editors)
            for pk, summary, by_editors in queries[0].union(*queries[1:], all=True)
        }
    for page in pages:
        summary, by_editors = summaries.get(page.pk, ("", False))
        page.result_summary = summary
        # The editors' own summary says so here too, in the words its page type uses.
        page.result_summary_mark = (
            getattr(page.specific_class, "summary_mark", "") if summary and by_editors else ""
        )
        page.result_type = getattr(page.specific_class, "type_label", "Pagina")


def search_results(words, number, first=()):
    """Page `number` of the results: the pages named exactly so (`first`), then titles, Dutch
    word forms alike on every database (core/search.py), with the editors' words that mean the
    same; each result with its type and summary. No such page: a 404."""
    ids = search_ids(public(Page.objects.live()), words, SearchSynonym.groups())
    if first:
        ids = [*first, *(pk for pk in ids if pk not in first)]
    try:
        results = Paginator(ids, SEARCH_PAGE_SIZE).page(number)
    except InvalidPage as error:
        raise Http404("Deze pagina bestaat niet.") from error
    shown = Page.objects.in_bulk(results.object_list)
    results.object_list = [shown[pk] for pk in results.object_list if pk in shown]
    describe_results(results.object_list)
    return results


def forgiving(words, number):
    """(results, suggestion): the results for `words` — with the names typed as two words
    joined, and the page of that exact name first (core/spelling.py) — or, when there are none
    and a word looks misspelt, the results for the words the site knows and those words."""
    known = vocabulary()

    def results_for(typed):
        return search_results([*typed, *known.compounds(typed)], number, known.named(typed))

    results = results_for(words)
    if results.paginator.count == 0:
        corrected = known.corrected(words)
        if corrected:
            return results_for(corrected), " ".join(corrected)
    return results, ""


def search_help():
    """Ways on when nothing was found, from every app that offers one (a dead end is not)."""
    return [link for offer in hooks.get_hooks(SEARCH_HELP_HOOK) for link in offer()]


@require_safe
@reads_query("q", "page")
def search(request):
    """Search over every public page. An empty or odd query gets a friendly answer."""
    query = clean_query(request.GET.get("q"))
    results, suggestion = None, ""
    words = query_words(query)
    # Said, not done in silence: a long query is searched by its first words.
    shortened = len(" ".join((request.GET.get("q") or "").split())) > MAX_QUERY_LENGTH or len(
        query_words(query, limit=None)
    ) > len(words)
    has_words = bool(words)
    if has_words:
        # A page of results is what the search page reads: kept until content changes. The
        # page number is checked first (a repeated or odd one is a 404), then part of the name.
        number = number_param(request.GET, "page")
        number = 1 if number is None else number
        results, suggestion = cached_for_content(
            f"search:{number}:{' '.join(words)}", lambda: forgiving(words, number)
        )
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "has_words": has_words,
            "shortened_to": len(words) if shortened and has_words else 0,
            "results": results,
            "suggestion": suggestion,
            "page_query": urlencode({"q": query}) + "&",
            "help_links": search_help() if results is not None and not results.object_list else [],
        },
    )
