"""`make bench`: measure the site under load, against the static-file limit of the same server.

Expects the environment bench/run.sh sets up (production settings, a PostgreSQL cluster with the
seeded content plus volume, static files collected, a reference file of a page's size with its
.gz and .br beside it). Starts gunicorn (2 sync workers) twice — with and without the page
cache — and measures with wrk (-t1 -c4) as browsers ask (`Accept-Encoding: gzip, br`), in rounds
that alternate the static file (whitenoise's compressed copy) and the pages (the median
counts); then nginx with deploy/nginx/ in front of the cached site, against the same file
pre-compressed through the same nginx; then Lighthouse 12.
Prints a table and writes bench/results/latest.json and latest.md."""

import gzip
import json
import os
import re
import shutil
import ssl
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.support import servers
from tests.support.nginx import Nginx
from tests.support.servers import stop

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DURATION = os.environ.get("BENCH_SECONDS", "5")
# Each URL is measured this many times, in rounds that alternate with the static file, and the
# median counts: a single run on a small shared machine can be off by 15 %.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PAGES = [
    ("home", "/"),
    ("rollen, 2 filters", "/werk/?stap=2&vorm=vrijwillig"),
    ("rolpagina", "/werk/clientondersteuner/"),
    ("ladder", "/ervaringsladder/"),
    ("artikel, 500 reacties", "/artikelen/bench-artikel-met-500-reacties/"),
    ("zoeken", "/zoeken/?q=ervaringsdeskundige"),
]
LIGHTHOUSE_PAGES = [
    ("home", "/"),
    ("rolpagina", "/werk/clientondersteuner/"),
    ("artikel", "/artikelen/hoed-u-voor-de-professionaliseringsparadox/"),
]
# What every browser sends (curl and wrk send nothing unless told).
BROWSER_ENCODINGS = "gzip, br"
REFERENCE = "/static/bench-reference.html"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def start_gunicorn(port, cache_enabled):
    """The site on gunicorn (2 sync workers), with or without its page cache."""
    env = {**os.environ, "PAGE_CACHE_ENABLED": "1" if cache_enabled else "0"}
    return servers.start_gunicorn(port, env, workers=2)


def wrk(url):
    for _ in range(3):  # warm: fill caches, the role catalogue, the page cache
        fetch(url)
    return wrk_output(url, seconds=DURATION)


def fetch(url, encodings=BROWSER_ENCODINGS):
    """(headers, the bytes on the wire) of `url` asked for as a browser asks."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # nginx's own certificate
    request = urllib.request.Request(url, headers={"Accept-Encoding": encodings})
    with urllib.request.urlopen(request, timeout=30, context=context) as response:
        return response.headers, response.read()


def wrk_output(url, seconds, script=None):
    """requests/s, p50 and p99 latency and non-2xx/3xx answers of `wrk -t1 -c4` on `url`, asked
    for as browsers ask (with a Lua `script`, the addresses it asks for)."""
    command = ["wrk", "-t1", "-c4", f"-d{seconds}s", "--latency"]
    command += ["-H", f"Accept-Encoding: {BROWSER_ENCODINGS}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def median(runs):
    """The run with the median requests/s (its latencies come with it)."""
    ordered = sorted(runs, key=lambda run: run["rps"])
    return dict(ordered[len(ordered) // 2])


def queries_and_weight(path):
    """SQL queries for a warm, uncached request, and the compressed HTML+CSS+JS weight."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings

    executed = []

    def count(execute, sql, params, many, context):
        # An execute wrapper, not CaptureQueriesContext: it keeps counting when the
        # connection is renewed between requests (CONN_MAX_AGE with health checks).
        executed.append(sql)
        return execute(sql, params, many, context)

    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(
        ERVARING={**settings.ERVARING, "PAGE_CACHE_ENABLED": False}, SECURE_SSL_REDIRECT=False
    ):
        client.get(path)
        with connection.execute_wrapper(count):
            response = client.get(path)
        html = response.content
        weight = len(gzip.compress(html))
        for asset in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
            asset_response = client.get(asset.decode())
            body = (
                b"".join(asset_response.streaming_content)
                if asset_response.streaming
                else asset_response.content
            )
            weight += len(gzip.compress(body))
    return len(executed), weight, len(html)


def lighthouse(url, attempts=2):
    """Lighthouse's four category scores; a failed trace is tried once more."""
    for _ in range(attempts):
        scores = lighthouse_once(url)
        if "error" not in scores:
            break
    return scores


def lighthouse_once(url):
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    result = subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    if result.returncode:
        return {"error": result.stderr[-500:]}
    report = json.loads(result.stdout)
    return {
        name: report["categories"][name]["score"]
        for name in ("performance", "accessibility", "best-practices", "seo")
    }


