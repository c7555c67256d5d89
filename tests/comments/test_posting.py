"""Reader comments: stored pending, shown only when approved, defended against spam, and never
leaking anyone's e-mail address."""

import datetime
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import ArticlePage
from caching.version import bump_content_version
from comments.models import Comment
from tests.support.content import OPMARS, PARADOX
from tests.support.factories import CommentFactory
from tests.support.pages import soup
from tests.support.tasks import sent_mail

pytestmark = pytest.mark.django_db


def sent():
    """How many comments the Movisie article (which has none in the sources) received."""
    return Comment.objects.filter(article__slug=OPMARS).count()


@pytest.fixture
def post(client, article):
    def send(remote_addr="10.1.2.3", follow=False, **fields):
        data = {
            "name": "Sanne",
            "email": "sanne@example.org",
            "body": "Mooi artikel.\nDank je wel!",
            "website": "",
        }
        data.update(fields)
        return client.post(article.url, data, REMOTE_ADDR=remote_addr, follow=follow)

    return send


class TestPosting:
    def test_a_comment_is_stored_pending_and_the_reader_is_told(self, post, article):
        response = post(follow=True)
        comment = Comment.objects.get(article=article)
        assert comment.status == Comment.Status.PENDING
        assert comment.name == "Sanne" and comment.body == "Mooi artikel.\nDank je wel!"
        assert response.redirect_chain[-1][1] == 303
        page = soup(response)
        assert "Een moderator kijkt er eerst naar" in page.select_one(".messages").get_text()
        assert "Mooi artikel." not in page.select_one("#reacties").get_text()
        assert page.find("h2", id="reacties-titel").get_text() == "Reacties (0)"

    def test_the_reader_is_told_roughly_when_a_moderator_looks(
        self, client, post, article, admin_user
    ):
        form = soup(client.get(article.url)).find("form", class_="comment-form")
        assert "Een moderator kijkt er eerst naar, meestal binnen twee werkdagen." in (
            form.get_text(" ")
        )
        first = soup(post(follow=True)).select_one(".messages").get_text(" ")
        assert "Een moderator kijkt er eerst naar, meestal binnen twee werkdagen." in first
        # A beheerder changes the promise under Instellingen; the site says it at once.
        editor = Client()
        editor.force_login(admin_user)
        opened = editor.get("/beheer/settings/core/sitesettings/", follow=True)
        fields = soup(opened).find("form", method="POST")
        settings_url = fields["action"]
        data = {
            field["name"]: field.get("value", "")
            for field in fields.find_all("input")
            if field.get("name") and field.get("type") not in ("checkbox", "submit")
        }
        data["moderation_wait"] = "binnen een week."
        assert editor.post(settings_url, data).status_code == 302
        form = soup(client.get(article.url)).find("form", class_="comment-form")
        assert "Een moderator kijkt er eerst naar, binnen een week." in form.get_text(" ")
        later = (
            soup(post(follow=True, body="Nog een.", remote_addr="10.9.8.7"))
            .select_one(".messages")
            .get_text(" ")
        )
        assert "Een moderator kijkt er eerst naar, binnen een week. Daarna" in later

    def test_the_form_says_what_the_issue_asks(self, client, article):
        form = soup(client.get(article.url)).find("form", class_="comment-form")
        text = form.get_text(" ")
        assert "Je e-mailadres wordt niet gepubliceerd. Velden met * zijn verplicht." in text
        assert "gezondheid" in text
        # Nothing per visitor: the page with the form is the same for everyone.
        assert form.find("input", attrs={"type": "hidden"}) is None

    def test_moderators_get_an_email_without_the_commenters_details(self, post, moderator):
        post()
        assert len(sent_mail()) == 1
        message = sent_mail()[0]
        assert moderator.email in message.bcc
        assert "Inzet ervaringsdeskundigen" in message.subject
        assert "sanne@example.org" not in message.body and "Mooi artikel" not in message.body
        assert "/beheer/reacties/" in message.body

    def test_a_post_cannot_set_status_article_or_dates(self, post, article):
        other = ArticlePage.objects.exclude(pk=article.pk).first()
        post(
            status="approved",
            article=str(other.pk),
            created_at="2001-01-01",
            moderated_at="2001-01-01",
            moderated_by="1",
        )
        comment = Comment.objects.get(article=article)
        assert comment.status == Comment.Status.PENDING
        assert comment.article_id == article.pk
        assert comment.created_at.year > 2001 and comment.moderated_at is None

    def test_invalid_input_gets_dutch_messages_beside_the_fields_and_keeps_the_text(self, post):
        response = post(name="", email="geen-adres", body="Mijn lange verhaal.")
        page = soup(response)
        assert response.status_code == 200
        assert sent() == 0
        assert page.find(id="id_name_error").get_text(strip=True) == "Vul je naam in."
        assert "geldig e-mailadres" in page.find(id="id_email_error").get_text()
        assert (
            page.find("textarea", attrs={"name": "body"}).get_text().lstrip("\n")
            == "Mijn lange verhaal."
        )
        assert page.find("input", attrs={"name": "email"})["value"] == "geen-adres"
        assert page.find("input", attrs={"name": "email"})["aria-invalid"] == "true"

    def test_too_long_comment_is_refused_with_the_limit(self, post):
        page = soup(post(body="a" * 3001))
        assert "hooguit 3000 tekens" in page.find(id="id_body_error").get_text()
        assert sent() == 0


