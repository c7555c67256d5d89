"""What Wagtail's workflow mails need from the readability task."""

from django import template
from wagtail.models import TaskState

register = template.Library()


@register.simple_tag
def approval_reason(page):
    """Why the page's latest approval was given: the reason Eindredactie wrote, or the task's
    own ("Vanzelf: …"). Empty when there is none."""
    if page is None or not page.pk:
        return ""
    approved = (
        TaskState.objects.filter(
            workflow_state__base_content_type=page.get_base_content_type(),
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_APPROVED,
        )
        .exclude(comment="")
        .order_by("-finished_at")
        .first()
    )
    return approved.comment if approved else ""
