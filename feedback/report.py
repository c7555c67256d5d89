"""Rapporten → Nuttig?: per page how many readers said Ja and Nee, the share of Nee, and what
they missed; the pages readers found least useful first, each with a link into its editor."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page

from core.admin_access import PageEditorsMenuItem, may_edit_pages
from feedback.models import PageFeedback

TEXTS_PER_PAGE = 20


@dataclass
class PageRow:
    id: int
    title: str
    url: str
    yes: int
    no: int
    texts: list = field(default_factory=list)

    @property
    def total(self):
        return self.yes + self.no

    @property
    def no_share(self):
        return round(100 * self.no / self.total) if self.total else 0


def rows():
    counts = (
        PageFeedback.objects.values("page")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .order_by()
    )
    by_page = {row["page"]: row for row in counts}
    pages = Page.objects.filter(pk__in=by_page).only("id", "title", "url_path")
    texts = {}
    for given in (
        PageFeedback.objects.filter(page__in=by_page, useful=False)
        .exclude(missing="")
        .order_by("-created_at")
        .values("page", "missing", "created_at")
    ):
        texts.setdefault(given["page"], [])
        if len(texts[given["page"]]) < TEXTS_PER_PAGE:
            texts[given["page"]].append(given)
    found = [
        PageRow(
            id=page.pk,
            title=page.title,
            url=page.get_url() or "",
            yes=by_page[page.pk]["yes"],
            no=by_page[page.pk]["no"],
            texts=texts.get(page.pk, []),
        )
        for page in pages
    ]
    # Least useful first: the largest share of Nee, then the most Nee, then by title.
    return sorted(found, key=lambda row: (-row.no_share, -row.no, row.title))


@require_safe
def report(request):
    if not may_edit_pages(request.user):
        raise PermissionDenied
    retention = settings.ERVARING["FEEDBACK_RETENTION_DAYS"]
    return render(request, "feedback/report.html", {"rows": rows(), "retention_days": retention})


def urls():
    return [path("nuttig/", report, name="feedback_report")]


def menu_item():
    return PageEditorsMenuItem(
        "Nuttig?", reverse("feedback_report"), name="nuttig", icon_name="help", order=60
    )
