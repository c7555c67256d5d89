"""The cache for anonymous visitors: fast, and fresh the moment content changes."""

import pytest
from django.test import Client

from articles.comments.moderation import moderate
from articles.models import ArticlePage, Author, Comment
from organisations.models import EmployerTypePage, Organisation
from roles.models import LadderStep, RolePage
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def visit(url):
    """A fresh anonymous visitor (no cookies) asks for `url`."""
    return Client().get(url)


def cached(url):
    visit(url)
    response = visit(url)
    assert response["X-Cache"] == "hit", url
    return response


def test_anonymous_pages_come_from_the_cache_the_second_time():
    first = visit("/werk/")
    assert first["X-Cache"] == "miss"
    second = visit("/werk/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    # Sent whole with its length, not in chunks.
    assert int(second["Content-Length"]) == len(second.content)


def test_a_cached_page_with_a_form_has_the_length_of_this_visitors_copy():
    url = "/artikelen/hoed-u-voor-de-professionaliseringsparadox/"
    response = cached(url)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert int(response["Content-Length"]) == len(response.content)


def test_filter_addresses_are_cached_separately():
    cached("/werk/?stap=1")
    assert visit("/werk/?stap=2")["X-Cache"] == "miss"


def test_logged_in_editors_are_never_served_from_the_cache(client, editor):
    cached("/werk/")
    client.force_login(editor)
    response = client.get("/werk/")
    assert "X-Cache" not in response
    assert client.get("/beheer/").get("X-Cache") is None


def test_the_admin_and_previews_are_never_cached(client, admin_user):
    client.force_login(admin_user)
    role = RolePage.objects.get(slug="coach")
    for _ in range(2):
        assert "X-Cache" not in client.get(f"/beheer/pages/{role.pk}/view_draft/")


def test_publishing_makes_pages_fresh_at_once():
    role = RolePage.objects.get(slug="coach")
    cached(role.url)
    cached("/werk/")
    role.title = "Coach met ervaring"
    role.save_revision().publish()
    assert "Coach met ervaring" in visit(role.url).content.decode()
    assert "Coach met ervaring" in visit("/werk/").content.decode()


def test_unpublishing_removes_the_page_at_once():
    role = RolePage.objects.get(slug="coach")
    cached(role.url)
    cached("/werk/")
    role.unpublish()
    assert visit(role.url).status_code == 404
    assert 'href="/werk/coach/"' not in visit("/werk/").content.decode()


def test_moving_a_page_sends_its_old_address_to_the_new_one_at_once():
    page = RolePage.objects.get(slug="coach")
    cached(page.url)
    page.move(EmployerTypePage.objects.get(slug="zelfstandig"), pos="last-child")
    response = visit("/werk/coach/")
    assert response.status_code == 301
    assert response["Location"] == "/werkgevers/zelfstandig/coach/"


def test_deleting_a_page_removes_it_at_once():
    cached("/werk/")
    RolePage.objects.get(slug="coach").delete()
    assert 'href="/werk/coach/"' not in visit("/werk/").content.decode()


def test_changing_a_snippet_that_pages_show_makes_them_fresh():
    cached("/ervaringsladder/")
    step = LadderStep.objects.get(number=1)
    step.name = "Zelf meegemaakt"
    step.save()
    assert "Zelf meegemaakt" in visit("/ervaringsladder/").content.decode()

    employer = EmployerTypePage.objects.get(slug="clientenraden")
    cached(employer.url)
    Organisation.objects.create(name="Nieuwe koepel", kind=employer)
    assert "Nieuwe koepel" in visit(employer.url).content.decode()

    article = ArticlePage.objects.get(slug="hoed-u-voor-de-professionaliseringsparadox")
    cached(article.url)
    author = Author.objects.get(name="Wilma Boevink")
    author.bio = "Een nieuwe biografie."
    author.save()
    assert "Een nieuwe biografie." in visit(article.url).content.decode()


def test_approving_and_removing_a_comment_make_the_article_fresh():
    article = ArticlePage.objects.get(slug="inzet-ervaringsdeskundigen-sociaal-werk-in-opmars")
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


def test_a_new_pending_comment_does_not_empty_the_cache():
    article = ArticlePage.objects.get(slug="inzet-ervaringsdeskundigen-sociaal-werk-in-opmars")
    cached("/werk/")
    CommentFactory(article=article, status=Comment.Status.PENDING)
    assert visit("/werk/")["X-Cache"] == "hit"


def test_a_personal_message_is_never_cached_nor_served_from_cache():
    article = ArticlePage.objects.get(slug="inzet-ervaringsdeskundigen-sociaal-werk-in-opmars")
    cached(article.url)
    reader = Client()
    reader.cookies["messages"] = "iets"
    response = reader.get(article.url)
    assert "X-Cache" not in response


def test_the_health_check_is_never_cached():
    assert "X-Cache" not in visit("/gezond/")
    assert "X-Cache" not in visit("/gezond/")


def test_query_parameters_a_page_does_not_read_neither_skip_nor_fill_the_cache():
    cached("/werk/clientondersteuner/")
    # Each is answered with the one stored copy (a copy is only ever stored on a miss).
    for query in ("?x=1", "?utm_source=nieuwsbrief", "?reacties=3", "?stap=2", "?x=1&x=2"):
        response = visit(f"/werk/clientondersteuner/{query}")
        assert response["X-Cache"] == "hit", query


def test_parameters_a_page_reads_are_separate_copies_in_a_fixed_order():
    first = visit("/werk/?stap=2&vorm=vrijwillig")
    assert first["X-Cache"] == "miss"
    # The same choices in another order, with an unknown parameter: the same copy.
    assert visit("/werk/?vorm=vrijwillig&x=1&stap=2")["X-Cache"] == "hit"
    assert visit("/werk/?stap=2")["X-Cache"] == "miss"


def test_a_page_with_privacy_settings_is_never_stored():
    from wagtail.models import PageViewRestriction

    role = RolePage.objects.get(slug="coach")
    PageViewRestriction.objects.create(page=role, restriction_type="password", password="x1")
    for _ in range(2):
        response = visit(role.url)
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_a_very_large_page_is_not_stored(settings):
    settings.ERVARING = {**settings.ERVARING, "PAGE_CACHE_MAX_BYTES": 1000}
    visit("/werk/")
    assert "X-Cache" not in visit("/werk/")


def test_copies_in_process_memory_stay_within_their_byte_limit():
    from ervaring.caching.pages import LocalCopies

    copies = LocalCopies(max_bytes=10_000)
    for number in range(50):
        copies.put(f"page-{number}", {"n": number}, version=1, size=1_000)
    assert copies.size <= 10_000
    assert copies.get("page-49", 1) == {"n": 49}
    assert copies.get("page-0", 1) is None  # the oldest went first
    # A new content version starts afresh.
    copies.put("page-new", {"n": "new"}, version=2, size=1_000)
    assert copies.get("page-49", 2) is None and copies.size == 1_000
