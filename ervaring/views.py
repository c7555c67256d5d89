"""Site-wide views: search, robots.txt, health check and the error pages (a refused form, a
server error)."""

import sys
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView, LogoutView
from django.core.paginator import InvalidPage, Paginator
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from wagtail.models import Page

from ervaring.caching.data import cached_for_content
from ervaring.caching.pages import reads_query
from ervaring.privacy import public
from ervaring.search import query_words, search_ids

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def number_param(params, name):
    """The whole number in query parameter `name`, or None when there is none. Anything else —
    text, a sign, leading zeros, a repeated or overly long value — is a 404: such an address
    was never a link on this site."""
    values = params.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise Http404("Deze parameter mag maar één keer voorkomen.")
    raw = values[0]
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9 or raw != str(int(raw)):
        raise Http404("Dit is geen geldig paginanummer.")
    return int(raw)


def page_number(params, paginator, name="page"):
    """The page of a paginator asked for in `params` (a QueryDict): the first without a number,
    a 404 for a number that is not one of its pages."""
    number = number_param(params, name)
    try:
        return paginator.page(1 if number is None else number)
    except InvalidPage as error:
        raise Http404("Deze pagina bestaat niet.") from error


def clean_query(raw):
    """A search query without control characters, trimmed to a sane length."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def describe_results(pages):
    """Give each search result its type ("Rol", "Artikel", …) and summary, without loading
    every result's specific page: the summaries of all types come in one UNION query."""
    from django.apps import apps

    from ervaring.models import BasePage

    ids = [page.pk for page in pages]
    summaries = {}
    if ids:
        models = [m for m in apps.get_models() if issubclass(m, BasePage) and not m._meta.abstract]
        queries = [
            m.objects.filter(pk__in=ids).order_by().values_list("pk", "summary") for m in models
        ]
        summaries = dict(queries[0].union(*queries[1:], all=True))
    for page in pages:
        page.result_summary = summaries.get(page.pk, "")
        page.result_type = getattr(page.specific_class, "type_label", "Pagina")


def search_results(words, number):
    """Page `number` of the results: titles first, Dutch word forms alike on every database
    (ervaring/search.py), each result with its type and summary. No such page: a 404."""
    ids = search_ids(public(Page.objects.live()), words)
    try:
        results = Paginator(ids, SEARCH_PAGE_SIZE).page(number)
    except InvalidPage as error:
        raise Http404("Deze pagina bestaat niet.") from error
    shown = Page.objects.in_bulk(results.object_list)
    results.object_list = [shown[pk] for pk in results.object_list if pk in shown]
    describe_results(results.object_list)
    return results


@require_safe
@reads_query("q", "page")
def search(request):
    """Search over every public page. An empty or odd query gets a friendly answer."""
    query = clean_query(request.GET.get("q"))
    results = None
    words = query_words(query)
    has_words = bool(words)
    if has_words:
        # A page of results is what the search page reads: kept until content changes. The
        # page number is checked first (a repeated or odd one is a 404), then part of the name.
        number = number_param(request.GET, "page")
        number = 1 if number is None else number
        results = cached_for_content(
            f"search:{number}:{' '.join(words)}", lambda: search_results(words, number)
        )
    return render(
        request,
        "ervaring/search.html",
        {
            "query": query,
            "has_words": has_words,
            "results": results,
            "page_query": urlencode({"q": query}) + "&",
        },
    )


class LoginForm(AuthenticationForm):
    """Logging in to read a private page, in plain Dutch."""

    error_messages = {
        "invalid_login": "Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar. "
        "Let op hoofdletters en kleine letters.",
        "inactive": "Dit account staat uit. Vraag de redactie om hulp.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["username"].error_messages["required"] = "Vul je gebruikersnaam in."
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].error_messages["required"] = "Vul je wachtwoord in."


login = LoginView.as_view(template_name="ervaring/login.html", authentication_form=LoginForm)
logout = LogoutView.as_view(next_page="/")


@require_safe
@reads_query()
def robots_txt(request):
    """robots.txt: everything public may be indexed, the admin and search results not."""
    lines = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Old browsers ask for /favicon.ico; the icon itself is a hashed static file."""
    return redirect(static("favicon.svg"))


@require_safe
def health(request):
    """For load balancers: 200 when the site and its database answer."""
    Page.objects.only("pk").first()
    return HttpResponse("ok", content_type="text/plain")


def csrf_failure(request, reason=""):
    """A form that was refused: sent from another site (the comment form), or without the
    token Django's other forms carry (a login form left open very long). In Dutch, with a way
    on; the reason is for the log, not for the visitor. A reader's comment text is shown back
    to copy, so nothing typed is lost; it is never put back into a form that sends it (that
    would turn a post from another site into one click on ours), and a password never shows."""
    text = ""
    if request.method == "POST" and not request.path.startswith("/beheer/"):
        text = request.POST.get("body", "")[:10_000]
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "text": text, "back": request.path}
    html = render_to_string("403_csrf.html", context, request)
    response = HttpResponseForbidden(html)
    response["Cache-Control"] = "private, no-store"
    return response


def database_reachable():
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except (OperationalError, InterfaceError):
        return False
    return True


def server_error(request):
    """The 500 page. When the database is unreachable it is a 503 ("try again soon") instead.
    It renders without the database, so it works when the database is what failed."""
    exception = sys.exc_info()[1]
    database_down = isinstance(exception, (OperationalError, InterfaceError)) and not (
        database_reachable()
    )
    template = "503.html" if database_down else "500.html"
    html = render_to_string(template, {"site_name": settings.WAGTAIL_SITE_NAME})
    if database_down:
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(html)