class TestSpamDefences:
    def test_the_honeypot_refuses(self, post):
        response = post(website="http://spam.example")
        assert sent() == 0
        assert "kon niet worden verstuurd" in soup(response).select_one(".form-errors").get_text()

    def test_more_than_two_links_is_held_back_with_the_reason_never_dropped(self, post):
        response = post(
            body="Zie http://a.example en https://b.example en www.c.example", follow=True
        )
        comment = Comment.objects.get(article__slug=OPMARS)
        assert comment.status == Comment.Status.HELD
        assert comment.hold_reason == "Te veel links: 3 (hooguit 2)."
        # The reader hears what every reader hears: a moderator looks at it first.
        assert (
            "Een moderator kijkt er eerst naar" in soup(response).select_one(".messages").get_text()
        )

    def test_the_rate_limit_refuses_the_sixth_comment_in_an_hour(self, post):
        for n in range(5):
            post(body=f"Reactie nummer {n}.")
        response = post(body="Nog eentje.")
        assert sent() == 5
        # The wait is the hour's remainder after the first of the five, in minutes.
        assert "probeer het over 60 minuten opnieuw" in soup(response).select_one(
            ".form-errors"
        ).get_text(" ", strip=True)
        # Another visitor is not hindered.
        post(body="Van iemand anders.", remote_addr="10.9.9.9")
        assert sent() == 6

    def test_a_duplicate_is_refused(self, post):
        post(body="Precies dezelfde tekst.")
        response = post(body="Precies dezelfde tekst.", remote_addr="10.0.0.2")
        assert sent() == 1
        assert "al ontvangen" in soup(response).select_one(".form-errors").get_text()

    def test_a_closed_article_refuses_comments(self, post, article, client):
        article.comments_closed = True
        article.save_revision().publish()
        post()
        assert sent() == 0
        assert soup(client.get(article.url)).find("form", class_="comment-form") is None

    def test_closing_comments_takes_effect_on_the_next_post(self, post, article, client):
        """The page object this process keeps for routing (per content version) is the one
        that served the first post: the editor's publish reaches the second."""
        assert post().status_code == 303
        assert sent() == 1
        article.comments_closed = True
        article.save_revision().publish()
        post(body="Net te laat.")
        assert sent() == 1

    def test_an_article_closes_on_its_day_also_for_a_page_already_in_memory(
        self, post, article, settings
    ):
        days = settings.ERVARING["COMMENTS_CLOSE_AFTER_DAYS"]
        almost = timezone.now() - timedelta(days=days) + timedelta(seconds=2)
        article.first_published_at = almost
        article.save_revision().publish()  # what the process keeps now has this date
        assert post().status_code == 303
        assert sent() == 1
        time.sleep(2.5)  # the article's last day ends
        post(body="Na de sluiting.")
        assert sent() == 1


class TestWhatIsShown:
    def test_only_approved_comments_are_shown_numbered_oldest_first(self, client, article):
        CommentFactory(article=article, body="Eerste goedgekeurd")
        CommentFactory(article=article, body="Tweede goedgekeurd")
        for status in (Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM):
            CommentFactory(article=article, body=f"Verborgen {status}", status=status)
        page = soup(client.get(article.url))
        items = page.select("ol.comment-list > li")
        assert [li.select_one(".comment__body").get_text(strip=True) for li in items] == [
            "Eerste goedgekeurd",
            "Tweede goedgekeurd",
        ]
        assert page.find("h2", id="reacties-titel").get_text() == "Reacties (2)"
        assert "Verborgen" not in page.get_text()

    def test_the_email_address_never_appears_in_public_html(self, client, article):
        CommentFactory(article=article, email="approved-secret@example.org")
        CommentFactory(
            article=article, email="pending-secret@example.org", status=Comment.Status.PENDING
        )
        for url in (
            "/",
            "/artikelen/",
            article.url,
            "/artikelen/tag/sociaal-domein/",
            "/zoeken/?q=reactie",
            "/sitemap.xml",
        ):
            html = client.get(url).content.decode()
            assert "secret@example.org" not in html, url

    @pytest.mark.parametrize(
        "payload",
        [
            '<script>alert("x")</script>',
            "<img src=x onerror=alert(1)>",
            '"><svg onload=alert(1)>',
            "<a href='javascript:alert(1)'>klik</a>",
        ],
    )
    def test_markup_in_a_comment_is_shown_as_text(self, client, article, payload):
        CommentFactory(article=article, name=payload, body=payload)
        html = client.get(article.url).content.decode()
        assert payload not in html
        assert "&lt;" in html
        page = soup(client.get(article.url))
        assert payload in page.select("ol.comment-list > li")[-1].get_text()


