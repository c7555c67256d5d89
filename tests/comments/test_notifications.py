"""Mails the reader asked for, with Django's mail outbox: one confirmation first, nothing more
before the reader confirmed and a moderator approved, one mail per event, and a one-click stop."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.support.comments import post_comment
from tests.support.content import OPMARS
from tests.support.pages import soup, visit
from tests.support.tasks import sent_mail

pytestmark = pytest.mark.django_db


def post(article, notify=True, body="Graag een bericht.", address="10.4.4.4"):
    response = post_comment(article, body, address, **({"notify": "on"} if notify else {}))
    assert response.status_code == 200
    return Comment.objects.filter(article__slug=OPMARS).latest("created_at")


def judge(comment, status, moderator):
    """A moderator's one click in the queue (a request: the mails go out after it)."""
    client = Client()
    client.force_login(moderator)
    url = reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk, status])
    assert client.post(url).status_code == 302


def to_reader():
    """The mails to the reader (moderators get their own mail, in bcc, about new comments)."""
    return [m for m in sent_mail() if m.to == ["sanne@example.org"]]


def link_in(message, words):
    return re.search(rf"https?://\S+/reacties/\d+/{words}/\w+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_box_is_unticked_and_says_what_it_does(client, article):
    box = soup(client.get(article.url)).find("input", attrs={"name": "notify"})
    assert box["type"] == "checkbox" and not box.has_attr("checked")
    label = soup(client.get(article.url)).find("label", attrs={"for": box["id"]})
    assert "Stuur mij een bericht als mijn reactie online staat" in label.get_text()


def test_nothing_is_mailed_without_the_box(article, moderator):
    comment = post(article, notify=False)
    judge(comment, "approved", moderator)
    assert to_reader() == []


def test_one_confirmation_then_nothing_before_confirming_and_approving(article, moderator):
    comment = post(article)
    assert len(to_reader()) == 1
    confirmation = to_reader()[0]
    assert confirmation.to == ["sanne@example.org"]
    assert "Bevestig" in confirmation.subject and "Ja, stuur mij berichten" in confirmation.body
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert confirmation.content_subtype == "plain"
    # Every mail also leads to the reader's own data (see, download, erase).
    assert "/reacties/mijn-gegevens/" in confirmation.body
    # Approved, but not confirmed: nothing.
    judge(comment, "approved", moderator)
    assert len(to_reader()) == 1


def test_a_link_scanner_opening_the_link_confirms_nothing(article):
    comment = post(article)
    link = path_of(link_in(to_reader()[0], "bevestigen"))
    page = soup(Client().get(link))
    assert page.find("button", string="Ja, stuur mij berichten")
    comment.refresh_from_db()
    assert comment.notify_confirmed_at is None


def test_confirmed_and_approved_gives_one_mail_then_one_for_the_reply(article, moderator):
    comment = post(article)
    link = path_of(link_in(to_reader()[0], "bevestigen"))
    reader = Client(enforce_csrf_checks=True)
    form_page = reader.get(link)
    token = soup(form_page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    done = reader.post(link, {"csrfmiddlewaretoken": token})
    assert "Gelukt" in soup(done).h1.get_text()
    assert len(to_reader()) == 1  # confirmed, not approved: still nothing
    judge(comment, "approved", moderator)
    assert [m.subject for m in to_reader()[1:]] == ["Je reactie staat online"]
    assert f"#reactie-{comment.pk}" in to_reader()[1].body
    # Approving again, or saving, sends nothing twice.
    judge(comment, "pending", moderator)
    judge(comment, "approved", moderator)
    assert len(to_reader()) == 2
    # The editors reply through the admin: one mail.
    admin = Client()
    admin.force_login(moderator)
    edit = f"/beheer/reacties/edit/{comment.pk}/"
    response = admin.post(edit, {"status": "approved", "reply": "Dank voor je reactie!"})
    assert response.status_code == 302
    assert [m.subject for m in to_reader()[2:]] == ["De redactie heeft gereageerd op je reactie"]
    # The mails to moderators hold nothing of the reader's.
    for message in sent_mail():
        if message.to != ["sanne@example.org"]:
            assert "sanne" not in message.body.lower() and "Graag" not in message.body


def test_stopping_works_with_one_click_and_stops_every_mail(article, moderator):
    comment = post(article)
    stop = link_in(to_reader()[0], "afmelden")
    assert to_reader()[0].extra_headers["List-Unsubscribe"] == f"<{stop}>"
    # Confirming needs the page's button (a CSRF token): a bare POST confirms nothing.
    refused = Client(enforce_csrf_checks=True).post(
        path_of(link_in(to_reader()[0], "bevestigen")), {}
    )
    assert refused.status_code == 403
    comment.refresh_from_db()
    assert comment.notify_confirmed_at is None
    # A mail program's one-click POST (RFC 8058) carries no browser headers and no token.
    answer = Client(enforce_csrf_checks=True).post(path_of(stop), {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200 and "gestopt" in soup(answer).h1.get_text()
    comment.refresh_from_db()
    assert comment.notify_stopped_at is not None
    judge(comment, "approved", moderator)
    assert len(to_reader()) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/reacties/1/bevestigen/0000/",
        "/reacties/999999/afmelden/abc/",
        "/reacties/1/afmelden/" + "f" * 400 + "/",
    ],
)
def test_a_wrong_link_is_a_dutch_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze link werkt niet" in soup(response, status=404).h1.get_text()
    assert client.post(path).status_code == 404


def test_erasing_the_readers_data_stops_the_mails(article):
    comment = post(article)
    link = path_of(link_in(to_reader()[0], "bevestigen"))
    comment.erase_personal_data()
    assert Client().get(link).status_code == 404


def test_data_erased_before_the_worker_came_by_gets_no_mail(article):
    """The confirmation still waits in the queue when the reader erases their data: the worker
    finds no address and sends nothing."""
    comment = post(article)
    comment.erase_personal_data()
    assert to_reader() == []


def test_confirming_after_approval_sends_the_online_mail_then(article, moderator):
    comment = post(article)
    judge(comment, "approved", moderator)
    assert len(to_reader()) == 1
    link = path_of(link_in(to_reader()[0], "bevestigen"))
    reader = Client()
    reader.post(link, {})
    assert [m.subject for m in to_reader()[1:]] == ["Je reactie staat online"]


def test_confirming_and_mailing_leave_the_cached_pages_alone(article, moderator):
    """Noting that a reader confirmed, or that a mail went out, changes nothing a visitor sees:
    the article stays in the cache."""
    comment = post(article)
    judge(comment, "approved", moderator)
    visit(article.url)
    assert visit(article.url)["X-Cache"] == "hit"
    Client().post(path_of(link_in(to_reader()[0], "bevestigen")), {})
    assert [m.subject for m in to_reader()[1:]] == ["Je reactie staat online"]
    assert visit(article.url)["X-Cache"] == "hit"
