"""The minute after a publish: `wrk` over 50 addresses of the site, once without publishes and
once with an editor publishing every 10 seconds. Every publish makes every cached page stale,
so this measures what a visitor gets while the cache fills again. Run by `make bench` after
bench.bench (same environment); prints its result and adds it to bench/results/latest.json."""

import json
import os
import tempfile
import threading
import time
from pathlib import Path

from bench.bench import add_to_latest, start_gunicorn, wrk_output
from tests.support.servers import stop

SECONDS = int(os.environ.get("BENCH_PUBLISH_SECONDS", "60"))
EVERY = 10


def addresses():
    """50 addresses a visitor would open: every kind of page, lists and details."""
    from articles.models import ArticlePage
    from organisations.models import EmployerTypePage
    from roles.models import RolePage

    fixed = [
        "/",
        "/werk/",
        "/werk/?stap=2",
        "/werk/?stap=2&vorm=vrijwillig",
        "/werk/?soort=hulpverlener&weinig-uren=ja",
        "/werk/keuzehulp/",
        "/ervaringsladder/",
        "/werkgevers/",
        "/artikelen/",
        "/artikelen/?page=2",
        "/zoeken/?q=ervaringsdeskundige",
        "/privacy/",
    ]
    roles = [page.url for page in RolePage.objects.live().order_by("path")[:18]]
    employers = [page.url for page in EmployerTypePage.objects.live().order_by("path")[:5]]
    articles = [page.url for page in ArticlePage.objects.live().order_by("-path")[:15]]
    return (fixed + roles + employers + articles)[:50]


def lua_script(paths, folder):
    """A wrk script that asks for `paths` in turn."""
    quoted = ", ".join(json.dumps(path) for path in paths)
    script = Path(folder) / "addresses.lua"
    script.write_text(
        f"local paths = {{{quoted}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\n'
        "end\n"
    )
    return script


def publisher(stop_at, published):
    """An editor who publishes a role page every EVERY seconds."""
    from roles.models import RolePage

    page = RolePage.objects.live().order_by("path").first()
    base_title = page.title
    number = 0
    while time.monotonic() + EVERY < stop_at:
        time.sleep(EVERY)
        number += 1
        page.title = f"{base_title} ({number})"
        page.save_revision().publish()
        published.append(time.monotonic())
    page.title = base_title
    page.save_revision().publish()


def main():
    port = int(os.environ.get("BENCH_PORT", "8123")) + 2
    base = f"http://127.0.0.1:{port}"
    paths = addresses()
    server = start_gunicorn(port, cache_enabled=True)
    try:
        with tempfile.TemporaryDirectory() as folder:
            script = lua_script(paths, folder)
            for path in paths:  # every address once, so both runs start from a warm cache
                wrk_output(base + path, seconds=1)
            quiet = wrk_output(base + "/", seconds=SECONDS, script=script)
            published = []
            stop_at = time.monotonic() + SECONDS
            thread = threading.Thread(target=publisher, args=(stop_at, published))
            thread.start()
            busy = wrk_output(base + "/", seconds=SECONDS, script=script)
            thread.join()
    finally:
        stop(server)
    result = {
        "addresses": len(paths),
        "seconds": SECONDS,
        "publishes": len(published),
        "without_publishes": quiet,
        "with_publishes": busy,
        "ratio": busy["rps"] / quiet["rps"],
    }
    line = (
        f"De minuut na publiceren ({len(paths)} adressen, {SECONDS} s, {len(published)}× "
        f"publiceren): {busy['rps']:,.0f} verzoeken/s tegen {quiet['rps']:,.0f} zonder "
        f"publiceren = {result['ratio']:.2f}× (doel ≥ 0,5×); fouten: {busy['errors']}"
    )
    add_to_latest("publishing", result, line)


if __name__ == "__main__":
    import django

    django.setup()
    main()