def main():
    RESULTS.mkdir(parents=True, exist_ok=True)
    port = int(os.environ.get("BENCH_PORT", "8123"))
    base = f"http://127.0.0.1:{port}"
    rows = []

    measured = {}
    for label, path in PAGES:
        queries, weight, raw = queries_and_weight(path)
        measured[label] = {
            "path": path,
            "queries": queries,
            "weight_gzip": weight,
            "html_bytes": raw,
        }

    static_runs, nginx_static_runs = [], []
    for cache_enabled in (False, True):
        server = start_gunicorn(port, cache_enabled)
        mode = "cached" if cache_enabled else "uncached"
        runs = {label: [] for label, _ in PAGES}
        try:
            for _ in range(ROUNDS):
                static_runs.append(wrk(base + REFERENCE))
                for label, path in PAGES:
                    runs[label].append(wrk(base + path))
            for label in runs:
                measured[label][mode] = {**median(runs[label]), "runs": runs[label]}
            if cache_enabled:
                for label, path in PAGES:
                    headers, body = fetch(base + path)
                    measured[label]["wire_bytes"] = len(body)
                    measured[label]["wire_encoding"] = headers.get("Content-Encoding", "")
                nginx_static_runs = through_nginx(port, measured)
                scores = {label: lighthouse(base + path) for label, path in LIGHTHOUSE_PAGES}
        finally:
            stop(server)

    reference = {**median(static_runs), "runs": static_runs}
    static_rps = reference["rps"]
    nginx_reference = {**median(nginx_static_runs), "runs": nginx_static_runs}
    for label, data in measured.items():
        rows.append(
            {
                "page": label,
                **data,
                "ratio_uncached": data["uncached"]["rps"] / static_rps,
                "ratio_cached": data["cached"]["rps"] / static_rps,
                "ratio_nginx": data["nginx"]["rps"] / nginx_reference["rps"],
            }
        )
    result = {
        "static_reference": reference,
        "nginx_static_reference": nginx_reference,
        "encodings": BROWSER_ENCODINGS,
        "pages": rows,
        "lighthouse": scores,
        "duration_s": int(DURATION),
        "rounds": ROUNDS,
        "when": time.strftime("%Y-%m-%d %H:%M"),
    }
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2))

    plain, wire = reference_size()
    lines = [
        f"Alles gevraagd zoals een browser vraagt (Accept-Encoding: {BROWSER_ENCODINGS}).",
        f"Statisch bestand ({plain} bytes, {wire} bytes gecomprimeerd), zelfde gunicorn "
        f"(whitenoise): {static_rps:,.0f} verzoeken/s, p50 {reference['p50_ms']:.2f} ms, "
        f"p99 {reference['p99_ms']:.2f} ms; via nginx (gzip_static, TLS): "
        f"{nginx_reference['rps']:,.0f} verzoeken/s",
        f"(mediaan van {len(static_runs)} metingen; elke pagina: mediaan van {ROUNDS} "
        f"metingen van {DURATION} s)",
        "",
        "| pagina | queries | over de lijn | zonder cache: req/s (× statisch) | p50 / p99 ms "
        "| met cache: req/s (× statisch) | p50 / p99 ms | via nginx: req/s (× statisch) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        u, c, n = row["uncached"], row["cached"], row["nginx"]
        lines.append(
            f"| {row['page']} | {row['queries']} | {row['wire_bytes'] / 1024:.1f} KB "
            f"({row['wire_encoding'] or 'plat'}) "
            f"| {u['rps']:,.0f} ({row['ratio_uncached']:.3f}×) | {u['p50_ms']:.1f} / "
            f"{u['p99_ms']:.1f} | {c['rps']:,.0f} ({row['ratio_cached']:.2f}×) "
            f"| {c['p50_ms']:.2f} / {c['p99_ms']:.2f} "
            f"| {n['rps']:,.0f} ({row['ratio_nginx']:.2f}×) |"
        )
    lines += [
        "",
        "| Lighthouse 12 | performance | accessibility | best practices | SEO |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, score in scores.items():
        if "error" in score:
            lines.append(f"| {label} | fout: {score['error'][:80]} | | | |")
        else:
            lines.append(
                f"| {label} | {score['performance']:.2f} | {score['accessibility']:.2f} "
                f"| {score['best-practices']:.2f} | {score['seo']:.2f} |"
            )
    table = "\n".join(lines)
    (RESULTS / "latest.md").write_text(table + "\n")
    print(table)


def add_to_latest(key, result, line):
    """A later step's result: under `key` in latest.json, and its line below the table in
    latest.md (bench.publishing, bench.readability)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    latest = RESULTS / "latest.json"
    data = json.loads(latest.read_text()) if latest.exists() else {}
    data[key] = result
    latest.write_text(json.dumps(data, indent=2))
    with open(RESULTS / "latest.md", "a") as table:
        table.write("\n" + line + "\n")
    print(line)


def reference_size():
    """(bytes, bytes as brotli) of the reference file."""
    from django.conf import settings

    path = Path(settings.STATIC_ROOT) / "bench-reference.html"
    return path.stat().st_size, path.with_name(path.name + ".br").stat().st_size


def through_nginx(port, measured):
    """nginx with deploy/nginx/ in front of the cached site on `port` (one worker, TLS): each
    page from nginx's cache, and the reference file pre-compressed (gzip_static), in rounds.
    Adds measured[label]["nginx"]; returns the reference's runs."""
    from django.conf import settings

    work = Path(tempfile.mkdtemp(prefix="ervaring-bench-nginx-"))
    nginx = Nginx(
        work, f"127.0.0.1:{port}", settings.STATIC_ROOT, settings.MEDIA_ROOT, workers=1
    ).start()
    runs = {label: [] for label, _ in PAGES}
    static = []
    try:
        for _ in range(ROUNDS):
            static.append(wrk(nginx.https + REFERENCE))
            for label, path in PAGES:
                runs[label].append(wrk(nginx.https + path))
        for label, path in PAGES:
            headers, _ = fetch(nginx.https + path)
            measured[label]["nginx"] = {
                **median(runs[label]),
                "runs": runs[label],
                "cache_status": headers.get("X-Cache-Status"),
                "encoding": headers.get("Content-Encoding", ""),
            }
    finally:
        nginx.stop()
        shutil.rmtree(work, ignore_errors=True)
    return static


if __name__ == "__main__":
    import django

    django.setup()
    main()
