"""One page, one answer: every public page is the same bytes for every anonymous visitor,
depends only on the query parameters it declares, says in its headers how long a shared cache
may keep it, and is fresh the moment content changes."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.checks import run_checks
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage, Author
from caching import data as data_cache
from caching import middleware as cache_middleware
from caching import release, version
from caching.memory import ProcessMemory
from comments.models import Comment
from comments.moderation import moderate
from ervaring.settings.environment import cache_from_url
from organisations.models import EmployerTypePage, Organisation
from roles.models import LadderStep, RolePage
from tests.support.content import OPMARS, PARADOX_URL
from tests.support.factories import CommentFactory
from tests.support.pages import soup, visit

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]
ARTICLE = PARADOX_URL

# One address of every page type, and of every sub-route a visitor can open.
PUBLIC = [
    "/",  # HomePage
    "/privacy/",  # ContentPage
    "/werk/",  # RoleIndexPage
    "/werk/?stap=2&vorm=vrijwillig",
    "/werk/keuzehulp/",
    "/werk/keuzehulp/?niveau=2&wil=helpen&uren=meer&geld=betaald",
    "/werk/clientondersteuner/",  # RolePage
    "/ervaringsladder/",  # LadderPage
    "/werkgevers/",  # EmployerIndexPage
    "/werkgevers/zorginstellingen/",  # EmployerTypePage
    "/artikelen/",  # ArticleIndexPage
    "/artikelen/tag/ggz/",
    "/artikelen/feed/rss/",
    "/artikelen/feed/atom/",
    ARTICLE,  # ArticlePage, with its comment form
    "/zoeken/?q=coach",
    "/sitemap.xml",
    "/robots.txt",
]


def cached(url):
    visit(url)
    response = visit(url)
    assert response["X-Cache"] == "hit", url
    return response


def with_param(url, param):
    return f"{url}{'&' if '?' in url else '?'}{param}"


class TestOnePageOneAnswer:
    @pytest.mark.parametrize("url", PUBLIC)
    def test_two_anonymous_visitors_get_the_same_bytes_and_no_cookie(self, url):
        first = Client(enforce_csrf_checks=True).get(url)
        data_cache.clear_local()  # the second visitor may reach another process
        second = Client(enforce_csrf_checks=True).get(url)
        assert first.status_code == second.status_code == 200, url
        assert first.content == second.content
        assert "Set-Cookie" not in first and not first.cookies, url
        assert "csrfmiddlewaretoken" not in first.content.decode()

    @pytest.mark.parametrize("url", PUBLIC)
    def test_an_unknown_query_parameter_gives_the_same_bytes_as_none(self, url):
        # The odd address first, on an empty cache: it must not be stored as the page.
        odd = visit(with_param(url, "utm_source=nieuwsbrief&x=1"))
        plain = visit(url)
        assert plain["X-Cache"] == "miss", url
        assert odd.content == plain.content, url
        # And once the page is stored, the odd address is answered with it.
        assert visit(with_param(url, "x=2"))["X-Cache"] == "hit", url

    def test_the_keuzehulp_is_not_answered_by_an_odd_parameter(self):
        for url in ("/werk/keuzehulp/?utm_source=x", "/werk/keuzehulp/"):
            page = soup(visit(url))
            assert "Nog niet alles is ingevuld" not in page.get_text(), url
            assert not page.select(".field__error"), url

    def test_parameters_a_page_reads_are_separate_copies_in_a_fixed_order(self):
        first = visit("/werk/?stap=2&vorm=vrijwillig")
        assert first["X-Cache"] == "miss"
        # The same choices in another order, with an unknown parameter: the same copy.
        assert visit("/werk/?vorm=vrijwillig&x=1&stap=2")["X-Cache"] == "hit"
        assert visit("/werk/?stap=2")["X-Cache"] == "miss"

    def test_query_strings_kept_per_process_stay_bounded_and_exact(self, monkeypatch):
        memo = cache_middleware.QueryKeys(limit=3)
        monkeypatch.setattr(cache_middleware, "address_query", memo)
        assert visit("/werk/?stap=2")["X-Cache"] == "miss"
        for n in range(10):
            assert visit(f"/werk/?stap=2&x={n}")["X-Cache"] == "hit"
            assert 1 <= len(memo.raw_strings()) <= 3
        # A long query string is worked out, not kept; it still finds the same copy.
        long = "/werk/?" + "&".join(f"utm{n}=1" for n in range(60)) + "&stap=2"
        assert visit(long)["X-Cache"] == "hit"
        assert all(len(raw) <= memo.short for raw in memo.raw_strings())

    def test_anonymous_pages_come_from_the_cache_the_second_time(self):
        first = visit("/werk/")
        assert first["X-Cache"] == "miss"
        second = visit("/werk/")
        assert second["X-Cache"] == "hit"
        assert second.content == first.content
        for header in ("Content-Security-Policy", "Cache-Control", "ETag"):
            assert second[header] == first[header], header
        # Sent whole with its length, not in chunks.
        assert int(second["Content-Length"]) == len(second.content)


class TestListsRenderedOncePerVersion:
    """What every visitor sees the same — role cards, the choice of roles to compare with, the
    ladder's steps, the home page's lists, the empty comment form — is rendered once per content
    version (BasePage.rendered_part), so a page rendered without the page cache does not render
    more when the site has more roles; after a change it is rendered anew."""

    @pytest.mark.parametrize(
        "url, part",
        [
            ("/", "core/includes/home_lists.html"),
            ("/werk/?stap=2&vorm=vrijwillig", "includes/role_list.html"),
            ("/werk/clientondersteuner/", "roles/includes/compare_options.html"),
            ("/ervaringsladder/", "roles/includes/ladder_steps.html"),
            (ARTICLE, "comments/includes/form.html"),
        ],
    )
    def test_a_part_is_rendered_again_only_after_a_change(self, url, part, settings):
        settings.ERVARING = {**settings.ERVARING, "PAGE_CACHE_ENABLED": False}

        def rendered(response):
            assert response.status_code == 200, url
            return [template.name for template in response.templates]

        version.bump_content_version()
        first = visit(url)
        again = visit(url)
        assert part in rendered(first)
        assert part not in rendered(again)
        assert again.content == first.content
        version.bump_content_version()
        assert part in rendered(visit(url))

    def test_a_posted_comment_with_a_mistake_keeps_what_was_typed(self, client):
        # The kept empty form is for readers who did not post; a posted one is their own.
        visit(ARTICLE)
        response = client.post(
            ARTICLE,
            {"name": "Sanne", "email": "geen-adres", "body": "Mijn eigen woorden."},
            HTTP_ORIGIN="http://testserver",
            HTTP_SEC_FETCH_SITE="same-origin",
        )
        form = soup(response).select_one("form.comment-form")
        assert form.select_one("#id_name")["value"] == "Sanne"
        assert form.select_one("#id_body").get_text().strip() == "Mijn eigen woorden."
        assert "e-mailadres" in form.select_one(".field--error").get_text().lower()
        assert "Mijn eigen woorden." not in visit(ARTICLE).content.decode()


class TestHttpCaching:
    @pytest.mark.parametrize("url", PUBLIC)
    def test_public_pages_say_how_long_a_shared_cache_may_keep_them(self, url, settings):
        settings.ERVARING = {
            **settings.ERVARING,
            "PAGE_SHARED_SECONDS": 120,
            "PAGE_STALE_SECONDS": 45,
        }
        response = visit(url)
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {
            "public",
            "max-age=0",
            "s-maxage=120",
            "stale-while-revalidate=45",
        }
        assert response["ETag"].startswith('"')
        assert response["Vary"] == "Accept-Encoding"  # and nothing else: no cookie, no user

    def test_a_matching_etag_gets_304_from_the_cache_and_when_rendered(self):
        for page in ("/werk/", ARTICLE):
            first = visit(page)
            etag = first["ETag"]
            for _ in range(2):  # a stored copy, and a freshly rendered page
                again = visit(page, status=304, HTTP_IF_NONE_MATCH=etag)
                assert again["ETag"] == etag and not again.content
                assert "s-maxage" in again["Cache-Control"]
                cache.clear()
                data_cache.clear_local()
            visit(page, HTTP_IF_NONE_MATCH='"iets-anders"')

    def test_publishing_gives_the_pages_it_changes_a_new_etag(self):
        role = RolePage.objects.get(slug="coach")
        old = {url: cached(url)["ETag"] for url in (role.url, "/werk/")}
        role.title = "Coach met ervaring"
        role.save_revision().publish()
        for url, etag in old.items():
            fresh = visit(url, HTTP_IF_NONE_MATCH=etag)
            assert fresh["ETag"] != etag, url
            assert "Coach met ervaring" in fresh.content.decode()

    def test_a_head_request_gets_the_headers(self):
        visit("/werk/")
        response = Client().head("/werk/")
        assert response.status_code == 200 and "s-maxage" in response["Cache-Control"]


class TestNeverShared:
    """Private pages, previews, the password and login pages, and anything for a logged-in
    person go out `private, no-store`, and this site keeps none of them."""

    @staticmethod
    def assert_private(response):
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert "X-Cache" not in response and "ETag" not in response

    def test_a_page_with_privacy_settings(self):
        role = RolePage.objects.get(slug="coach")
        PageViewRestriction.objects.create(page=role, restriction_type="password", password="x1")
        for _ in range(2):
            self.assert_private(visit(role.url))

    def test_the_login_page_and_a_refused_form(self):
        self.assert_private(visit("/inloggen/"))
        self.assert_private(Client().post(ARTICLE, {"name": ""}))

    def test_logged_in_editors_get_every_page_private(self, client, editor):
        cached("/werk/")
        client.force_login(editor)
        for url in ("/werk/", ARTICLE, "/beheer/"):
            self.assert_private(client.get(url))

    def test_the_preview_of_a_draft(self, client, admin_user):
        client.force_login(admin_user)
        role = RolePage.objects.get(slug="coach")
        for _ in range(2):
            self.assert_private(client.get(f"/beheer/pages/{role.pk}/view_draft/"))

    def test_a_personal_message(self):
        cached(ARTICLE)
        reader = Client()
        reader.cookies["messages"] = "iets"
        self.assert_private(reader.get(ARTICLE))

    def test_the_health_check(self):
        for _ in range(2):
            self.assert_private(visit("/gezond/"))

    def test_a_page_that_does_not_exist(self):
        for _ in range(2):
            self.assert_private(visit("/werk/bestaat-niet/", status=404))
            self.assert_private(visit("/artikelen/?page=999", status=404))

    def test_a_very_large_page_is_not_stored(self, settings):
        settings.ERVARING = {**settings.ERVARING, "PAGE_CACHE_MAX_BYTES": 1000}
        visit("/werk/")
        assert "X-Cache" not in visit("/werk/")


class TestFreshAtOnce:
    def test_publishing_makes_pages_fresh_at_once(self):
        role = RolePage.objects.get(slug="coach")
        cached(role.url)
        cached("/werk/")
        role.title = "Coach met ervaring"
        role.save_revision().publish()
        assert "Coach met ervaring" in visit(role.url).content.decode()
        assert "Coach met ervaring" in visit("/werk/").content.decode()

    def test_unpublishing_removes_the_page_at_once(self):
        role = RolePage.objects.get(slug="coach")
        cached(role.url)
        cached("/werk/")
        role.unpublish()
        visit(role.url, status=404)
        assert 'href="/werk/coach/"' not in visit("/werk/").content.decode()

    def test_moving_a_page_sends_its_old_address_to_the_new_one_at_once(self):
        page = RolePage.objects.get(slug="coach")
        cached(page.url)
        page.move(EmployerTypePage.objects.get(slug="zelfstandig"), pos="last-child")
        response = visit("/werk/coach/", status=301)
        assert response["Location"] == "/werkgevers/zelfstandig/coach/"

    def test_deleting_a_page_removes_it_at_once(self):
        cached("/werk/")
        RolePage.objects.get(slug="coach").delete()
        assert 'href="/werk/coach/"' not in visit("/werk/").content.decode()

    def test_changing_a_snippet_that_pages_show_makes_them_fresh(self):
        cached("/ervaringsladder/")
        step = LadderStep.objects.get(number=1)
        step.name = "Zelf meegemaakt"
        step.save()
        ladder = visit("/ervaringsladder/").content.decode().replace("\u00ad", "")
        assert "Zelf meegemaakt" in ladder  # (the name may carry soft hyphens)

        employer = EmployerTypePage.objects.get(slug="clientenraden")
        cached(employer.url)
        Organisation.objects.create(name="Nieuwe koepel", kind=employer)
        assert "Nieuwe koepel" in visit(employer.url).content.decode()

        cached(ARTICLE)
        author = Author.objects.get(name="Wilma Boevink")
        author.bio = "Een nieuwe biografie."
        author.save()
        assert "Een nieuwe biografie." in visit(ARTICLE).content.decode()

    def test_approving_and_removing_a_comment_make_the_article_fresh(self):
        article = ArticlePage.objects.get(slug=OPMARS)
        comment = CommentFactory(
            article=article, body="Nog niet zichtbaar", status=Comment.Status.PENDING
        )
        cached(article.url)
        cached("/artikelen/")
        moderate([comment], Comment.Status.APPROVED, user=None)
        assert "Nog niet zichtbaar" in visit(article.url).content.decode()
        assert "1 reactie" in visit("/artikelen/").content.decode()
        cached(article.url)
        comment.delete()
        assert "Nog niet zichtbaar" not in visit(article.url).content.decode()

    def test_a_new_pending_comment_does_not_empty_the_cache(self):
        article = ArticlePage.objects.get(slug=OPMARS)
        cached("/werk/")
        CommentFactory(article=article, status=Comment.Status.PENDING)
        assert visit("/werk/")["X-Cache"] == "hit"

    def test_a_new_release_never_serves_what_the_old_one_made(self, monkeypatch):
        cached("/werk/")
        old = version.content_version()
        monkeypatch.setenv("ERVARING_RELEASE", "de-volgende-versie")
        release.release.cache_clear()
        try:
            version.forget_request_version()
            assert version.content_version() != old
            assert visit("/werk/")["X-Cache"] == "miss"
        finally:
            monkeypatch.delenv("ERVARING_RELEASE")
            release.release.cache_clear()

    def test_the_release_is_every_app_of_this_repository_and_a_new_file_anywhere_changes_it(
        self, monkeypatch
    ):
        """Found, not listed: every folder of ours with an apps.py (readability and outbox
        included) is part of the release, and so are templates and static files."""
        monkeypatch.delenv("ERVARING_RELEASE", raising=False)
        ours = {path.parent for path in ROOT.glob("*/apps.py")}
        assert {ROOT / "readability", ROOT / "outbox"} <= ours
        assert ours | {ROOT / "templates", ROOT / "static"} <= set(release.folders())
        release.release.cache_clear()
        before = release.release()
        for folder in ("readability/text", "outbox", "templates/outbox"):
            probe = ROOT / folder / f"zz_release_probe_{os.getpid()}.py"
            try:
                probe.write_text("# een nieuw bestand\n")
                release.release.cache_clear()
                assert release.release() != before, folder
            finally:
                probe.unlink()
                release.release.cache_clear()
        assert release.release() == before

    def test_a_change_made_by_another_process_is_seen_at_once(self, tmp_path):
        """`make run` and one machine share files as their cache: a timer or the shell that
        publishes (another process) makes the site's pages fresh."""
        shared = cache_from_url(None, folder=tmp_path / "cache")
        with override_settings(CACHES={"default": shared}):
            version.forget_request_version()
            cached("/werk/")
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "shell",
                    "-c",
                    "from caching.version import bump_content_version; bump_content_version()",
                ],
                cwd=ROOT,
                env={
                    "PATH": "/usr/bin:/bin",
                    "DJANGO_SETTINGS_MODULE": "ervaring.settings.test",
                    "CACHE_URL": f"file://{tmp_path / 'cache'}",
                },
                check=True,
                capture_output=True,
            )
            version.forget_request_version()
            assert visit("/werk/")["X-Cache"] == "miss"
        version.forget_request_version()


