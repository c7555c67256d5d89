"""The publishing gate: a page under a workflow with the task "Leesbaarheid" is published
through that workflow. Wagtail lets everyone who may publish a page skip its workflow; here
only the task's own groups (Eindredactie) and administrators may. Everyone else submits the
page, and the task passes it by itself when it reads at B1 (readability/models.py)."""

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


def must_submit(user, page):
    """Whether `user` must send `page` through its workflow instead of publishing it."""
    tasks = gate_tasks(page)
    if user.is_superuser or not tasks.exists():
        return False
    return not tasks.filter(groups__in=user.groups.all()).exists()


def without_publish(menu_items, request, context):
    """construct_page_action_menu: no "Publiceren" for those who must submit."""
    page = context.get("page") if context.get("view") != "create" else context.get("parent_page")
    if must_submit(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_ACTION]


def refuse_publish_post(request, page):
    """before_edit_page / before_create_page: a publish sent anyway (the button is not there) is
    refused before anything is saved."""
    if (
        request.method == "POST"
        and PUBLISH_ACTION in request.POST
        and must_submit(request.user, page)
    ):
        raise PermissionDenied("Deze pagina gaat via de controle op leesbaarheid.")


def refuse_bulk_publish(request, action_type, objects, action):
    if action_type == "publish" and any(must_submit(request.user, page) for page in objects):
        raise PermissionDenied("Deze pagina's gaan via de controle op leesbaarheid.")
