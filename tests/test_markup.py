"""Valid HTML: every kind of public page, the forms with their errors and their thanks, checked
by the W3C's own Nu HTML Checker (vnu.jar from npm's vnu-jar, run by Java here, offline). A
page that is not valid HTML can read differently in a screen reader than it looks."""

import json
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tests.support.content import OPMARS_URL, PARADOX_URL

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}

PAGES = [
    "/",
    "/jouw-situatie/",
    "/jouw-situatie/uitkering-en-werk/",
    "/jouw-situatie/opleiding/",
    "/jouw-situatie/naaste-of-mantelzorger/",
    "/jouw-situatie/werkgever/",
    "/hoe-word-ik-ervaringsdeskundige/",
    "/contact/",
    "/contact/?over=/werk/",
    "/privacy/",
    "/toegankelijkheid/",
    "/begrippen/",
    "/werk/",
    "/werk/?vorm=betaald&weinig-uren=ja",
    "/werk/keuzehulp/",
    "/werk/keuzehulp/?niveau=2&wil=helpen&uren=weinig&geld=betaald&verstuurd=ja",
    "/werk/keuzehulp/?verstuurd=ja",
    "/werk/coach/",
    "/werk/bewaard/?rol=coach&rol=maatje-buddy",
    "/werk/vergelijk/?rol=coach&rol=maatje-buddy",
    "/ervaringsladder/",
    "/werkgevers/",
    "/werkgevers/zorginstellingen/",
    "/artikelen/",
    "/artikelen/tag/ggz/",
    OPMARS_URL,
    PARADOX_URL,
    "/zoeken/?q=opleiding",
    "/zoeken/?q=xyzzyquux",
    "/zoeken/?q=kwartermaker",
    "/alle-paginas/",
    "/bestaat-niet/",
]


def errors_of(documents, tmp_path):
    """The checker's errors per document name: {name: ["line N: message", …]}."""
    assert VNU.exists(), f"{VNU} ontbreekt: `npm ci` installeert vnu-jar (make test doet het)"
    paths = []
    for number, (name, html) in enumerate(documents.items()):
        path = tmp_path / f"{number:03}.html"
        path.write_bytes(html)
        paths.append((path, name))
    result = subprocess.run(
        ["java", "-Xss1m", "-jar", str(VNU), "--errors-only", "--format", "json",
         *(str(path) for path, _ in paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    names = {path.name: name for path, name in paths}
    found = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        url = message.get("url", "")
        name = names.get(url.rpartition("/")[2], url)
        found.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return found


def test_every_kind_of_page_and_form_is_valid_html(tmp_path):
    client = Client()
    documents = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        documents[url] = response.content
    # The forms as a reader sees them after sending: errors beside the fields, and the thanks.
    sender = Client(enforce_csrf_checks=True)
    documents["contact: fouten"] = sender.post(
        "/contact/", {"email": "bo@", "bericht": "x" * 3100}, **SAME_SITE
    ).content
    documents["contact: bedankt"] = sender.post(
        "/contact/", {"bericht": "Een vraag", "over": "/werk/"}, **SAME_SITE
    ).content
    documents["reactie: fouten"] = sender.post(
        OPMARS_URL, {"name": "", "email": "x", "body": ""}, **SAME_SITE
    ).content
    assert len(documents) == len(PAGES) + 3
    assert errors_of(documents, tmp_path) == {}


def test_the_checker_does_find_errors(tmp_path):
    broken = b"<!doctype html><html lang=nl><title>x</title><p><div>in p</div></span>"
    found = errors_of({"kapot": broken}, tmp_path)
    assert list(found) == ["kapot"] and found["kapot"]
