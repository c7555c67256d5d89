"""The admin speaks clean Dutch, and shows each group only what it can open (issue 13.2, 13.6).

Every text here was once wrong on screen: half English, a missing space, "None" for a person,
a count of zero references in plural Dutch."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from articles.models import ArticlePage, Author
from comments.models import Comment
from roles.models import RolePage, RoleType
from tests.support.factories import CommentFactory
from tests.support.pages import soup

pytestmark = pytest.mark.django_db


def sidebar(page):
    """The admin menu, which Wagtail renders from JSON."""
    return page.find(id="wagtail-sidebar-props").string


class TestDashboard:
    @pytest.mark.parametrize("group", ["editor", "moderator", "admin_user"])
    def test_every_link_and_search_box_on_the_dashboard_opens(self, client, request, group):
        """A moderator once got a page search box that led to "geen toegang"."""
        CommentFactory(article=ArticlePage.objects.first(), status=Comment.Status.PENDING)
        client.force_login(request.getfixturevalue(group))
        page = soup(client.get("/beheer/"))
        main = page.find("main")
        targets = {a["href"] for a in main.find_all("a", href=True) if a["href"].startswith("/")}
        targets |= {
            form["action"]
            for form in main.find_all("form")
            if (form.get("method") or "get").lower() == "get"
        }
        assert targets, "the dashboard links somewhere"
        for target in sorted(targets):
            response = client.get(target, follow=True)
            assert response.status_code == 200, target
            # Wagtail sends someone without access back to the dashboard with a message.
            assert urlsplit(response.request["PATH_INFO"]).path == urlsplit(target).path, target

    def test_a_moderator_gets_no_page_search(self, client, moderator, editor):
        client.force_login(moderator)
        assert soup(client.get("/beheer/")).find("form", role="search") is None
        client.force_login(editor)
        search = soup(client.get("/beheer/")).find("form", role="search")
        assert search is not None and "/beheer/pages/" in search["action"]

    def test_site_summary_reads_as_a_sentence_for_screen_readers(self, client, admin_user):
        client.force_login(admin_user)
        summary = soup(client.get("/beheer/")).find(class_="w-summary")
        hidden = [span.get_text() for span in summary.select("a .w-sr-only")]
        assert hidden and all(text == "in ervaring" for text in hidden)
        assert re.search(r"\d+ pagina's", summary.get_text())

    def test_comments_panel_lines_up_with_wagtails_panels(self, client, moderator):
        client.force_login(moderator)
        panel = soup(client.get("/beheer/")).find(id="reacties-wachten-section") or soup(
            client.get("/beheer/")
        ).find(attrs={"data-panel": True, "id": re.compile("reacties-wachten")})
        assert panel is not None and "w-panel--dashboard" in panel["class"]


class TestDutch:
    def test_help_menu_has_the_editors_guide_in_dutch(self, client, editor):
        client.force_login(editor)
        menu = sidebar(soup(client.get("/beheer/")))
        assert '"label": "Handleiding"' in menu and "/beheer/handleiding/" in menu
        assert "Editor Guide" not in menu and "guide.wagtail.org" not in menu

    def test_bulk_selection_says_how_many_without_snippets(self, client, moderator):
        client.force_login(moderator)
        config = soup(client.get(reverse("wagtailsnippets_comments_comment:list"))).find(
            id="wagtail-config"
        )
        assert '"PLURAL": "%(objects)s geselecteerd"' in config.string
        assert "snippets" not in config.string

    def test_deleting_in_bulk_says_what_and_how_many(self, client, admin_user):
        authors = [Author.objects.create(name=f"Nog niet gebruikt {n}") for n in (1, 2)]
        client.force_login(admin_user)
        ids = "&".join(f"id={author.pk}" for author in authors)
        listing = reverse("wagtailsnippets_articles_author:list")
        response = client.post(
            f"/beheer/bulk/articles/author/delete/?{ids}&next={listing}", follow=True
        )
        assert "Auteurs verwijderd: 2." in soup(response).get_text()
        assert not Author.objects.filter(pk__in=[author.pk for author in authors]).exists()

    def test_delete_page_of_an_unused_item_says_nothing_refers_to_it(self, client, admin_user):
        unused = RoleType.objects.create(name="Nog nergens gebruikt", slug="nog-nergens")
        client.force_login(admin_user)
        url = reverse("wagtailsnippets_roles_roletype:delete", args=[unused.pk])
        text = " ".join(soup(client.get(url)).get_text().split())
        assert "Hiernaar wordt 0 keer verwezen." in text
        assert "Weet je zeker dat je dit wilt verwijderen?" in text
        assert "verwijzingen naar" not in text and "verwijdert" not in text

    def test_a_revision_nobody_made_by_hand_is_by_the_system(self, client, editor):
        role = RolePage.objects.get(slug="clientondersteuner")
        revision = role.save_revision(user=None)
        role.save_revision(user=editor)
        client.force_login(editor)
        url = reverse("wagtailadmin_pages:revisions_revert", args=[role.pk, revision.pk])
        text = " ".join(soup(client.get(url)).get_text().split())
        assert "door het systeem" in text and "None" not in text

    def test_the_rows_of_a_choice_list_are_named_plainly(self, client, editor):
        """Wagtail names each row after the panel's label: "Een auteur 1" read oddly."""
        article = ArticlePage.objects.filter(author_links__isnull=False).first()
        client.force_login(editor)
        text = " ".join(soup(client.get(f"/beheer/pages/{article.pk}/edit/")).get_text().split())
        assert "Voeg auteur toe" in text and "Voeg rol toe" in text
        assert not re.search(r"\b[Ee]en (auteur|rol)\b", text)


