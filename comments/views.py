"""What an article shows of its comments (a page of approved comments, the form) and what it
takes (a posted comment, handed to comments/posting.py). ArticlePage calls these; it renders,
these decide."""

import math

from django.contrib import messages
from django.db.models import Count, Window
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from comments import posting
from comments.forms import CommentForm
from comments.models import COMMENTS_PARAM, COMMENTS_PER_PAGE, Comment
from core.models import SiteSettings
from core.query_params import number_param

# The message tag that shows a confirmation by the comments, not at the top of the page.
CONFIRMATION_TAG = "reactie"


def approved_comments(article):
    return article.comments.filter(status=Comment.Status.APPROVED).order_by("created_at", "pk")


def comments_page(article, query):
    """One page of approved comments, rendered, with the total; the page number comes from
    `query`. A page of comments that does not exist is a 404."""
    number = number_param(query, COMMENTS_PARAM)
    if number is None:
        number = 1
    elif number < 1:
        raise Http404("Deze pagina met reacties bestaat niet.")
    found = render_comments_page(article, number)
    if number > found["comment_pages"]:
        raise Http404("Deze pagina met reacties bestaat niet.")
    return found


def render_comments_page(article, number):
    """The total rides along on every row as a window count: one query. (An article that is
    not saved yet — a preview of a new one — has none.)"""
    per_page = COMMENTS_PER_PAGE
    start = (number - 1) * per_page
    if article.pk is None:
        return render_comments_page_of([], 0, number, start)
    rows = list(
        approved_comments(article).annotate(total=Window(Count("pk")))[start : start + per_page]
    )
    total = rows[0].total if rows else (approved_comments(article).count() if start else 0)
    return render_comments_page_of(rows, total, number, start)


def render_comments_page_of(rows, total, number, start):
    pages = max(1, math.ceil(total / COMMENTS_PER_PAGE))
    if not rows and start:
        # Past the last page: nothing to render (the caller answers 404).
        return {"comment_pages": pages}
    dates = {}
    for comment in rows:
        day = timezone.localdate(comment.created_at)
        if day not in dates:
            dates[day] = date_format(day, "j F Y")
        comment.display_date = dates[day]
    return {
        "comments_html": render_to_string(
            "comments/includes/list.html", {"comments": rows, "start": start + 1}
        ),
        "comments": bool(rows),
        "comment_total": total,
        "comment_page": number,
        "comment_pages": pages,
        "comment_start": start + 1,
        "comment_end": start + len(rows),
        "comment_previous": number - 1 if number > 1 else None,
        "comment_next": number + 1 if number < pages else None,
    }


def post_comment(request, article):
    """Store a reader's comment (comments/posting.py) and send the reader back to the comments,
    where a confirmation says what happens next and the form is empty again; or show the form
    once more with what went wrong and everything the reader typed."""
    if not article.comments_open:
        return redirect(article.url + "#reacties")
    form = CommentForm(request.POST)
    comment = posting.submit(form, article, request)
    if comment is None:
        return article.render(request, context_overrides={"form": form})
    if comment.status == Comment.Status.APPROVED:
        # Online at once: a trusted address (ModerationRules.trusted_after).
        said = "Dank je wel! Je reactie staat meteen online."
    else:
        looks = SiteSettings.for_request(request).moderator_looks()
        said = f"Dank je wel! Je reactie is ontvangen. {looks} Daarna staat hij onder het artikel."
    messages.success(request, said, extra_tags=CONFIRMATION_TAG)
    response = HttpResponseRedirect(article.url + "#reactie-ontvangen")
    response.status_code = 303  # "See other": a reload does not post again
    return response
