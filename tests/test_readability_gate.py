"""Issue 18.5: the publishing gate. Articles and roles go through the workflow "Leesbaarheid
(B1)": the task "Leesbaarheid" passes a page by itself when it reads at B1; otherwise someone in
Eindredactie approves it, with a reason that is kept in the history. Editors outside
Eindredactie cannot skip it; other pages are published as before."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from articles.models import ArticleIndexPage, ArticlePage
from core.models import ContentPage
from roles.models import RolePage
from tests.support.pages import soup
from tests.support.texts import EASY

HARD = (
    "De implementatie van ervaringsdeskundigheidsbevorderende beleidsinstrumenten "
    "veronderstelt interorganisationele samenwerkingsverbanden tussen "
    "zorgverzekeraarsorganisaties, gemeentelijke uitvoeringsinstanties en "
    "belangenbehartigingsorganisaties, teneinde een adequate operationalisering te faciliteren. "
)


def new_article(intro, title="Een nieuw artikel"):
    page = ArticlePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        intro=intro,
        source="ervaring",
        date=datetime.date(2026, 11, 30),
        live=False,
    )
    ArticleIndexPage.objects.get().add_child(instance=page)
    page.save_revision()
    return page


def submit(page, user):
    """What "Ter beoordeling indienen" does: start the page's workflow on its latest revision."""
    return page.get_workflow().start(page, user)


def action_buttons(client, page):
    html = soup(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    return {button["name"] for button in html.select("footer button[name^=action-]")}


@pytest.mark.django_db
class TestWhereTheGateIs:
    def test_on_articles_and_roles_not_on_other_pages(self):
        article = ArticlePage.objects.live().first()
        role = RolePage.objects.live().first()
        assert article.get_workflow().name == "Leesbaarheid (B1)"
        assert role.get_workflow().name == "Leesbaarheid (B1)"
        assert ContentPage.objects.get(slug="privacy").get_workflow() is None

    def test_an_editor_submits_articles_and_roles_and_publishes_other_pages(self, client, editor):
        client.force_login(editor)
        for gated in (ArticlePage.objects.live().first(), RolePage.objects.live().first()):
            buttons = action_buttons(client, gated)
            assert "action-submit" in buttons and "action-publish" not in buttons, gated
        assert "action-publish" in action_buttons(client, ContentPage.objects.get(slug="privacy"))
        add = reverse(
            "wagtailadmin_pages:add",
            args=["articles", "articlepage", ArticleIndexPage.objects.get().pk],
        )
        names = {button["name"] for button in soup(client.get(add)).select("button[name]")}
        assert "action-publish" not in names

    def test_eindredactie_and_administrators_may_still_publish(
        self, client, final_editor, admin_user
    ):
        article = ArticlePage.objects.live().first()
        for user in (final_editor, admin_user):
            client.force_login(user)
            assert "action-publish" in action_buttons(client, article), user

    def test_a_publish_sent_anyway_is_refused_and_changes_nothing(self, client, editor):
        article = ArticlePage.objects.live().first()
        revisions = article.revisions.count()
        client.force_login(editor)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            {"title": "Anders", "action-publish": "1"},
        )
        # Refused before the form is read (a form with errors would come back as the editor):
        # Wagtail's answer to "no permission", back to the dashboard.
        assert response.status_code == 302 and response["Location"] == "/beheer/"
        article.refresh_from_db()
        assert article.title != "Anders" and article.revisions.count() == revisions

    def test_a_bulk_publish_is_refused_unless_eindredactie(self, client, editor, final_editor):
        article = new_article(EASY)
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        client.force_login(editor)
        client.post(f"{url}?id={article.pk}", {})
        assert not ArticlePage.objects.get(pk=article.pk).live
        client.force_login(final_editor)
        client.post(f"{url}?id={article.pk}", {})
        assert ArticlePage.objects.get(pk=article.pk).live


