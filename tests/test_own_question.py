"""Issue 32: answers to the visitor's own question. The keuzehulp keeps its word (pay is a hard
wish, hours have a middle, contradictions are said, reasons are true of their role), empty
lists say which wish emptied them and offer the way on."""

import itertools

import pytest

from roles.keuzehulp import (
    HOURS_CHOICES,
    LEVEL_CHOICES,
    PAY_CHOICES,
    PAY_FORMS,
    WISH_CHOICES,
    WISH_MATCHES,
    WISH_REASONS,
    KeuzehulpForm,
)
from roles.models import get_catalogue
from tests.support.pages import soup

pytestmark = pytest.mark.django_db

KEUZEHULP = "/werk/keuzehulp/"


def answer(level, wishes, hours, pay):
    form = KeuzehulpForm({"niveau": level, "wil": wishes, "uren": hours, "geld": pay})
    assert form.is_valid(), form.errors
    return form.answer(get_catalogue())


def cards(client, **answers):
    page = soup(client.get(KEUZEHULP, answers))
    return page, [
        (
            item.h3.get_text(strip=True),
            item.select_one("p.meta").get_text(" ", strip=True),
            [li.get_text(" ", strip=True) for li in item.select("ul.why li")],
        )
        for item in page.select("#uitkomst ol.result-list > li")
    ]


class TestTheKeuzehulpKeepsItsWord:
    def test_every_answer_gets_only_roles_with_the_pay_asked_for_and_true_reasons(self):
        catalogue = get_catalogue()
        research = WISH_MATCHES["onderzoek"]["types"]
        combinations = itertools.product(
            [code for code, _ in LEVEL_CHOICES],
            [code for code, _ in WISH_CHOICES],
            [code for code, _ in HOURS_CHOICES],
            [code for code, _ in PAY_CHOICES],
        )
        checked = 0
        for level, wish, hours, pay in combinations:
            result = answer(level, [wish], hours, pay)
            for item in result.results:
                role, reasons = item.role, " ".join(item.reasons)
                forms = catalogue.codes_of(role, "forms")
                types = catalogue.codes_of(role, "types")
                where = (role.title, level, wish, hours, pay)
                if pay in PAY_FORMS:
                    assert PAY_FORMS[pay] in forms, where
                # Paid, volunteer or both, in words, on every result.
                assert any(word in item.pay.lower() for word in ("betaald", "vrijwillig", "zzp"))
                assert ("betaalde banen" in reasons) <= ("betaald" in forms), where
                assert ("als vrijwilliger" in reasons) <= ("vrijwillig" in forms), where
                assert ("weinig uren" in reasons) <= role.few_hours, where
                assert (WISH_REASONS["onderzoek"] in reasons) <= bool(types & research), where
                for step in range(1, 5):
                    if f"stap {step}" in reasons:
                        assert step in role.steps, where
                checked += 1
        assert checked > 1000

    def test_someone_on_a_benefit_who_wants_a_few_paid_hours_gets_paid_roles_only(self, client):
        page, results = cards(client, niveau="2", wil="helpen", uren="weinig", geld="betaald")
        assert results
        for title, meta, _ in results:
            assert "Betaald" in meta, title
            assert "Vrijwillig" not in meta.replace("Betaald of vrijwillig", ""), title
        assert "Gastvrouw, gastheer" not in [title for title, _, _ in results]
        notes = " ".join(p.get_text() for p in page.select("#uitkomst .answer-note"))
        assert "betaalde functies vaak in deeltijd" in notes

    def test_the_middle_hours_fit_a_few_paid_hours_without_a_warning(self, client):
        labels = [label for _, label in HOURS_CHOICES]
        assert "Een deel van de week (ongeveer 8 tot 24 uur)" in labels
        page, results = cards(client, niveau="2", wil="helpen", uren="deeltijd", geld="betaald")
        assert "Cliëntondersteuner" in [title for title, _, _ in results]
        assert not page.select("#uitkomst .answer-note")
        assert not any("paar uur" in " ".join(reasons) for _, _, reasons in results)

    def test_many_hours_as_a_volunteer_gets_one_plain_sentence(self, client):
        page, results = cards(client, niveau="2", wil="helpen", uren="meer", geld="vrijwillig")
        notes = [p.get_text() for p in page.select("#uitkomst .answer-note")]
        assert len(notes) == 1 and "Daar krijg je geen loon voor" in notes[0]
        assert results

    def test_the_self_employed_get_no_volunteer_roles(self, client):
        _, results = cards(client, niveau="3", wil="helpen", uren="weet-niet", geld="zzp")
        assert results
        assert all("zzp" in meta.lower() for _, meta, _ in results)

    def test_when_nothing_fits_it_says_which_wish_and_shows_what_comes_closest(self, client):
        page, results = cards(
            client, niveau="3", wil="vernieuwen", uren="weet-niet", geld="vrijwillig"
        )
        status = page.select_one("#uitkomst [role=status]").get_text(" ", strip=True)
        assert "We vonden geen rol die bij al je antwoorden past." in status
        assert (
            "Geen enkele rol voor vrijwilligers past bij wat je wilt doen "
            "(iets nieuws bedenken en opzetten)."
        ) in status
        assert page.select_one(".closest-title").get_text() == "Dit komt het dichtst in de buurt"
        assert results
        for title, _, reasons in results:
            assert reasons[0] == "Dit is geen vrijwilligerswerk.", title

    def test_the_pay_question_says_where_to_ask_about_a_benefit(self, client):
        hint = soup(client.get(KEUZEHULP)).select_one("#hint-geld").get_text(" ", strip=True)
        assert "de gemeente of het UWV" in hint


