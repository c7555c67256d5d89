"""The begrippenlijst (issue 33): terms the editors keep in the admin, the first use of each in a
page's text marked with its explanation in place (no JavaScript), the words themselves never
changed, /begrippen/ with them all; seeded from the fixtures, the sources' explanations checked
by the loader, the others marked as the editors'."""

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from glossary.marking import Terms, mark_text
from glossary.models import GlossaryPage, Term
from operations.loader import FIXTURE_DIR, FIXTURE_FILES, FixtureError, Loader
from readability.models import word_lists
from readability.text.analysis import analyse
from tests.support.content import OPMARS_URL
from tests.support.pages import soup, visit

pytestmark = pytest.mark.django_db

HOW_TO = "/hoe-word-ik-ervaringsdeskundige/"


def words_of(main):
    """The text a reader reads in `main` with every explanation closed: the marks unwrapped."""
    main = BeautifulSoup(str(main), "html.parser")
    for explanation in main.select(".term__explanation, .terms-used"):
        explanation.decompose()
    for term in main.select("a.term"):
        term.unwrap()
    return " ".join(main.get_text().split())


class TestMarking:
    def terms(self, *specs):
        return Terms([Term(term=term, slug=slug, other_forms=forms, explanation=f"Uitleg {slug}.")
                      for term, slug, forms in specs])  # fmt: skip

    def test_only_the_first_use_in_running_text_is_marked_and_the_words_stay(self):
        terms = self.terms(("EVC", "evc", "EVC-traject"), ("ervaringskennis", "ek", ""))
        parts = {
            "body": "<h2>EVC</h2><p>Lees <a href='/x'>EVC</a>. Een EVC-traject &amp; "
            "erva\xadrings\xadkennis, en weer EVC.</p><p>Ervaringskennis</p>",
        }
        used = []
        [body] = mark_text(parts, terms, used).values()
        assert [entry.slug for entry in used] == ["evc", "ek"]
        page = BeautifulSoup(body, "html.parser")
        marks = page.select("a.term")
        assert [mark.get_text() for mark in marks] == ["EVC-traject", "erva\xadrings\xadkennis"]
        assert page.find("h2").get_text() == "EVC" and page.find("h2").a is None
        assert marks[0]["href"] == "#uitleg-evc" and page.find(id="uitleg-evc") is not None
        assert words_of(page) == words_of(BeautifulSoup(parts["body"], "html.parser"))

    def test_a_term_in_capitals_is_never_the_common_word(self):
        terms = self.terms(("MEE", "mee", ""))
        used = []
        [body] = mark_text({"b": "<p>Doe mee met Mee en MEE.</p>"}, terms, used).values()
        assert [a.get_text() for a in BeautifulSoup(body, "html.parser").select("a.term")] == [
            "MEE"
        ]

    def test_straight_and_curly_apostrophes_are_one(self):
        terms = self.terms(("RIBW", "ribw", "RIBW's"))
        used = []
        [body] = mark_text({"b": "<p>De RIBW’s hebben 200 mensen.</p>"}, terms, used).values()
        assert BeautifulSoup(body, "html.parser").select_one("a.term").get_text() == "RIBW’s"