class TestBounded:
    def test_copies_in_process_memory_stay_within_their_byte_limit(self):
        memory = ProcessMemory(max_bytes=10_000, seconds=60)
        for number in range(50):
            memory.put(f"page-{number}", {"n": number}, size=1_000)
        assert memory.size <= 10_000
        assert memory.get("page-49") == {"n": 49}
        assert memory.get("page-0") is None  # the oldest went first

    def test_copies_in_process_memory_expire(self):
        memory = ProcessMemory(max_bytes=10_000, seconds=0.2)
        memory.put("page", "kopie", size=10)
        assert memory.get("page") == "kopie"
        time.sleep(0.25)
        assert memory.get("page") is None and memory.size == 0

    def test_data_kept_in_process_memory_expires_with_the_page_cache(self, settings):
        settings.ERVARING = {**settings.ERVARING, "PAGE_CACHE_SECONDS": 0.2}
        data_cache.clear_local()
        built = []
        data_cache.cached_for_content("iets", lambda: built.append(1) or "waarde")
        cache.clear()  # only this process's memory has it now
        data_cache.cached_for_content("iets", lambda: built.append(1) or "waarde")
        assert len(built) == 1
        time.sleep(0.25)
        data_cache.cached_for_content("iets", lambda: built.append(1) or "waarde")
        assert len(built) == 2


class TestProductionCache:
    def test_a_cache_per_process_is_refused_in_production(self, settings):
        settings.ERVARING = {**settings.ERVARING, "SHARED_CACHE_REQUIRED": True}
        locmem = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        with override_settings(CACHES={"default": locmem}):
            errors = [e for e in run_checks() if e.id == "ervaring.E001"]
        assert errors and "één proces" in errors[0].msg
        with override_settings(CACHES={"default": cache_from_url(None, folder="/tmp/x")}):
            assert not [e for e in run_checks() if e.id == "ervaring.E001"]

    def test_development_shares_its_cache_between_processes(self, tmp_path):
        code = (
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['BACKEND'])"
        )
        backend = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={
                "PATH": "/usr/bin:/bin",
                "DJANGO_SETTINGS_MODULE": "ervaring.settings.dev",
                "ERVARING_VAR_DIR": str(tmp_path),
            },
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert backend == "caching.backends.ResilientFileBasedCache"
