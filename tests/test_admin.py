"""The Wagtail admin at /beheer/: who may do what, the moderation queue, the editors' screens."""

import pytest
from django.urls import reverse

from articles.models import ArticlePage, Comment
from roles.models import LadderStep, RolePage
from tests.factories import CommentFactory
from tests.pages import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(editor, moderator, admin_user):
    return {"anoniem": None, "redacteur": editor, "moderator": moderator, "beheerder": admin_user}


def admin_areas():
    role = RolePage.objects.get(slug="clientondersteuner")
    comment = Comment.objects.first()
    step = LadderStep.objects.get(number=1)
    return {
        "dashboard": "/beheer/",
        "pagina's": f"/beheer/pages/{role.get_parent().pk}/",
        "rol bewerken": f"/beheer/pages/{role.pk}/edit/",
        "rol toevoegen": f"/beheer/pages/add/roles/rolepage/{role.get_parent().pk}/",
        "rollenlijst": reverse("rollen:index"),
        "ladderstap bewerken": reverse("wagtailsnippets_roles_ladderstep:edit", args=[step.pk]),
        "organisaties": reverse("wagtailsnippets_organisations_organisation:list"),
        "auteurs": reverse("wagtailsnippets_articles_author:list"),
        "afbeeldingen": "/beheer/images/",
        "documenten": "/beheer/documents/",
        "reacties": reverse("wagtailsnippets_articles_comment:list"),
        "reactie bekijken": reverse("wagtailsnippets_articles_comment:inspect", args=[comment.pk]),
        "reacties goedkeuren": f"/beheer/bulk/articles/comment/approve/?id={comment.pk}",
        "gebruikers": "/beheer/users/",
        "groepen": "/beheer/groups/",
        "site-instellingen": "/beheer/settings/ervaring/sitesettings/",
    }


# Who may open what. Anonymous visitors are always sent to the login page.
ALLOWED = {
    "redacteur": {
        "dashboard",
        "pagina's",
        "rol bewerken",
        "rol toevoegen",
        "rollenlijst",
        "ladderstap bewerken",
        "organisaties",
        "auteurs",
        "afbeeldingen",
        "documenten",
    },
    "moderator": {"dashboard", "reacties", "reactie bekijken", "reacties goedkeuren"},
}


@pytest.mark.parametrize("who", ["anoniem", "redacteur", "moderator", "beheerder"])
def test_permission_matrix(client, users, who):
    user = users[who]
    if user:
        client.force_login(user)
    for area, url in admin_areas().items():
        response = client.get(url, follow=area == "site-instellingen" and who == "beheerder")
        if who == "anoniem":
            assert response.status_code == 302 and "/beheer/login/" in response["Location"], area
        elif who == "beheerder" or area in ALLOWED[who]:
            assert response.status_code == 200, (who, area, response.status_code)
        else:
            assert response.status_code in (302, 403), (who, area, response.status_code)
            if response.status_code == 302:
                assert (
                    response["Location"] in ("/beheer/", "/beheer/login/")
                    or "login" in response["Location"]
                ), (who, area)


@pytest.mark.parametrize("who", ["redacteur", "moderator", "beheerder"])
def test_the_menu_offers_only_what_you_may_open(client, users, who):
    client.force_login(users[who])
    page = soup(client.get("/beheer/"))
    menu = page.find(id="wagtail-sidebar-props")
    labels = menu.get_text() if menu else page.get_text()
    assert ('"Rollen"' in labels) == (who != "moderator")
    assert ('"Reacties"' in labels) == (who != "redacteur")


def test_the_admin_speaks_dutch(client, editor):
    client.force_login(editor)
    page = soup(client.get("/beheer/"))
    assert page.html["lang"] == "nl"
    assert "pagina's" in page.get_text()
    assert page.title.get_text(strip=True) == "Dashboard - ervaring beheer"


