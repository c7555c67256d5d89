"""`make bench`, last step: load with faults.

For 60 seconds (`FAULT_SECONDS`) gunicorn (2 workers, a throwaway Redis as its cache) gets about
four times the uncached capacity `bench.bench` just measured for a role page (at most
`FAULT_MAX_RATE`, 1,200 a second: more than httperf itself can offer here), spread over the
pages visitors read (httperf, a fixed arrival rate: a real crowd does not wait for the server).
Meanwhile readers post comments, each from its own address, and halfway the Redis server is
stopped. It checks and prints:

- no response is a server error (5xx);
- every comment the site accepted (303) is stored exactly once, and no refused one is stored;
- the workers' memory stays bounded (their resident size, sampled every second).

The result goes to bench/results/faults.json and faults.md."""

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

from tests.support import servers

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
SECONDS = int(os.environ.get("FAULT_SECONDS", "60"))
MAX_RATE = int(os.environ.get("FAULT_MAX_RATE", "1200"))
MEMORY_LIMIT_MB = 400
ARTICLE = "/artikelen/bench-artikel-met-500-reacties/"
PAGES = [
    "/",
    "/werk/",
    "/werk/clientondersteuner/",
    "/werk/?stap=2&vorm=vrijwillig",
    "/ervaringsladder/",
    "/artikelen/",
    ARTICLE,
    "/zoeken/?q=ervaringsdeskundige",
]


def uncached_capacity():
    latest = json.loads((RESULTS / "latest.json").read_text())
    role = next(row for row in latest["pages"] if row["page"] == "rolpagina")
    return role["uncached"]["rps"]


