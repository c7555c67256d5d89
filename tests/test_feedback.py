"""'Was deze pagina nuttig?' below every public page: Ja / Nee without JavaScript or token,
'Wat miste je?' after Nee, a limit per client, pages still cached, the editors' report, and the
texts erased after their retention period."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from feedback.models import PageFeedback
from tests.support.content import OPMARS_URL
from tests.support.pages import soup, visit

pytestmark = pytest.mark.django_db

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
PUBLIC_PAGES = ["/", "/werk/", "/werk/coach/", "/ervaringsladder/", "/werkgevers/", OPMARS_URL]


def question(url):
    return soup(visit(url)).find("form", class_="feedback")


def answer(form, value, client=None, address="10.8.8.8"):
    client = client or Client(enforce_csrf_checks=True)
    return client.post(form["action"], {"nuttig": value}, REMOTE_ADDR=address, **SAME_SITE)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_asks_and_stays_cached(url):
    form = question(url)
    assert form is not None, url
    assert form.find("h2").get_text() == "Was deze pagina nuttig?"
    assert [b.get_text() for b in form.find_all("button")] == ["Ja", "Nee"]
    assert "anoniem" in form.get_text()
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert visit(url)["X-Cache"] == "hit"


def test_ja_is_counted_and_thanked():
    form = question("/werk/coach/")
    response = answer(form, "ja")
    assert response.status_code == 200
    assert "Bedankt voor je antwoord" in soup(response).get_text()
    [given] = PageFeedback.objects.all()
    assert given.useful and given.page.url_path.endswith("/coach/")


def test_nee_is_counted_at_once_and_asks_what_was_missing():
    form = question("/werk/coach/")
    page = soup(answer(form, "nee"))
    assert PageFeedback.objects.filter(useful=False).count() == 1
    missing = page.select_one("main form")
    assert missing.find("label").get_text(strip=True).startswith("Wat miste je?")
    response = Client(enforce_csrf_checks=True).post(
        missing["action"],
        {"stem": missing.find("input", attrs={"name": "stem"})["value"], "tekst": "Hoeveel uur?"},
        **SAME_SITE,
    )
    assert "Bedankt voor je antwoord" in soup(response).get_text()
    assert PageFeedback.objects.get().missing == "Hoeveel uur?"


def test_a_text_too_long_is_refused_beside_the_field_and_kept():
    form = question("/werk/coach/")
    missing = soup(answer(form, "nee")).select_one("main form")
    stem = missing.find("input", attrs={"name": "stem"})["value"]
    long_text = "Ik miste " + "heel veel " * 80
    response = Client(enforce_csrf_checks=True).post(
        missing["action"], {"stem": stem, "tekst": long_text}, **SAME_SITE
    )
    assert response.status_code == 400
    page = soup(response, status=400)
    assert "tekens te lang" in page.get_text()
    assert page.find("textarea").get_text().strip() == long_text.strip()
    assert PageFeedback.objects.get().missing == ""


def test_a_forged_or_reused_reference_adds_nothing():
    form = question("/werk/coach/")
    missing = soup(answer(form, "ja")).select_one("main form.feedback-missing")
    assert missing is None  # Ja asks nothing more
    target = reverse("feedback_missing", args=[Page.objects.get(url_path="/home/werk/coach/").pk])
    response = Client(enforce_csrf_checks=True).post(
        target, {"stem": "123:vals", "tekst": "Onzin"}, **SAME_SITE
    )
    assert response.status_code == 400
    assert "verlopen" in soup(response, status=400).get_text()
    assert not PageFeedback.objects.exclude(missing="").exists()


def test_from_another_site_or_without_an_answer_nothing_is_stored():
    form = question("/werk/coach/")
    # As a browser: the test client would otherwise skip the check.
    other = Client(enforce_csrf_checks=True).post(
        form["action"],
        {"nuttig": "ja"},
        HTTP_ORIGIN="https://elders.example",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert other.status_code == 403
    empty = Client(enforce_csrf_checks=True).post(
        form["action"], {"nuttig": "misschien"}, **SAME_SITE
    )
    assert empty.status_code == 400
    assert "Kies Ja of Nee." in soup(empty, status=400).get_text()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("page_id", ["0", "99999999", "9" * 30])
def test_an_unknown_page_is_a_404(page_id):
    response = Client(enforce_csrf_checks=True).post(
        f"/nuttig/{page_id}/", {"nuttig": "ja"}, **SAME_SITE
    )
    assert response.status_code == 404


def test_a_private_page_neither_asks_nor_takes_answers(client, editor):
    page = Page.objects.get(url_path="/home/werk/coach/")
    action = reverse("feedback_vote", args=[page.pk])
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    client.force_login(editor)
    assert soup(client.get("/werk/coach/")).find("form", class_="feedback") is None
    response = Client(enforce_csrf_checks=True).post(action, {"nuttig": "ja"}, **SAME_SITE)
    assert response.status_code == 404


def test_one_client_answers_at_most_the_limit_an_hour(settings):
    settings.ERVARING = {**settings.ERVARING, "FEEDBACK_RATE_LIMIT": 3}
    form = question("/werk/coach/")
    statuses = [answer(form, "ja").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert PageFeedback.objects.count() == 3
    assert answer(form, "ja", address="10.9.9.9").status_code == 200


def test_the_editors_report_puts_the_least_useful_page_first(client, editor):
    coach = question("/werk/coach/")
    ladder = question("/ervaringsladder/")
    for value in ("ja", "ja", "nee"):
        answer(coach, value)
    missing = soup(answer(ladder, "nee")).select_one("main form")
    Client(enforce_csrf_checks=True).post(
        missing["action"],
        {"stem": missing.find("input", attrs={"name": "stem"})["value"], "tekst": "Een plaatje"},
        **SAME_SITE,
    )
    client.force_login(editor)
    page = soup(client.get(reverse("feedback_report")))
    rows = page.select("table.listing tbody tr")
    cells = [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in rows]
    assert "ladder" in cells[0][0].lower()
    assert cells[0][1:4] == ["0", "1", "100%"]
    assert "Een plaatje" in cells[0][4]
    assert cells[1][1:4] == ["2", "1", "33%"]
    edit = rows[0].find("a")["href"]
    assert client.get(edit).status_code == 200


def test_a_moderator_does_not_see_the_report(client, moderator):
    client.force_login(moderator)
    assert client.get(reverse("feedback_report"))["Location"] == reverse("wagtailadmin_home")


def test_texts_are_erased_after_the_retention_period_and_the_counts_stay(settings):
    page = Page.objects.get(url_path="/home/werk/coach/")
    old = PageFeedback.objects.create(
        page=page,
        useful=False,
        missing="Oud",
        created_at=timezone.now()
        - timedelta(days=settings.ERVARING["FEEDBACK_RETENTION_DAYS"] + 1),
    )
    new = PageFeedback.objects.create(page=page, useful=False, missing="Nieuw")
    call_command("purge_feedback", verbosity=0)
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.missing, new.missing) == ("", "Nieuw")
    assert PageFeedback.objects.count() == 2
