"""The Wagtail admin at /beheer/: who may do what, the moderation queue, the editors' screens."""

import pytest
from django.urls import reverse

from comments.models import Comment
from organisations.models import EmployerTypePage
from roles.models import LadderStep, RolePage
from tests.support.pages import soup

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
        "reacties": reverse("wagtailsnippets_comments_comment:list"),
        "reactie bekijken": reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk]),
        "reacties goedkeuren": f"/beheer/bulk/comments/comment/approve/?id={comment.pk}",
        "gebruikers": "/beheer/users/",
        "groepen": "/beheer/groups/",
        "site-instellingen": "/beheer/settings/core/sitesettings/",
        "zoekwoorden": reverse("wagtailsnippets_core_searchsynonym:list"),
        "regels voor reacties": "/beheer/settings/comments/moderationrules/",
        "eigen woorden": reverse("wagtailsnippets_readability_siteword:list"),
        "gewonere woorden": reverse("wagtailsnippets_readability_plainword:add"),
        "leesbaarheidsrapport": reverse("readability_report"),
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
        "zoekwoorden",
        "regels voor reacties",
        "eigen woorden",
        "gewonere woorden",
        "leesbaarheidsrapport",
    },
    "moderator": {
        "dashboard",
        "reacties",
        "reactie bekijken",
        "reacties goedkeuren",
        "regels voor reacties",
    },
}


@pytest.mark.parametrize("who", ["anoniem", "redacteur", "moderator", "beheerder"])
def test_permission_matrix(client, users, who):
    user = users[who]
    if user:
        client.force_login(user)
    for area, url in admin_areas().items():
        # Settings open on the edit form of the one site (or the one row): a redirect first.
        settings_page = area == "site-instellingen" and who == "beheerder"
        rules_page = area == "regels voor reacties" and user is not None
        response = client.get(url, follow=settings_page or rules_page)
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
    on_step_one = set(
        RolePage.objects.filter(ladder_steps=step_one).values_list("title", flat=True)
    )
    assert "Maatje, buddy" in on_step_one and "Beleidsmedewerker" not in on_step_one
    assert titles == on_step_one


def test_organisations_can_be_searched_and_filtered_by_kind(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_organisations_organisation:list")
    text = soup(client.get(url, {"q": "PGO"})).get_text()
    assert "PGO-Support" in text and "Movisie" not in text

    kind = EmployerTypePage.objects.get(title="Cliëntenraden")
    text = soup(client.get(url, {"kind": kind.pk})).get_text()
    assert "LOC" in text and "Trimbos-instituut" not in text


def test_the_admin_shows_no_python_words(client, editor, moderator):
    """ "True", "False" and "None" are not Dutch: the role listing says ja/nee, a comment's page
    says "nog niet" or a dash for what is empty."""
    client.force_login(editor)
    listing = soup(client.get(reverse("rollen:index"))).select_one("table").get_text(" ")
    assert "True" not in listing and "False" not in listing
    assert "nee" in listing.split()
    client.force_login(moderator)
    comment = Comment.objects.filter(moderated_by__isnull=True).first()
    page = soup(client.get(reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk])))
    assert "None" not in page.select_one("main").get_text(" ")