def start_redis(folder):
    return subprocess.run(
        [ROOT / "scripts" / "redis-server.sh", "start", folder],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def stop_redis(folder):
    subprocess.run([ROOT / "scripts" / "redis-server.sh", "stop", folder], check=False)


def start_gunicorn(port, cache_url):
    """The site on gunicorn (2 workers) with Redis as its cache, a deep backlog and a 30 s
    worker timeout, as in production."""
    env = {**os.environ, "CACHE_URL": cache_url, "PAGE_CACHE_ENABLED": "1", "PROXY_COUNT": "1"}
    return servers.start_gunicorn(
        port, env, workers=2, options=["--backlog", "512", "--timeout", "30"]
    )


def worker_pids(master):
    """The gunicorn workers: processes whose parent is the master."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, IndexError, ProcessLookupError):
            continue
        if int(fields[1]) == master.pid:
            pids.append(int(stat.parent.name))
    return pids


def resident_mb(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return 0.0
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def httperf(port, rate, seconds, uris_file):
    connections = int(rate * seconds)
    command = [
        "httperf",
        "--hog",
        "--server",
        "127.0.0.1",
        "--port",
        str(port),
        f"--wlog=y,{uris_file}",
        "--rate",
        str(rate),
        "--num-conns",
        str(connections),
        "--timeout",
        "10",
    ]
    try:
        output = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=seconds * 3 + 60
        ).stdout
    except subprocess.TimeoutExpired as stuck:
        # httperf itself can stall with thousands of connections open (its loop over them
        # takes longer than the workers' 30 s timeout): say so instead of hanging make bench.
        output = (stuck.stdout or b"").decode(errors="replace")
        print("httperf liep vast en is gestopt; meet opnieuw.", file=sys.stderr)
    status = re.search(r"Reply status: 1xx=(\d+) 2xx=(\d+) 3xx=(\d+) 4xx=(\d+) 5xx=(\d+)", output)
    errors = re.search(
        r"Errors: total (\d+) client-timo (\d+) socket-timo (\d+) connrefused (\d+)"
        r" connreset (\d+)",
        output,
    )
    rate_done = re.search(r"Reply rate \[replies/s\]: min [\d.]+ avg ([\d.]+)", output)
    if status is None or errors is None:  # httperf stalled: no numbers to report
        return {"offered_per_s": rate, "stalled": True, "5xx": 0, "raw": output[-1500:]}
    return {
        "offered_per_s": rate,
        "replies_per_s": float(rate_done.group(1)) if rate_done else 0.0,
        "2xx": int(status.group(2)),
        "3xx": int(status.group(3)),
        "4xx": int(status.group(4)),
        "5xx": int(status.group(5)),
        "errors": int(errors.group(1)),
        "client_timeouts": int(errors.group(2)),
        "refused_or_reset": int(errors.group(4)) + int(errors.group(5)),
        "raw": output[-1500:],
    }


def commenters(base, run, stop_at, outcomes, lane):
    """Readers who comment one after another, each from their own address and with their own
    text (`lane` keeps two of these apart)."""
    number = 0
    while time.monotonic() < stop_at:
        number += 1
        address = f"10.{77 + lane}.{number // 250}.{number % 250 + 1}"
        headers = {"X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 bench"}
        body = f"Belasting {run} rij {lane} reactie {number}."
        try:
            requests.get(base + ARTICLE, headers=headers, timeout=30)
            time.sleep(1.1)  # a reader types
            response = requests.post(
                base + ARTICLE,
                data={"name": "Lezer", "email": "l@example.org", "body": body},
                # What a browser sends with a form posted from the page itself.
                headers={**headers, "Origin": base, "Sec-Fetch-Site": "same-origin"},
                allow_redirects=False,
                timeout=30,
            )
            outcomes.append((body, response.status_code))
        except requests.RequestException as error:
            outcomes.append((body, type(error).__name__))


def main():
    from comments.models import Comment

    RESULTS.mkdir(parents=True, exist_ok=True)
    port = int(os.environ.get("BENCH_PORT", "8123")) + 1
    base = f"http://127.0.0.1:{port}"
    # Four times what the role page manages uncached, but no more than httperf itself can
    # offer on these 2 cores: above about 1,300 new connections a second it stalls (its loop
    # over every open connection falls behind, and a worker waits 30 s for a request that
    # never comes).
    rate = max(40, min(round(4 * uncached_capacity()), MAX_RATE))
    redis_folder = tempfile.mkdtemp(prefix="ervaring-bench-redis-")
    redis_url = start_redis(redis_folder)
    uris = Path(tempfile.mkdtemp()) / "uris"
    uris.write_bytes(b"\0".join(page.encode() for page in PAGES) + b"\0")
    server = start_gunicorn(port, f"{redis_url}/0")
    run = uuid.uuid4().hex[:8]
    outcomes, memory = [], []
    try:
        for page in PAGES:  # warm
            requests.get(base + page, timeout=60)
        stop_at = time.monotonic() + SECONDS
        threads = [
            threading.Thread(target=commenters, args=(base, run, stop_at, outcomes, lane))
            for lane in range(2)
        ]
        for thread in threads:
            thread.start()
        load = {}
        loader = threading.Thread(
            target=lambda: load.update(httperf(port, rate, SECONDS, uris)), daemon=True
        )
        loader.start()
        started = time.monotonic()
        redis_stopped_at = None
        while loader.is_alive():
            elapsed = time.monotonic() - started
            if redis_stopped_at is None and elapsed >= SECONDS / 2:
                stop_redis(redis_folder)
                redis_stopped_at = round(elapsed)
            memory.append(max((resident_mb(pid) for pid in worker_pids(server)), default=0.0))
            time.sleep(1)
        for thread in threads:
            thread.join(timeout=120)
    finally:
        servers.stop(server)
        stop_redis(redis_folder)

    # Accepted (303): stored exactly once. Refused with a message (200): not stored. Given up
    # by the reader (a time-out under overload): the server may still have stored it, once.
    accepted = [body for body, status in outcomes if status == 303]
    refused = [body for body, status in outcomes if status == 200]
    unknown = [body for body, status in outcomes if not isinstance(status, int)]
    stored = {}
    for body in Comment.objects.filter(body__startswith=f"Belasting {run} ").values_list(
        "body", flat=True
    ):
        stored[body] = stored.get(body, 0) + 1
    comments_ok = (
        all(stored.get(body) == 1 for body in accepted)
        and not any(body in stored for body in refused)
        and all(stored.get(body, 0) <= 1 for body in unknown)
        and set(stored) <= set(accepted) | set(unknown)
    )
    server_errors = load.get("5xx", 0) + sum(
        1 for _, status in outcomes if isinstance(status, int) and status >= 500
    )
    result = {
        "seconds": SECONDS,
        "redis_stopped_after_s": redis_stopped_at,
        "load": {key: value for key, value in load.items() if key != "raw"},
        "comments_posted": len(outcomes),
        "comments_accepted": len(accepted),
        "comments_stored_once": comments_ok,
        "comment_outcomes": sorted(
            {str(status) if isinstance(status, int) else "time-out" for _, status in outcomes}
        ),
        "comments_given_up_by_the_reader": len(unknown),
        "server_errors": server_errors,
        "worker_memory_mb": {"start": memory[0] if memory else 0, "max": max(memory, default=0)},
    }
    (RESULTS / "faults.json").write_text(json.dumps(result, indent=2))
    lines = [
        f"Belasting met storing: {SECONDS} s, {rate} verzoeken/s aangeboden (4× de rolpagina "
        f"zonder cache, hooguit {MAX_RATE}), Redis gestopt na {redis_stopped_at} s. Zonder "
        "Redis komt elke pagina uit de database: wat de servers dan niet aankunnen, wacht tot "
        "de time-out (10 s).",
        "",
        "| wat | uitkomst |",
        "|---|---|",
        f"| antwoorden per seconde | {load.get('replies_per_s', 0):,.0f} |",
        f"| 2xx / 3xx / 4xx | {load.get('2xx')} / {load.get('3xx')} / {load.get('4xx')} |",
        f"| **5xx (serverfouten)** | **{server_errors}** |",
        f"| verbindingen niet bediend (time-out, geweigerd) | {load.get('errors')} |",
        f"| reacties geplaatst / geaccepteerd / opgegeven door de lezer (time-out) | "
        f"{len(outcomes)} / {len(accepted)} / {len(unknown)} |",
        f"| elke geaccepteerde reactie precies één keer opgeslagen, geen enkele dubbel | "
        f"{'ja' if comments_ok else 'NEE'} |",
        f"| geheugen per worker (begin / hoogst) | {result['worker_memory_mb']['start']:.0f} MB"
        f" / {result['worker_memory_mb']['max']:.0f} MB |",
    ]
    table = "\n".join(lines)
    (RESULTS / "faults.md").write_text(table + "\n")
    print(table)
    failed = (
        load.get("stalled")
        or server_errors
        or not comments_ok
        or not accepted
        or result["worker_memory_mb"]["max"] > MEMORY_LIMIT_MB
    )
    if failed:
        print("\nBelasting met storing: NIET GESLAAGD")
        sys.exit(1)


if __name__ == "__main__":
    import django

    django.setup()
    main()
