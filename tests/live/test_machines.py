"""More than one machine: extra gunicorn servers on the same database and the same Redis (or
files without one), as two app servers behind a load balancer. A publish through one is seen
through the other at once; the comment limit holds across both when 50 posts from one address
arrive at the same moment; and a server whose Redis goes away keeps serving pages."""

import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from tests.live.server import get_server
from tests.support.browser import login
from tests.support.content import OPMARS_URL
from tests.support.servers import ROOT

LIMIT = 5
POSTS = 50


@pytest.fixture(scope="module")
def limited_servers():
    """Two more servers on the same database and cache, with a limit of 5 comments an hour."""
    server = get_server()
    env = {"COMMENT_RATE_LIMIT": str(LIMIT), "PROXY_COUNT": "1"}
    return server.extra_server(**env), server.extra_server(**env)


def test_a_publish_through_one_server_is_seen_through_the_other_at_once(make_page, limited_servers):
    other, _ = limited_servers
    pk, url = get_server().new_page("Op twee servers")
    for _ in range(2):
        cached = requests.get(other + url, timeout=30)
    assert cached.headers.get("X-Cache") == "hit"

    editor = make_page()
    login(editor, "redacteur")
    editor.goto(f"/beheer/pages/{pk}/edit/")
    editor.locator("#id_title").fill("Op twee servers, bijgewerkt")
    editor.get_by_role("button", name="Meer acties").click()
    editor.get_by_role("button", name="Publiceren").click()
    expect(editor.locator(".messages")).to_contain_text("gepubliceerd")

    fresh = requests.get(other + url, timeout=30)
    assert "Op twee servers, bijgewerkt" in fresh.text
    assert fresh.headers.get("X-Cache") == "miss"


def test_fifty_posts_from_one_address_at_once_get_exactly_the_limit(limited_servers):
    article = OPMARS_URL
    run = uuid.uuid4().hex[:8]
    address = f"198.51.100.{int(run[:2], 16) % 250 + 1}"
    barrier = threading.Barrier(POSTS)
    statuses, errors, refusals = [], [], []

    def post(number):
        server = limited_servers[number % 2]  # half through each server
        try:
            session = requests.Session()
            # The reader opens the article (the form has nothing per visitor), then sends it.
            session.get(
                server + article,
                headers={"X-Forwarded-For": address, "Connection": "close"},
                timeout=30,
            )
            barrier.wait(timeout=60)
            response = session.post(
                server + article,
                data={
                    "name": f"Lezer {number}",
                    "email": f"l{number}@example.org",
                    "body": f"Tegelijk {run} nummer {number}.",
                    "website": "",
                },
                headers={
                    "X-Forwarded-For": address,
                    "Origin": server,
                    "Sec-Fetch-Site": "same-origin",
                },
                allow_redirects=False,
                timeout=60,
            )
            statuses.append(response.status_code)
            if response.status_code == 200 and "veel reacties gestuurd" in response.text:
                refusals.append(number)
        except Exception as error:  # collected and reported below
            errors.append(repr(error))

    threads = [threading.Thread(target=post, args=(n,)) for n in range(POSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert not errors, errors[:5]
    assert statuses.count(303) == LIMIT, statuses
    assert len(refusals) == POSTS - LIMIT  # each refused with the Dutch message


def test_a_server_whose_redis_goes_away_keeps_serving(tmp_path):
    """Its own Redis, stopped halfway: pages keep coming (uncached), comments keep working."""
    redis_dir = Path(tempfile.mkdtemp(prefix="ervaring-redis-weg-"))
    script = ROOT / "scripts" / "redis-server.sh"
    url = subprocess.run(
        [script, "start", redis_dir], capture_output=True, text=True, check=True
    ).stdout.strip()
    try:
        server = get_server().extra_server(CACHE_URL=f"{url}/0")
        pages = ["/", "/werk/", "/werk/coach/", "/artikelen/", "/ervaringsladder/"]
        for page in pages:
            requests.get(server + page, timeout=30)
            assert requests.get(server + page, timeout=30).headers.get("X-Cache") == "hit"
        subprocess.run([script, "stop", redis_dir], check=True)
        time.sleep(0.5)
        for page in pages:
            response = requests.get(server + page, timeout=30)
            assert response.status_code == 200, page
            assert "X-Cache" not in response.headers
    finally:
        subprocess.run([script, "stop", redis_dir], check=False)
