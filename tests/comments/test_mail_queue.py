"""The comment mails go through the queue (outbox/sending.py): put in it with the change they are
about, sent by the worker once, tried again while the mail server is away, failed where the
operators see them and can try again. (With the worker as a real process and a real mail
server: tests/live/test_worker.py.)"""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.tasks import TaskResultStatus
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from comments.moderation import moderate
from comments.notifications import send_confirmation, send_due
from outbox.models import SentMail
from outbox.sending import BACKEND, recover
from tests.support.factories import CommentFactory
from tests.support.pages import soup
from tests.support.servers import free_port
from tests.support.tasks import WORKER_ID, run_tasks, sent_mail

pytestmark = pytest.mark.django_db


def confirmed(article, **fields):
    """A comment waiting for a moderator whose writer confirmed they want the mails."""
    return CommentFactory(
        article=article,
        status=Comment.Status.PENDING,
        notify=True,
        email="sanne@example.org",
        notify_confirmed_at=timezone.now(),
        **fields,
    )


def mail_server_down():
    """The mail server as configured, but nothing listens there (a real refused connection)."""
    return override_settings(
        MAILERS={
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
            }
        }
    )


def retries(settings, *seconds):
    settings.ERVARING = {**settings.ERVARING, "MAIL_RETRY_SECONDS": seconds}


def queued(status=TaskResultStatus.READY):
    return list(DBTaskResult.objects.filter(backend_name=BACKEND, status=status))


def test_a_comment_approved_outside_a_request_is_mailed(article, moderator):
    """A management command, a script or the shell approves: the mail is in the queue all the
    same, and the worker sends it (it used to wait for the end of a request that never came)."""
    comment = confirmed(article)
    moderate([comment], Comment.Status.APPROVED, moderator)
    assert mail.outbox == []
    assert [m.subject for m in sent_mail()] == ["Je reactie staat online"]


def test_an_approval_that_is_rolled_back_leaves_no_mail(article, moderator):
    comment = confirmed(article)
    with pytest.raises(RuntimeError), transaction.atomic():
        moderate([comment], Comment.Status.APPROVED, moderator)
        raise RuntimeError("de moderatie mislukt")
    assert queued() == []
    assert sent_mail() == []


def test_a_mail_runs_twice_and_goes_out_once(article, moderator):
    """The same task in the queue twice (a retry, an operator's extra try, a second worker):
    the reader gets one mail."""
    comment = CommentFactory(
        article=article, status=Comment.Status.PENDING, notify=True, email="sanne@example.org"
    )
    send_confirmation.enqueue(comment.pk)
    send_confirmation.enqueue(comment.pk)
    assert len(sent_mail()) == 1
    assert SentMail.objects.filter(key=f"bevestigen:{comment.pk}").count() == 1


def test_every_try_of_a_mail_has_the_same_message_id(article, moderator):
    comment = confirmed(article)
    moderate([comment], Comment.Status.APPROVED, moderator)
    assert len(sent_mail()) == 1
    # As if the first try's mail went out and its worker died before it could note so.
    SentMail.objects.all().delete()
    Comment.objects.filter(pk=comment.pk).update(notified_online_at=None)
    send_due.enqueue(comment.pk)
    first_id, second_id = (m.message()["Message-ID"] for m in sent_mail())
    assert first_id == second_id
    assert first_id.startswith("<") and first_id.endswith(">")


def test_while_the_mail_server_is_down_the_mail_waits_and_then_goes_out(
    article, moderator, settings
):
    retries(settings, 1, 1)
    comment = confirmed(article)
    moderate([comment], Comment.Status.APPROVED, moderator)
    with mail_server_down():
        run_tasks()
    assert mail.outbox == []
    [later] = queued()
    assert later.run_after > timezone.now()
    assert later.args_kwargs == {"args": [comment.pk], "kwargs": {"attempt": 2}}
    assert Comment.objects.get(pk=comment.pk).notified_online_at is None
    # The server is back; the next try is due after its delay.
    time.sleep(1.1)
    assert [m.subject for m in sent_mail()] == ["Je reactie staat online"]
    assert Comment.objects.get(pk=comment.pk).notified_online_at is not None
    assert queued() == []


