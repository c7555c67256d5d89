"""Wagtail's editor features work on every page type, driven through the admin's own views, with
the page cache on: privacy (password, logged-in users, groups), draft preview, scheduled
publishing and expiry, revisions, copy, alias, move, unpublish, delete, redirects, and Wagtail's
routing order. The browser tests (tests/live/test_editing.py) click the same features in
Chromium."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, get_page_models

from articles.models import ArticleIndexPage, ArticlePage
from articles.reads import ArticleReads
from core.models import BasePage, ContentPage
from organisations.models import EmployerTypePage
from roles.models import LadderStep, RoleIndexPage, RolePage
from tests.support.budgets import PAGE_QUERIES
from tests.support.content import PARADOX
from tests.support.factories import ArticlePageFactory, RolePageFactory
from tests.support.pages import soup

pytestmark = pytest.mark.django_db

ROLE = "clientondersteuner"
ARTICLE = PARADOX
KEUZEHULP = "/werk/keuzehulp/?niveau=2&wil=helpen&uren=baan"
# Every public list a page can turn up in.
LISTS = [
    "/",
    "/werk/",
    "/werk/?stap=2",
    KEUZEHULP,
    "/ervaringsladder/",
    "/werkgevers/",
    "/werkgevers/zorginstellingen/",
    "/artikelen/",
    "/artikelen/tag/ggz/",
    "/artikelen/feed/rss/",
    "/artikelen/feed/atom/",
    "/zoeken/?q=cli%C3%ABntondersteuner",
    "/zoeken/?q=professionaliseringsparadox",
    "/sitemap.xml",
]


def visitor():
    return Client()


def seen_anywhere(url):
    """The public lists that link to `url`, as an anonymous visitor sees them (twice: the
    second time from the page cache). A list that is private itself shows nothing."""
    found = []
    for page_url in LISTS:
        for _ in range(2):
            response = visitor().get(page_url)
            # A list may be private itself (302), or empty now (a tag without articles: 404).
            assert response.status_code in (200, 302, 404), page_url
            if response.status_code == 200 and url in response.content.decode():
                found.append(page_url)
    return sorted(set(found))


def set_privacy(client, page, **data):
    """What the admin's privacy dialog posts ("Wijzig zichtbaarheid")."""
    url = f"/beheer/pages/{page.pk}/privacy/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"groups": [], "password": "", **data})
    assert response.status_code == 200
    return response


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


