"""The site search helps a visitor who types everyday words: a role's facets are searchable,
and the editors' groups of words that mean the same bring the other words along."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from core.models import SearchSynonym
from core.privacy import public
from core.search import search_ids
from readability.page_text import page_text
from roles.models import RolePage
from tests.support.pages import soup

pytestmark = pytest.mark.django_db


def result_titles(client, query):
    page = soup(client.get(reverse("search"), {"q": query}))
    return [link.get_text(" ", strip=True) for link in page.select(".search-results h2 a")]


def titles_of(roles):
    return {role.title for role in roles}


def test_volunteer_roles_come_first_for_vrijwilliger(client):
    volunteer = titles_of(RolePage.objects.live().filter(employment_forms__slug="vrijwillig"))
    assert len(volunteer) >= 10
    first = result_titles(client, "vrijwilliger")
    assert len(first) == 10
    assert set(first) <= volunteer, set(first) - volunteer


def test_few_hours_and_a_step_are_searchable(client):
    few_hours = titles_of(RolePage.objects.live().filter(suits_few_hours=True))
    found = result_titles(client, "weinig uren")
    assert few_hours and few_hours <= set(found), few_hours - set(found)
    # Every role on step 3 is found by the step's name (over all pages of results).
    step_three = RolePage.objects.live().filter(ladder_steps__number=3)
    ids = search_ids(public(Page.objects.live()), ["gedeelde", "ervaringskennis"])
    assert step_three.exists() and set(step_three.values_list("pk", flat=True)) <= set(ids)


def test_everyday_words_find_the_work_through_the_editors_synonyms(client):
    paid = titles_of(RolePage.objects.live().filter(employment_forms__slug="betaald"))
    money = result_titles(client, "geld verdienen")
    assert money and money[0] in paid
    assert result_titles(client, "psychose"), "psychose finds the pages about ggz and herstel"


def test_a_group_the_editors_add_is_used_at_once(client, editor):
    assert result_titles(client, "klusje") == []
    client.force_login(editor)
    add = reverse("wagtailsnippets_core_searchsynonym:add")
    response = client.post(add, {"words": "Klusje, taak , taak"})
    assert response.status_code == 302
    assert str(SearchSynonym.objects.get(words__startswith="klusje")) == "klusje, taak"
    client.logout()
    assert "Hoe word ik ervaringsdeskundige?" in result_titles(client, "klusje")


@pytest.mark.parametrize(
    "typed, message",
    [
        ("geld", "Noem minstens twee woorden"),
        ("geld, betaald werk", "Dit is geen los woord: ‘betaald werk’"),
        (", ".join(f"woord{n}" for n in range(13)), "Noem hoogstens 12 woorden"),
    ],
)
def test_a_group_that_cannot_work_gets_a_dutch_message_beside_the_field(
    client, editor, typed, message
):
    client.force_login(editor)
    before = SearchSynonym.objects.count()
    response = client.post(reverse("wagtailsnippets_core_searchsynonym:add"), {"words": typed})
    assert response.status_code == 200
    page = soup(response)
    field = page.select_one(".w-field:has(#id_words)")
    assert message in field.select_one(".error-message").get_text(" ")
    assert page.select_one("#id_words")["value"] == typed
    assert SearchSynonym.objects.count() == before


def test_the_facet_words_are_for_search_not_for_reading():
    role = RolePage.objects.live().filter(suits_few_hours=True).first()
    assert "weinig uren" in role.facet_words()
    assert "kortdurend werk" not in page_text(role)
