"""nginx in front of the site, with the configuration in deploy/nginx/ as it is installed
(TLS included, a certificate of our own, `gzip on` as Debian's nginx.conf has it): public pages
come from nginx's cache, one copy per encoding, never compressed again; a publish shows through
it within s-maxage + stale-while-revalidate; private pages, logins and the admin never come
from it and are never compressed."""

import gzip
import re
import time
import uuid

import brotli
import pytest
import requests

from tests.live.server import PASSWORD, get_server
from tests.support.nginx import Nginx
from tests.support.servers import ROOT

# How long nginx may keep a public page here (the site's PAGE_SHARED_SECONDS and
# PAGE_STALE_SECONDS for this test's server): a publish must show within their sum.
SHARED, STALE = 2, 1

# The certificate is the test's own.
pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
# What nginx answers from its cache: fresh, or stale while it fetches a new copy.
FROM_CACHE = {"HIT", "UPDATING", "STALE", "REVALIDATED"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site server that lets shared caches keep pages for SHARED s, and nginx in front of it
    with deploy/nginx/: (https address, http address, the site server's own address)."""
    server = get_server()
    upstream = server.extra_server(
        PAGE_SHARED_SECONDS=str(SHARED), PAGE_STALE_SECONDS=str(STALE)
    ).removeprefix("http://")
    nginx = Nginx(
        tmp_path_factory.mktemp("nginx"),
        upstream,
        static_root=ROOT / "static",
        media_root=server.env["MEDIA_ROOT"],
    )
    nginx.configure()
    ok, said = nginx.check()
    assert ok, said
    nginx.start()
    yield nginx.https, nginx.http, f"http://{upstream}"
    nginx.stop()


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


def test_a_port_in_the_host_header_poisons_no_cached_page(site):
    """nginx keys its cache by host without the port; the site must build its absolute
    addresses from the same, or robots.txt and the feeds would point everyone elsewhere."""
    base, _, _ = site
    host = base.removeprefix("https://").partition(":")[0]
    fresh = f"?nieuw={uuid.uuid4().hex[:8]}"  # a cache key nobody asked for yet
    for url in ("/robots.txt", "/artikelen/feed/rss/"):
        poisoned = get(base + url + fresh, headers={"Host": f"{host}:6666"})
        assert poisoned.status_code == 200, url
        assert ":6666" not in poisoned.text, url
        assert base in poisoned.text, url
        after = get(base + url + fresh)
        assert from_nginx(after), url
        assert ":6666" not in after.text, url


def raw(url, accepted, **headers):
    """(headers, the bytes as they came over the wire) of `url` asked with Accept-Encoding
    `accepted`; requests would otherwise decode them."""
    response = requests.get(
        url,
        verify=False,  # noqa: S501
        timeout=30,
        allow_redirects=False,
        headers={"Accept-Encoding": accepted, **headers},
        stream=True,
    )
    return response.headers, response.raw.read(decode_content=False)


BROWSER = "gzip, deflate, br, zstd"


def test_nginx_keeps_one_copy_per_encoding_as_the_site_compressed_it(site):
    base, _, upstream = site
    for url in ("/werk/", "/ervaringsladder/", "/werk/coach/"):
        variants = {}
        for accepted, expected in ((BROWSER, "br"), ("gzip", "gzip"), ("identity", None)):
            raw(base + url, accepted)
            headers, body = raw(base + url, accepted)
            # From nginx's cache (fresh, or stale when this machine is slow and SHARED s passed).
            assert headers["X-Cache-Status"] in FROM_CACHE, (url, accepted)
            assert headers.get("Content-Encoding") == expected, (url, accepted)
            assert headers["Vary"] == "Accept-Encoding"
            # The very bytes the site makes for the address nginx asks for: nginx did not
            # compress them again.
            _, direct = raw(
                upstream + url,
                accepted,
                Host=base.removeprefix("https://"),
                **{"X-Forwarded-Proto": "https"},
            )
            assert body == direct, (url, accepted)
            variants[expected] = body
        plain = variants[None]
        assert brotli.decompress(variants["br"]) == plain
        assert gzip.decompress(variants["gzip"]) == plain
        # Another spelling of the same wish is the same copy.
        headers, body = raw(base + url, "br;q=1.0, gzip;q=0.8")
        assert headers["X-Cache-Status"] in FROM_CACHE and body == variants["br"]


def test_nothing_private_is_compressed_through_nginx(site):
    base, _, _ = site
    for address in ("/inloggen/", "/beheer/login/"):
        headers, body = raw(base + address, BROWSER)
        assert b"csrfmiddlewaretoken" in body, address
        assert "Content-Encoding" not in headers, address


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