class TestPrivacy:
    def test_the_privacy_dialog_opens_on_every_page_type(self, editor_client):
        for model in get_page_models():
            if not issubclass(model, BasePage):
                continue
            page = model.objects.live().first()
            response = editor_client.get(f"/beheer/pages/{page.pk}/privacy/")
            assert response.status_code == 200, model
            assert "restriction_type" in response.json()["html"]

    def test_a_password_protects_the_page_and_everything_below_it(self, editor_client):
        role = RolePage.objects.get(slug=ROLE)
        assert seen_anywhere(role.url)
        set_privacy(editor_client, role, restriction_type="password", password="geheim-woord")
        restriction = PageViewRestriction.objects.get(page=role)

        for _ in range(2):
            response = visitor().get(role.url)
            assert response.status_code == 200
            page = soup(response)
            assert page.h1.get_text() == "Deze pagina heeft een wachtwoord"
            # The protected page's own words and title do not leak.
            assert "Cliëntondersteuner" not in page.get_text()
            assert "X-Cache" not in response
            assert "no-store" in response["Cache-Control"]
        assert seen_anywhere(role.url) == []

        reader = visitor()
        action = f"/_util/authenticate_with_password/{restriction.pk}/{role.pk}/"
        wrong = reader.post(action, {"password": "fout", "return_url": role.url})
        assert "niet juist" in soup(wrong).find(class_="field__error").get_text()
        right = reader.post(action, {"password": "geheim-woord", "return_url": role.url})
        assert right.status_code == 302 and right["Location"] == role.url
        unlocked = reader.get(role.url)
        assert soup(unlocked).h1.get_text() == "Cliëntondersteuner"
        assert "X-Cache" not in unlocked

        # Removing it makes the page public again, in every list.
        set_privacy(editor_client, role, restriction_type="none")
        assert not PageViewRestriction.objects.filter(page=role).exists()
        assert soup(visitor().get(role.url)).h1.get_text() == "Cliëntondersteuner"
        assert "/werk/" in seen_anywhere(role.url)

    def test_a_section_for_logged_in_users_leaves_every_list(self, editor_client, editor):
        section = ArticleIndexPage.objects.get()
        article = ArticlePage.objects.get(slug=ARTICLE)
        assert seen_anywhere(article.url)
        set_privacy(editor_client, section, restriction_type="login")

        response = visitor().get(article.url)
        assert response.status_code == 302
        assert response["Location"] == f"/inloggen/?next={article.url}"
        login_page = soup(visitor().get(response["Location"]))
        assert login_page.h1.get_text() == "Inloggen"
        assert seen_anywhere(article.url) == []
        assert 'href="/artikelen/"' not in visitor().get("/").content.decode()

        reader = visitor()
        reader.post(
            "/inloggen/",
            {
                "username": editor.username,
                "password": "een-lang-testwachtwoord",
                "next": article.url,
            },
        )
        assert "hoed u" in soup(reader.get(article.url)).h1.get_text()

    def test_a_page_for_some_groups(self, editor_client, moderator, editor):
        role = RolePage.objects.get(slug=ROLE)
        moderators = Group.objects.get(name="Moderatoren")
        set_privacy(editor_client, role, restriction_type="groups", groups=[moderators.pk])
        assert seen_anywhere(role.url) == []

        outsider = visitor()
        outsider.force_login(editor)
        refused = outsider.get(role.url)
        assert refused.status_code == 302
        assert "niet voor jouw account" in soup(outsider.get(refused["Location"])).get_text()

        member = visitor()
        member.force_login(moderator)
        assert soup(member.get(role.url)).h1.get_text() == "Cliëntondersteuner"

    def test_a_wrong_login_gets_a_dutch_message_and_keeps_the_name(self, editor_client):
        response = visitor().post("/inloggen/", {"username": "iemand", "password": "fout"})
        page = soup(response)
        assert "horen niet bij elkaar" in page.find(class_="form-errors").get_text()
        assert page.find("input", attrs={"name": "username"})["value"] == "iemand"


class TestPreview:
    def test_the_draft_preview_shows_the_drafts_own_facts_on_every_page_type(self, editor_client):
        for model in get_page_models():
            if not issubclass(model, BasePage):
                continue
            page = model.objects.live().first()
            page.title = f"Conceptversie van {page.title}"
            page.save_revision()
            response = editor_client.get(f"/beheer/pages/{page.pk}/view_draft/")
            assert response.status_code == 200, model
            assert "Conceptversie van" in response.content.decode(), model
            # Framed only by the admin itself, and never stored in the page cache.
            assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
            assert response["X-Frame-Options"] == "SAMEORIGIN"
            assert "Conceptversie" not in visitor().get(page.url).content.decode()

    def test_a_role_preview_shows_the_drafts_steps_next_roles_and_employers(self, editor_client):
        role = RolePage.objects.get(slug=ROLE)
        role.ladder_steps.set([LadderStep.objects.get(number=4)])
        role.other_names = "Conceptnaam"
        role.save_revision()
        draft = soup(editor_client.get(f"/beheer/pages/{role.pk}/view_draft/"))
        live = soup(visitor().get(role.url))
        assert "Conceptnaam" in draft.get_text() and "Conceptnaam" not in live.get_text()
        assert "hoort bij stap 4 " in draft.find(class_="ladder-position").get_text(" ")
        assert "hoort bij stap 2 " in live.find(class_="ladder-position").get_text(" ")

    def test_a_situation_page_opens_in_the_editor_and_its_draft_keeps_the_marks(
        self, editor_client
    ):
        page = ContentPage.objects.get(slug="naaste-of-mantelzorger")
        edit = editor_client.get(f"/beheer/pages/{page.pk}/edit/")
        assert edit.status_code == 200
        html = edit.content.decode()
        assert "Uit de bron" in html and "Van de redactie" in html and "Tekst uit de bron" in html
        raw = list(page.body.raw_data)
        editors = next(block for block in raw if block["type"] == "editors")
        editors["value"] = {**editors["value"], "text": "<p>Conceptuitleg voor naasten.</p>"}
        page.body = raw
        page.save_revision()
        draft = soup(editor_client.get(f"/beheer/pages/{page.pk}/view_draft/"))
        marked = [block.get_text(" ", strip=True) for block in draft.select(".from-editors")]
        assert any("Van de redactie" in text and "Conceptuitleg" in text for text in marked)
        assert draft.select(".from-source")  # the sources' words are still there
        assert "Conceptuitleg" not in visitor().get(page.url).content.decode()


