"""What browser tests share besides their fixtures (tests/live/conftest.py): judging a page
with axe-core, logging in to the admin and uploading an image as a person does."""

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.live.server import PASSWORD

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Public pages are held to axe's best practices too (landmarks, one main, heading order, …);
# Wagtail's own admin pages are judged by WCAG alone.
AXE_BEST_PRACTICE = "best-practice"


def assert_accessible(page, context=None, best_practice=False):
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA, and with `best_practice` axe's best practices)
    on the page; fail with a readable list."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text() + ";0")
    # Judge the page as a person sees it once it stands still: the admin's messages fade in
    # for half a second. (Wagtail's "what's new" badge pings for 25 s; short effects only.)
    page.evaluate(
        """async () => await Promise.all(
            document.getAnimations()
                .filter((a) => a.effect && a.effect.getComputedTiming().endTime <= 2000)
                .map((a) => a.finished.catch(() => null))
        )"""
    )
    result = page.evaluate(
        "async (options) => await axe.run(options.context || document, options.config)",
        {
            "context": context,
            "config": {
                "runOnly": {
                    "type": "tag",
                    "values": AXE_TAGS + ([AXE_BEST_PRACTICE] if best_practice else []),
                }
            },
        },
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + json.dumps([node["target"] for node in v["nodes"]][:5])
        for v in result["violations"]
    ]
    assert not violations, f"axe-core op {page.url}:\n" + "\n".join(violations)


def login(page, username):
    page.goto("/beheer/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/beheer/")


def upload_listing_image(editor, photo, title):
    """In an article's editor: "Kies een afbeelding", upload `photo` under `title` in the
    chooser, and wait until the field shows it."""
    editor.get_by_role("button", name="Kies een afbeelding").click()
    chooser = editor.get_by_role("dialog")
    chooser.get_by_role("tab", name="Uploaden").click()
    chooser.locator("input[type=file]").set_input_files(photo)
    chooser.get_by_role("textbox", name=re.compile("^Titel")).fill(title)
    chooser.get_by_role("button", name="Uploaden").click()
    expect(editor.get_by_role("region", name="Afbeelding")).to_contain_text(title)
