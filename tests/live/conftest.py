"""Playwright driving Debian's Chromium against the real server (tests/live/server.py).

Every page a test opens is watched: a Content-Security-Policy violation or a JavaScript error
fails the test. `assert_accessible(page)` (tests/support/browser.py) runs axe-core and fails on any
violation."""

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.live.server import get_server

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WATCH = """
window.__problems = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__problems.push(`CSP ${event.violatedDirective}: ${event.blockedURI}`);
});
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/live/" in str(item.fspath):
            item.add_marker(pytest.mark.live)


@pytest.fixture(scope="session")
def site_url():
    return get_server().wait()


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


# `make test` runs the SQLite and the PostgreSQL suites at once on 2 cores: an admin page that
# answers a form with errors can take more than Playwright's 5 seconds to come back. A
# person waits too; what is asserted does not change.
expect.set_options(timeout=15_000)

# Console messages that are not errors of the page: a 404 the test asked for, and Wagtail's
# content checks (its own and our B1 check) logging what they found in the editor's preview
# (what they find is asserted where it matters, and axe runs separately in assert_accessible).
NOT_A_PROBLEM = ("Failed to load resource", "axe.run results")


def open_page(chromium, site_url, **context_options):
    context = chromium.new_context(base_url=site_url, locale="nl-NL", **context_options)
    context.add_init_script(WATCH)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = []
    page.on(
        "console",
        lambda msg: (
            page.problems.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error" and not msg.text.startswith(NOT_A_PROBLEM)
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            page.problems.append(f"{response.status} voor {response.url}")
            if failed_resource(response)
            else None
        ),
    )
    page.on("pageerror", lambda error: page.problems.append(f"JavaScript: {error}"))
    return context, page


def failed_resource(response):
    """A file the page needs that did not come, or a server error. A page may answer 404 on
    purpose, and the admin's background checks of a half-filled form may answer 400."""
    kind = response.request.resource_type
    if kind in ("stylesheet", "script", "image", "font", "media"):
        return response.status >= 400
    return kind != "document" and response.status >= 500


def collected_problems(page):
    problems = list(page.problems)
    for frame_page in page.context.pages:
        try:
            problems += frame_page.evaluate("window.__problems || []")
        except Exception:  # noqa: S112 - a closed or navigating page has nothing to tell
            continue
    return problems


@pytest.fixture
def page(chromium, site_url):
    context, page = open_page(chromium, site_url)
    yield page
    problems = collected_problems(page)
    context.close()
    assert not problems, "Fouten in de browser:\n" + "\n".join(problems)


@pytest.fixture
def make_page(chromium, site_url):
    """More pages with their own cookies (a reader and a moderator), or with other options."""
    made = []

    def make(site=None, **options):
        """A page in a browser context of its own, on the site's server or on `site`."""
        context, new_page = open_page(chromium, site or site_url, **options)
        made.append((context, new_page))
        return new_page

    yield make
    problems = []
    for context, made_page in made:
        problems += collected_problems(made_page)
        context.close()
    assert not problems, "Fouten in de browser:\n" + "\n".join(problems)
