"""Starting the site as production runs it, for the browser tests, the fault tests and
`make bench`: one gunicorn launcher, one free port, one way to run a management command."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port, env=None, *, workers=2, threads=0, options=(), log=None, wait=60):
    """gunicorn serving the site on 127.0.0.1:`port` with `env` (the current environment by
    default), `workers` processes (with `threads`, gthread workers), more `options`; its
    output to `log` (a path) or inherited. Returns once /gezond/ answers at all — a 503 from a
    site whose database is gone counts — or raises with the log's end."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "ervaring.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    if threads:
        command += ["--threads", str(threads), "--worker-class", "gthread"]
    output = open(log, "w") if log else None  # noqa: SIM115 - open while the server runs
    process = subprocess.Popen(
        [*command, *options],
        cwd=ROOT,
        env=os.environ.copy() if env is None else env,
        stdout=output,
        stderr=subprocess.STDOUT if output else None,
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/gezond/", timeout=2):
                return process
        except urllib.error.HTTPError:
            return process  # it answers, with an error page of its own
        except OSError:
            time.sleep(0.2)
    stop(process)
    tail = Path(log).read_text()[-3000:] if log and Path(log).exists() else ""
    raise RuntimeError(f"gunicorn startte niet op poort {port}.\n{tail}")


def stop(process, timeout=30):
    """Stop a server the way systemd does (SIGTERM), and wait for it."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_manage(env, *args, stdin=subprocess.DEVNULL, timeout=600):
    """`manage.py *args` with `env`: the finished process, output captured."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdin=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def manage(env, *args):
    """`manage.py *args` with `env` that must succeed: its output."""
    result = run_manage(env, *args)
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} mislukte:\n{result.stderr[-3000:]}")
    return result.stdout
