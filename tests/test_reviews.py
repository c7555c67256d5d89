"""Review dates: an editor marks a page as checked (without changing it) from Rapporten →
Controle, the dashboard or the page's own check; visitors read "Laatst gecontroleerd op …" (and
"Bijgewerkt op …" where the page changed after that) beside the source line, and search engines
`lastReviewed`; how often a page is checked comes from the page, else the site's setting for its
type, else once a year."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, PageViewRestriction, get_page_models

from caching.version import bump_content_version
from core.models import BasePage, ContentPage
from outbox.models import SentMail
from reviews.marking import mark_reviewed
from reviews.models import ReviewInterval, ReviewSettings
from reviews.schedule import add_months, default_site, pages
from roles.models import RolePage
from tests.support.pages import soup, visit
from tests.support.tasks import sent_mail

pytestmark = pytest.mark.django_db

ROLE_URL = "/werk/coach/"


def coach():
    return RolePage.objects.get(slug="coach")


def checked_on(page, day):
    """As if an editor checked `page` on `day` (mark_reviewed, on another day)."""
    mark_reviewed(page.specific, user=None, today=day)


def published_on(page, day):
    moment = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 12))
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    bump_content_version()


def review_line(url):
    line = soup(visit(url)).find("p", class_="reviewed")
    return line.get_text(" ", strip=True) if line else None


def web_page_data(url):
    for script in soup(visit(url)).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == "WebPage":
            return data
    return None


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def report(client, query=""):
    return soup(client.get(reverse("reviews_report") + query))


def report_titles(client, query=""):
    return [row.find("td").a.get_text() for row in report(client, query).select("tbody tr")]


class TestWhatVisitorsSee:
    def test_a_check_in_the_admin_shows_on_the_page_without_a_new_revision(self, editor_client):
        page = coach()
        revisions = page.revisions.count()
        published = page.last_published_at
        assert "Laatst gecontroleerd" not in (review_line(ROLE_URL) or "")
        here = reverse("reviews_report") + "?status=alle"
        response = editor_client.post(reverse("reviews_mark", args=[page.pk]), {"next": here})
        assert response.status_code == 302 and response["Location"] == here
        today = timezone.localdate()
        assert (
            review_line(ROLE_URL)
            == f"Laatst gecontroleerd op {today:%-d} {dutch_month(today)} {today.year} ."
        )
        page.refresh_from_db()
        assert page.last_reviewed == today
        assert page.revisions.count() == revisions and page.last_published_at == published
        assert web_page_data(ROLE_URL)["lastReviewed"] == today.isoformat()
        entry = PageLogEntry.objects.get(page=page, action="ervaring.page.reviewed")
        assert entry.user.username == "redactie"
        history = soup(editor_client.get(f"/beheer/pages/{page.pk}/history/")).get_text()
        assert "Gecontroleerd" in history

    def test_a_change_published_after_the_check_shows_bijgewerkt(self):
        page = coach()
        checked_on(page, date(2026, 1, 5))
        page.refresh_from_db()
        page.save_revision().publish()
        today = timezone.localdate()
        line = review_line(ROLE_URL)
        assert line.startswith("Laatst gecontroleerd op 5 januari 2026 . Bijgewerkt op")
        assert f"{today.year}" in line.rpartition("Bijgewerkt op")[2]

    def test_a_page_nobody_checked_says_when_it_was_published(self):
        published_on(coach(), date(2025, 3, 2))
        assert review_line(ROLE_URL) == "Bijgewerkt op 2 maart 2025 ."
        assert "lastReviewed" not in web_page_data(ROLE_URL)
        assert web_page_data(ROLE_URL)["dateModified"] == "2025-03-02"

    def test_every_public_page_type_shows_the_line_and_its_structured_data(self):
        for model in get_page_models():
            if not issubclass(model, BasePage):
                continue
            page = model.objects.live().first()
            checked_on(page, date(2026, 2, 3))
            url = page.url
            assert review_line(url).startswith("Laatst gecontroleerd op 3 februari 2026"), model
            assert web_page_data(url)["lastReviewed"] == "2026-02-03", model

    def test_a_private_page_gives_away_no_title_or_dates(self):
        page = coach()
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
        bump_content_version()
        html = visit(ROLE_URL).content.decode()
        assert "application/ld+json" not in html and "Coach" not in html

    def test_reverting_to_an_old_revision_keeps_the_check(self):
        page = coach()
        first = page.save_revision()
        first.publish()
        checked_on(page, date(2026, 4, 1))
        page.refresh_from_db()
        first.as_object().save_revision(previous_revision=first).publish()
        page.refresh_from_db()
        assert page.last_reviewed == date(2026, 4, 1)

    def test_a_copy_is_not_checked(self, editor_client):
        page = coach()
        checked_on(page, date(2026, 4, 1))
        page.refresh_from_db()
        copy = page.copy(update_attrs={"slug": "coach-kopie", "title": "Coach (kopie)"})
        assert copy.specific.last_reviewed is None


def dutch_month(day):
    return [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ][day.month - 1]


class TestTheReport:
    def test_overdue_pages_come_first_and_one_click_checks_them(self, editor_client):
        old, older = coach(), RolePage.objects.get(slug="maatje-buddy")
        checked_on(old, timezone.localdate() - timedelta(days=400))
        checked_on(older, timezone.localdate() - timedelta(days=800))
        rows = report(editor_client).select("tbody tr")
        assert [row.find("td").a.get_text() for row in rows[:2]] == ["Maatje, buddy", "Coach"]
        assert all(row["data-status"] == "te-laat" for row in rows[:2])
        form = rows[0].find("form")
        response = editor_client.post(
            form["action"], {"next": form.find("input", attrs={"name": "next"})["value"]}
        )
        assert response.status_code == 302
        after = soup(editor_client.get(response["Location"]))
        assert "‘Maatje, buddy’ is gecontroleerd" in after.get_text()
        assert "Maatje, buddy" not in [
            row.find("td").a.get_text() for row in after.select("tbody tr")
        ]

    def test_filters_by_status_and_type_and_sorts_by_title(self, editor_client):
        checked_on(coach(), timezone.localdate() - timedelta(days=400))
        soon = ContentPage.objects.live().first()
        checked_on(soon, add_months(timezone.localdate(), -12) + timedelta(days=10))
        assert report_titles(editor_client, "?status=te-laat") == ["Coach"]
        assert report_titles(editor_client, "?status=binnenkort") == [soon.title]
        assert report_titles(editor_client, "?soort=roles.rolepage") == ["Coach"]
        everything = report_titles(editor_client, "?status=alle&volgorde=titel")
        assert everything == sorted(everything, key=str.lower)
        assert len(everything) == sum(
            m.objects.live().count() for m in get_page_models() if issubclass(m, BasePage)
        )

    @pytest.mark.parametrize(
        "query", ["?status=morgen", "?soort=x" * 500, "?volgorde=%00", "?status=alle&status=x"]
    )
    def test_an_odd_filter_gets_a_dutch_message_and_the_default(self, editor_client, query):
        checked_on(coach(), timezone.localdate() - timedelta(days=400))
        page = report(editor_client, query)
        assert (
            page.select_one(".error-message").get_text().startswith("Selecteer een geldige keuze")
        )
        assert "Coach" in [row.find("td").a.get_text() for row in page.select("tbody tr")]

    def test_queries_do_not_grow_with_the_number_of_pages(self, editor_client):
        def measure():
            with CaptureQueriesContext(connection) as queries:
                editor_client.get(reverse("reviews_report") + "?status=alle")
            return len(queries)

        measure()  # the first view makes the site's setting
        before = measure()
        parent = ContentPage.objects.live().first()
        for n in range(10):
            parent.add_child(instance=ContentPage(title=f"Extra {n}", slug=f"extra-{n}"))
        assert measure() == before

    def test_a_moderator_and_a_visitor_cannot_see_or_check(self, client, moderator):
        page = coach()
        assert Client().get(reverse("reviews_report")).status_code == 302
        client.force_login(moderator)
        assert client.get(reverse("reviews_report")).status_code in (302, 403)
        response = client.post(reverse("reviews_mark", args=[page.pk]))
        assert response.status_code in (302, 403)
        page.refresh_from_db()
        assert page.last_reviewed is None

    def test_checking_needs_a_post_and_an_existing_page(self, editor_client):
        page = coach()
        assert editor_client.get(reverse("reviews_mark", args=[page.pk])).status_code == 405
        assert editor_client.post(reverse("reviews_mark", args=[999999])).status_code == 404
        response = editor_client.post(
            reverse("reviews_mark", args=[page.pk]), {"next": "https://example.com/"}
        )
        assert response["Location"] == reverse("reviews_report")

    def test_the_check_is_csrf_protected(self, editor):
        client = Client(enforce_csrf_checks=True)
        client.force_login(editor)
        assert client.post(reverse("reviews_mark", args=[coach().pk])).status_code == 403
        assert coach().last_reviewed is None


class TestEachPagesOwnCheck:
    def test_every_page_type_has_its_check_and_interval_in_the_admin(self, editor_client):
        for model in get_page_models():
            if not issubclass(model, BasePage):
                continue
            page = model.objects.live().first()
            edit = soup(editor_client.get(f"/beheer/pages/{page.pk}/edit/"))
            assert edit.find("select", attrs={"name": "review_interval"}) is not None, model
            header = edit.find("a", href=reverse("reviews_page", args=[page.pk]))
            assert header is not None and "Controle" in header.get_text(), model
            check = soup(editor_client.get(reverse("reviews_page", args=[page.pk])))
            assert check.find("form", action=reverse("reviews_mark", args=[page.pk])), model

    def test_the_check_page_lists_who_checked_it(self, editor_client):
        page = coach()
        editor_client.post(reverse("reviews_mark", args=[page.pk]))
        text = soup(editor_client.get(reverse("reviews_page", args=[page.pk]))).get_text()
        assert "door redactie" in text
        assert "elk jaar" in text


class TestHowOften:
    def test_the_page_then_the_site_setting_then_once_a_year(self):
        page = coach()
        checked_on(page, date(2026, 1, 31))
        due = {row.id: row for row in pages(today=date(2026, 6, 1))}
        assert due[page.pk].due == date(2027, 1, 31) and due[page.pk].months == 12
        settings = ReviewSettings.for_site(default_site())
        ReviewInterval.objects.create(site_settings=settings, page_type="roles.rolepage", months=6)
        due = {row.id: row for row in pages(today=date(2026, 6, 1))}
        assert due[page.pk].due == date(2026, 7, 31) and not due[page.pk].own_interval
        RolePage.objects.filter(pk=page.pk).update(review_interval=3)
        due = {row.id: row for row in pages(today=date(2026, 6, 1))}
        assert due[page.pk].due == date(2026, 4, 30) and due[page.pk].status == "te-laat"

    def test_months_end_on_the_last_day_of_a_short_month(self):
        assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
        assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
        assert add_months(date(2026, 12, 7), 36) == date(2029, 12, 7)

    def test_the_setting_in_the_admin_refuses_a_type_twice(self, client, admin_user):
        client.force_login(admin_user)
        site = default_site()
        url = f"/beheer/settings/reviews/reviewsettings/{site.pk}/"
        # The choices are in the template of a new row ("Termijn toevoegen").
        html = client.get(url).content.decode()
        assert 'value="roles.rolepage"' in html and "Soort pagina" in html
        data = {
            "intervals-TOTAL_FORMS": "2",
            "intervals-INITIAL_FORMS": "0",
            "intervals-MIN_NUM_FORMS": "0",
            "intervals-MAX_NUM_FORMS": "1000",
            "intervals-0-page_type": "roles.rolepage",
            "intervals-0-months": "6",
            "intervals-0-ORDER": "1",
            "intervals-1-page_type": "roles.rolepage",
            "intervals-1-months": "24",
            "intervals-1-ORDER": "2",
        }
        page = soup(client.post(url, data))
        assert "Voor dit soort pagina staat hierboven al een termijn." in page.get_text()
        assert not ReviewInterval.objects.exists()
        data["intervals-1-page_type"] = "core.contentpage"
        assert client.post(url, data).status_code == 302
        assert ReviewSettings.for_site(site).months_by_type() == {
            "roles.rolepage": 6,
            "core.contentpage": 24,
        }

    def test_an_unknown_page_type_is_refused_beside_the_field(self, client, admin_user):
        client.force_login(admin_user)
        url = f"/beheer/settings/reviews/reviewsettings/{default_site().pk}/"
        data = {
            "intervals-TOTAL_FORMS": "1",
            "intervals-INITIAL_FORMS": "0",
            "intervals-MIN_NUM_FORMS": "0",
            "intervals-MAX_NUM_FORMS": "1000",
            "intervals-0-page_type": "auth.user",
            "intervals-0-months": "6",
            "intervals-0-ORDER": "1",
        }
        assert "Kies een soort pagina uit de lijst." in soup(client.post(url, data)).get_text()
        assert not ReviewInterval.objects.exists()


class TestTheWeeklyMail:
    def test_the_editors_get_what_became_due_once_a_week(self, editor, moderator):
        today = timezone.localdate()
        checked_on(coach(), add_months(today, -12) - timedelta(days=2))
        checked_on(RolePage.objects.get(slug="maatje-buddy"), today - timedelta(days=900))
        call_command("send_review_reminders", stdout=StringIO())
        [message] = sent_mail()
        assert message.bcc == ["redactie@example.org"]
        assert message.subject == "Te controleren: 1 pagina"
        assert "- Coach (rol), controle op" in message.body
        assert "Maatje" not in message.body
        assert "Daarnaast wachten er nog 1 van eerder." in message.body
        assert (
            f"{django_settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/beheer/controle/" in message.body
        )
        out = StringIO()
        call_command("send_review_reminders", stdout=out)
        assert "al verstuurd" in out.getvalue()
        assert len(sent_mail()) == 1

    def test_no_mail_when_nothing_became_due(self, editor):
        call_command("send_review_reminders", stdout=StringIO())
        assert sent_mail() == []

    def test_after_a_pause_the_mail_names_everything_since_the_last_one(self, editor):
        today = timezone.localdate()
        SentMail.objects.create(
            key="controle:2000-W01", sent_at=timezone.now() - timedelta(days=14)
        )
        checked_on(coach(), add_months(today, -12) - timedelta(days=10))
        call_command("send_review_reminders", stdout=StringIO())
        [message] = sent_mail()
        assert "- Coach (rol)" in message.body
