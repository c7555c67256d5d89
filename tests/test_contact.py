"""The contact route that works by default (issue 32): 'Contact' in every footer opens a form
whose messages the editors read in the admin (Berichten) and, when the site has a contact
address, get by mail. The privacy page and the accessibility statement point to it. Bad input
is refused beside the field with everything kept; a bot, another site or a flood stores
nothing; messages are erased after their retention period."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from core.models import SiteSettings
from feedback.models import ContactMessage
from tests.support.content import OPMARS_URL
from tests.support.pages import soup, visit
from tests.support.tasks import sent_mail

pytestmark = pytest.mark.django_db

SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
PUBLIC_PAGES = ["/", "/werk/", "/werk/coach/", "/ervaringsladder/", OPMARS_URL, "/privacy/"]


def send(data, address="10.6.6.6", **headers):
    client = Client(enforce_csrf_checks=True)
    return client.post("/contact/", data, REMOTE_ADDR=address, **{**SAME_SITE, **headers})


def set_contact_email(address):
    own = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    own.contact_email = address
    own.save()


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_footer_offers_contact_with_the_page_it_was_on(url):
    footer = soup(visit(url)).find("footer")
    [link] = [a for a in footer.find_all("a") if a.get_text() == "Contact"]
    assert link["href"] == "/contact/?over=" + url.replace("/", "%2F")
    form = soup(visit(link["href"])).select_one("main form.contact-form")
    assert form.find("input", attrs={"name": "over"})["value"] == url
    assert f"kwam van de pagina {url}" in " ".join(form.get_text().split())


def test_the_privacy_page_and_the_accessibility_statement_point_to_the_form():
    for url in ("/privacy/", "/toegankelijkheid/"):
        main = soup(visit(url)).find("main")
        assert "/contact/" in [a["href"] for a in main.find_all("a")], url
    privacy = soup(visit("/privacy/")).find("main").get_text(" ", strip=True)
    assert "Een bericht aan de redactie" in privacy
    assert "180 dagen" in privacy


def test_the_form_works_without_a_contact_address_and_is_cached_for_everyone():
    page = soup(visit("/contact/"))
    form = page.select_one("main form.contact-form")
    assert form["method"] == "post" and form["action"] == "/contact/"
    labels = [label.get_text(strip=True) for label in form.find_all("label")]
    assert labels[:3] == ["Je naam", "Je e-mailadres", "Je bericht *"]
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    assert form.find("textarea").get("maxlength") is None
    assert "mailto:" not in str(page.find("main"))
    assert "Hulp nodig?" in page.find("main").get_text()
    assert visit("/contact/")["X-Cache"] == "hit"

    response = send({"bericht": "De knop Vergelijk doet niets.", "over": "/werk/coach/"})
    assert response.status_code == 200
    thanks = soup(response).find("main").get_text(" ", strip=True)
    assert "De redactie heeft je bericht gekregen" in thanks
    assert "Je gaf geen e-mailadres. Daarom kunnen we je niet antwoorden" in thanks
    assert "no-store" in response["Cache-Control"]
    [message] = ContactMessage.objects.all()
    assert (message.name, message.email, message.about) == ("", "", "/werk/coach/")
    assert message.message == "De knop Vergelijk doet niets." and not message.handled
    assert sent_mail() == []  # no address: the message waits in the admin only


def test_with_a_contact_address_the_editors_get_each_message_by_mail():
    set_contact_email("redactie@example.org")
    main = soup(visit("/contact/")).find("main")
    assert main.find("a", href="mailto:redactie@example.org") is not None
    response = send(
        {
            "naam": "Ans",
            "email": "ans@example.nl",
            "bericht": "Mag mijn reactie weg?\nDank je.",
            "over": OPMARS_URL,
        }
    )
    assert "We antwoorden op ans@example.nl" in soup(response).get_text()
    [mail] = sent_mail()
    assert mail.to == ["redactie@example.org"] and mail.reply_to == ["ans@example.nl"]
    assert "Van: Ans" in mail.body and "Mag mijn reactie weg?\nDank je." in mail.body
    assert OPMARS_URL in mail.body
    message = ContactMessage.objects.get()
    assert f"/beheer/berichten/inspect/{message.pk}/" in mail.body
    assert sent_mail() == [mail]  # once, however often the worker looks


def test_bad_input_is_refused_beside_the_field_and_everything_typed_is_kept():
    pasted = "Ik wil iets vragen. " * 500  # 10,000 characters
    response = send({"naam": "Bo", "email": "bo@", "bericht": pasted, "over": "/werk/"})
    assert response.status_code == 400
    page = soup(response, status=400)
    errors = page.select_one(".form-errors").get_text(" ", strip=True)
    assert "Je bericht is nog niet verstuurd" in errors
    assert "Vul een geldig e-mailadres in" in errors
    assert "tekens te lang: hooguit 3000" in errors
    assert page.find("textarea")["aria-invalid"] == "true"
    assert page.find("textarea").get_text().strip() == pasted.strip()
    assert page.find("input", attrs={"name": "naam"})["value"] == "Bo"
    assert page.find("input", attrs={"name": "email"})["value"] == "bo@"
    assert page.find("input", attrs={"name": "over"})["value"] == "/werk/"
    empty = soup(send({"bericht": "   "}), status=400)
    assert "Schrijf je bericht." in empty.select_one(".field__error").get_text()
    assert not ContactMessage.objects.exists()


def test_another_site_a_bot_or_a_flood_stores_nothing(settings):
    other = send(
        {"bericht": "Koop nu"},
        HTTP_ORIGIN="https://elders.example",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert other.status_code == 403
    bot = send({"bericht": "Koop nu", "website": "https://spam.example"})
    assert bot.status_code == 400
    assert "kon niet worden verstuurd" in soup(bot, status=400).get_text()
    assert not ContactMessage.objects.exists()

    settings.ERVARING = {**settings.ERVARING, "CONTACT_RATE_LIMIT": 2}
    statuses = [send({"bericht": f"Vraag {n}"}).status_code for n in range(3)]
    assert statuses == [200, 200, 400]
    refused = soup(send({"bericht": "Nog een vraag"}), status=400)
    assert "Probeer het over" in refused.select_one(".form-errors").get_text()
    assert refused.find("textarea").get_text().strip() == "Nog een vraag"
    assert ContactMessage.objects.count() == 2
    assert send({"bericht": "Van een ander"}, address="10.7.7.7").status_code == 200


@pytest.mark.parametrize(
    "over",
    ["//elders.example/", "/\\elders.example", "https://elders.example/", "javascript:alert(1)",
     "/" + "a" * 400, "/werk/\x00", "/werk/?x=<script>"],
)  # fmt: skip
def test_an_odd_page_of_origin_is_never_a_link_away_or_an_error(over):
    page = soup(visit("/contact/?over=" + over.replace("\x00", "%00")))
    assert "<script>" not in str(page.find("main"))
    kept = page.find("input", attrs={"name": "over"}).get("value", "")
    assert kept in ("", "/werk/")
    send({"bericht": "Hallo", "over": over})
    assert ContactMessage.objects.get().about in ("", "/werk/")
    thanks = soup(send({"bericht": "Nog eens", "over": over}, address="10.1.2.3"))
    back = thanks.find("main").find_all("a")[-1]["href"]
    assert back in ("/", "/werk/")


def test_messages_are_erased_after_their_retention_period():
    send({"bericht": "Oud"})
    send({"bericht": "Nieuw"}, address="10.6.6.7")
    ContactMessage.objects.filter(message="Oud").update(
        created_at=timezone.now() - timedelta(days=181)
    )
    call_command("purge_feedback", verbosity=0)
    assert list(ContactMessage.objects.values_list("message", flat=True)) == ["Nieuw"]


def test_editors_read_and_handle_messages_in_the_admin(client, editor, moderator):
    send({"naam": "Ans", "email": "ans@example.nl", "bericht": "Een vraag over EVC."})
    message = ContactMessage.objects.get()
    anonymous = Client().get("/beheer/berichten/")
    assert anonymous.status_code == 302 and "/beheer/login/" in anonymous["Location"]
    client.force_login(moderator)
    assert client.get("/beheer/berichten/").status_code in (302, 403)

    client.force_login(editor)
    dashboard = soup(client.get("/beheer/")).get_text(" ", strip=True)
    assert "1 berichten via het contactformulier die nog niet zijn afgehandeld" in dashboard
    menu = client.get("/beheer/").content.decode()
    assert "Berichten" in menu
    listing = soup(client.get("/beheer/berichten/")).get_text(" ", strip=True)
    assert "Ans" in listing and "Een vraag over EVC." in listing
    assert "Berichten via het contactformulier toevoegen" not in listing
    inspect = soup(client.get(f"/beheer/berichten/inspect/{message.pk}/")).get_text(" ")
    assert "ans@example.nl" in inspect and "Een vraag over EVC." in inspect
    edit = f"/beheer/berichten/edit/{message.pk}/"
    assert client.post(edit, {"handled": "on"}).status_code == 302
    message.refresh_from_db()
    assert message.handled and message.message == "Een vraag over EVC."
    dashboard = soup(client.get("/beheer/")).get_text(" ", strip=True)
    assert "0 berichten via het contactformulier" in dashboard
