"""Marking a page as checked: the date on the page (outside its revisions: nothing in it
changes), a line in its history, and fresh copies of the page for visitors, who see the date."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from caching.version import bump_content_version

REVIEWED = "ervaring.page.reviewed"


def mark_reviewed(page, user, today=None):
    """Record that `user` checked `page` (a specific page) today."""
    today = today or timezone.localdate()
    with transaction.atomic():
        type(page).objects.filter(pk=page.pk).update(last_reviewed=today)
        page.last_reviewed = today
        log(instance=page, action=REVIEWED, user=user, data={"date": today.isoformat()})
        bump_content_version()
    return today
