"""Hostile input: every place a visitor can type or send something gets the whole corpus.
Nothing may cause a server error, and nothing may come back unescaped."""

import zlib
from urllib.parse import quote

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import ArticlePage
from comments import posting
from comments.forms import CommentForm
from comments.models import Comment
from tests.support.content import OPMARS, OPMARS_URL
from tests.support.tasks import run_tasks

pytestmark = pytest.mark.django_db

CORPUS = [
    # script and attribute injection
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '"><script>alert(document.cookie)</script>',
    "'><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    '<a href="javascript:alert(1)">klik</a>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<style>body{display:none}</style>",
    "<meta http-equiv=refresh content=0;url=https://evil.example>",
    "{{ 7*7 }}",
    "{% debug %}",
    "${7*7}",
    "<!--",
    "]]><!--<script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    # javascript: and other URL schemes
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example",
    "https://evil.example/%0d%0aSet-Cookie:x=1",
    # HTML entities
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&amp;&amp;&amp;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    # unicode tricks
    "gebruiker\u202etxt.exe",
    "zero\u200bwidth\u200cjoiner\u200d",
    "\ufeffBOM vooraan",
    "😀🙈🏳️‍🌈 emoji",
    "e\u0301\u0301\u0301 gestapelde accenten",
    "Ｓｃｒｉｐｔ volbreedte",
    "\u0000NUL in de tekst",
    "tab\tnewline\ncarriage\rreturn",
    "\u2028lijnscheiding\u2029",
    "ﷺ" * 50,
    # very long
    "a" * 5000,
    "ervaring " * 2000,
    "<" * 3000,
    # e-mail-like and invalid e-mail forms
    "not-an-email",
    "a@b",
    "@example.org",
    "naam@@example.org",
    "naam@example..org",
    '"quoted"@example.org',
    "naam@[127.0.0.1]",
    "naam@example.org\nBcc: iedereen@example.org",
    # SQL-like
    "' OR '1'='1",
    "'; DROP TABLE comments_comment; --",
    "1; SELECT pg_sleep(10)",
    '" OR 1=1 --',
    "UNION SELECT password FROM auth_user",
    # symbols and odd numbers
    "%$#@!*",
    "%%%%%%",
    "%00",
    "../../../../etc/passwd",
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "",
    "   ",
]

DANGEROUS = set("<>\"'")


def assert_not_reflected_raw(html, payload):
    if DANGEROUS & set(payload) and len(payload.strip()) > 3:
        assert payload not in html, f"onge-escaped teruggegeven: {payload[:60]!r}"


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 60


@pytest.mark.parametrize("payload", CORPUS)
def test_search(client, payload):
    response = client.get("/zoeken/", {"q": payload})
    assert response.status_code == 200
    assert_not_reflected_raw(response.content.decode(), payload)


# Every query parameter that takes a number, and where (the article is the one with comments).
NUMBER_PARAMS = [
    ("/werk/", "page"),
    ("/artikelen/", "page"),
    ("/artikelen/tag/ggz/", "page"),
    (OPMARS_URL, "reacties"),
    ("/zoeken/?q=ervaring", "page"),
]
# Every query parameter that takes a choice from a list, and where.
CHOICE_PARAMS = [
    ("/werk/", "stap"),
    ("/werk/", "soort"),
    ("/werk/", "werkveld"),
    ("/werk/", "vorm"),
    ("/werk/", "weinig-uren"),
    ("/werk/keuzehulp/", "niveau"),
    ("/werk/keuzehulp/", "wil"),
    ("/werk/keuzehulp/", "uren"),
    ("/werk/keuzehulp/", "geld"),
]


def get(client, url, name, values):
    separator = "&" if "?" in url else "?"
    query = "&".join(f"{name}={quote(value, safe='')}" for value in values)
    return client.get(f"{url}{separator}{query}")


@pytest.mark.parametrize(("url", "name"), NUMBER_PARAMS)
def test_number_parameters_answer_the_page_or_not_found(client, url, name):
    """Huge, negative, not a number, repeated: the normal page or a 404, never an error."""
    for payload in [*CORPUS, "0", "2", "007", "1.0", "+1", "٣", "²"]:
        for values in ([payload], [payload, payload], ["1", payload]):
            response = get(client, url, name, values)
            assert response.status_code in (200, 404), (url, name, values)
            assert_not_reflected_raw(response.content.decode(), payload)
    assert get(client, url, name, ["1"]).status_code == 200
    assert get(client, url, name, ["-1"]).status_code == 404
    assert get(client, url, name, ["9" * 40]).status_code == 404


