"""The publishing gate: a page under a workflow with the task "Leesbaarheid" is published
through that workflow. Wagtail lets everyone who may publish a page skip its workflow; here
only the task's own groups (Eindredactie) and administrators may, and Eindredactie only while
the page is not waiting in the task (then its approval, with a reason, is the way). Everyone
else submits the page, and the task passes it by itself when it reads at B1
(readability/models.py)."""

from django.core.exceptions import PermissionDenied

from readability.models import ReadabilityTask

PUBLISH_ACTION = "action-publish"


def gate_tasks(page):
    """The active tasks "Leesbaarheid" of the workflow `page` is under (an empty queryset if
    none): for a new page, pass its parent."""
    workflow = page.get_workflow() if page is not None else None
    if workflow is None:
        return ReadabilityTask.objects.none()
    return ReadabilityTask.objects.filter(active=True, workflow_tasks__workflow=workflow)


def awaits_readability(page):
    """Whether `page` was submitted and waits in the task "Leesbaarheid" now."""
    if page is None or not page.pk:
        return False
    return isinstance(page.current_workflow_task, ReadabilityTask)


def must_submit(user, page, new_page=False):
    """Whether `user` must send `page` (for a new page: its parent) through its workflow
    instead of publishing it. While a page waits in the task, Eindredactie too decides there,
    "Goedkeuren met reden" (one way, and the reason is kept), not with "Publiceren" beside it."""
    tasks = gate_tasks(page)
    if user.is_superuser or not tasks.exists():
        return False
    if not new_page and awaits_readability(page):
        return True
    return not tasks.filter(groups__in=user.groups.all()).exists()


def without_publish(menu_items, request, context):
    """construct_page_action_menu: no "Publiceren" for those who must submit."""
    new_page = context.get("view") == "create"
    page = context.get("parent_page") if new_page else context.get("page")
    if must_submit(request.user, page, new_page=new_page):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_ACTION]


def refuse_publish_post(request, page, new_page=False):
    """before_edit_page / before_create_page: a publish sent anyway (the button is not there) is
    refused before anything is saved."""
    if (
        request.method == "POST"
        and PUBLISH_ACTION in request.POST
        and must_submit(request.user, page, new_page=new_page)
    ):
        raise PermissionDenied("Deze pagina gaat via de controle op leesbaarheid.")


def refuse_bulk_publish(request, action_type, objects, action):
    if action_type == "publish" and any(must_submit(request.user, page) for page in objects):
        raise PermissionDenied("Deze pagina's gaan via de controle op leesbaarheid.")
