"""Moderating reader comments: the queue with its counts, filters and search, one-click and
bulk actions with who did them, the history, erasing personal data, purging refused comments,
and the moderators' mail that goes out after the reader has their answer."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import ArticlePage
from comments.models import Comment
from tests.support.comments import comment_data
from tests.support.content import OPMARS
from tests.support.factories import CommentFactory
from tests.support.pages import soup
from tests.support.tasks import sent_mail

pytestmark = pytest.mark.django_db


class TestModerationInOneClick:
    """Moderators approve, reject or mark as spam in one click, from the queue and from the
    comment's own page; every step is in the comment's history."""

    @pytest.fixture
    def waiting(self, article):
        return CommentFactory(
            article=article, body="Een reactie die wacht.", status=Comment.Status.PENDING
        )

    def test_a_row_button_approves_and_the_queue_keeps_its_filter(self, client, moderator, waiting):
        client = Client(enforce_csrf_checks=True)  # as a browser: the form must carry its token
        client.force_login(moderator)
        queue = reverse("wagtailsnippets_comments_comment:list") + "?status=pending"
        row = next(
            tr for tr in soup(client.get(queue)).select("tbody tr") if "wacht." in tr.get_text()
        )
        form = next(f for f in row.select("form") if f.button.get_text(strip=True) == "Goedkeuren")
        fields = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
        response = client.post(form["action"], fields)
        assert response.status_code == 302 and response["Location"] == queue
        waiting.refresh_from_db()
        assert waiting.status == Comment.Status.APPROVED and waiting.moderated_by == moderator
        history = client.get(reverse("wagtailsnippets_comments_comment:history", args=[waiting.pk]))
        assert "Reactie goedgekeurd" in soup(history).get_text()

    def test_the_comments_own_page_has_the_buttons_local_time_and_a_link_to_it(
        self, client, moderator, waiting, settings
    ):

        client = Client(enforce_csrf_checks=True)
        client.force_login(moderator)
        waiting.created_at = timezone.datetime(2026, 7, 1, 10, 30, tzinfo=timezone.UTC)
        waiting.save()
        url = reverse("wagtailsnippets_comments_comment:inspect", args=[waiting.pk])
        page = soup(client.get(url))
        assert "1 juli 2026, 12:30" in page.get_text()  # Europe/Amsterdam, summer time
        buttons = [b.get_text(strip=True) for b in page.select(".moderate-actions button")]
        assert buttons == ["Goedkeuren", "Afwijzen", "Spam"]
        spam = next(f for f in page.select(".moderate-actions form") if "Spam" in f.get_text())
        fields = {i["name"]: i["value"] for i in spam.select("input[type=hidden]")}
        client.post(spam["action"], fields)
        waiting.refresh_from_db()
        assert waiting.status == Comment.Status.SPAM
        approve = reverse(
            "wagtailsnippets_comments_comment:moderate", args=[waiting.pk, "approved"]
        )
        client.post(approve, fields)
        link = soup(client.get(url)).find("a", string=lambda s: s and "op de site" in s)
        assert link["href"] == f"{waiting.article.url}#reactie-{waiting.pk}"

    def test_bulk_actions_are_written_to_each_comments_history(self, client, moderator, article):
        comments = CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)
        client.force_login(moderator)
        ids = "&".join(f"id={c.pk}" for c in comments)
        client.post(f"/beheer/bulk/comments/comment/reject/?{ids}")
        for comment in comments:
            history = client.get(
                reverse("wagtailsnippets_comments_comment:history", args=[comment.pk])
            )
            assert "Reactie afgewezen" in soup(history).get_text()

    def test_after_saving_the_edit_form_the_queue_keeps_its_filter(
        self, client, moderator, waiting
    ):

        client.force_login(moderator)
        queue = reverse("wagtailsnippets_comments_comment:list") + "?status=pending"
        edit = reverse("wagtailsnippets_comments_comment:edit", args=[waiting.pk])
        response = client.post(f"{edit}?next={queue}", {"status": "approved", "reply": ""})
        assert response["Location"] == queue
        assert "De reactie is bijgewerkt." in soup(client.get(queue)).get_text()

    def test_a_reply_from_the_editors_shows_under_the_comment(self, client, moderator, article):
        comment = CommentFactory(article=article, body="Waar vind ik meer?")
        client.force_login(moderator)
        edit = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
        client.post(edit, {"status": "approved", "reply": "Kijk bij ‘Werk’.\nSucces!"})
        comment.refresh_from_db()
        assert comment.replied_by == moderator and comment.replied_at is not None
        item = soup(Client().get(article.url)).find(id=f"reactie-{comment.pk}")
        reply = item.select_one(".comment__reply")
        assert reply.select_one(".comment__reply-label").get_text() == "Reactie van de redactie"
        assert "Kijk bij ‘Werk’." in reply.get_text() and reply.find("br") is not None

    def test_a_get_never_moderates(self, client, moderator, waiting):
        client.force_login(moderator)
        url = reverse("wagtailsnippets_comments_comment:moderate", args=[waiting.pk, "approved"])
        assert client.get(url).status_code == 405
        waiting.refresh_from_db()
        assert waiting.status == Comment.Status.PENDING

    def test_an_editor_cannot_use_the_buttons(self, client, editor, waiting):
        client.force_login(editor)
        url = reverse("wagtailsnippets_comments_comment:moderate", args=[waiting.pk, "approved"])
        assert client.post(url).status_code in (302, 403)
        waiting.refresh_from_db()
        assert waiting.status == Comment.Status.PENDING


class TestModeration:
    def test_the_queue_lists_filters_and_searches(self, client, moderator, article):
        CommentFactory(article=article, body="Graag meer hierover", status=Comment.Status.PENDING)
        CommentFactory(article=article, body="Al goedgekeurd")
        client.force_login(moderator)
        url = reverse("wagtailsnippets_comments_comment:list")
        pending = soup(client.get(url, {"status": "pending"})).get_text()
        assert "Graag meer hierover" in pending and "Al goedgekeurd" not in pending
        found = soup(client.get(url, {"q": "meer hierover"})).get_text()
        assert "Graag meer hierover" in found
        by_article = soup(client.get(url, {"article": article.pk})).get_text()
        assert "Maar niemand wil luisteren" not in by_article

    def test_menu_and_dashboard_show_how_many_wait(self, client, moderator, article):
        CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)
        client.force_login(moderator)
        page = soup(client.get("/beheer/"))
        assert "Reacties (3 nieuw)" in page.get_text() or "3 nieuw" in page.decode()
        panel = page.find(attrs={"data-pending-comments": "3"})
        assert panel is not None
        assert "3 reacties wachten" in page.get_text()
        # The menu item opens the queue on the waiting ones (the sidebar is JSON for its script).
        sidebar = page.find(id="wagtail-sidebar-props").string
        assert '"url": "/beheer/reacties/?status=wacht"' in sidebar

    @pytest.mark.parametrize(
        "action,status",
        [
            ("approve", Comment.Status.APPROVED),
            ("reject", Comment.Status.REJECTED),
            ("spam", Comment.Status.SPAM),
        ],
    )
    def test_bulk_actions_record_who_did_it(self, client, moderator, action, status, article):
        comments = CommentFactory.create_batch(2, article=article, status=Comment.Status.PENDING)
        client.force_login(moderator)
        ids = "&".join(f"id={c.pk}" for c in comments)
        url = f"/beheer/bulk/comments/comment/{action}/?{ids}"
        assert client.get(url).status_code == 200
        response = client.post(url)
        assert response.status_code == 302
        for comment in comments:
            comment.refresh_from_db()
            assert comment.status == status
            assert comment.moderated_by == moderator
            assert comment.moderated_at is not None

    def test_approving_shows_the_comment_at_once_even_on_a_cached_page(
        self, client, moderator, article
    ):

        comment = CommentFactory(
            article=article, body="Wacht op mij", status=Comment.Status.PENDING
        )
        visitor = Client()
        assert "Wacht op mij" not in visitor.get(article.url).content.decode()
        assert visitor.get(article.url)["X-Cache"] == "hit"
        client.force_login(moderator)
        client.post(f"/beheer/bulk/comments/comment/approve/?id={comment.pk}")
        html = visitor.get(article.url).content.decode()
        assert "Wacht op mij" in html
        assert "Reacties (1)" in html

    def test_changing_the_status_in_the_edit_form_is_recorded(self, client, moderator, article):
        comment = CommentFactory(article=article, status=Comment.Status.PENDING)
        client.force_login(moderator)
        url = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
        response = client.post(url, {"status": "approved"})
        assert response.status_code == 302
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED
        assert comment.moderated_by == moderator

    def test_one_comment_is_shown_with_its_article(self, client, moderator, article):
        comment = CommentFactory(article=article, body="Bekijk mij")
        client.force_login(moderator)
        listing = soup(client.get(reverse("wagtailsnippets_comments_comment:list")))
        [link] = [a for a in listing.select("td a") if "Bekijk mij" in a.get_text()]
        # The row opens the comment's own page (text, status, buttons, reply), not a form.
        assert link["href"] == reverse(
            "wagtailsnippets_comments_comment:inspect", args=[comment.pk]
        )
        text = soup(
            client.get(reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk]))
        ).get_text()
        assert "Bekijk mij" in text and "Inzet ervaringsdeskundigen" in text

    def test_an_editor_cannot_moderate(self, client, editor, article):
        comment = CommentFactory(article=article, status=Comment.Status.PENDING)
        client.force_login(editor)
        client.post(f"/beheer/bulk/comments/comment/approve/?id={comment.pk}")
        comment.refresh_from_db()
        assert comment.status == Comment.Status.PENDING
        assert "Reacties" not in [
            a.get_text(strip=True) for a in soup(client.get("/beheer/")).select("nav a")
        ]

    def test_erasing_personal_data_keeps_the_text(self, client, moderator, article):
        comment = CommentFactory(
            article=article, name="Echte Naam", email="echt@example.org", body="Mijn verhaal"
        )
        client.force_login(moderator)
        client.post(f"/beheer/bulk/comments/comment/erase/?id={comment.pk}")
        comment.refresh_from_db()
        assert (comment.name, comment.email, comment.body) == ("Anoniem", "", "Mijn verhaal")
        assert comment.personal_data_erased_at is not None


def test_purge_deletes_refused_comments_after_the_retention_period(settings):
    article = ArticlePage.objects.first()
    old = timezone.now() - timedelta(days=31)
    gone = [
        CommentFactory(article=article, status=s, email="weg@example.org")
        for s in (Comment.Status.REJECTED, Comment.Status.SPAM)
    ]
    Comment.objects.filter(pk__in=[c.pk for c in gone]).update(moderated_at=old)
    recent = CommentFactory(
        article=article, status=Comment.Status.SPAM, moderated_at=timezone.now()
    )
    approved_old = CommentFactory(article=article, moderated_at=old)
    call_command("purge_comments")
    remaining = set(Comment.objects.values_list("pk", flat=True))
    assert not {c.pk for c in gone} & remaining
    assert {recent.pk, approved_old.pk} <= remaining


def test_the_moderators_are_mailed_by_the_worker_not_while_the_reader_waits(moderator):
    """Posting only puts the mail in the queue, in the same transaction as the comment: the
    reader's answer never waits for a mail server, and the worker sends it."""
    article = ArticlePage.objects.get(slug=OPMARS)
    response = Client().post(
        article.url, comment_data("Na het antwoord."), REMOTE_ADDR="192.0.2.80"
    )
    assert response.status_code == 303
    assert Comment.objects.filter(body="Na het antwoord.").exists()
    assert mail.outbox == []
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert [result.task_path for result in waiting] == ["comments.moderation.notify_moderators"]
    assert [message.bcc for message in sent_mail()] == [[moderator.email]]


