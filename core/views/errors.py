"""The error pages Django asks the project for: a refused form (CSRF) and a server error."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseServerError
from django.template.loader import render_to_string


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


# What a person typed that the page shows back when it could not be stored (the comment form's
# text), at most this much.
TYPED_FIELDS = ("body",)
TYPED_MAX = 10_000


def typed_text(request):
    """The text of a form that was posted when the error came: nothing of it was stored, so the
    page gives it back to copy (escaped, like everything from a visitor)."""
    if request is None or request.method != "POST":
        return ""
    try:
        posted = request.POST
    except Exception:  # a body that cannot be read: nothing to give back
        return ""
    for field in TYPED_FIELDS:
        if value := posted.get(field, ""):
            return value[:TYPED_MAX]
    return ""


def server_error(request):
    """The 500 page. When the database is unreachable it is a 503 ("try again soon") instead.
    It renders without the database, so it works when the database is what failed."""
    exception = sys.exc_info()[1]
    database_down = isinstance(exception, (OperationalError, InterfaceError)) and not (
        database_reachable()
    )
    template = "503.html" if database_down else "500.html"
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "typed": typed_text(request)}
    html = render_to_string(template, context)
    if database_down:
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(html)
