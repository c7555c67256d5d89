"""Many readers at once: 50 comments posted at the same moment by 50 different visitors, while
others read the article. Every comment is stored exactly once, pending, and every read counts."""

import re
import threading
import uuid

import requests

from tests.live.server import get_server
from tests.support.content import OPMARS_URL

ARTICLE = OPMARS_URL
CLIENTS = 50
READERS = 50


def query(sql, params=()):
    return get_server().query(sql, params)


def view_count():
    return query(
        "SELECT COALESCE(SUM(r.count), 0) FROM articles_articlereads r JOIN wagtailcore_page p "
        "ON p.id = r.article_id WHERE p.url_path LIKE ?",
        ("%/inzet-ervaringsdeskundigen-%",),
    )[0][0]


def test_fifty_simultaneous_comments_and_reads(site_url):
    run = uuid.uuid4().hex[:8]
    barrier = threading.Barrier(CLIENTS + READERS)
    errors = []
    statuses = []

    def commenter(number):
        try:
            session = requests.Session()
            # A different address per visitor (the test server trusts one proxy).
            address = f"10.{number // 250}.{number % 250}.{number % 7 + 1}"
            headers = {"X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 test"}
            # "Connection: close": the post below may come seconds later, after gunicorn's
            # keep-alive (2 s) has ended; a kept connection could be closed as the post goes out.
            session.get(site_url + ARTICLE, headers={**headers, "Connection": "close"}, timeout=30)
            barrier.wait(timeout=60)
            response = session.post(
                site_url + ARTICLE,
                data={
                    "name": f"Lezer {number}",
                    "email": f"l{number}@example.org",
                    "body": f"Gelijktijdig {run} nummer {number}.",
                    "website": "",
                },
                headers={**headers, "Origin": site_url, "Sec-Fetch-Site": "same-origin"},
                allow_redirects=False,
                timeout=60,
            )
            statuses.append(response.status_code)
        except Exception as error:  # collected and reported below
            errors.append(repr(error))

    def reader(number):
        try:
            barrier.wait(timeout=60)
            headers = {"User-Agent": "Mozilla/5.0 test-lezer"}
            page = requests.get(site_url + ARTICLE, headers=headers, timeout=60)
            counter = re.search(r'class="read-counter" src="([^"]+)"', page.text).group(1)
            image = requests.get(site_url + counter, headers=headers, timeout=60)
            statuses.append(image.status_code)
        except Exception as error:
            errors.append(repr(error))

    views_before = view_count()
    threads = [threading.Thread(target=commenter, args=(n,)) for n in range(CLIENTS)]
    threads += [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert not errors, errors[:5]
    assert statuses.count(303) == CLIENTS, statuses
    assert statuses.count(200) == READERS
    rows = query(
        "SELECT body, status FROM comments_comment WHERE body LIKE ?", (f"Gelijktijdig {run} %",)
    )
    bodies = [body for body, _ in rows]
    assert len(bodies) == CLIENTS
    assert len(set(bodies)) == CLIENTS
    assert {status for _, status in rows} == {"pending"}
    assert view_count() - views_before == READERS


def test_forty_identical_posts_at_once_store_one_comment(site_url):
    """A double click times forty: the same text from forty visitors at the same moment. The
    duplicate check is atomic: one comment is stored, the others are told it already came."""
    run = uuid.uuid4().hex[:8]
    posts = 40
    barrier = threading.Barrier(posts)
    errors, statuses = [], []

    def poster(number):
        try:
            address = f"10.200.{number}.{number % 7 + 1}"
            headers = {"X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 test"}
            barrier.wait(timeout=60)
            response = requests.post(
                site_url + ARTICLE,
                data={
                    "name": "Dubbel",
                    "email": "dubbel@example.org",
                    "body": f"Twee keer geklikt {run}.",
                    "website": "",
                },
                headers={**headers, "Origin": site_url, "Sec-Fetch-Site": "same-origin"},
                allow_redirects=False,
                timeout=60,
            )
            statuses.append((response.status_code, "al ontvangen" in response.text))
        except Exception as error:  # collected and reported below
            errors.append(repr(error))

    threads = [threading.Thread(target=poster, args=(n,)) for n in range(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert not errors, errors[:5]
    body = f"Twee keer geklikt {run}."
    stored = query("SELECT COUNT(*) FROM comments_comment WHERE body = ?", (body,))
    assert stored[0][0] == 1
    assert statuses.count((303, False)) == 1
    assert statuses.count((200, True)) == posts - 1, statuses