class TestScheduling:
    def test_every_page_type_has_go_live_and_expiry_dates(self, editor_client):
        for model in get_page_models():
            if not issubclass(model, BasePage):
                continue
            page = model.objects.live().first()
            html = editor_client.get(f"/beheer/pages/{page.pk}/edit/").content.decode()
            assert 'name="go_live_at"' in html and 'name="expire_at"' in html, model

    def test_a_scheduled_article_goes_live_and_expires_by_publish_scheduled(self):
        article = ArticlePageFactory(title="Straks online")
        article.unpublish()
        soon = timezone.now() + datetime.timedelta(hours=1)
        article.go_live_at = soon  # what the "Instellingen" tab and the schedule dialog set
        article.save_revision().publish()
        article.refresh_from_db()
        assert not article.live
        assert "Straks online" not in visitor().get("/artikelen/").content.decode()

        with_the_clock_at(soon + datetime.timedelta(minutes=1), "publish_scheduled")
        assert "Straks online" in visitor().get("/artikelen/").content.decode()

        article.refresh_from_db()
        article.expire_at = soon + datetime.timedelta(hours=1)
        article.save()
        with_the_clock_at(soon + datetime.timedelta(hours=2), "publish_scheduled")
        assert "Straks online" not in visitor().get("/artikelen/").content.decode()
        assert visitor().get(article.url).status_code == 404


def with_the_clock_at(moment, command):
    """Run a management command as if it were `moment` (the scheduled time has come)."""

    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command(command, verbosity=0)


class TestRevisionsAndTree:
    def test_reverting_to_a_revision_keeps_the_read_count(self, client):
        article = ArticlePage.objects.get(slug=ARTICLE)
        first = article.save_revision()
        first.publish()
        for _ in range(3):
            client.get(article.url + "gelezen/", HTTP_USER_AGENT="Mozilla/5.0")
        article.refresh_from_db()
        article.title = "Een nieuwe titel"
        article.save_revision().publish()
        # Revert, as the admin does: the old revision's content, published as a new revision.
        old = first.as_object()
        old.save_revision(previous_revision=first).publish()
        assert ArticleReads.objects.get(article=article).count == 3
        assert "hoed u" in soup(visitor().get(article.url)).h1.get_text()

    def test_the_revert_screen_opens_on_every_page_type(self, editor_client):
        for model in get_page_models():
            if not issubclass(model, BasePage):
                continue
            page = model.objects.live().first()
            revision = page.save_revision()
            url = f"/beheer/pages/{page.pk}/revisions/{revision.pk}/revert/"
            assert editor_client.get(url).status_code == 200, model

    def test_copying_a_role_publishes_the_copy_everywhere(self, editor_client):
        role = RolePage.objects.get(slug=ROLE)
        visitor().get("/werk/")  # cached
        response = editor_client.post(
            f"/beheer/pages/{role.pk}/copy/",
            {
                "new_title": "Cliëntondersteuner (kopie)",
                "new_slug": "clientondersteuner-kopie",
                "new_parent_page": role.get_parent().pk,
                "publish_copies": "on",
            },
        )
        assert response.status_code == 302
        assert "Cliëntondersteuner (kopie)" in visitor().get("/werk/").content.decode()
        assert visitor().get("/werk/clientondersteuner-kopie/").status_code == 200

    def test_an_alias_shows_the_same_page_and_its_privacy(self, editor_client, admin_user):
        role = RolePage.objects.get(slug=ROLE)
        employer_type = EmployerTypePage.objects.get(slug="zorginstellingen")
        visitor().get("/werk/")
        alias = role.create_alias(parent=employer_type, update_slug="clientondersteuner-hier")
        assert visitor().get(alias.url).status_code == 200
        set_privacy(editor_client, role, restriction_type="password", password="geheim-woord")
        # The alias follows its source's privacy.
        assert "wachtwoord" in soup(visitor().get(alias.url)).h1.get_text()

    def test_moving_a_page_redirects_its_old_address(self, editor_client):
        page = Page.objects.get(url_path="/home/een-verwarrende-naam/")
        destination = Page.objects.get(url_path="/home/hoe-word-ik-ervaringsdeskundige/")
        visitor().get("/een-verwarrende-naam/")  # cached
        response = editor_client.post(f"/beheer/pages/{page.pk}/move/{destination.pk}/confirm/")
        assert response.status_code == 302
        assert response["Location"] == f"/beheer/pages/{destination.pk}/"
        moved = visitor().get("/een-verwarrende-naam/")
        assert moved.status_code == 301
        assert moved["Location"] == "/hoe-word-ik-ervaringsdeskundige/een-verwarrende-naam/"
        assert visitor().get(moved["Location"]).status_code == 200

    def test_unpublishing_removes_the_page_from_every_list(self, editor_client):
        role = RolePage.objects.get(slug=ROLE)
        assert seen_anywhere(role.url)
        response = editor_client.post(f"/beheer/pages/{role.pk}/unpublish/")
        assert response.status_code == 302
        assert visitor().get(role.url).status_code == 404
        assert seen_anywhere(role.url) == []

    def test_deleting_a_page(self, editor_client, admin_user):
        editor_client.force_login(admin_user)  # editors may not delete published pages
        article = ArticlePage.objects.get(slug=ARTICLE)
        url = article.url
        response = editor_client.post(f"/beheer/pages/{article.pk}/delete/")
        assert response.status_code == 302
        assert visitor().get(url).status_code == 404
        assert seen_anywhere(url) == []

    def test_a_redirect_made_in_the_admin(self, editor_client, admin_user):
        editor_client.force_login(admin_user)
        role = RolePage.objects.get(slug=ROLE)
        response = editor_client.post(
            "/beheer/redirects/add/",
            {"old_path": "/clientondersteuning", "redirect_page": role.pk, "is_permanent": "on"},
        )
        assert response.status_code == 302, response.content.decode()[:500]
        assert Redirect.objects.filter(old_path="/clientondersteuning").exists()
        for _ in range(2):
            moved = visitor().get("/clientondersteuning/")
            assert moved.status_code == 301 and moved["Location"] == role.url