def test_after_the_last_try_it_fails_where_the_operators_see_it_and_can_try_again(
    article, moderator, admin_user, settings
):
    retries(settings)  # no retries: the first failure is the last
    comment = confirmed(article)
    moderate([comment], Comment.Status.APPROVED, moderator)
    with mail_server_down():
        run_tasks()
    [failed] = queued(TaskResultStatus.FAILED)
    assert "ConnectionRefusedError" in failed.exception_class_path

    operator = Client()
    operator.force_login(admin_user)
    assert reverse("outbox_report") in operator.get(reverse("wagtailadmin_home")).text
    page = soup(operator.get(reverse("outbox_report")))
    rows = page.select("#mislukt ~ table tbody tr")
    assert len(rows) == 1
    assert "Bericht aan een lezer" in rows[0].get_text()
    assert "Connection refused" in rows[0].get_text()
    button = rows[0].find("form")
    response = operator.post(button["action"], follow=True)
    assert "staat weer in de rij" in soup(response).get_text()
    assert queued(TaskResultStatus.FAILED) == []
    assert [m.subject for m in sent_mail()] == ["Je reactie staat online"]
    page = soup(operator.get(reverse("outbox_report")))
    assert "Er is niets mislukt." in page.get_text()


def test_only_operators_see_the_queue(client, moderator, editor, article, settings):
    """Wagtail sends whoever may not see an admin page back to the dashboard."""
    retries(settings)
    comment = confirmed(article)
    moderate([comment], Comment.Status.APPROVED, moderator)
    with mail_server_down():
        run_tasks()
    [failed] = queued(TaskResultStatus.FAILED)
    for user in (moderator, editor):
        client.force_login(user)
        home = reverse("wagtailadmin_home")
        assert client.get(reverse("outbox_report"))["Location"] == home
        assert client.post(reverse("outbox_retry", args=[failed.pk]))["Location"] == home
        assert reverse("outbox_report") not in client.get(home).text
    assert queued(TaskResultStatus.FAILED) == [failed]


def test_a_retry_of_something_unknown_says_so(client, admin_user):
    client.force_login(admin_user)
    for odd in ("x", "0" * 400, "00000000-0000-0000-0000-000000000000"):
        response = client.post(reverse("outbox_retry", args=[odd]), follow=True)
        assert response.status_code == 200
        assert "niet (meer) bij de mislukte taken" in response.text


def test_a_worker_that_restarts_puts_back_what_it_was_running(article, moderator):
    comment = confirmed(article)
    moderate([comment], Comment.Status.APPROVED, moderator)
    [task] = queued()
    task.claim("machine-1")  # and then the machine went down
    # What run_worker does first when it starts (tests/live/test_worker.py runs the command).
    assert recover(worker_id="machine-2") == 0  # not its task: machine-1 may still send it
    assert sent_mail() == []
    assert recover(worker_id="machine-1") == 1
    assert [m.subject for m in sent_mail()] == ["Je reactie staat online"]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert "onderbroken" in task.traceback


def test_the_daily_tidy_up(article, moderator):
    comment = confirmed(article)
    moderate([comment], Comment.Status.APPROVED, moderator)
    [stuck] = queued()
    stuck.claim(WORKER_ID)
    DBTaskResult.objects.filter(pk=stuck.pk).update(started_at=timezone.now() - timedelta(hours=2))
    SentMail.objects.create(key="oud", sent_at=timezone.now() - timedelta(days=100))
    SentMail.objects.create(key="nieuw")
    call_command("tidy_outbox", verbosity=0)
    assert [m.subject for m in sent_mail()] == ["Je reactie staat online"]
    assert set(SentMail.objects.values_list("key", flat=True)) == {
        "nieuw",
        f"online:{comment.pk}",
    }
