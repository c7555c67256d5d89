"""Rapporten → Achtergrondtaken, for superusers (the operators): what waits in the queue, what
is running, and what failed after its last try, each failed task with its error and a button
to try it once more."""

import logging
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.tasks import TaskResultStatus
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.menu import MenuItem

from outbox.sending import again, label

logger = logging.getLogger("ervaring")
SHOWN = 100


class OperatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


def row(result):
    last_line = (result.traceback or "").strip().splitlines()[-1:] or [""]
    waits_until = None if result.run_after == get_date_max() else result.run_after
    return {
        "id": result.id,
        "label": label(result),
        "status": result.status,
        "enqueued_at": result.enqueued_at,
        "started_at": result.started_at,
        "finished_at": result.finished_at,
        "run_after": waits_until,
        "attempt": result.args_kwargs.get("kwargs", {}).get("attempt", 1),
        "error": last_line[0][:300],
    }


@require_safe
def report(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    results = DBTaskResult.objects.all()
    failed = results.filter(status=TaskResultStatus.FAILED).order_by("-finished_at")
    waiting = results.filter(status=TaskResultStatus.READY).order_by("run_after", "enqueued_at")
    running = results.filter(status=TaskResultStatus.RUNNING).order_by("started_at")
    return render(
        request,
        "outbox/report.html",
        {
            "failed": [row(result) for result in failed[:SHOWN]],
            "failed_count": failed.count(),
            "waiting": [row(result) for result in waiting[:SHOWN]],
            "waiting_count": waiting.count(),
            "running": [row(result) for result in running[:SHOWN]],
            "running_count": running.count(),
            "now": timezone.now(),
        },
    )


@require_POST
def retry(request, result_id):
    """Put a failed task back in the queue as a first try; the failed one goes from the list."""
    if not request.user.is_superuser:
        raise PermissionDenied
    try:
        key = uuid.UUID(str(result_id))
    except ValueError:
        key = None
    with transaction.atomic():
        result = (
            DBTaskResult.objects.select_for_update()
            .filter(pk=key, status=TaskResultStatus.FAILED)
            .first()
            if key
            else None
        )
        if result is None:
            messages.warning(request, "Deze taak staat niet (meer) bij de mislukte taken.")
            return redirect("outbox_report")
        try:
            again(result)
        except ImportError:
            messages.error(request, "Deze taak bestaat niet meer in deze versie van de site.")
            return redirect("outbox_report")
        result.delete()
    logger.info("Taak %s opnieuw in de rij gezet door %s", result_id, request.user)
    messages.success(request, f"‘{label(result)}’ staat weer in de rij; de worker probeert het zo.")
    return redirect("outbox_report")


def urls():
    return [
        path("achtergrondtaken/", report, name="outbox_report"),
        path("achtergrondtaken/<str:result_id>/opnieuw/", retry, name="outbox_retry"),
    ]


def menu_item():
    return OperatorsMenuItem(
        "Achtergrondtaken",
        reverse("outbox_report"),
        name="achtergrondtaken",
        icon_name="cogs",
        order=90,
    )
