"""The admin speaks Dutch where Wagtail would speak English: times ("15 seconden geleden"), the
link to the admin on public pages, and a Dutch handleiding instead of Wagtail's English guides."""

import datetime
import re

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from roles.models import RolePage
from tests.support.pages import soup
from tests.support.texts import HARD

pytestmark = pytest.mark.django_db


def test_how_long_ago_is_dutch(client, editor):
    # The editors' own text above B1: it waits in the task "Leesbaarheid".
    article = ArticlePage(
        title="Moeilijk",
        slug="moeilijk",
        intro=HARD * 2,
        source="ervaring",
        live=False,
        date=datetime.date(2026, 12, 1),
    )
    ArticleIndexPage.objects.get().add_child(instance=article)
    article.save_revision(user=editor)
    assert article.get_workflow().start(article, editor).status == "in_progress"
    client.force_login(editor)
    editor_page = " ".join(
        soup(client.get(f"/beheer/pages/{article.pk}/edit/")).get_text(" ").split()
    )
    when = r"(nu|een seconde geleden|\d+ seconden geleden|een minuut geleden|\d+ minuten geleden)"
    assert re.search(rf"Verstuurd naar Leesbaarheid {when}", editor_page)
    assert " ago" not in editor_page and "Leesbaarheid now" not in editor_page


def test_the_help_menu_and_dashboard_lead_to_the_dutch_handleiding(client, editor):
    client.force_login(editor)
    dashboard = client.get("/beheer/").content.decode()
    assert "guide.wagtail.org" not in dashboard
    assert "/beheer/handleiding/" in dashboard
    page = soup(client.get("/beheer/handleiding/"))
    assert page.h1.get_text(strip=True) == "Handleiding"
    assert "Rapporten → Controle" in page.get_text()


def test_the_bar_on_a_public_page_says_naar_het_beheer(client, editor):
    client.force_login(editor)
    bar = client.get(RolePage.objects.get(slug="coach").url).content.decode()
    assert "Naar het beheer" in bar
    assert "Wagtail admin" not in bar
