"""nginx in front of the site with deploy/nginx/ as it is installed — TLS with a certificate
of its own, and what Debian's /etc/nginx/nginx.conf gives every site (`gzip on` among it) — in
a folder of its own, for the live nginx test and `make bench`."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.support.servers import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY = ROOT / "deploy" / "nginx"
FILES = ("ervaring.conf", "ervaring-locations.conf", "ervaring-proxy.conf")


class Nginx:
    """`start()` it; `https` and `http` are its addresses; `stop()` it."""

    def __init__(self, work, upstream, static_root, media_root, workers=1):
        self.work = Path(work)
        self.upstream = upstream  # host:port of the site
        self.static_root = Path(static_root)
        self.media_root = Path(media_root)
        self.workers = workers
        self.http_port, self.https_port = free_port(), free_port()
        self.https = f"https://127.0.0.1:{self.https_port}"
        self.http = f"http://127.0.0.1:{self.http_port}"

    def configure(self):
        work = self.work
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=ervaring.nl",
                "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        values = {
            "/etc/nginx/snippets/": f"{work}/",
            "/var/cache/nginx/ervaring": str(work / "cache"),
            "/var/lib/ervaring/static/": f"{self.static_root}/",
            "/var/lib/ervaring/media/images/": f"{self.media_root}/images/",
            "server 127.0.0.1:8000;": f"server {self.upstream};",
            "    listen 80;": f"    listen 127.0.0.1:{self.http_port};",
            "    listen [::]:80;\n": "",
            "    listen 443 ssl http2;": f"    listen 127.0.0.1:{self.https_port} ssl http2;",
            "    listen [::]:443 ssl http2;\n": "",
            "/etc/letsencrypt/live/ervaring.nl/fullchain.pem": str(work / "cert.pem"),
            "/etc/letsencrypt/live/ervaring.nl/privkey.pem": str(work / "key.pem"),
        }
        for name in FILES:
            text = (DEPLOY / name).read_text()
            for old, new in values.items():
                text = text.replace(old, new)
            (work / name).write_text(text)
        (work / "nginx.conf").write_text(
            f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes {self.workers};
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    gzip on;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/ervaring.conf;
}}
"""
        )

    def command(self):
        return [NGINX, "-p", str(self.work), "-c", str(self.work / "nginx.conf")]

    def check(self):
        """`nginx -t` on the configuration: (ok, what it said)."""
        checked = subprocess.run(
            [*self.command(), "-t"],
            capture_output=True,
            text=True,
        )
        return checked.returncode == 0, checked.stderr

    def start(self):
        if not (self.work / "nginx.conf").exists():
            self.configure()
        ok, said = self.check()
        if not ok:
            raise RuntimeError(f"nginx -t weigert de configuratie:\n{said}")
        subprocess.run(self.command(), check=True)
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", self.https_port), timeout=2).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("nginx startte niet.")

    def stop(self):
        subprocess.run(
            [*self.command(), "-s", "stop"],
            check=False,
        )
