"""Choosing between roles: two or three side by side, a shortlist in the address, and both as
pages like the others (shareable, flat in queries, never a private role)."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from caching.version import bump_content_version
from roles.compare import MAX_READ, NOT_DESCRIBED
from roles.models import RolePage
from tests.support.budgets import PAGE_QUERIES
from tests.support.factories import RolePageFactory
from tests.support.pages import soup, visit

pytestmark = pytest.mark.django_db

COMPARE = "/werk/vergelijk/"
SAVED = "/werk/bewaard/"
PAIR = "?rol=clientondersteuner&rol=ervaringswerker"


def text(element):
    return element.get_text(" ", strip=True)


def rows_of(page):
    """{fact: [cell text per role]} of the comparison table."""
    table = page.select_one(".compare--wide table")
    return {
        text(row.th).removesuffix(" Verschil"): [text(cell) for cell in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }


class TestCompare:
    def test_two_roles_side_by_side_in_a_real_table(self, client):
        page = soup(client.get(COMPARE + PAIR))
        table = page.select_one(".compare--wide table")
        assert text(table.caption) == "Cliëntondersteuner en Ervaringswerker naast elkaar"
        columns = [text(th) for th in table.thead.find_all("th", scope="col")]
        assert [c.replace("\u00ad", "") for c in columns] == [
            "Cliëntondersteuner",
            "Ervaringswerker",
        ]
        assert all(th["scope"] == "row" for th in table.tbody.find_all("th"))
        rows = rows_of(page)
        assert list(rows) == [
            "Stap op de ladder",
            "Type rol",
            "Werkveld",
            "Betaald, vrijwillig of zzp",
            "Weinig uren",
            "Wat doe je?",
            "Hoe word je dit?",
            "Waar doe je dit werk?",
            "Volgende stap",
        ]
        # Each cell from the role's own data, with source vs the editors' reading marked.
        client_support, worker = rows["Stap op de ladder"]
        assert "Stap 2" in client_support and "Zo plaatst de bron dit werk." in client_support
        assert "Stap 4" in worker and "Inschatting van de redactie" in worker
        tasks = RolePage.objects.get(slug="clientondersteuner").task_list
        assert all(task in rows["Wat doe je?"][0] for task in tasks)

    def test_the_rows_where_they_differ_are_marked_and_named(self, client):
        page = soup(client.get(COMPARE + PAIR))
        marked = [
            text(row.th).removesuffix(" Verschil")
            for row in page.select(".compare--wide tr.compare__differs")
        ]
        rows = rows_of(page)
        assert marked == [name for name, cells in rows.items() if len(set(cells)) > 1]
        assert "Stap op de ladder" in marked and "Werkveld" not in marked
        said = text(page.find("p", string=lambda s: s and s.startswith("Ze verschillen in")))
        assert "stap op de ladder" in said and "werkveld" not in said

    def test_on_a_phone_one_role_after_the_other_with_the_same_facts(self, client):
        page = soup(client.get(COMPARE + PAIR))
        sections = page.select(".compare--narrow section.compare__role")
        assert [text(s.h2).replace("\u00ad", "") for s in sections] == [
            "Cliëntondersteuner",
            "Ervaringswerker",
        ]
        facts = [[text(dt).removesuffix(" Verschil") for dt in s.find_all("dt")] for s in sections]
        assert facts[0] == facts[1] == list(rows_of(page))

    def test_a_role_without_a_fact_says_so_and_nothing_is_invented(self, client):
        bare = RolePageFactory(title="Rol zonder taken", slug="rol-zonder-taken", steps=[1])
        bump_content_version()
        rows = rows_of(soup(client.get(f"{COMPARE}?rol=rol-zonder-taken&rol=coach")))
        for fact in ("Wat doe je?", "Hoe word je dit?", "Werkveld", "Type rol"):
            assert rows[fact][0] == NOT_DESCRIBED, fact
        assert bare.title

    def test_more_than_three_unknown_and_private_roles_get_a_message(self, client):
        private = RolePage.objects.get(slug="coach")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        bump_content_version()
        url = (
            f"{COMPARE}?rol=clientondersteuner&rol=bestaat-niet&rol=coach&rol=ervaringswerker"
            "&rol=maatje-buddy&rol=kwartiermaker"
        )
        page = soup(client.get(url))
        said = " ".join(text(p) for p in page.select("main [role=status]"))
        assert "2 rollen in het adres bestaan niet (meer)" in said
        assert "hoogstens 3 rollen tegelijk vergelijken" in said
        assert [c.replace("\u00ad", "") for c in map(text, page.select("thead th"))] == [
            "Cliëntondersteuner",
            "Ervaringswerker",
            "Maatje, buddy",
        ]
        assert "Coach" not in text(page.select_one("main .compare--wide"))

    @pytest.mark.parametrize(
        "query",
        [
            "?" + "&".join(["rol=coach"] * 1000),
            "?" + "&".join(f"rol=x{n}" for n in range(MAX_READ + 10)),
            "?rol=" + "a" * 5000,
            "?rol=%00%ff&rol=../../etc",
            "?rol=",
        ],
    )
    def test_hostile_addresses_never_fail(self, client, query):
        for base in (COMPARE, SAVED):
            response = client.get(base + query)
            assert response.status_code in (200, 400), (base, response.status_code)

    def test_one_role_or_none_asks_for_more(self, client):
        one = text(soup(client.get(COMPARE + "?rol=coach")).main)
        assert "Je koos één rol" in one and "Kies er nog één of twee bij" in one
        none = soup(client.get(COMPARE))
        assert "Je hebt nog geen rollen gekozen" in text(none.main)
        form = none.select_one("form.choose-roles")
        assert form["method"] == "get" and form["action"] == COMPARE
        assert [s["name"] for s in form.find_all("select")] == ["rol", "rol", "rol"]

    def test_it_is_one_shareable_page_per_address(self):
        first = visit(COMPARE + PAIR)
        assert "public" in first["Cache-Control"] and "Set-Cookie" not in first
        assert visit(COMPARE + PAIR + "&utm_source=x").content == first.content
        assert soup(first).find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"

    def test_queries_do_not_grow_with_the_number_of_roles(self, count_queries):
        urls = [COMPARE + PAIR + "&rol=coach", SAVED + PAIR]
        before = {url: count_queries(url) for url in urls}
        RolePageFactory.create_batch(200, steps=[2], types=["hulpverlener"])
        bump_content_version()
        assert {url: count_queries(url) for url in urls} == before
        assert before == dict.fromkeys(urls, PAGE_QUERIES)


class TestWaysIn:
    def test_the_role_list_has_a_compare_form_that_works_without_javascript(self, client):
        page = soup(client.get("/werk/"))
        form = page.find("form", id="vergelijk")
        assert form["method"] == "get" and form["action"] == COMPARE
        boxes = page.select("input[type=checkbox][form=vergelijk]")
        assert len(boxes) == len(page.select("#resultaten .result-list > li"))
        assert {box["name"] for box in boxes} == {"rol"}
        assert all(box.find_parent("label").get_text(strip=True) for box in boxes)

    def test_a_role_page_offers_compare_with_and_save(self, client):
        page = soup(client.get("/werk/clientondersteuner/"))
        form = page.select_one("form.role-tools__compare")
        assert form["action"] == COMPARE
        assert form.find("input", type="hidden")["value"] == "clientondersteuner"
        options = [o["value"] for o in form.find("select").find_all("option")]
        assert "clientondersteuner" not in options and "ervaringswerker" in options
        # Any other role: on the compare page, with this one already chosen.
        everything = page.select_one(".role-tools__all a")
        assert everything["href"] == COMPARE + "?rol=clientondersteuner"
        chosen = soup(client.get(everything["href"])).select_one("#kies-rol-1 option[selected]")
        assert chosen["value"] == "clientondersteuner"
        save = page.select_one("a[data-save-role]")
        assert save["href"] == SAVED + "?rol=clientondersteuner"

    def test_a_role_page_offers_the_nearest_roles_however_many_there_are(self, client):
        def offered():
            bump_content_version()
            page = soup(client.get("/werk/clientondersteuner/"))
            select = page.select_one("form.role-tools__compare select")
            return [o["value"] for o in select.find_all("option") if o["value"]]

        before = offered()
        # 60 roles far away: another work area, two steps higher.
        far = RolePageFactory.create_batch(60, steps=[4], areas=["beleid-en-belangenbehartiging"])
        after = offered()
        assert len(after) == len(before) == 20
        assert not {role.slug for role in far} & set(after)
        assert after == sorted(after, key=lambda slug: RolePage.objects.get(slug=slug).title)
        # A role in the same area on the same step is offered before others.
        area = "zorg-en-begeleiding"
        near = RolePageFactory(title="Aandachtfunctionaris", steps=[2], areas=[area])
        assert near.slug in offered()

    def test_keuzehulp_results_can_be_compared(self, client):
        page = soup(
            client.get("/werk/keuzehulp/?niveau=2&wil=helpen&uren=weet-niet&geld=maakt-niet-uit")
        )
        assert page.find("form", id="vergelijk")["action"] == COMPARE
        assert page.select("#uitkomst input[type=checkbox][form=vergelijk][name=rol]")


class TestShortlist:
    def test_the_list_lives_in_the_address_only(self):
        response = visit(SAVED + PAIR)
        assert "Set-Cookie" not in response and "public" in response["Cache-Control"]
        page = soup(response)
        titles = [text(li.h2).replace("\u00ad", "") for li in page.select(".result-list > li")]
        assert titles == ["Cliëntondersteuner", "Ervaringswerker"]
        address = page.select_one(".saved__address")
        assert address["href"].endswith(SAVED + PAIR)

    def test_remove_add_and_compare_work_through_the_address(self, client):
        page = soup(client.get(SAVED + PAIR))
        remove = page.select_one("a[data-unsave-role=clientondersteuner]")
        assert remove["href"] == SAVED + "?rol=ervaringswerker"
        add = page.select_one("form.add-role")
        kept = [i["value"] for i in add.find_all("input", type="hidden")]
        assert kept == ["clientondersteuner", "ervaringswerker"] and add["action"] == SAVED
        assert "coach" in [o["value"] for o in add.find("select").find_all("option")]
        compare = page.find("form", id="vergelijk-bewaard")
        assert compare["action"] == COMPARE
        assert len(compare.select("input[name=rol][checked]")) == 2

    def test_an_empty_list_explains_itself(self, client):
        page = soup(client.get(SAVED))
        assert "Je hebt nog geen rollen bewaard" in text(page.main)
        assert Client().get(SAVED).status_code == 200
