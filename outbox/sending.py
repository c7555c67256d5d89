"""Mail that survives: every mail the site sends is a task in the database (Django's tasks
framework with django-tasks-db), sent by the worker process (`manage.py run_worker`), never by
the web process.

- Enqueued in the same transaction as the change it is about: the task row is written to the
  same database, so it exists exactly when the change does (a moderator's approval that rolls
  back leaves no mail behind, and a process that dies after the commit loses nothing).
- Sent once: `send_once` writes the mail's key (SentMail, unique) in the transaction that sends
  it. Two workers that run the same mail wait for each other on that row; the second finds it
  and sends nothing. A mail the server refused rolls the row back, so the retry may send it.
- Tried again when the mail server cannot be reached (`mail_task`): after each delay in
  ERVARING["MAIL_RETRY_SECONDS"], then it fails where an operator sees it (Rapporten →
  Achtergrondtaken) and can try it again.
- A task that was running when its worker died is put back in the queue when that worker
  starts again (`recover`), or by the daily job once it has run far longer than any mail can.

What remains: a worker that dies after the mail server accepted a mail and before the
transaction committed sends that mail again on the next try. Every mail has a Message-ID made
from its key, so a mail program can tell the two are one."""

import functools
import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.models import SentMail

logger = logging.getLogger("ervaring")

# A mail server that is down, refuses the connection or does not answer in time: smtplib's
# errors, socket errors and time-outs are all OSError.
MAIL_ERRORS = (OSError,)


def message_id(key):
    """The same Message-ID for every try of one mail."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY[:8]}:{key}".encode()).hexdigest()[:32]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    return f"<{digest}@{domain}>"


def send_once(key, message):
    """Send `message` unless a mail with `key` went out before. True when it was sent now.
    The mail server's errors are raised (and nothing is recorded), so a retry can send it."""
    message.extra_headers.setdefault("Message-ID", message_id(key))
    with transaction.atomic():
        try:
            with transaction.atomic():
                SentMail.objects.create(key=key)
        except IntegrityError:
            return False
        message.send()
    return True


# What each mail task is, in the operators' words (Rapporten → Achtergrondtaken).
LABELS = {}
BACKEND = "worker"


def label(result):
    """What the task of a DBTaskResult does, in Dutch."""
    return LABELS.get(result.task_path, result.task_path.rpartition(".")[2])


def mail_task(what):
    """A task that sends mail (`what` says which, in Dutch). When the mail server cannot be
    reached, the same task is put back in the queue for later (the delays in
    MAIL_RETRY_SECONDS); after the last try it fails, with the error, where operators see it."""

    def decorate(func):
        @task(backend=BACKEND)
        @functools.wraps(func)
        def run(*args, attempt=1):
            try:
                return func(*args)
            except MAIL_ERRORS as error:
                delays = settings.ERVARING["MAIL_RETRY_SECONDS"]
                if attempt > len(delays):
                    logger.error(
                        "Mail %s%s na %s pogingen niet verstuurd", func.__name__, args, attempt
                    )
                    raise
                later = timezone.now() + timedelta(seconds=delays[attempt - 1])
                run.using(run_after=later).enqueue(*args, attempt=attempt + 1)
                logger.warning(
                    "Mail %s%s niet verstuurd (%s); opnieuw om %s",
                    func.__name__,
                    args,
                    error,
                    later.isoformat(timespec="seconds"),
                )
                return {"opnieuw_om": later.isoformat(timespec="seconds"), "poging": attempt}

        LABELS[run.module_path] = what
        return run

    return decorate


def again(result):
    """Put the task of `result` (a DBTaskResult) back in the queue, as a first attempt."""
    task_ = result.task.using(run_after=None)
    kwargs = {k: v for k, v in result.args_kwargs["kwargs"].items() if k != "attempt"}
    return task_.enqueue(*result.args_kwargs["args"], **kwargs)


class Interrupted(Exception):
    """The worker that ran this task stopped before it was done."""


def recover(worker_id=None, older_than=None):
    """Put back in the queue what a stopped worker left running: the tasks last claimed by
    `worker_id` (which is starting, so it runs none of them), or those running longer than
    `older_than`. Each is marked failed ("onderbroken") and enqueued once more. Returns how
    many."""
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, backend_name=BACKEND)
    if older_than is not None:
        running = running.filter(started_at__lt=timezone.now() - older_than)
    count = 0
    for result in running:
        if worker_id is not None and (result.worker_ids or [None])[-1] != worker_id:
            continue
        with transaction.atomic():
            again(result)
            result.set_failed(Interrupted("onderbroken: de worker stopte tijdens deze taak"))
        count += 1
    return count