class TestNoEnglishLeft:
    """Issue 20: the words an editor still met in English or broken Dutch."""

    def test_the_admin_login_asks_for_the_password_in_dutch(self, client):
        page = soup(client.get("/beheer/login/"))
        assert (
            page.find("label", attrs={"for": "id_password"})
            .get_text(strip=True)
            .startswith("Wachtwoord")
        )
        assert "Password" not in page.get_text()

    def test_search_results_count_in_dutch_without_none(self, client, editor):
        client.force_login(editor)
        text = soup(client.get("/beheer/pages/search/?q=rol")).get_text(" ", strip=True)
        assert re.search(r"\b1-\d+ van \d+\b", text)
        assert "None" not in text and not re.search(r"\dvan", text)

    def test_the_explorer_starts_at_all_pages_not_root(self, client, editor):
        client.force_login(editor)
        page = soup(client.get("/beheer/pages/"))
        assert page.find("h1").get_text(" ", strip=True) == "Verkennen: Alle pagina's"
        assert "Root" not in page.get_text()

    def test_listing_and_editor_panels_in_dutch(self, client, editor):
        client.force_login(editor)
        role = RolePage.objects.first()
        listing = soup(client.get(f"/beheer/pages/{role.get_parent().pk}/")).get_text()
        assert "Acties voor de selectie" in listing and "Bulk acties" not in listing
        # Texts of the side panel's script included: they show once it runs.
        edit = client.get(f"/beheer/pages/{role.pk}/edit/").content.decode()
        assert "Tekststatistieken" in edit and "Content statistieken" not in edit
        assert "Controles aan- of uitzetten" in edit and "Checks aan/uitzetten" not in edit

    def test_the_account_page_offers_only_time_zones_a_browser_knows(self, client, editor):
        client.force_login(editor)
        page = soup(client.get("/beheer/account/"))
        options = page.select("select[name$='current_time_zone'] option")
        zones = {option["value"] for option in options}
        assert "Europe/Amsterdam" in zones
        assert not zones & {"localtime", "posixrules", "Factory"}
