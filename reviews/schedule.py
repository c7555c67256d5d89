"""Which pages are due for a check: per live page when an editor last checked it, how often it
is checked (its own interval, else its page type's on this site, else DEFAULT_MONTHS) and so
when the next check is due. A page nobody checked yet counts from its first publication."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from reviews.models import DEFAULT_MONTHS, ReviewSettings
from reviews.page_types import reviewed_page_models

# A check due within this many days is "binnenkort".
SOON_DAYS = 30

OVERDUE, SOON, LATER = "te-laat", "binnenkort", "op-tijd"
STATUS_LABELS = {OVERDUE: "Te laat", SOON: "Binnenkort", LATER: "Op tijd"}


def add_months(day, months):
    """`day` `months` later; the last day of the month where that month is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class Due:
    """One live page and its next check."""

    id: int
    title: str
    page_type: str
    type_name: str
    last_reviewed: date | None
    months: int
    own_interval: bool
    due: date
    status: str
    page: object

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def months_by_type(site=None):
    site = site or default_site()
    if site is None:
        return {}
    return ReviewSettings.for_site(site).months_by_type()


def status_of(due, today):
    if due < today:
        return OVERDUE
    if due <= today + timedelta(days=SOON_DAYS):
        return SOON
    return LATER


def pages(user=None, site=None, today=None):
    """[Due] of every live page (that `user` may edit, when given), the first due first.
    One query per page type, whatever the number of pages."""
    today = today or timezone.localdate()
    intervals = months_by_type(site)
    editable = None
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    found = []
    for model in reviewed_page_models():
        queryset = model.objects.live().only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "last_reviewed",
            "review_interval",
            "first_published_at",
            "last_published_at",
        )
        if editable is not None:
            queryset = queryset.filter(pk__in=editable.values("pk"))
        found.extend(due_of(page, intervals, today) for page in queryset)
    return sorted(found, key=lambda row: (row.due, row.title))


def due_of(page, intervals, today):
    """The Due of one live page (a specific page), given its site's `months_by_type()`."""
    label = page._meta.label_lower
    months = page.review_interval or intervals.get(label, DEFAULT_MONTHS)
    start = page.last_reviewed or (
        timezone.localdate(page.first_published_at) if page.first_published_at else today
    )
    due = add_months(start, months)
    return Due(
        id=page.pk,
        title=page.title,
        page_type=label,
        type_name=str(page._meta.verbose_name),
        last_reviewed=page.last_reviewed,
        months=months,
        own_interval=bool(page.review_interval),
        due=due,
        status=status_of(due, today),
        page=page,
    )