class TestAnEmptyRoleListSaysWhy:
    def test_paid_and_few_hours_names_both_and_offers_each_way_on(self, client):
        page = soup(client.get("/werk/?vorm=betaald&weinig-uren=ja"))
        status = page.select_one("#resultaten [role=status]").get_text(" ", strip=True)
        assert status == (
            "Geen enkele rol past bij al deze keuzes samen: ‘Vorm van werk: Betaald’ en "
            "‘Kan ook met weinig uren’."
        )
        ways = {a.get_text(): a["href"] for a in page.select("#resultaten .ways-on a")}
        assert set(ways) == {"Zonder ‘Vorm van werk: Betaald’", "Zonder ‘Kan ook met weinig uren’"}
        # Each way on leads to the roles it promises.
        for text, href in ways.items():
            count = page.find("a", string=text).parent.get_text().rsplit(": ", 1)[1]
            shown = soup(client.get(href)).select_one("#resultaten-titel").get_text(" ", strip=True)
            assert shown.startswith(count.split()[0]), (text, shown)


class TestNothingTypedIsCutInSilence:
    def test_a_long_comment_is_kept_whole_and_told_how_much_too_long(self, client):
        from articles.models import ArticlePage
        from tests.support.comments import post_comment

        article = ArticlePage.objects.live().first()
        page = soup(client.get(article.url))
        assert page.select("textarea[name=body]")
        assert not page.select("textarea[maxlength], input[maxlength]")
        body = "Mijn ervaring. " * 667  # 10,005 characters
        page = soup(post_comment(article, body.strip()))
        error = page.select_one(".field__error").get_text(" ", strip=True)
        assert "Je reactie is te lang: hooguit 3000 tekens (nu 10004)." in error
        # (a textarea starts with a new line the browser drops)
        assert page.select_one("textarea[name=body]").get_text().lstrip("\n") == body.strip()

    def test_a_long_search_says_it_searched_the_first_words(self, client):
        query = " ".join(["herstel"] * 30)
        page = soup(client.get("/zoeken/", {"q": query}))
        assert not page.select("input[name=q][maxlength]")
        notice = page.select_one(".search-shortened").get_text()
        assert notice == "Je zoekvraag was lang. We zochten op de eerste 12 woorden."
        assert not soup(client.get("/zoeken/", {"q": "herstel"})).select(".search-shortened")