class TestRouting:
    def test_a_routable_pages_own_routes_come_before_a_child_with_the_same_slug(self):
        ArticlePageFactory(title="Een artikel dat feed heet", slug="feed")
        ArticlePageFactory(title="Een artikel dat tag heet", slug="tag")
        RolePageFactory(title="Een rol die keuzehulp heet", slug="keuzehulp")
        # The sub-routes win, as in Wagtail:
        rss = visitor().get("/artikelen/feed/rss/")
        assert rss["Content-Type"].startswith("application/rss+xml")
        assert "Over ggz" in visitor().get("/artikelen/tag/ggz/").content.decode()
        assert soup(visitor().get("/werk/keuzehulp/")).h1.get_text() == "Welke rol past bij mij?"
        # …and where no sub-route matches, the child is found.
        assert "dat feed heet" in soup(visitor().get("/artikelen/feed/")).h1.get_text()
        assert "dat tag heet" in soup(visitor().get("/artikelen/tag/")).h1.get_text()

    def test_a_child_of_an_unexpected_type_is_still_found(self):
        index = RoleIndexPage.objects.get()
        odd = ArticlePage(title="Een artikel onder Werk", slug="artikel-onder-werk", intro="x")
        odd.body = [("paragraph", "<p>Tekst.</p>")]
        index.add_child(instance=odd)
        assert visitor().get("/werk/artikel-onder-werk/").status_code == 200

    def test_pages_deep_in_the_tree_need_no_more_queries(self, count_queries):
        page = Page.objects.get(url_path="/home/privacy/").specific
        levels = []
        for depth in range(4):
            child = ContentPage(title=f"Laag {depth}", slug=f"laag-{depth}")
            page.add_child(instance=child)
            page = child
            levels.append(child.url)
        # Wagtail finds a page level by level; what each level finds is kept until content
        # changes, so a warm page costs the same however deep it lies.
        assert count_queries(levels[3]) == count_queries(levels[0]) == PAGE_QUERIES
