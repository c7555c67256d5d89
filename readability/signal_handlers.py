"""A change to the word lists changes what the report and the accessibility statement show:
it makes cached data stale (and the lists themselves are read again). And an index of articles
or roles made after the migrations (load_content on a fresh site) gets the publishing gate,
the workflow "Leesbaarheid (B1)", unless an editor gave it another workflow already."""

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import Workflow, WorkflowPage

from caching.invalidation import invalidate_on_change
from readability.models import PlainWord, ReadabilityTask, SiteWord

# The pages whose subtree goes through the gate: what an editor publishes there is an article
# or a role (readability/migrations/0005_readability_workflow.py gives it to existing ones).
GATED_INDEXES = ("articles.ArticleIndexPage", "roles.RoleIndexPage")


def readability_workflow():
    """The active workflow with an active task "Leesbaarheid" in it, or None."""
    tasks = ReadabilityTask.objects.filter(active=True).values("pk")
    return Workflow.objects.filter(active=True, workflow_tasks__task__in=tasks).first()


def gate_new_index(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    workflow = readability_workflow()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


def register_signal_handlers():
    invalidate_on_change(SiteWord, PlainWord)
    for name in GATED_INDEXES:
        post_save.connect(gate_new_index, sender=apps.get_model(name), dispatch_uid=f"gate-{name}")
