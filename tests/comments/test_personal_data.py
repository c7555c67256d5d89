"""A commenter's own data (AVG): a link by mail, then see, download and erase — without an
account, without telling anyone whose address we know."""

import json
import re

import pytest
from django.core import signing
from django.test import Client
from wagtail.models import ModelLogEntry

from comments import personal_data
from comments.models import Comment
from tests.support.factories import CommentFactory
from tests.support.pages import soup
from tests.support.tasks import sent_mail

pytestmark = pytest.mark.django_db

REQUEST = "/reacties/mijn-gegevens/"


@pytest.fixture
def mine(article):
    return [
        CommentFactory(article=article, name="Sanne", email="Sanne@Example.org", body=f"Mijn {n}")
        for n in (1, 2)
    ]


def ask(email, address="10.5.5.5"):
    client = Client()
    page = client.get(REQUEST)
    token = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    return client.post(REQUEST, {"email": email, "csrfmiddlewaretoken": token}, REMOTE_ADDR=address)


def link_path():
    url = re.search(r"https?://\S+/reacties/mijn-gegevens/\S+/", sent_mail()[-1].body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_known_and_an_unknown_address_get_the_same_answer(mine):
    known, unknown = ask("sanne@example.org"), ask("niemand@example.org", address="10.6.6.6")
    assert known.status_code == unknown.status_code == 200
    text = lambda r: soup(r).select_one("main").get_text(" ", strip=True)  # noqa: E731
    assert text(known) == text(unknown) and "Kijk in je mail" in text(known)
    assert [m.to for m in sent_mail()] == [["sanne@example.org"]]


def test_a_wrong_address_gets_a_dutch_message_beside_the_field_and_stays(mine):
    page = soup(ask("geen-adres"))
    assert "Vul een geldig e-mailadres in" in page.find(id="id_email_error").get_text()
    assert page.find("input", attrs={"name": "email"})["value"] == "geen-adres"
    assert not sent_mail()


def test_the_link_shows_every_comment_and_downloads_them(client, mine):
    ask("sanne@example.org")
    path = link_path()
    page = soup(client.get(path))
    assert [li.select_one("p:not(.meta)").get_text() for li in page.select(".result-list li")] == [
        "Mijn 2",
        "Mijn 1",
    ]
    download = client.get(path, {"formaat": "json"})
    assert download["Content-Disposition"] == 'attachment; filename="mijn-reacties.json"'
    data = json.loads(download.content)["reacties"]
    assert {item["reactie"] for item in data} == {"Mijn 1", "Mijn 2"}
    assert (
        "no-store" in client.get(path)["Cache-Control"]
        or "no-cache" in client.get(path)["Cache-Control"]
    )


def test_erasing_keeps_the_text_as_anonymous_by_choice_and_logs_it(client, mine, article):
    ask("sanne@example.org")
    path = link_path()
    refused = soup(client.post(path, {}))
    assert "Kies wat we met de tekst doen." in refused.select_one(".form-errors").get_text()
    done = soup(client.post(path, {"text": "anoniem"}))
    assert "Bij 2 reacties hebben we je gegevens gewist." in done.get_text()
    for comment in mine:
        comment.refresh_from_db()
        assert comment.name == "Anoniem" and comment.email == "" and comment.body
        entry = ModelLogEntry.objects.filter(object_id=str(comment.pk)).latest("timestamp")
        assert entry.action == personal_data.ERASED
    assert "Sanne" not in soup(client.get(article.url)).select_one("#reacties").get_text()


def test_erasing_can_remove_the_comments_altogether(client, mine, article):
    ask("sanne@example.org")
    client.post(link_path(), {"text": "weg"})
    assert not Comment.objects.filter(body__startswith="Mijn ").exists()
    assert "Mijn 1" not in soup(client.get(article.url)).get_text()


def test_a_wrong_link_is_a_dutch_404(client, mine):
    page = client.get(REQUEST + "klopt-niet/")
    assert page.status_code == 404
    assert "Deze link werkt niet" in soup(page, status=404).h1.get_text()
    # A link for another purpose, signed with the same key, does not open anyone's data.
    other = signing.dumps("sanne@example.org", salt="ervaring.iets-anders", compress=True)
    assert client.get(f"{REQUEST}{other}/").status_code == 404


def test_many_requests_from_one_client_get_a_wait(mine):
    for _ in range(personal_data.REQUESTS_PER_CLIENT):
        ask("sanne@example.org", address="10.7.7.7")
    page = soup(ask("sanne@example.org", address="10.7.7.7"))
    assert "Probeer het over" in page.select_one(".form-errors").get_text()
    # And at most three mails per address an hour, whoever asks.
    assert len(sent_mail()) == 3


def test_the_privacy_statement_links_to_it(client):
    page = soup(client.get("/privacy/"))
    assert page.find("a", href=REQUEST)
