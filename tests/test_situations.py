"""Issue 32: 'Jouw situatie' and its four pages. Reachable from the menu and the home page; each
statement is either the sources' words (the loader refuses a passage not found in the source it
credits) or visibly the editors'; every footer says where to find help now; the pages are
cached like the rest, the same bytes for everyone, in at most two queries; the words people
search with find them first."""

import pytest
import yaml
from django.test import Client

from operations.loader import FIXTURE_DIR, FIXTURE_FILES, FixtureError, Loader
from tests.support.pages import soup, visit

pytestmark = pytest.mark.django_db

HUB = "/jouw-situatie/"
SITUATIONS = {
    "/jouw-situatie/uitkering-en-werk/": "Ik heb een uitkering en wil (wat) werken",
    "/jouw-situatie/opleiding/": "Ik wil een opleiding volgen",
    "/jouw-situatie/naaste-of-mantelzorger/": "Ik ben naaste of mantelzorger",
    "/jouw-situatie/werkgever/": "Ik ben werkgever",
}


def fixture_copy(tmp_path, change):
    for name in FIXTURE_FILES:
        data = yaml.safe_load((FIXTURE_DIR / name).read_text())
        change({record["key"]: record for record in data["records"]})
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True))
    return tmp_path


def first_passage(record):
    body = record["fields"]["body"]
    return next(block["from_source"] for block in body if "from_source" in block)


class TestTheLoaderKeepsThePassagesTrue:
    def refused(self, tmp_path, change):
        with pytest.raises(FixtureError) as caught:
            Loader(fixture_dir=fixture_copy(tmp_path, change)).run()
        return str(caught.value)

    def test_a_word_the_source_does_not_have_is_refused(self, tmp_path):
        def change(by_key):
            if "pagina/uitkering-en-werk" in by_key:
                passage = first_passage(by_key["pagina/uitkering-en-werk"])
                passage["text"] = passage["text"].replace("laagbetaald", "goedbetaald")

        message = self.refused(tmp_path, change)
        assert "record pagina/uitkering-en-werk" in message and "veld body" in message
        assert "staat niet woord voor woord in 002_" in message

    def test_a_point_the_source_does_not_have_is_refused(self, tmp_path):
        def change(by_key):
            if "pagina/werkgever" in by_key:
                record = by_key["pagina/werkgever"]
                passage = next(
                    block["from_source"]
                    for block in record["fields"]["body"]
                    if "from_source" in block and block["from_source"].get("items")
                )
                passage["items"].append("Betaal ervaringsdeskundigen altijd het minimumloon.")

        message = self.refused(tmp_path, change)
        assert "record pagina/werkgever" in message
        assert "Betaal ervaringsdeskundigen altijd" in message

    def test_a_source_the_record_does_not_cite_is_refused(self, tmp_path):
        def change(by_key):
            if "pagina/naaste" in by_key:
                first_passage(by_key["pagina/naaste"])["source"] = "Een krant"

        message = self.refused(tmp_path, change)
        assert "record pagina/naaste" in message
        assert "'Een krant'" in message and "geen bron van dit record" in message


class TestTheSituationPages:
    def test_the_menu_and_the_home_page_lead_to_each_situation(self):
        home = soup(visit("/"))
        menu = home.select_one("header nav")
        assert "Jouw situatie" in [a.get_text(strip=True) for a in menu.find_all("a")]
        ways_in = home.select_one("main .ways-in")
        assert ways_in.find("h2").get_text(strip=True) == "Jouw situatie"
        links = {a["href"]: a.get_text(strip=True) for a in ways_in.select("a.card__link")}
        assert {url: title.replace("\xad", "") for url, title in links.items()} == SITUATIONS
        hub = soup(visit(HUB)).select_one("main .pages-below")
        assert [a["href"] for a in hub.select("a.card__link")] == list(SITUATIONS)

    @pytest.mark.parametrize("url", SITUATIONS)
    def test_every_statement_is_the_sources_or_marked_as_the_editors(self, url):
        main = soup(visit(url)).find("main")
        assert main.find("h1").get_text(strip=True).replace("\xad", "") == SITUATIONS[url]
        from_source = main.select(".from-source")
        editors = main.select(".from-editors")
        assert from_source and editors
        for block in from_source:
            assert block.get_text(" ", strip=True).startswith("Uit de bron:")
        for block in editors:
            assert "Van de redactie" in block.get_text(" ", strip=True)
        # Apart from the summary (marked) and the source line, every paragraph and point of the
        # page sits in one of the two kinds of block.
        article = main.find("article")
        assert article.select_one(".lead + .by-editors") is not None
        loose = [
            " ".join(element.get_text().split())
            for element in article.find_all(["p", "li"])
            if not element.find_parent(class_=["from-source", "from-editors"])
            and not set(element.get("class") or ()) & {"lead", "by-editors", "source", "reviewed"}
        ]
        assert loose == []

    def test_an_employer_is_pointed_from_the_employers_page_to_their_own(self):
        main = soup(visit("/werkgevers/")).find("main")
        link = main.find("a", href=HUB)
        assert "Ben je zelf werkgever" in link.find_parent("p").get_text()
        assert "Ik ben werkgever" in soup(visit(HUB)).find("main").get_text()

    def test_the_benefit_page_says_what_the_sources_do_not_and_where_to_ask(self):
        text = soup(visit("/jouw-situatie/uitkering-en-werk/")).find("main").get_text(" ")
        text = " ".join(text.split())
        assert "laagbetaald en in deeltijd" in text  # the source's words
        for place in ("gemeente", "UWV", "cliëntondersteuner"):
            assert place in text
        assert "De bronnen zeggen niet hoeveel je mag bijverdienen" in text

    @pytest.mark.parametrize("url", [HUB, *SITUATIONS])
    def test_cached_the_same_for_everyone_in_two_queries(self, url, count_queries):
        assert count_queries(url) <= 2
        first, second = visit(url), Client().get(url)
        assert second["X-Cache"] == "hit"
        assert first.content == second.content
        other = Client().get(url + "?x=1")
        assert other["X-Cache"] == "hit" and other.content == first.content

    def test_every_footer_says_where_to_find_help_now(self):
        for url in ("/", "/werk/", *SITUATIONS):
            help_now = soup(visit(url)).select_one("footer .help-now")
            assert help_now.find("h2").get_text() == "Hulp nodig?"
            phones = [a["href"] for a in help_now.find_all("a")]
            assert "tel:08000113" in phones and "tel:112" in phones
            assert "Tekst van de redactie" in help_now.get_text()


@pytest.mark.parametrize(
    "query, first",
    [
        ("mantelzorger", "Ik ben naaste of mantelzorger"),
        ("familie", "Ik ben naaste of mantelzorger"),
        ("naaste", "Ik ben naaste of mantelzorger"),
        ("opleiding", "Ik wil een opleiding volgen"),
        ("uitkering", "Ik heb een uitkering en wil (wat) werken"),
    ],
)
def test_the_words_people_search_with_find_their_situation_first(query, first):
    results = soup(visit(f"/zoeken/?q={query}")).select("main ol li h2 a")
    assert results, query
    assert results[0].get_text(strip=True).replace("\xad", "") == first


def test_an_employer_finds_the_employers_page_and_their_own_next():
    # "Werkgevers" is named exactly what was typed (issue 33: that page comes first).
    results = soup(visit("/zoeken/?q=werkgever")).select("main ol li h2 a")
    titles = [a.get_text(strip=True).replace("\xad", "") for a in results]
    assert titles[:2] == ["Werkgevers", "Ik ben werkgever"]
