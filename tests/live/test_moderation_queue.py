"""The moderation queue in a real browser: readable at 390 px (each comment a block with its
buttons) and at 1280 px, axe-clean, and three comments approved by keyboard alone, each time
going on at the next comment that waits instead of at the top of the page."""

import re
import uuid

from playwright.sync_api import expect

from tests.live.server import get_server
from tests.support.browser import assert_accessible, login

NEW_COMMENTS = """
from articles.models import ArticlePage
from comments.models import Comment
article = ArticlePage.objects.get(slug="inzet-ervaringsdeskundigen-sociaal-werk-in-opmars")
body = "{run} nummer %d: een lange reactie met ervaringsdeskundigheidsopleiding"
made = [Comment.objects.create(article=article, name="Lezer", email="l@example.org",
        body=body % n) for n in (1, 2, 3)]
print("PKS", " ".join(str(c.pk) for c in made))
"""


def three_waiting():
    run = f"Wachtrij-{uuid.uuid4().hex[:6]}"
    pks = get_server().shell_output(NEW_COMMENTS.replace("{run}", run), marker="PKS").split()
    return run, [int(pk) for pk in pks]


def test_the_queue_on_a_phone_is_one_readable_block_per_comment(make_page):
    run, _ = three_waiting()
    moderator = make_page(viewport={"width": 390, "height": 800})
    login(moderator, "moderator")
    moderator.goto("/beheer/reacties/?status=pending")
    row = moderator.locator("tr", has_text=f"{run} nummer 1")
    text = row.locator("td").first.bounding_box()
    assert text["width"] > 250, text  # the text has the width of the screen, not a sliver
    approve = row.get_by_role("button", name=re.compile("^Goedkeuren"))
    box = approve.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert moderator.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(moderator, context="main")


def test_three_comments_approved_by_keyboard_without_going_back_to_the_top(make_page):
    run, pks = three_waiting()
    moderator = make_page(viewport={"width": 1280, "height": 800})
    login(moderator, "moderator")
    moderator.goto("/beheer/reacties/?status=pending")
    assert_accessible(moderator, context="main")
    newest = moderator.locator(f"#beoordeel-{pks[-1]}")
    for _ in range(200):
        moderator.keyboard.press("Tab")
        if newest.evaluate("e => e === document.activeElement"):
            break
    else:
        raise AssertionError("the first Goedkeuren cannot be reached with Tab")
    for pk in reversed(pks):  # newest first, as the queue shows them
        button = moderator.locator(f"#beoordeel-{pk}")
        expect(button).to_be_focused()
        moderator.keyboard.press("Enter")
        expect(moderator.locator(".messages")).to_contain_text("goedgekeurd")
    for n in (1, 2, 3):
        expect(moderator.locator("tr", has_text=f"{run} nummer {n}")).to_have_count(0)
