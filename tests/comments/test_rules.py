"""The rules editors and moderators keep for new comments (Instellingen → Regels voor
reacties): a blocked word or too many links holds a comment back, a suspect word marks it; each
with its reason, in the queue and in the history; nothing is thrown away."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments.models import DEFAULT_SUSPECT_WORDS, Comment, ModerationRules, rule_lines
from comments.moderation import purge_refused_comments
from tests.support.comments import post_comment
from tests.support.content import OPMARS
from tests.support.pages import soup
from tests.support.tasks import sent_mail

pytestmark = pytest.mark.django_db

RULES_URL = "/beheer/settings/comments/moderationrules/"


@pytest.fixture
def rules():
    found = ModerationRules.load()
    found.suspect_words = "pillen\ngratis geld"
    found.blocked_words = "casino"
    found.save()
    return found


def post(client, article, body, address="10.3.3.3"):
    return post_comment(article, body, address, client=client)


def latest():
    return Comment.objects.filter(article__slug=OPMARS).latest("created_at")


def history(comment):
    return [
        entry.message
        for entry in ModelLogEntry.objects.filter(
            content_type__model="comment", object_id=str(comment.pk)
        )
    ]


def test_a_blocked_word_holds_the_comment_back_with_the_reason(client, article, rules, moderator):
    moderator.email = "mod@example.org"
    moderator.save()
    response = post(client, article, "Speel nu in ons Casino!")
    comment = latest()
    assert comment.status == Comment.Status.HELD
    assert comment.hold_reason == "Geblokkeerd woord: ‘casino’."
    assert "Een moderator kijkt er eerst naar" in soup(response).select_one(".messages").get_text()
    assert history(comment) == [
        "Tegengehouden door de regels voor reacties: Geblokkeerd woord: ‘casino’."
    ]
    # Held back, and the moderators are told why.
    [message] = sent_mail()
    assert message.bcc == ["mod@example.org"]
    assert message.subject.startswith("Reactie tegengehouden bij")
    assert (
        "De regels voor reacties hielden haar tegen: Geblokkeerd woord: ‘casino’." in message.body
    )
    assert "Casino!" not in message.body and "/beheer/reacties/?status=wacht" in message.body


def test_a_suspect_word_waits_like_any_comment_with_the_reason(client, article, rules):
    post(client, article, "Wie heeft er ervaring met gratis geld aanvragen?")
    comment = latest()
    assert comment.status == Comment.Status.PENDING
    assert comment.hold_reason == "Verdacht woord: ‘gratis geld’."
    assert "Verdacht door de regels voor reacties" in history(comment)[0]


def test_words_count_only_as_whole_words(client, article, rules):
    post(client, article, "Ik slik mijn pillendoos-vrije dagen weg: casinospel hoort er niet bij.")
    comment = latest()
    assert comment.status == Comment.Status.PENDING and comment.hold_reason == ""


def test_moderators_find_held_comments_with_their_reason(client, article, rules, moderator):
    post(client, article, "Casino casino casino.")
    client.force_login(moderator)
    queue = soup(client.get("/beheer/reacties/", {"status": "held"}))
    row = queue.select_one("tbody tr")
    assert "Tegengehouden — Geblokkeerd woord: ‘casino’." in row.get_text(" ")
    # In the queue the menu and the dashboard open, and counted there.
    waiting = soup(client.get("/beheer/reacties/", {"status": "wacht"}))
    row = next(tr for tr in waiting.select("tbody tr") if "Casino casino" in tr.get_text())
    assert "Tegengehouden — Geblokkeerd woord: ‘casino’." in row.get_text(" ")
    assert "Goedkeuren" in row.get_text()
    # "Wacht op beoordeling" alone still means just that.
    pending = soup(client.get("/beheer/reacties/", {"status": "pending"}))
    assert "Casino casino" not in pending.get_text()


def test_the_rules_are_kept_in_the_admin_by_moderators_and_editors(article, moderator, editor):
    for person, words in ((moderator, "loterij"), (editor, "loterij\nlening")):
        client = Client()
        client.force_login(person)
        opened = client.get(RULES_URL, follow=True)
        assert opened.status_code == 200, person
        form = soup(opened).find("form", method="POST")
        response = client.post(
            form["action"],
            {"suspect_words": "", "blocked_words": words, "max_links": "1", "trusted_after": "0"},
        )
        assert response.status_code == 302, person
    found = ModerationRules.load()
    assert found.blocked_words == "loterij\nlening" and found.max_links == 1
    post(Client(), article, "Een link: https://a.example en https://b.example")
    assert latest().hold_reason == "Te veel links: 2 (hooguit 1)."


def test_a_rule_too_long_gets_a_dutch_message_and_keeps_what_was_typed(moderator):
    client = Client()
    client.force_login(moderator)
    opened = client.get(RULES_URL, follow=True)
    action = soup(opened).find("form", method="POST")["action"]
    typed = "a" * 101
    response = client.post(
        action,
        {"suspect_words": typed, "blocked_words": "", "max_links": "2", "trusted_after": "0"},
    )
    assert response.status_code == 200
    page = soup(response)
    assert "hooguit 100 tekens" in page.select_one(".w-field:has(#id_suspect_words)").get_text()
    assert page.select_one("#id_suspect_words").get_text().strip() == typed
    assert ModerationRules.load().suspect_words == DEFAULT_SUSPECT_WORDS  # nothing saved


def test_held_comments_are_purged_like_refused_ones(client, article, rules):
    post(client, article, "Casino!")
    comment = latest()
    later = timezone.now() + timedelta(days=31)
    assert purge_refused_comments(now=later) == 1
    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_trusted_commenters_are_off_by_default_and_go_online_at_once_when_on(client, article):
    assert ModerationRules.load().trusted_after == 0
    earlier = post(client, article, "Mijn eerste.", address="10.8.8.1")
    first = latest()
    first.status = Comment.Status.APPROVED
    first.notify_confirmed_at = timezone.now()
    first.save()
    assert earlier.status_code == 200
    post(client, article, "Mijn tweede.", address="10.8.8.2")
    assert latest().status == Comment.Status.PENDING  # off: every comment waits
    rules = ModerationRules.load()
    rules.trusted_after = 1
    rules.save()
    form = soup(client.get(article.url)).find("form", class_="comment-form")
    assert "dan staat je reactie meteen online" in form.get_text(" ")
    told = post(client, article, "Mijn derde.", address="10.8.8.3")
    third = latest()
    assert third.status == Comment.Status.APPROVED
    assert "Meteen online" in history(third)[0]
    assert "staat meteen online" in soup(told).select_one(".messages").get_text()
    assert "Mijn derde." in soup(client.get(article.url)).select_one("#reacties").get_text()
    # An address that never confirmed still waits.
    Comment.objects.filter(pk=first.pk).update(notify_confirmed_at=None)
    post(client, article, "Mijn vierde.", address="10.8.8.4")
    assert latest().status == Comment.Status.PENDING


def test_a_new_site_starts_with_rules_that_editors_can_change(client, article, moderator):
    ModerationRules.objects.all().delete()
    rules = ModerationRules.load()
    assert "casino" in rule_lines(rules.blocked_words)
    assert "bitcoin" in rule_lines(rules.suspect_words)
    post(client, article, "Verdien snel met Bitcoin, vraag me hoe.")
    assert latest().hold_reason == "Verdacht woord: ‘bitcoin’."
    client.force_login(moderator)
    form = soup(client.get(RULES_URL, follow=True))
    assert "bitcoin" in form.find("textarea", attrs={"name": "suspect_words"}).get_text()
