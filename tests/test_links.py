"""The nightly link check: links to pages and documents, anchors, addresses on this site and on
other sites (servers this test starts on loopback: no network), asked politely and each answer
kept a while; and Rapporten → Gebroken links, with where an editor fixes each one."""

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model

from core.models import ContentPage
from links.models import BrokenLink, CheckRun
from organisations.models import Organisation
from tests.support.pages import soup

pytestmark = pytest.mark.django_db


class Site(BaseHTTPRequestHandler):
    """Another site: /goed answers, /weg is gone, /geen-head refuses HEAD, /fout fails, /traag
    takes its time. It counts what it was asked."""

    asked = Counter()

    def answer(self, with_body):
        self.asked[(self.command, self.path)] += 1
        status = {"/weg": 404, "/fout": 500}.get(self.path, 200)
        if self.path == "/geen-head" and self.command == "HEAD":
            status = 405
        if self.path == "/traag":
            time.sleep(2)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self.answer(with_body=False)

    def do_GET(self):
        self.answer(with_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def elsewhere(settings):
    """Another site on loopback; the seeded organisations' websites point at it."""
    Site.asked.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    Organisation.objects.exclude(website="").update(website=f"{url}/goed")
    settings.ERVARING = {
        **settings.ERVARING,
        "LINK_CHECK_HOST_DELAY": 0,
        "LINK_CHECK_TIMEOUT": 0.5,
    }
    yield url
    server.shutdown()
    server.server_close()


def page_with_links(html):
    parent = ContentPage.objects.live().first()
    page = parent.add_child(
        instance=ContentPage(
            title="Met links",
            slug="met-links",
            body=json.dumps([{"type": "paragraph", "value": html}]),
        )
    )
    page.save_revision().publish()
    return page


def run_check():
    out = StringIO()
    call_command("check_links", stdout=out)
    return out.getvalue()


def problems():
    return {row.url: row.problem for row in BrokenLink.objects.all()}


def test_each_kind_of_broken_link_is_found_and_the_good_ones_are_not(elsewhere):
    hidden = (
        ContentPage.objects.live()
        .first()
        .add_child(instance=ContentPage(title="Concept", slug="concept", live=False))
    )
    document = get_document_model().objects.create(title="Weg", file="documents/weg.pdf")
    gone_document = document.pk
    document.delete()
    page = page_with_links(
        f'<p><a href="{elsewhere}/goed">goed</a> <a href="{elsewhere}/weg">weg</a> '
        f'<a href="{elsewhere}/geen-head">geen head</a> <a href="{elsewhere}/fout">fout</a> '
        f'<a href="{elsewhere}/traag">traag</a> '
        f'<a linktype="page" id="{hidden.pk}">concept</a> <a linktype="page" id="999999">oud</a> '
        f'<a linktype="document" id="{gone_document}">pdf</a> '
        '<a href="/werk/coach/">coach</a> <a href="/werk/bestaat-niet/">niets</a> '
        '<a href="/werk/coach/#inhoud">anker</a> <a href="/werk/coach/#nergens">fout anker</a> '
        '<a href="#inhoud">hier</a> <a href="mailto:info@example.org">mail</a></p>'
    )
    assert "gebroken" in run_check()
    found = problems()
    assert found == {
        f"{elsewhere}/weg": "De pagina bestaat niet (meer) (antwoord 404).",
        f"{elsewhere}/fout": "De site geeft een fout (antwoord 500).",
        f"{elsewhere}/traag": "De site gaf geen antwoord binnen 0.5 seconden.",
        f"Pagina nummer {hidden.pk}": "De pagina is niet gepubliceerd.",
        "Pagina nummer 999999": "De pagina bestaat niet meer.",
        f"Document nummer {gone_document}": "Het document bestaat niet meer.",
        "/werk/bestaat-niet/": "Deze pagina van de site bestaat niet (antwoord 404).",
        "/werk/coach/#nergens": "Het anker #nergens staat niet op de pagina.",
    }
    assert Site.asked[("HEAD", "/geen-head")] == 1 and Site.asked[("GET", "/geen-head")] == 1
    row = BrokenLink.objects.get(url=f"{elsewhere}/weg")
    assert row.page_id == page.pk and row.text == "weg"
    assert row.where == "Inhoud, blok 1 (Tekst)"
    assert row.edit_url.startswith(f"/beheer/pages/{page.pk}/edit/#panel-")


def test_other_sites_are_asked_once_in_a_while_and_a_few_times_a_run(elsewhere, settings):
    settings.ERVARING = {**settings.ERVARING, "LINK_CHECK_PER_HOST": 3}
    page_with_links("".join(f'<a href="{elsewhere}/weg?{n}">{n}</a> ' for n in range(5)))
    run_check()
    # The organisations' websites are one address; with it, three requests in all.
    assert sum(Site.asked.values()) == 3
    first = set(problems())
    run_check()
    assert sum(Site.asked.values()) == 6  # the others, now; what was asked stays known
    assert first <= set(problems())
    asked = sum(Site.asked.values())
    run_check()
    assert sum(Site.asked.values()) == asked  # everything known: nobody is asked


def test_a_fixed_link_leaves_the_report_and_an_old_one_keeps_its_date(elsewhere):
    page = page_with_links(
        f'<a href="{elsewhere}/weg">weg</a> <a linktype="page" id="999999">x</a>'
    )
    run_check()
    first_seen = BrokenLink.objects.get(url="Pagina nummer 999999").first_seen
    page.body = json.dumps([{"type": "paragraph", "value": '<a linktype="page" id="999999">x</a>'}])
    page.save_revision().publish()
    run_check()
    assert list(problems()) == ["Pagina nummer 999999"]
    assert BrokenLink.objects.get().first_seen == first_seen
    assert CheckRun.objects.count() == 2


def test_an_organisations_website_is_checked_where_it_is_shown(elsewhere):
    org = Organisation.objects.exclude(website="").exclude(kind=None).first()
    org.website = f"{elsewhere}/weg"
    org.save()
    run_check()
    row = BrokenLink.objects.get(url=f"{elsewhere}/weg")
    assert row.page_id == org.kind_id
    assert row.where == f"Organisatie ‘{org.name}’: website"
    assert row.edit_url == reverse("wagtailsnippets_organisations_organisation:edit", args=[org.pk])


def test_the_report_shows_page_field_and_problem_to_editors_only(
    elsewhere, client, editor, moderator
):
    page_with_links(f'<a href="{elsewhere}/weg">Lees meer</a>')
    client.force_login(editor)
    before = soup(client.get(reverse("links_report"))).get_text()
    assert "nog niet gecontroleerd" in before
    run_check()
    page = soup(client.get(reverse("links_report")))
    [row] = page.select("tbody tr")
    assert "Met links" in row.get_text() and "‘Lees meer’" in row.get_text()
    assert "De pagina bestaat niet (meer) (antwoord 404)." in row.get_text()
    assert row.find("a")["href"].startswith("/beheer/pages/")
    client.force_login(moderator)
    assert client.get(reverse("links_report")).status_code in (302, 403)


def test_this_sites_pages_are_asked_by_a_name_it_answers_to(elsewhere, settings):
    """As in production: ALLOWED_HOSTS names the public host, and BASE_URL may be unset."""
    settings.ALLOWED_HOSTS = ["ervaring.example"]
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    page_with_links('<a href="/werk/coach/">coach</a> <a href="/werk/niets/">niets</a>')
    run_check()
    assert problems() == {"/werk/niets/": "Deze pagina van de site bestaat niet (antwoord 404)."}
