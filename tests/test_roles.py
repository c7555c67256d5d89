"""Roles and the expertise ladder: every kind of work, where it sits, what comes next."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from caching.version import bump_content_version
from roles.catalogue import FACETS
from roles.forms import steps_by_editors_problem
from roles.keuzehulp import codes_used, missing_codes
from roles.models import (
    EmploymentForm,
    LadderPage,
    LadderStep,
    RoleIndexPage,
    RolePage,
    RoleType,
    WorkArea,
    get_catalogue,
)
from roles.models import RolePage as Role
from tests.support.budgets import PAGE_QUERIES
from tests.support.factories import RolePageFactory
from tests.support.pages import soup

pytestmark = pytest.mark.django_db

# Every kind of work the sources name, with the ladder step(s) we placed it on.
EXPECTED_ROLES = {
    "Cliëntondersteuner": [2],
    "Ervaringswerker": [4],
    "Belangenbehartiger": [3],
    "Beleidsmedewerker": [4],
    "Bestuurder": [4],
    "Kwartiermaker": [3, 4],
    "Onderzoeker": [3, 4],
    "Innovator": [3, 4],
    "Projectleider": [4],
    "Leraar, trainer, gastdocent": [3, 4],
    "Artiest, kunstenaar, schrijver": [2, 3],
    "Coach": [4],
    "Therapeut (complementair)": [4],
    "Re-integratiecoach": [4],
    "Gespreksbegeleider lotgenotengroep": [2, 3],
    "Maatje, buddy": [1, 2],
    "Gastvrouw, gastheer": [1, 2],
    "Cliëntenraadslid eigen locatie": [1],
    "Actief lid van een patiëntenorganisatie": [2],
    "VN-ambassadeur": [3],
    "Lid klachtencommissie": [3],
    "Raadslid centrale cliëntenraad": [3],
    "Lobbyist": [3, 4],
    "Adviseur, consultant": [4],
    "Kwaliteitsmedewerker": [4],
    "Vertrouwenspersoon": [4],
    "Klachtenfunctionaris": [4],
}


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select("#resultaten .result-list h3 a")]


class TestTaxonomy:
    def test_the_ladder_has_four_steps_in_order(self):
        assert list(LadderStep.objects.values_list("number", "name")) == [
            (1, "Hebben ervaren"),
            (2, "Eigen ervaringskennis"),
            (3, "Gedeelde ervaringskennis"),
            (4, "Professionele ervaringsdeskundigheid"),
        ]

    def test_the_five_role_types_of_movisie(self):
        assert list(RoleType.objects.values_list("name", flat=True)) == [
            "Beïnvloeder",
            "Innovator",
            "Onderzoeker",
            "Leraar",
            "Hulpverlener",
        ]
        assert "Lorem" not in RoleType.objects.get(slug="leraar").description


class TestRolePage:
    def test_every_role_from_the_sources_has_a_page_on_its_step(self, client):
        roles = {role.title: role for role in RolePage.objects.live()}
        for title, steps in EXPECTED_ROLES.items():
            role = roles[title]
            assert sorted(role.ladder_steps.values_list("number", flat=True)) == steps, title
            response = client.get(role.url)
            label = soup(response).select_one(".ladder-position__label").get_text()
            for number in steps:
                assert str(number) in label
            if len(steps) == 1:
                assert LadderStep.objects.get(number=steps[0]).name in label

    def test_role_shows_other_names_facts_and_story(self, client):
        page = soup(client.get("/werk/ervaringswerker/"))
        text = page.get_text(" ")
        assert "Ook wel: herstelcoach, peer support worker, hoopverlener" in text
        assert "Cliënten herkennen zich in mij" in text
        assert "Deze rol hoort bij stap 4 van de ervaringsladder" in text
        assert "Bron: Handboek Ervaringsdeskundigheid; ‘Werken als ervaringsdeskundige’" in text

    def test_the_editors_next_role_comes_first_where_it_is_the_nearest_step(self, client):
        # Belangenbehartiger (step 3): the editors chose Beleidsmedewerker (step 4), the
        # nearest step up; no other role of the same work area is added beside it.
        page = soup(client.get("/werk/belangenbehartiger/"))
        next_step = page.find("section", class_="next-step")
        assert [a.get_text() for a in next_step.select("h3 a")] == ["Beleidsmedewerker"]

    def test_an_editors_next_role_further_up_waits_under_later(self, client):
        # Cliëntondersteuner (step 2): the editors chose Ervaringswerker (step 4); the roles of
        # the same work area that reach step 3 come first.
        page = soup(client.get("/werk/clientondersteuner/"))
        next_step = page.find("section", class_="next-step")
        assert "Co-begeleider" in [a.get_text() for a in next_step.select("h3 a")]
        assert next_step.find("h3", string="Later") is not None
        assert [a.get_text() for a in next_step.select("h4 a")] == ["Ervaringswerker"]

    def test_next_step_falls_back_to_same_work_area_one_step_up(self, client):
        # VN-ambassadeur (step 3, beleid) names no next role: roles in beleid on step 4 follow.
        page = soup(client.get("/werk/vn-ambassadeur/"))
        titles = [a.get_text() for a in page.find("section", class_="next-step").select("h3 a")]
        assert titles
        for title in titles:
            role = RolePage.objects.get(title=title)
            assert 4 in role.ladder_steps.values_list("number", flat=True)
            assert role.work_areas.filter(slug="beleid-en-belangenbehartiging").exists()

    def test_top_of_the_ladder_says_there_is_no_higher_step(self, client):
        page = soup(client.get("/werk/coach/"))
        assert (
            "op de hoogste stap van de ladder"
            in page.find("section", class_="next-step").get_text()
        )

    def test_structured_data_describes_an_occupation(self, client):
        page = soup(client.get("/werk/ervaringswerker/"))
        data = json.loads(page.find("script", type="application/ld+json").string)
        assert data["@type"] == "Occupation"
        assert data["name"] == "Ervaringswerker"
        assert "herstelcoach" in data["alternateName"]
        assert data["occupationalCategory"] == ["Stap 4: Professionele ervaringsdeskundigheid"]
        assert "Ondersteuning bij individuele herstelprocessen" in data["responsibilities"]
        assert "opleiding" in data["qualifications"]

    def test_structured_data_cannot_be_broken_out_of(self, client, admin_user):
        role = RolePage.objects.get(slug="coach")
        role.summary = "</script><script>alert(1)</script>"
        role.save_revision().publish()
        html = client.get(role.url).content.decode()
        assert "</script><script>alert(1)" not in html
        assert "\\u003C/script\\u003E" in html

    def test_a_role_lists_where_the_work_is_done(self, client):
        page = soup(client.get("/werk/clientondersteuner/"))
        assert "Zorginstellingen" in page.get_text()
        assert page.find("a", href="/werkgevers/zorginstellingen/") is not None


class TestRoleIndex:
    def test_lists_every_role(self, client):
        response = client.get("/werk/")
        assert len(result_titles(response)) == RolePage.objects.live().count()

    def test_filter_by_step(self, client):
        titles = result_titles(client.get("/werk/", {"stap": "1"}))
        assert set(titles) == {t for t, steps in EXPECTED_ROLES.items() if 1 in steps} | {
            "Deelnemer aan onderzoek of panel"
        }

    def test_options_within_a_facet_are_alternatives(self, client):
        titles = set(result_titles(client.get("/werk/?stap=1&stap=2")))
        assert "Cliëntondersteuner" in titles and "Cliëntenraadslid eigen locatie" in titles

    def test_facets_combine(self, client):
        titles = result_titles(client.get("/werk/?stap=3&soort=beinvloeder&vorm=vrijwillig"))
        assert set(titles) == {
            "Belangenbehartiger",
            "VN-ambassadeur",
            "Lid klachtencommissie",
            "Raadslid centrale cliëntenraad",
        }

    def test_few_hours_with_work_area(self, client):
        titles = result_titles(client.get("/werk/?weinig-uren=ja&werkveld=zorg-en-begeleiding"))
        # Only the kinds of work the source lists under "Kortdurend werk".
        assert set(titles) == {
            "Maatje, buddy",
            "Gastvrouw, gastheer",
            "Gespreksbegeleider lotgenotengroep",
        }

    def test_counts_say_how_many_roles_an_extra_choice_would_show(self, client):
        page = soup(client.get("/werk/?stap=4"))
        label = page.find("label", attrs={"for": "f-vorm-zzp"}).get_text(" ", strip=True)
        zzp_on_step_4 = len(result_titles(client.get("/werk/?stap=4&vorm=zzp")))
        assert f"({zzp_on_step_4})" in label

    def test_empty_result_says_so_and_offers_to_widen(self, client):
        response = client.get("/werk/?stap=1&vorm=zzp")
        page = soup(response)
        assert result_titles(response) == []
        assert "Geen enkele rol past bij al deze keuzes samen" in page.get_text()
        remove_links = [a["href"] for a in page.select("#resultaten .tags a")]
        assert any("vorm" not in href for href in remove_links)
        assert page.find("a", string="bekijk alle rollen") is not None

    def test_the_address_of_a_filter_can_be_shared(self, client):
        first = result_titles(client.get("/werk/?stap=2&werkveld=zorg-en-begeleiding"))
        again = result_titles(client.get("/werk/?werkveld=zorg-en-begeleiding&stap=2"))
        assert first == again and first

    @pytest.mark.parametrize(
        "query",
        [
            "stap=9",
            "stap=abc",
            "soort=bestaat-niet",
            "stap=2&stap=2&stap=2",
            "onbekend=1",
            "weinig-uren=misschien",
        ],
    )
    def test_odd_filters_are_ignored_not_an_error(self, client, query):
        response = client.get(f"/werk/?{query}")
        assert response.status_code == 200
        assert result_titles(response)

    @pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "9" * 30])
    def test_a_page_of_roles_that_does_not_exist_is_not_found(self, client, page):
        assert client.get(f"/werk/?page={page}").status_code == 404

    def test_ticked_options_stay_ticked(self, client):
        page = soup(client.get("/werk/?stap=2&vorm=vrijwillig"))
        assert page.find("input", id="f-stap-2").has_attr("checked")
        assert page.find("input", id="f-vorm-vrijwillig").has_attr("checked")
        assert not page.find("input", id="f-stap-3").has_attr("checked")


class TestKeuzehulp:
    def ask(self, client, **answers):
        response = client.get("/werk/keuzehulp/", answers)
        assert response.status_code == 200
        page = soup(response)
        items = page.select("#uitkomst .result-list > li")
        return [(li.h3.get_text(strip=True), li.select_one(".why").get_text(" ")) for li in items]

    def test_someone_starting_out_who_wants_to_help_for_a_few_hours(self, client):
        results = self.ask(client, niveau="1", wil="helpen", uren="weinig", geld="vrijwillig")
        top = [title for title, _ in results[:2]]
        assert set(top) == {"Maatje, buddy", "Gastvrouw, gastheer"}
        assert "stap 1" in results[0][1] and "weinig uren" in results[0][1]

    def test_a_professional_who_wants_a_paid_policy_job(self, client):
        results = self.ask(client, niveau="4", wil="beleid", uren="meer", geld="betaald")
        titles = [title for title, _ in results]
        assert "Beleidsmedewerker" in titles[:8]
        assert "Cliëntenraadslid eigen locatie" not in titles
        assert all("betaalde banen" in why for _, why in results[:8])

    def test_someone_telling_their_story_as_a_freelancer(self, client):
        results = self.ask(client, niveau="2", wil="vertellen", uren="weet-niet", geld="zzp")
        assert results[0][0] == "Artiest, kunstenaar, schrijver"
        assert results[1][0] == "Leraar, trainer, gastdocent"
        assert "een stap hoger op de ladder" in results[1][1]

    def test_several_wishes_widen_the_list(self, client):
        answers = {"niveau": "3", "uren": "weet-niet", "geld": "maakt-niet-uit"}
        one = self.ask(client, wil="onderzoek", **answers)
        two = self.ask(client, wil=["onderzoek", "vertellen"], **answers)
        assert len(two) >= len(one)
        assert "Leraar, trainer, gastdocent" in [t for t, _ in two]

    def test_unanswered_questions_get_dutch_messages_and_keep_the_answers(self, client):
        response = client.get("/werk/keuzehulp/", {"niveau": "2"})
        page = soup(response)
        errors = page.select(".field__error")
        assert "Kies minstens één ding dat je wilt doen." in errors[0].get_text()
        assert "Kies hoeveel uur je wilt werken." in errors[1].get_text()
        assert "Kies of je betaald wilt worden." in errors[2].get_text()
        assert page.find("input", attrs={"name": "niveau", "value": "2"}).has_attr("checked")

    def test_pressing_the_button_with_nothing_chosen_says_what_is_missing(self, client):
        # What a browser sends when no question is answered: only the button's own name.
        page = soup(client.get("/werk/keuzehulp/", {"verstuurd": "ja"}))
        summary = page.select_one(".form-errors")
        assert summary is not None and summary.has_attr("data-focus-on-load")
        links = [(a["href"], a.get_text()) for a in summary.select("a")]
        assert links == [
            ("#vraag-niveau", "Vraag 1: Kies wat het best bij je past."),
            ("#vraag-wil", "Vraag 2: Kies minstens één ding dat je wilt doen."),
            ("#vraag-uren", "Vraag 3: Kies hoeveel uur je wilt werken."),
            ("#vraag-geld", "Vraag 4: Kies of je betaald wilt worden."),
        ]
        assert page.select_one("#uitkomst") is None

    def test_a_few_paid_hours_gets_paid_roles_and_is_told_none_is_short_work(self, client):
        # No role in the sources is both short work and paid (issue 32): pay is the hard wish,
        # so every result is paid, each says the sources do not say it can be done in a few
        # hours, and the page says so once, with the way on.
        response = client.get(
            "/werk/keuzehulp/",
            {"niveau": "2", "wil": "helpen", "uren": "weinig", "geld": "betaald"},
        )
        results = self.ask(client, niveau="2", wil="helpen", uren="weinig", geld="betaald")
        assert "Cliëntondersteuner" in [title for title, _ in results]
        assert all("betaalde banen" in why for _, why in results)
        assert all(
            "Of het met een paar uur kan, staat niet in de bronnen." in why for _, why in results
        )
        notes = [p.get_text() for p in soup(response).select("#uitkomst .answer-note")]
        assert notes[0] == (
            "Geen enkele betaalde rol die bij je past, staat in de bronnen als kortdurend werk "
            "(een paar uur per week)."
        )
        assert "Kies dat dan bij vraag 3." in notes[1]

    def test_each_result_says_how_it_pays_and_why_in_short_je_sentences(self, client):
        response = client.get(
            "/werk/keuzehulp/",
            {"niveau": "2", "wil": "vertellen", "uren": "weinig", "geld": "maakt-niet-uit"},
        )
        catalogue = get_catalogue()
        by_title = {role.title: role for role in catalogue.roles}
        items = soup(response).select("#uitkomst .result-list > li")
        assert len(items) >= 3
        for item in items:
            role = by_title[item.h3.get_text(strip=True)]
            forms = catalogue.codes_of(role, "forms")
            pay = item.select_one(".meta").get_text().lower() if forms else ""
            assert ("betaald" in pay) == ("betaald" in forms), role.title
            assert ("vrijwillig" in pay) == ("vrijwillig" in forms), role.title
            reasons = [li.get_text() for li in item.select(".why li")]
            assert 2 <= len(reasons) <= 3, role.title
            for reason in reasons:
                for sentence in reason.split(". "):
                    assert len(sentence.split()) <= 12, reason
                assert "mijn" not in reason.lower().split(), reason

    def test_the_home_page_links_the_keuzehulp(self, client):
        links = soup(client.get("/")).select("a[href='/werk/keuzehulp/']")
        assert links and "Welke rol past bij mij?" in links[0].get_text()

    def test_breadcrumb_leads_back_to_all_roles(self, client):
        crumbs = soup(client.get("/werk/keuzehulp/")).select("nav.breadcrumb a")
        assert [(a.get_text(), a["href"], a.get("aria-current")) for a in crumbs] == [
            ("Home", "/", None),
            ("Werk", "/werk/", None),
            ("Welke rol past bij mij?", "/werk/keuzehulp/", "page"),
        ]

    def test_no_match_says_so(self, client):
        Role.objects.filter(work_areas__slug="werk-en-inkomen").delete()
        bump_content_version()
        response = client.get(
            "/werk/keuzehulp/",
            {"niveau": "1", "wil": "werk-en-geld", "uren": "weet-niet", "geld": "zzp"},
        )
        assert "We vonden geen rol die bij al je antwoorden past" in response.content.decode()


class TestKeuzehulpKeepsWorkingForEditors:
    """The keuzehulp asks for terms by a fixed code, never by a name or slug an editor can
    change (issue 13.7)."""

    ask = TestKeuzehulp.ask
    ANSWERS = {"niveau": "3", "wil": ["helpen", "beleid"], "uren": "baan"}

    def test_every_term_the_keuzehulp_needs_is_there(self):
        assert missing_codes(get_catalogue()) == []
        assert codes_used()["forms"] == {"betaald", "vrijwillig", "zzp"}

    def test_renaming_terms_in_the_admin_changes_no_advice(self, client, editor):
        before = self.ask(Client(), **self.ANSWERS)
        client.force_login(editor)
        for model, name, slug in (
            (WorkArea, "Zorg en welzijn", "zorg-welzijn"),
            (EmploymentForm, "Met salaris", "loondienst"),
        ):
            term = model.objects.get(code="zorg" if model is WorkArea else "betaald")
            url = reverse(f"wagtailsnippets_roles_{model._meta.model_name}:edit", args=[term.pk])
            response = client.post(url, {"name": name, "slug": slug, "description": "x"})
            assert response.status_code == 302, url
        after = self.ask(Client(), **self.ANSWERS)
        assert [title for title, _ in after] == [title for title, _ in before]
        assert Client().get("/werk/?werkveld=zorg-welzijn").status_code == 200

    def test_a_term_the_keuzehulp_needs_cannot_be_deleted(self, client, editor):
        client.force_login(editor)
        term = RoleType.objects.get(code="hulpverlener")
        url = reverse("wagtailsnippets_roles_roletype:delete", args=[term.pk])
        response = client.post(url, follow=True)
        assert "de keuzehulp gebruikt ‘Hulpverlener’" in soup(response).get_text()
        assert RoleType.objects.filter(pk=term.pk).exists()
        listing = reverse("wagtailsnippets_roles_roletype:list")
        bulk = f"/beheer/bulk/roles/roletype/delete/?id={term.pk}&next={listing}"
        client.post(bulk)
        assert RoleType.objects.filter(pk=term.pk).exists()

    def test_a_term_an_editor_added_can_be_deleted(self, client, editor):
        client.force_login(editor)
        term = RoleType.objects.create(name="Tijdelijk", slug="tijdelijk")
        client.post(reverse("wagtailsnippets_roles_roletype:delete", args=[term.pk]))
        assert not RoleType.objects.filter(pk=term.pk).exists()


class TestFacetsDefinedOnce:
    def test_the_filter_form_and_every_filter_link_use_the_one_list(self, client):
        page = soup(client.get("/werk/"))
        legends = [legend.get_text(strip=True) for legend in page.select("form fieldset legend")]
        assert [facet.legend for facet in FACETS] == legends[: len(FACETS)]
        names = {i["name"] for i in page.select("form fieldset input[type=checkbox]")}
        assert {facet.param for facet in FACETS} <= names
        ladder = soup(client.get("/ervaringsladder/"))
        link = ladder.find("a", string=lambda text: text and "rollen van stap 2" in text)
        assert link["href"] == "/werk/?stap=2#resultaten"


class TestLadderPage:
    def test_four_steps_each_with_meaning_and_roles(self, client):
        page = soup(client.get("/ervaringsladder/"))
        steps = page.select("ol.ladder > li")
        assert [s.h2.get_text(" ", strip=True) for s in steps] == [
            "Stap 1 Hebben ervaren",
            "Stap 2 Eigen ervaringskennis",
            "Stap 3 Gedeelde ervaringskennis",
            "Stap 4 Professionele ervaringsdeskundigheid",
        ]
        step_two_roles = [a.get_text() for a in steps[1].select(".ladder__roles a")]
        assert "Cliëntondersteuner" in step_two_roles
        assert "Wij staan Op" in steps[0].get_text()


class TestEditorsWork:
    def test_a_new_role_appears_on_the_ladder_and_in_the_filters(self, client):
        index = RoleIndexPage.objects.get()
        role = RolePage(
            title="Ervaringsdeskundige bij de bibliotheek", slug="bibliotheek", summary="Test."
        )
        index.add_child(instance=role)
        role.ladder_steps.set([LadderStep.objects.get(number=2)])
        role.save_revision().publish()
        assert "Ervaringsdeskundige bij de bibliotheek" in result_titles(
            client.get("/werk/?stap=2")
        )
        ladder = soup(client.get(LadderPage.objects.get().url))
        step_two = ladder.select("ol.ladder > li")[1]
        assert "Ervaringsdeskundige bij de bibliotheek" in step_two.get_text()


class TestQueryBudgets:
    """The number of SQL queries does not grow with the number of roles."""

    URLS = [
        "/werk/",
        "/werk/?stap=2&vorm=vrijwillig",
        "/werk/keuzehulp/?niveau=2&wil=helpen&uren=weinig&geld=vrijwillig",
        "/ervaringsladder/",
        "/werk/clientondersteuner/",
    ]

    def test_same_queries_with_10_and_100_roles(self, count_queries):
        RolePage.objects.exclude(slug__in=["clientondersteuner", "ervaringswerker"]).delete()
        RolePageFactory.create_batch(8, steps=[2], types=["hulpverlener"])
        bump_content_version()
        with_10 = {url: count_queries(url) for url in self.URLS}
        RolePageFactory.create_batch(90, steps=[2, 3], types=["hulpverlener"])
        bump_content_version()
        with_100 = {url: count_queries(url) for url in self.URLS}
        assert with_10 == with_100 == dict.fromkeys(self.URLS, PAGE_QUERIES)


class TestEditorsReadingMarkedOnce:
    """Lists say once, in a legend, that a star means the editors' reading of the ladder;
    a screen reader still hears it with every role it applies to."""

    @pytest.mark.parametrize("url", ["/werk/", "/ervaringsladder/"])
    def test_the_mark_is_a_star_with_one_legend(self, client, url):
        main = soup(client.get(url)).find("main")
        hidden = main.select(".visually-hidden")
        spoken = [span for span in hidden if "inschatting van de redactie" in span.get_text()]
        assert len(spoken) >= 5  # every such role still says it, to a screen reader
        for span in hidden:
            span.decompose()
        # Not after each role in the lists: a star, explained once in a legend.
        lists = main.select("ul.result-list, ol.ladder")
        assert lists
        for role_list in lists:
            assert "inschatting van de redactie" not in role_list.get_text(" "), url
            assert "*" in role_list.get_text()
        assert "Een sterretje" in main.get_text(" ")


class TestStepsByTheEditors:
    """Issue 20: the steps the editors add to a source's placement must be among the role's
    steps, and only where the source places the role at all."""

    def test_the_editors_steps_must_fit_the_placement(self):
        three, four = LadderStep.objects.get(number=3), LadderStep.objects.get(number=4)
        assert steps_by_editors_problem([three, four], [four], True) is None
        assert steps_by_editors_problem([three], [], True) is None
        outside = steps_by_editors_problem([three], [four], True)
        assert outside == (
            "Kies alleen stappen die ook bij ‘Stap(pen) op de ladder’ staan (stap 4 niet)."
        )
        assert "Laat dit leeg" in steps_by_editors_problem([three, four], [four], False)

    def test_the_editor_tells_the_two_step_lists_apart(self, client, editor):
        client.force_login(editor)
        role = RolePage.objects.get(slug="lobbyist")
        page = soup(client.get(f"/beheer/pages/{role.pk}/edit/"))
        labels = [label.get_text(" ", strip=True) for label in page.select("label")]
        assert labels.count("Stap 3: Gedeelde ervaringskennis") == 1
        assert "Stap 4: lezing van de redactie" in labels
        assert page.find("input", attrs={"name": "steps_by_editors", "value": "4", "checked": True})