class TestOnThePages:
    def test_a_page_marks_each_term_once_with_its_explanation_in_place(self):
        main = soup(visit(HOW_TO)).find("main")
        marks = main.select("a.term")
        targets = [mark["href"] for mark in marks]
        assert "#uitleg-evc" in targets and len(targets) == len(set(targets))
        evc = main.find(id="uitleg-evc")
        assert evc.name == "span" and evc["tabindex"] == "-1"
        text = " ".join(evc.get_text().split())
        assert text.startswith("EVC: EVC betekent Erkenning van Verworven Competenties.")
        assert "(uitleg van de redactie)" in text
        assert evc.find("a", href="#woord-evc").get_text() == "Sluit de uitleg"
        on_paper = main.select_one(".terms-used.print-only")
        assert [dt.get_text() for dt in on_paper.find_all("dt")] == [
            main.find(id=target[1:]).select_one(".term__what").get_text().rstrip(":")
            for target in targets
        ]

    def test_the_marks_change_no_word_of_the_source(self, client):
        marked = words_of(soup(visit(OPMARS_URL)).find("main"))
        assert "MEE" in marked
        Term.objects.all().delete()
        plain = soup(Client().get(OPMARS_URL)).find("main")
        assert plain.select("a.term") == []
        assert words_of(plain) == marked

    def test_the_sources_explanation_is_credited_and_the_editors_marked(self):
        page = soup(visit("/begrippen/")).find("main")
        assert page.find("h1").get_text() == "Begrippen"
        terms = {dt["id"]: dt.find_next_sibling("dd").get_text(" ", strip=True)
                 for dt in page.select("dl.glossary dt")}  # fmt: skip
        assert set(terms) == set(Term.objects.values_list("slug", flat=True))
        assert "(uitleg uit de bron: Werken als ervaringsdeskundige)" in terms["kwartiermaken"]
        assert "(uitleg van de redactie)" in terms["mee"]
        assert "(uitleg van de redactie)" in terms["evc"]
        assert "Ook: kwartiermaker, kwartiermakers" in terms["kwartiermaken"]
        letters = [a.get_text() for a in page.select("nav.letters a")]
        assert letters == sorted(letters) and "E" in letters

    def test_the_glossary_is_in_every_footer_cached_and_in_two_queries(self, count_queries):
        for url in ("/", "/werk/coach/", HOW_TO):
            footer = soup(visit(url)).find("footer")
            assert footer.find("a", href="/begrippen/").get_text() == "Begrippen"
        assert count_queries("/begrippen/") <= 2
        assert count_queries(HOW_TO) <= 2
        first, second = visit("/begrippen/"), Client().get("/begrippen/")
        assert second["X-Cache"] == "hit" and first.content == second.content

    def test_search_finds_the_glossary_by_a_term(self):
        results = soup(visit("/zoeken/?q=LVB")).select("main ol li h2 a")
        assert "Begrippen" in [a.get_text(strip=True) for a in results]


def test_every_explanation_the_site_calls_the_sources_stands_in_the_source():
    sources = (FIXTURE_DIR / "sources").glob("*.txt")
    texts = {path.name: " ".join(path.read_text().split()) for path in sources}
    records = yaml.safe_load((FIXTURE_DIR / "glossary.yaml").read_text())["records"]
    from_source = [r for r in records if r.get("fields", {}).get("explanation_from_source")]
    assert from_source
    for record in from_source:
        explanation = " ".join(record["fields"]["explanation"].split()).rstrip(".")
        assert explanation in texts[record["source"]], record["key"]
    editors = Term.objects.filter(explanation_from_source=False)
    assert editors.exists() and all(term.mark == "uitleg van de redactie" for term in editors)


def test_the_loader_refuses_a_sources_explanation_without_its_quote(tmp_path):
    for name in FIXTURE_FILES:
        data = yaml.safe_load((FIXTURE_DIR / name).read_text())
        for record in data["records"]:
            if record["key"] == "begrip/kwartiermaken":
                record["cites"] = {"explanation_from_source": "Kwartiermakers helpen iedereen"}
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(FixtureError) as caught:
        Loader(fixture_dir=tmp_path).run()
    message = str(caught.value)
    assert "glossary.yaml" in message and "record begrip/kwartiermaken" in message
    assert "'Kwartiermakers helpen iedereen' staat niet in 001_" in message


def test_an_editor_adds_a_term_and_the_pages_mark_it(client, editor):
    assert not re.search(r'href="#uitleg-autisme"', visit(OPMARS_URL).content.decode())
    client.force_login(editor)
    response = client.post(
        "/beheer/snippets/glossary/term/add/",
        {
            "term": "autisme",
            "other_forms": "",
            "explanation": "Autisme is een andere manier van waarnemen.",
            "source": "",
            "slug": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/beheer/snippets/glossary/term/"
    page = soup(Client().get(OPMARS_URL)).find("main")
    mark = page.find("a", href="#uitleg-autisme")
    assert mark is not None and mark.get_text().lower() == "autisme"
    assert "Autisme is een andere manier" in soup(Client().get("/begrippen/")).get_text()
    assert GlossaryPage.objects.get().live
    assert Page.objects.filter(url_path="/home/begrippen/").exists()


def test_a_term_with_an_explanation_is_no_hard_word_for_the_reader():
    text = "Hij heeft een autismespectrumstoornis. Dat merk je soms."
    assert [word for word, _ in analyse(text, word_lists()).hard_words] == [
        "autismespectrumstoornis"
    ]
    Term.objects.create(
        term="autismespectrumstoornis", explanation="Autisme: je ervaart de wereld anders."
    )
    assert analyse(text, word_lists()).hard_words == []
