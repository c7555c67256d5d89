"""The worker's part in tests that run in one transaction: every task that is due, run by
django-tasks-db's own Worker.run_task, in this process. (The worker as a process, with its
loop, a real mail server that goes down and two workers at once: tests/live/test_worker.py.)"""

from django.core import mail
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from outbox.sending import BACKEND

WORKER_ID = "test"
AT_MOST = 1000


def run_tasks():
    """Run the tasks that are due, oldest first, until none is; how many ran."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id=WORKER_ID,
        excluded_queue_names=[],
    )
    for ran in range(AT_MOST):
        result = DBTaskResult.objects.ready().filter(backend_name=BACKEND).first()
        if result is None:
            return ran
        result.claim(WORKER_ID)
        worker.run_task(result)
    raise AssertionError(f"More than {AT_MOST} tasks: one keeps putting itself back")


def sent_mail():
    """The mails the worker sent once it did what was due (Django's test outbox)."""
    run_tasks()
    return mail.outbox
