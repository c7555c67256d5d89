"""nginx in front of the site, with the configuration in deploy/nginx/ as it is installed
(TLS included, a certificate of our own): public pages come from nginx's cache, a publish shows
through it within s-maxage + stale-while-revalidate, and private pages, logins and the admin
never come from it."""

import os
import re
import shutil
import subprocess
import time
import uuid

import pytest
import requests

from tests.live.server import PASSWORD, get_server
from tests.support.servers import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY = ROOT / "deploy" / "nginx"
# How long nginx may keep a public page here (the site's PAGE_SHARED_SECONDS and
# PAGE_STALE_SECONDS for this test's server): a publish must show within their sum.
SHARED, STALE = 2, 1

# The certificate is the test's own.
pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
# What nginx answers from its cache: fresh, or stale while it fetches a new copy.
FROM_CACHE = {"HIT", "UPDATING", "STALE", "REVALIDATED"}


def render(text, values):
    for old, new in values.items():
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site server that lets shared caches keep pages for SHARED s, and nginx in front of it
    with deploy/nginx/: (https address, http address, the site server's own address)."""
    server = get_server()
    upstream = server.extra_server(
        PAGE_SHARED_SECONDS=str(SHARED), PAGE_STALE_SECONDS=str(STALE)
    ).removeprefix("http://")
    work = tmp_path_factory.mktemp("nginx")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=ervaring.nl",
            "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    http_port, https_port = free_port(), free_port()
    values = {
        "/etc/nginx/snippets/": f"{work}/",
        "/var/cache/nginx/ervaring": str(work / "cache"),
        "/var/lib/ervaring/static/": f"{ROOT / 'static'}/",
        "/var/lib/ervaring/media/images/": f"{server.env['MEDIA_ROOT']}/images/",
        "server 127.0.0.1:8000;": f"server {upstream};",
        "    listen 80;": f"    listen 127.0.0.1:{http_port};",
        "    listen [::]:80;\n": "",
        "    listen 443 ssl http2;": f"    listen 127.0.0.1:{https_port} ssl http2;",
        "    listen [::]:443 ssl http2;\n": "",
        "/etc/letsencrypt/live/ervaring.nl/fullchain.pem": str(work / "cert.pem"),
        "/etc/letsencrypt/live/ervaring.nl/privkey.pem": str(work / "key.pem"),
    }
    for name in ("ervaring.conf", "ervaring-locations.conf", "ervaring-proxy.conf"):
        (work / name).write_text(render((DEPLOY / name).read_text(), values))
    # What Debian's /etc/nginx/nginx.conf gives every site, in this test's own folder.
    (work / "nginx.conf").write_text(
        f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/ervaring.conf;
}}
"""
    )
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    subprocess.run([NGINX, "-p", str(work), "-c", str(work / "nginx.conf")], check=True)
    base = f"https://127.0.0.1:{https_port}"
    for _ in range(50):
        try:
            requests.get(base + "/gezond/", verify=False, timeout=2)  # noqa: S501
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield base, f"http://127.0.0.1:{http_port}", f"http://{upstream}"
    subprocess.run(
        [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-s", "stop"], check=False
    )


def get(url, **kwargs):
    return requests.get(url, verify=False, timeout=30, allow_redirects=False, **kwargs)  # noqa: S501


def from_nginx(response):
    return response.headers.get("X-Cache-Status") in FROM_CACHE


def test_plain_http_is_sent_to_https(site):
    _, http, _ = site
    response = get(http + "/werk/")
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://")


def test_public_pages_come_from_nginx(site):
    base, _, _ = site
    for url in ("/werk/", "/ervaringsladder/", "/artikelen/?x=1", "/zoeken/?q=coach"):
        first = get(base + url)
        assert first.status_code == 200, url
        second = get(base + url)
        assert second.headers["X-Cache-Status"] == "HIT", url
        assert second.content == first.content
        assert "Set-Cookie" not in second.headers


def test_static_files_come_from_nginx_itself(site):
    base, _, _ = site
    response = get(base + "/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert "X-Cache-Status" not in response.headers  # never passed to the site


def test_a_publish_shows_through_nginx_within_the_stated_bound(site):
    base, _, upstream = site
    pk, url = get_server().new_page("Achter nginx")
    get(base + url)
    assert from_nginx(get(base + url))
    new_title = f"Achter nginx {uuid.uuid4().hex[:6]}"
    get_server().manage(
        "shell",
        "-c",
        "from wagtail.models import Page; "
        f"page = Page.objects.get(pk={pk}).specific; page.title = {new_title!r}; "
        "page.save_revision().publish()",
    )
    published = time.monotonic()
    assert new_title in get(upstream + url).text  # the site itself: at once
    seen = None
    while time.monotonic() - published < SHARED + STALE + 5:
        if new_title in get(base + url).text:
            seen = time.monotonic() - published
            break
        time.sleep(0.2)
    assert seen is not None, "nginx bleef de oude pagina geven"
    # s-maxage, then one stale answer while nginx fetches the new one in the background.
    assert seen <= SHARED + STALE + 1.5, seen


def test_private_pages_logins_and_the_admin_never_come_from_nginx(site):
    base, _, _ = site
    pk, url = get_server().new_page("Met een wachtwoord")
    get_server().manage(
        "shell",
        "-c",
        "from wagtail.models import PageViewRestriction; "
        f"PageViewRestriction.objects.create(page_id={pk}, restriction_type='password', "
        "password='geheim-woord')",
    )
    for address in (url, "/inloggen/", "/beheer/login/", "/beheer/"):
        for _ in range(3):
            response = get(base + address)
            assert not from_nginx(response), address
            assert "private" in response.headers.get("Cache-Control", ""), address
    assert "Met een wachtwoord" not in get(base + url).text


def test_a_logged_in_editor_always_reaches_the_site(site):
    base, _, _ = site
    address = f"/werk/?redacteur={uuid.uuid4().hex[:6]}"
    get(base + address)
    assert from_nginx(get(base + address))
    session = requests.Session()
    # verify per request: a session's own verify loses to REQUESTS_CA_BUNDLE in the environment.
    login = session.get(base + "/beheer/login/", timeout=30, verify=False)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        base + "/beheer/login/",
        data={"username": "redacteur", "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": base + "/beheer/login/"},
        timeout=30,
        verify=False,
    )
    assert response.status_code == 200 and "sessionid" in session.cookies, response.text[:3000]
    page = session.get(base + address, timeout=30, verify=False)
    assert page.headers["X-Cache-Status"] == "BYPASS"
    assert "Uitloggen" in page.text  # rendered for the editor, not the shared copy
    assert "private" in page.headers["Cache-Control"]
    # And the editor's page was not kept for anyone else.
    assert "Uitloggen" not in get(base + address).text