class TestCachedArticle:
    """The article with its comment form is one page for everyone: no token, no cookie. The
    browser's own headers say where a post comes from; a post from another site is refused."""

    def form_data(self, page, body):
        form = soup(page).find("form", class_="comment-form")
        data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
        data.update(name="Kees", email="kees@example.org", body=body)
        return data

    def test_two_visitors_get_the_same_bytes_and_no_cookie(self, article):
        first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        a = first.get(article.url)
        b = second.get(article.url)
        assert b["X-Cache"] == "hit"
        assert a.content == b.content
        assert not a.cookies and not b.cookies
        assert "Set-Cookie" not in a and "Set-Cookie" not in b

    def test_the_form_of_a_cached_page_can_be_sent_from_this_site(self, article):
        Client().get(article.url)  # fills the cache
        reader = Client(enforce_csrf_checks=True)
        page = reader.get(article.url)
        assert page["X-Cache"] == "hit"
        response = reader.post(
            article.url,
            self.form_data(page, "Via de cache."),
            REMOTE_ADDR="10.4.4.4",
            HTTP_SEC_FETCH_SITE="same-origin",
            HTTP_ORIGIN="http://testserver",
        )
        assert response.status_code == 303
        assert Comment.objects.filter(body="Via de cache.").exists()

    @pytest.mark.parametrize(
        "headers",
        [
            {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://kwaad.example"},
            {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://sub.testserver"},
            {"HTTP_ORIGIN": "https://kwaad.example"},  # an older browser: Origin only
        ],
    )
    def test_a_post_from_another_site_is_refused_in_dutch(self, article, headers):
        reader = Client(enforce_csrf_checks=True)
        page = reader.get(article.url)
        response = reader.post(
            article.url, self.form_data(page, "Van elders."), REMOTE_ADDR="10.4.4.5", **headers
        )
        refused = soup(response, status=403)
        text = refused.get_text(" ")
        assert "Je bericht is niet verstuurd" in text
        assert "alleen vanaf deze site" in text
        assert "DEBUG" not in text and "CSRF" not in text
        assert not Comment.objects.filter(body="Van elders.").exists()
        # What the reader typed comes back to copy, in a field that sends nothing.
        kept = refused.find("textarea", id="je-tekst")
        assert kept.get_text() == "Van elders." and kept.has_attr("readonly")
        assert kept.find_parent("form") is None
        assert refused.find("a", string="het formulier")["href"] == f"{article.url}#reageer"

    def test_a_refused_text_is_shown_back_escaped(self, article):
        response = Client(enforce_csrf_checks=True).post(
            article.url,
            {"name": "X", "email": "x@example.org", "body": "<script>alert(1)</script>"},
            HTTP_SEC_FETCH_SITE="cross-site",
        )
        assert response.status_code == 403
        assert b"<script>alert(1)" not in response.content
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content

    def test_other_forms_keep_djangos_token(self, client):
        # The login form is not shared: it still needs Django's token and cookie.
        reader = Client(enforce_csrf_checks=True)
        response = reader.post(
            "/inloggen/",
            {"username": "iemand", "password": "iets"},
            HTTP_SEC_FETCH_SITE="same-origin",
            HTTP_ORIGIN="http://testserver",
        )
        refused = soup(response, status=403)
        assert "Je bericht is niet verstuurd" in refused.get_text(" ")
        assert "iets" not in refused.find("main").get_text(" ").split()


def test_after_posting_the_reader_lands_by_the_comments_with_an_empty_form(post, article):
    response = post(body="Mijn eerste reactie.", follow=True)
    assert response.redirect_chain[-1][0].endswith("#reactie-ontvangen")
    page = soup(response)
    confirmation = page.find(id="reactie-ontvangen")
    assert confirmation.find_parent(id="reacties") is not None
    assert "Een moderator kijkt er eerst naar" in confirmation.get_text()
    assert page.select_one("main > .messages") is None  # not at the top of the page
    assert page.find("textarea", attrs={"name": "body"}).get_text().strip() == ""
    assert page.find("input", attrs={"name": "name"}).get("value") in (None, "")


def test_comments_close_by_themselves_after_the_configured_days(client, settings):
    settings.ERVARING = {**settings.ERVARING, "COMMENTS_CLOSE_AFTER_DAYS": 30}
    article = ArticlePage.objects.get(slug=PARADOX)
    assert soup(client.get(article.url)).find("form", class_="comment-form") is not None
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=31)
    )
    bump_content_version()
    page = soup(client.get(article.url))
    assert page.find("form", class_="comment-form") is None
    assert "De reacties bij dit artikel zijn gesloten" in page.get_text()
