"""The editors' dashboard: "Wat vraagt aandacht" counts what waits — checks overdue, pages
readers found wanting, broken links, comments waiting, pages above B1 — each with a link to
where it is dealt with."""

from datetime import date

import pytest
from django.urls import reverse

from feedback.models import PageFeedback
from links.models import BrokenLink
from readability.report import all_pages
from reviews.marking import mark_reviewed
from roles.models import RolePage
from tests.support.comments import post_comment
from tests.support.pages import soup

pytestmark = pytest.mark.django_db


def attention(client):
    panel = soup(client.get("/beheer/")).find(id="aandacht-section")
    if panel is None:
        return None
    return {
        " ".join(link.get_text(" ", strip=True).split()[1:]): (
            int(link.strong.get_text()),
            link["href"],
        )
        for link in panel.select("li a")
    }


def test_each_count_links_to_where_it_is_dealt_with(client, admin_user, article):
    coach = RolePage.objects.get(slug="coach")
    mark_reviewed(coach, user=None, today=date(2020, 1, 1))
    PageFeedback.objects.create(page=coach, useful=False)
    BrokenLink.objects.create(page=coach, where="Inhoud", edit_url="/", url="x", problem="weg")
    post_comment(article, "Een vraag over dit artikel.")
    client.force_login(admin_user)
    counts = attention(client)
    assert counts["pagina's te laat voor controle"] == (
        1,
        reverse("reviews_report") + "?status=te-laat",
    )
    assert counts["pagina's waar lezers even vaak of vaker ‘Nee’ dan ‘Ja’ zeiden"] == (
        1,
        reverse("feedback_report"),
    )
    assert counts["gebroken links"] == (1, reverse("links_report"))
    assert counts["reacties die wachten op een moderator"] == (1, "/beheer/reacties/?status=wacht")
    above = sum(1 for row in all_pages() if row.live and row.b1 is False)
    assert counts["gepubliceerde pagina's boven B1"] == (
        above,
        reverse("readability_report") + "?niveau=boven-b1",
    )
    for _, url in counts.values():
        assert client.get(url).status_code == 200


def test_a_redacteur_sees_no_comment_count_and_a_moderator_no_panel(client, editor, moderator):
    client.force_login(editor)
    assert "reacties die wachten op een moderator" not in attention(client)
    client.force_login(moderator)
    assert attention(client) is None