class TestTheCommentsPage:
    """Clicking a comment in the queue opens one page that has everything (issue 19.3)."""

    def test_text_first_the_real_status_the_buttons_and_the_reply(self, moderator, article):
        comment = CommentFactory(
            article=article,
            body="Mijn tekst staat bovenaan.",
            status=Comment.Status.HELD,
            hold_reason="Te veel links: 3 (hooguit 2).",
        )
        client = Client(enforce_csrf_checks=True)
        client.force_login(moderator)
        url = reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk])
        page = soup(client.get(url))
        top = page.select_one(".comment-page")
        assert top.select_one(".comment-page__text").get_text(strip=True) == (
            "Mijn tekst staat bovenaan."
        )
        status = top.select_one(".comment-page__status").get_text(" ", strip=True)
        assert status == "Status: Tegengehouden — Te veel links: 3 (hooguit 2)."
        assert "Live" not in page.get_text()
        edit = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
        assert "Live" not in soup(client.get(edit)).get_text()
        form = top.select_one("form.comment-page__reply")
        fields = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
        fields["reply"] = "Dank je wel."
        response = client.post(form["action"], fields)
        assert response.status_code == 302 and response["Location"] == url
        comment.refresh_from_db()
        assert comment.reply == "Dank je wel." and comment.status == Comment.Status.HELD
        history = client.get(reverse("wagtailsnippets_comments_comment:history", args=[comment.pk]))
        assert "Reactie van de redactie toegevoegd" in soup(history).get_text()

    def test_after_a_click_in_the_queue_the_next_waiting_comment_is_next(self, moderator, article):
        older, newer = (
            CommentFactory(article=article, body=f"Wacht {n}", status="pending") for n in (1, 2)
        )
        older.created_at = newer.created_at - timezone.timedelta(minutes=5)
        older.save()
        client = Client()
        client.force_login(moderator)
        queue = reverse("wagtailsnippets_comments_comment:list") + "?status=pending"
        approve = reverse("wagtailsnippets_comments_comment:moderate", args=[newer.pk, "approved"])
        response = client.post(approve, {"next": queue})
        assert response["Location"] == f"{queue}#beoordeel-{older.pk}"
        row = soup(client.get(queue)).find(id=f"beoordeel-{older.pk}")
        assert row.name == "button" and row.get_text(strip=True) == "Goedkeuren"

    def test_an_empty_queue_says_nothing_waits(self, client, moderator):
        Comment.objects.filter(status=Comment.Status.PENDING).delete()
        client.force_login(moderator)
        page = soup(
            client.get(reverse("wagtailsnippets_comments_comment:list"), {"status": "pending"})
        )
        assert "Er wacht niets op beoordeling." in page.get_text()
        assert "matchen met je zoekopdracht" not in page.get_text()
