"""Search that meets people where they type (issue 33): a misspelt word gets "Bedoelde je …?"
and the results for the word the site knows; a name typed as two words, or without its accents,
finds that page first; the glossary's terms find /begrippen/. The same on SQLite and PostgreSQL
(make test runs both)."""

import pytest
from django.test import Client

from core.spelling import Vocabulary
from roles.models import RolePage
from tests.support.pages import soup

pytestmark = pytest.mark.django_db


def search(query, **params):
    page = soup(Client().get("/zoeken/", {"q": query, **params}))
    main = page.find("main")
    titles = [a.get_text(strip=True) for a in main.select(".search-results h2 a")]
    return main, titles


@pytest.mark.parametrize(
    "typed, meant, first",
    [
        ("kwartermaker", "kwartiermaker", "Kwartiermaker"),
        ("mantelzorgr", "mantelzorger", "Ik ben naaste of mantelzorger"),
        ("ervaringsdeskundge", "ervaringsdeskundige", None),
    ],
)
def test_a_misspelt_word_gets_did_you_mean_and_the_right_results(typed, meant, first):
    main, titles = search(typed)
    status = " ".join(main.select_one(".search-count").get_text().split())
    assert status.startswith(f"Niets gevonden voor ‘{typed}’.")
    did_you_mean = main.select_one(".did-you-mean")
    link = did_you_mean.find("a")
    assert did_you_mean.get_text(" ", strip=True).startswith("Bedoelde je")
    assert link.get_text() == meant and link["href"] == f"?q={meant}"
    assert titles, typed
    if first:
        assert titles[0] == first


@pytest.mark.parametrize(
    "typed, first",
    [
        ("cliënt ondersteuner", "Cliëntondersteuner"),
        ("client ondersteuner", "Cliëntondersteuner"),
        ("clientondersteuner", "Cliëntondersteuner"),
        ("herstel coach", "Ervaringswerker"),
        ("herstelcoach", "Ervaringswerker"),
        ("kwartier maker", "Kwartiermaker"),
    ],
)
def test_a_name_typed_apart_or_without_accents_finds_its_page_first(typed, first):
    main, titles = search(typed)
    assert titles[0] == first, titles[:5]
    assert main.select_one(".did-you-mean") is None


def test_a_word_the_site_knows_is_never_corrected_and_nonsense_is_left_alone():
    main, titles = search("coach")
    assert titles[0] == "Coach" and main.select_one(".did-you-mean") is None
    main, titles = search("xyzzyquux")
    assert titles == [] and main.select_one(".did-you-mean") is None
    assert "Niets gevonden voor ‘xyzzyquux’." in main.get_text()


def test_the_vocabulary_follows_the_content():
    role = RolePage.objects.get(slug="coach")
    role.other_names = "levenscoach"
    role.save_revision().publish()
    main, titles = search("levens coach")
    assert titles[0] == "Coach"
    main, titles = search("levenscoah")
    assert main.select_one(".did-you-mean a").get_text() == "levenscoach"


def test_the_vocabulary_is_bounded_and_short_words_are_not_guessed():
    known = Vocabulary([("Maatje, buddy", 1), ("Coach", 2)], ["geld"])
    assert known.corrected(["maatj"]) == ["maatje"]
    assert known.corrected(["gld"]) is None  # too short to guess
    assert known.corrected(["coach"]) is None
    assert known.named(["maatje", "buddy"]) == [1]
    assert known.compounds(["maat", "je"]) == ["maatje"]
