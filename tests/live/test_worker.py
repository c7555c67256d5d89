"""The worker as a real process (`manage.py run_worker`) against the browser tests' site and its
database, sending to a real mail server on loopback (tests/support/smtp.py): a mail server that
is down and comes back, a worker killed while it sends, and two workers at once. Each mail is
counted by its own address, so mails other tests left in the queue do not count."""

import subprocess
import sys
import time
import uuid

import pytest

from tests.live.server import get_server
from tests.support.content import OPMARS
from tests.support.servers import ROOT, stop
from tests.support.smtp import SmtpSink

APPROVE = """
from django.utils import timezone
from articles.models import ArticlePage
from comments.models import Comment
from comments.moderation import moderate
from comments.notifications import send_due
article = ArticlePage.objects.live().filter(slug={slug!r}).get()
comments = [
    Comment.objects.create(
        article=article, name="Lezer", email=address, body="Een reactie van " + address,
        status=Comment.Status.PENDING, notify=True, notify_confirmed_at=timezone.now(),
    )
    for address in {addresses!r}
]
# Approved outside any request, as a script or a bulk job would.
moderate(comments, Comment.Status.APPROVED, None)
for comment in comments[: {twice}]:
    send_due.enqueue(comment.pk)  # the same mail in the queue a second time
print("OK", len(comments))
"""


@pytest.fixture
def sink():
    sink = SmtpSink()
    yield sink
    sink.stop()


@pytest.fixture
def workers(site_url, sink, tmp_path):
    """Start workers (`start(name)`) with this test's mail server; all stopped afterwards."""
    server = get_server()
    started = []

    def start(name, retry_seconds="1,2,2,2,2,2"):
        env = {**server.env, **sink.env(), "MAIL_RETRY_SECONDS": retry_seconds}
        log = open(tmp_path / f"{name}.log", "a")  # noqa: SIM115 - open while it runs
        process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--id", name, "--interval", "0.2"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        stop(process, timeout=15)


def approve(addresses, twice=0):
    server = get_server()
    code = APPROVE.format(slug=OPMARS, addresses=addresses, twice=twice)
    assert server.shell_output(code, marker="OK") == str(len(addresses))


def addresses(count):
    run = uuid.uuid4().hex[:8]
    return [f"lezer-{run}-{number}@example.org" for number in range(count)]


def to(sink, wanted):
    return [message for message in sink.received() if message["To"] in wanted]


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"Na {seconds} s nog niet: {what}")


def retries():
    """How many second (or later) tries of readers' mails the queue has held: each retry is a
    task of its own, with its attempt number."""
    return get_server().query(
        "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE backend_name = ? "
        "AND task_path = ? AND CAST(args_kwargs AS TEXT) LIKE ?",
        ("worker", "comments.notifications.send_due", "%attempt%"),
    )[0][0]


def test_a_mail_server_that_comes_back_gets_the_mail_once(workers, sink):
    wanted = addresses(1)
    workers(f"test-{uuid.uuid4().hex[:6]}")
    before = retries()
    approve(wanted)
    # Nothing listens: the worker fails, and puts the mail back for a try a second later.
    wait_for(lambda: retries() > before, 60, "een tweede poging in de rij")
    assert to(sink, wanted) == []
    sink.start()
    wait_for(lambda: to(sink, wanted), 30, "de mail bij de mailserver")
    time.sleep(3)  # later tries, if any were left, would have come by now
    [message] = to(sink, wanted)
    assert message["Subject"] == "Je reactie staat online"
    assert "/artikelen/" in message.get_payload(decode=True).decode()


def test_a_worker_killed_while_sending_sends_the_mail_once_when_it_is_back(workers, sink):
    wanted = addresses(1)
    name = f"test-{uuid.uuid4().hex[:6]}"
    sink.start()
    sink.stall()
    first = workers(name)
    approve(wanted)
    assert sink.stalled.wait(60), "de worker begon niet aan de mail"
    first.kill()  # mid-send: the mail server has the text but never said it took it
    first.wait()
    sink.unstall()
    assert to(sink, wanted) == []
    workers(name)  # the same worker, restarted: it puts back what it was doing
    wait_for(lambda: to(sink, wanted), 60, "de mail na de herstart")
    time.sleep(3)
    assert len(to(sink, wanted)) == 1
    [(status,)] = get_server().query(
        "SELECT status FROM django_tasks_database_dbtaskresult "
        "WHERE CAST(worker_ids AS TEXT) LIKE ? AND traceback LIKE ?",
        (f"%{name}%", "%onderbroken%"),
    )
    assert status == "FAILED"


def test_two_workers_send_each_mail_once(workers, sink):
    wanted = addresses(12)
    sink.start()
    workers(f"test-{uuid.uuid4().hex[:6]}-a")
    workers(f"test-{uuid.uuid4().hex[:6]}-b")
    approve(wanted, twice=len(wanted))  # 24 tasks for 12 mails
    wait_for(lambda: len(to(sink, wanted)) >= len(wanted), 90, "alle twaalf mails")
    time.sleep(3)
    received = to(sink, wanted)
    assert sorted(message["To"] for message in received) == sorted(wanted)
    assert len({message["Message-ID"] for message in received}) == len(wanted)