@pytest.mark.django_db
class TestTheTask:
    def test_a_page_at_b1_passes_by_itself_and_goes_live(self, editor):
        article = new_article(EASY)
        state = submit(article, editor)
        assert state.status == "approved"
        article.refresh_from_db()
        assert article.live
        approval = PageLogEntry.objects.filter(page=article, action="wagtail.workflow.approve")
        assert approval.get().data["comment"].startswith("Vanzelf: Leest op B1")

    def test_a_page_above_b1_waits_for_eindredactie(self, editor, final_editor):
        article = new_article(HARD * 2)
        state = submit(article, editor)
        assert state.status == "in_progress"
        task = state.current_task_state.task.specific
        assert task.name == "Leesbaarheid"
        article.refresh_from_db()
        assert not article.live
        assert task.get_actions(article, editor) == []
        assert [name for name, _, _ in task.get_actions(article, final_editor)] == [
            "reject",
            "approve",
        ]

    def test_approving_needs_a_reason_which_is_kept(self, client, editor, final_editor):
        article = new_article(HARD * 2)
        state = submit(article, editor)
        task_state = state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]
        )
        client.force_login(final_editor)
        refused = client.post(
            url, {"comment": "  "}, headers={"x-requested-with": "XMLHttpRequest"}
        )
        assert "Schrijf op waarom deze tekst boven B1 mag." in refused.content.decode()
        article.refresh_from_db()
        assert not article.live

        client.post(url, {"comment": "Een citaat van de bron, met uitleg erboven."})
        article.refresh_from_db()
        assert article.live
        approval = PageLogEntry.objects.get(page=article, action="wagtail.workflow.approve")
        assert approval.user == final_editor
        assert approval.data["comment"] == "Een citaat van de bron, met uitleg erboven."

    def test_a_scheduled_article_at_b1_is_scheduled_not_published(self, editor):
        """Scheduling still works for editors: the gate passes the revision; Wagtail
        schedules it."""
        article = new_article(EASY)
        article.go_live_at = timezone.now() + datetime.timedelta(days=3)
        revision = article.save_revision()
        assert submit(article, editor).status == "approved"
        article.refresh_from_db()
        revision.refresh_from_db()
        assert not article.live
        assert revision.approved_go_live_at == article.go_live_at

    def test_a_quoted_page_with_in_short_passes(self, editor):
        article = new_article(HARD * 2)
        article.source, article.in_short = "Movisie", EASY
        article.save_revision()
        assert submit(article, editor).status == "approved"


@override_settings(DEBUG=True)
@pytest.mark.django_db
def test_make_run_makes_an_eindredacteur(capsys):
    call_command("create_demo_accounts")
    printed = capsys.readouterr().out
    assert "eindredacteur (keurt teksten boven B1)" in printed
    assert "gebruikersnaam: eindredacteur" in printed
    user = get_user_model().objects.get(username="eindredacteur")
    groups = set(user.groups.values_list("name", flat=True))
    assert groups == {"Redacteuren", "Eindredactie"}


@pytest.mark.django_db
def test_the_approval_mail_to_the_editor_gives_the_reason(client, editor, final_editor):
    article = new_article(HARD * 2)
    state = submit(article, editor)
    mail.outbox.clear()
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )
    client.force_login(final_editor)
    client.post(url, {"comment": "Een citaat van de bron, met uitleg erboven."})
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "De pagina ‘Een nieuw artikel’ is goedgekeurd in ‘Leesbaarheid (B1)’." in message.body
    assert "Reden: Een citaat van de bron, met uitleg erboven." in message.body


@pytest.mark.django_db
def test_while_a_page_waits_eindredactie_approves_it_with_a_reason_not_by_publishing(
    client, editor, final_editor
):
    article = new_article(HARD * 2)
    submit(article, editor)
    client.force_login(final_editor)
    buttons = action_buttons(client, article)
    assert "action-publish" not in buttons
    html = soup(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    assert "Goedkeuren met reden" in html.get_text()
    refused = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {"title": "Toch maar", "action-publish": "1"},
    )
    assert refused.status_code == 302 and refused["Location"] == "/beheer/"
    article.refresh_from_db()
    assert not article.live and article.title == "Een nieuw artikel"