@pytest.mark.parametrize(("url", "name"), CHOICE_PARAMS)
def test_choice_parameters_answer_the_normal_page(client, url, name):
    """An unknown choice is ignored (filters) or gets a message in the form (keuzehulp)."""
    for payload in CORPUS:
        for values in ([payload], [payload] * 50):  # once, and repeated many times
            response = get(client, url, name, values)
            assert response.status_code == 200, (url, name, values)
            assert_not_reflected_raw(response.content.decode(), payload)


@pytest.mark.parametrize("payload", CORPUS)
def test_unknown_parameters_are_ignored(client, payload):
    for url in ("/", "/werk/", "/artikelen/", "/ervaringsladder/", "/zoeken/"):
        response = client.get(url, {payload: payload})
        assert response.status_code == 200, url
        assert_not_reflected_raw(response.content.decode(), payload)


@pytest.mark.parametrize("payload", CORPUS)
def test_keuzehulp(client, payload):
    response = client.get(
        "/werk/keuzehulp/",
        {"niveau": payload, "wil": [payload, "helpen"], "uren": payload, "geld": payload},
    )
    assert response.status_code == 200
    assert_not_reflected_raw(response.content.decode(), payload)


@pytest.mark.parametrize("payload", CORPUS)
def test_article_index_tag_and_feed_urls(client, payload):
    encoded = quote(payload, safe="")
    for url in (
        f"/artikelen/tag/{encoded}/",
        f"/artikelen/feed/{encoded}/",
        f"/artikelen/feed/rss/{encoded}",
    ):
        response = client.get(url)
        assert response.status_code in (200, 301, 404), (url, response.status_code)
        assert_not_reflected_raw(response.content.decode(errors="replace"), payload)


@pytest.mark.parametrize("payload", CORPUS)
def test_comment_fields(client, payload):
    article = ArticlePage.objects.get(slug=OPMARS)
    for field in ("name", "email", "body"):
        data = {
            "name": "Lezer",
            "email": "lezer@example.org",
            "body": "Gewone tekst.",
            "website": "",
        }
        data[field] = payload
        response = client.post(article.url, data, REMOTE_ADDR=f"10.7.{len(payload) % 250}.1")
        assert response.status_code in (200, 303), (field, response.status_code)
        if response.status_code == 200:
            assert_not_reflected_raw(response.content.decode(), payload)
    # Whatever was stored is pending and shows nowhere.
    assert not Comment.objects.filter(article=article).exclude(status="pending").exists()
    assert_not_reflected_raw(client.get(article.url).content.decode(), payload)


def test_an_approved_hostile_comment_is_shown_as_text(client):
    article = ArticlePage.objects.get(slug=OPMARS)
    for payload in CORPUS[:22]:
        Comment.objects.create(
            article=article,
            name=payload[:80],
            email="x@example.org",
            body=payload,
            status=Comment.Status.APPROVED,
        )
    html = client.get(article.url).content.decode()
    for payload in CORPUS[:22]:
        assert_not_reflected_raw(html, payload)
    for feed in ("/artikelen/feed/rss/", "/artikelen/feed/atom/"):
        assert client.get(feed).status_code == 200


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.text(max_size=300))
def test_search_never_fails_for_any_text(client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert_not_reflected_raw(response.content.decode(), query)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.text(max_size=120), body=st.text(max_size=400), email=st.emails() | st.text(max_size=60)
)
def test_comment_form_never_fails_and_never_stores_more_than_pending(client, name, body, email):
    article = ArticlePage.objects.get(slug=OPMARS)
    form = CommentForm({"name": name, "email": email, "body": body})
    # Each example from its own client: the hourly limit is not what this test is about.
    address = f"2001:db8:{zlib.crc32((name + body + email).encode()) & 0xFFFF:x}::1"
    request = RequestFactory().post(article.url, REMOTE_ADDR=address)
    comment = posting.submit(form, article, request)
    run_tasks()  # the mails it set off, as the worker sends them
    if comment is not None:
        assert comment.status == Comment.Status.PENDING
        assert "\x00" not in comment.name + comment.body
        comment.delete()
    else:
        assert form.errors


@pytest.mark.parametrize("url", ["/inloggen/", "/_util/login/"])
def test_a_username_longer_than_any_column_is_a_failed_login_not_an_error(client, url):
    """django-axes writes a failed login's username to a column of 255 characters; PostgreSQL
    refuses a longer one. It is counted cut to that length, and the person is told it failed."""
    response = client.post(url, {"username": "a" * 300, "password": "geen-wachtwoord"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "wachtwoord" in response.content.decode().lower()
    # Counted towards the lock-out, under the first 255 characters.
    assert AccessAttempt.objects.filter(username="a" * 255, failures_since_start=1).exists()


def test_the_admin_login_refuses_an_overlong_username_before_checking_it(client):
    response = client.post("/beheer/login/", {"username": "a" * 300, "password": "geen"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert not AccessAttempt.objects.exists()  # Wagtail's form refused it: nothing to count