def test_the_admin_does_not_call_home(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/beheer/").content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail.io" not in html


def test_role_page_is_edited_in_four_tabs_with_dutch_help(client, editor):
    client.force_login(editor)
    role = RolePage.objects.get(slug="clientondersteuner")
    page = soup(client.get(f"/beheer/pages/{role.pk}/edit/"))
    tabs = [tab.get_text(strip=True).rstrip("()") for tab in page.select("[role=tab]")]
    for tab in ("Inhoud", "Ladder en kenmerken", "Loopbaan", "Bron"):
        assert tab in tabs
    assert "Op welke stap(pen) van de ervaringsladder past dit werk?" in page.get_text()


def test_taxonomy_is_grouped_in_one_indeling_menu(client, editor):
    client.force_login(editor)
    html = client.get("/beheer/").content.decode()
    assert "Indeling" in html
    for label in (
        "Stappen op de ladder",
        "Typen rollen",
        "Werkvelden",
        "Vormen van werk",
        "Organisaties",
        "Auteurs",
    ):
        assert label in html, label


def test_role_listing_filters_by_ladder_step_and_role_type(client, editor):
    client.force_login(editor)
    step_one = LadderStep.objects.get(number=1)
    page = soup(client.get(reverse("rollen:index"), {"ladder_steps": step_one.pk}))
    titles = {a.get_text(strip=True) for a in page.select("table a.w-title, .title-wrapper a")}
    text = page.get_text()
    assert "Maatje, buddy" in text
    assert "Beleidsmedewerker" not in text
    assert titles is not None


def test_organisations_can_be_searched_and_filtered_by_kind(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_organisations_organisation:list")
    text = soup(client.get(url, {"q": "PGO"})).get_text()
    assert "PGO-Support" in text and "Movisie" not in text
    from organisations.models import EmployerTypePage

    kind = EmployerTypePage.objects.get(title="Cliëntenraden")
    text = soup(client.get(url, {"kind": kind.pk})).get_text()
    assert "LOC" in text and "Trimbos-instituut" not in text


class TestModeration:
    def article(self):
        return ArticlePage.objects.get(slug="inzet-ervaringsdeskundigen-sociaal-werk-in-opmars")

    def test_the_queue_lists_filters_and_searches(self, client, moderator):
        article = self.article()
        CommentFactory(article=article, body="Graag meer hierover", status=Comment.Status.PENDING)
        CommentFactory(article=article, body="Al goedgekeurd")
        client.force_login(moderator)
        url = reverse("wagtailsnippets_articles_comment:list")
        pending = soup(client.get(url, {"status": "pending"})).get_text()
        assert "Graag meer hierover" in pending and "Al goedgekeurd" not in pending
        found = soup(client.get(url, {"q": "meer hierover"})).get_text()
        assert "Graag meer hierover" in found
        by_article = soup(client.get(url, {"article": article.pk})).get_text()
        assert "Maar niemand wil luisteren" not in by_article

    def test_menu_and_dashboard_show_how_many_wait(self, client, moderator):
        CommentFactory.create_batch(3, article=self.article(), status=Comment.Status.PENDING)
        client.force_login(moderator)
        page = soup(client.get("/beheer/"))
        assert "Reacties (3 nieuw)" in page.get_text() or "3 nieuw" in page.decode()
        panel = page.find(attrs={"data-pending-comments": "3"})
        assert panel is not None
        assert "3 reacties wachten" in page.get_text()
        # The menu item opens the queue on the waiting ones (the sidebar is JSON for its script).
        sidebar = page.find(id="wagtail-sidebar-props").string
        assert '"url": "/beheer/reacties/?status=pending"' in sidebar

    @pytest.mark.parametrize(
        "action,status",
        [
            ("approve", Comment.Status.APPROVED),
            ("reject", Comment.Status.REJECTED),
            ("spam", Comment.Status.SPAM),
        ],
    )
    def test_bulk_actions_record_who_did_it(self, client, moderator, action, status):
        comments = CommentFactory.create_batch(
            2, article=self.article(), status=Comment.Status.PENDING
        )
        client.force_login(moderator)
        ids = "&".join(f"id={c.pk}" for c in comments)
        url = f"/beheer/bulk/articles/comment/{action}/?{ids}"
        assert client.get(url).status_code == 200
        response = client.post(url)
        assert response.status_code == 302
        for comment in comments:
            comment.refresh_from_db()
            assert comment.status == status
            assert comment.moderated_by == moderator
            assert comment.moderated_at is not None

    def test_approving_shows_the_comment_at_once_even_on_a_cached_page(self, client, moderator):
        from django.test import Client

        article = self.article()
        comment = CommentFactory(
            article=article, body="Wacht op mij", status=Comment.Status.PENDING
        )
        visitor = Client()
        assert "Wacht op mij" not in visitor.get(article.url).content.decode()
        assert visitor.get(article.url)["X-Cache"] == "hit"
        client.force_login(moderator)
        client.post(f"/beheer/bulk/articles/comment/approve/?id={comment.pk}")
        html = visitor.get(article.url).content.decode()
        assert "Wacht op mij" in html
        assert "Reacties (1)" in html

    def test_changing_the_status_in_the_edit_form_is_recorded(self, client, moderator):
        comment = CommentFactory(article=self.article(), status=Comment.Status.PENDING)
        client.force_login(moderator)
        url = reverse("wagtailsnippets_articles_comment:edit", args=[comment.pk])
        response = client.post(url, {"status": "approved"})
        assert response.status_code == 302
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED
        assert comment.moderated_by == moderator

    def test_one_comment_is_shown_with_its_article(self, client, moderator):
        comment = CommentFactory(article=self.article(), body="Bekijk mij")
        client.force_login(moderator)
        listing = soup(client.get(reverse("wagtailsnippets_articles_comment:list")))
        [link] = [a for a in listing.select("td a") if "Bekijk mij" in a.get_text()]
        assert link["href"] == reverse("wagtailsnippets_articles_comment:edit", args=[comment.pk])
        text = soup(
            client.get(reverse("wagtailsnippets_articles_comment:inspect", args=[comment.pk]))
        ).get_text()
        assert "Bekijk mij" in text and "Inzet ervaringsdeskundigen" in text

    def test_an_editor_cannot_moderate(self, client, editor):
        comment = CommentFactory(article=self.article(), status=Comment.Status.PENDING)
        client.force_login(editor)
        client.post(f"/beheer/bulk/articles/comment/approve/?id={comment.pk}")
        comment.refresh_from_db()
        assert comment.status == Comment.Status.PENDING
        assert "Reacties" not in [
            a.get_text(strip=True) for a in soup(client.get("/beheer/")).select("nav a")
        ]

    def test_erasing_personal_data_keeps_the_text(self, client, moderator):
        comment = CommentFactory(
            article=self.article(), name="Echte Naam", email="echt@example.org", body="Mijn verhaal"
        )
        client.force_login(moderator)
        client.post(f"/beheer/bulk/articles/comment/erase/?id={comment.pk}")
        comment.refresh_from_db()
        assert (comment.name, comment.email, comment.body) == ("Anoniem", "", "Mijn verhaal")
        assert comment.personal_data_erased_at is not None


def test_purge_deletes_refused_comments_after_the_retention_period(settings):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    article = ArticlePage.objects.first()
    old = timezone.now() - timedelta(days=31)
    gone = [
        CommentFactory(article=article, status=s, email="weg@example.org")
        for s in (Comment.Status.REJECTED, Comment.Status.SPAM)
    ]
    Comment.objects.filter(pk__in=[c.pk for c in gone]).update(moderated_at=old)
    recent = CommentFactory(
        article=article, status=Comment.Status.SPAM, moderated_at=timezone.now()
    )
    approved_old = CommentFactory(article=article, moderated_at=old)
    call_command("purge_comments")
    remaining = set(Comment.objects.values_list("pk", flat=True))
    assert not {c.pk for c in gone} & remaining
    assert {recent.pk, approved_old.pk} <= remaining
