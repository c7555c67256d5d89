"""Employers and organisations: where ervaringsdeskundigen work, and the figures."""

import re

import pytest
from wagtail.fields import StreamField
from wagtail.models import Page

from caching.version import bump_content_version
from organisations.models import EmployerTypePage, Organisation
from roles.models import RoleEmployerType, RolePage
from tests.support.budgets import PAGE_QUERIES
from tests.support.factories import OrganisationFactory
from tests.support.pages import as_read, soup

pytestmark = pytest.mark.django_db

EMPLOYER_TYPES = [
    "Zorginstellingen",
    "Overheid",
    "Adviesbureaus",
    "Onderzoek",
    "Patiënten- en cliëntenorganisaties",
    "Farmaceuten",
    "Cultuursector",
    "Cliëntenraden",
    "Lokale en regionale platforms",
    "YouTube en sociale media",
    "Zelfstandig (zzp)",
    "Sociaal werk en MEE",
]
ORGANISATIONS = [
    "Out of the Box TV",
    "Uitgeverij Tobi Vroegh",
    "LOC",
    "LSR",
    "Ieder(in)",
    "MIND Landelijk Platform",
    "Patiëntenfederatie Nederland",
    "PGO-Support",
    "Vereniging Spierziekten Nederland",
    "Vereniging voor Ervaringsdeskundigen",
    "Trimbos-instituut",
    "Movisie",
    "MEE",
    "Sociaal Werk Nederland",
    "RIBW’s",
    "Zelfregiecentra",
]
# (figure as shown, source) for every figure the issue names.
FIGURES = [
    ("naar schatting 1.500 personen", "Handboek Ervaringsdeskundigheid"),
    ("200 personen", "Handboek Ervaringsdeskundigheid"),
    ("minstens 150 personen", "Handboek Ervaringsdeskundigheid"),
    ("ongeveer 50%", "Movisie, Sociale wijkteams in beeld"),
    ("ruim 90 organisaties", "Movisie"),
    ("55%", "Movisie"),
    ("13%", "Movisie"),
    ("78%", "Movisie"),
    ("29%", "Movisie"),
    ("24%", "Movisie"),
]


def test_werkgevers_is_one_click_from_home(client):
    home = soup(client.get("/"))
    assert home.find("a", href="/werkgevers/", string="Werkgevers") is not None


def test_every_employer_type_from_the_sources_has_a_page_with_roles(client):
    index = soup(client.get("/werkgevers/"))
    cards = {card.a.get_text(strip=True): card for card in index.select(".cards .card")}
    assert list(cards) == EMPLOYER_TYPES
    for title in EMPLOYER_TYPES:
        page = EmployerTypePage.objects.get(title=title)
        response = client.get(page.url)
        assert response.status_code == 200
        roles = soup(response).find("section", attrs={"aria-labelledby": "rollen-titel"})
        role_count = len(roles.select("li"))
        assert role_count > 0, title
        expected = "1 rol" if role_count == 1 else f"{role_count} rollen"
        assert expected in cards[title].get_text(), title


def test_the_sources_typo_is_corrected():
    assert EmployerTypePage.objects.filter(title="Farmaceuten").exists()
    assert not EmployerTypePage.objects.filter(title__icontains="Famaceuten").exists()


def test_every_organisation_the_sources_name_is_there_with_its_facts(client):
    names = set(Organisation.objects.values_list("name", flat=True))
    assert set(ORGANISATIONS) <= names
    pgo = Organisation.objects.get(name="PGO-Support")
    assert "Volksgezondheid (VWS)" in pgo.description
    loc = Organisation.objects.get(name="LOC")
    assert "koepel" in loc.description
    page = soup(client.get(loc.kind.url))
    assert "LOC" in page.get_text() and "LSR" in page.get_text()


def test_figures_section_shows_every_figure_with_its_source_and_year(client):
    section = soup(client.get("/werkgevers/")).find(id="in-cijfers")
    rows = section.select("tbody tr")
    shown = [
        (
            row.select_one(".figures__number").get_text(" ", strip=True),
            row.find_all("td")[1].get_text(strip=True),
            row.find_all("td")[2].get_text(strip=True),
        )
        for row in rows
    ]
    for figure, source in FIGURES:
        assert any(f == figure and s == source for f, s, _ in shown), figure
    # A year only where the source gives one; otherwise the site says it is not given.
    assert {y for _, _, y in shown} <= {"2015", "2018", "niet genoemd"}
    assert (
        "naar schatting 1.500 personen",
        "Handboek Ervaringsdeskundigheid",
        "niet genoemd",
    ) in shown
    assert ("ruim 90 organisaties", "Movisie", "2018") in shown
    assert "armoede en schulden" in section.get_text()
    assert "Vinden van financiering" in section.get_text()


def test_figures_are_a_table_a_screen_reader_can_read(client):
    table = soup(client.get("/werkgevers/")).select_one("#in-cijfers table")
    assert table.caption is not None
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Wat", "Cijfer", "Bron", "Jaar"]
    assert all(row.th["scope"] == "row" for row in table.tbody.find_all("tr"))


def test_adding_a_role_to_an_employer_type_shows_on_both_pages(client):
    role = RolePage.objects.get(slug="coach")
    farma = EmployerTypePage.objects.get(title="Farmaceuten")
    assert "Coach" not in soup(client.get(farma.url)).get_text()
    role.employer_type_links.add(RoleEmployerType(employer_type=farma))
    role.save_revision().publish()
    assert farma.url in {a["href"] for a in soup(client.get(role.url)).find_all("a", href=True)}
    farma_page = soup(client.get(farma.url))
    assert farma_page.find("a", href=role.url, string="Coach") is not None


def test_same_queries_with_10_and_500_organisations(count_queries):
    Organisation.objects.all().delete()
    OrganisationFactory.create_batch(10)
    bump_content_version()
    urls = ["/werkgevers/", "/werkgevers/zorginstellingen/"]
    with_10 = {url: count_queries(url) for url in urls}
    Organisation.objects.bulk_create(
        [Organisation(name=f"Bulk {n}", kind=EmployerTypePage.objects.first()) for n in range(490)]
    )
    bump_content_version()
    with_500 = {url: count_queries(url) for url in urls}
    assert with_10 == with_500 == dict.fromkeys(urls, PAGE_QUERIES)


def figures_blocks_on_the_site():
    """(page, block value) for every figures block on a live page, wherever it stands."""
    found = []
    for page in Page.objects.live().specific():
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                for block in getattr(page, field.name):
                    if block.block_type == "figures":
                        found.append((page, block.value))
    return found


def test_every_figures_block_opens_with_one_plain_sentence_by_the_editors(client):
    blocks = figures_blocks_on_the_site()
    assert len(blocks) >= 7
    for page, value in blocks:
        sentence = value["in_short"]
        assert sentence, f"{page.title}: {value['title']}"
        assert len(re.findall(r"[.!?](\s|$)", sentence)) == 1 and len(sentence.split()) <= 20
        # Its numbers are the block's own (the sentence says nothing the figures do not).
        told = " ".join(
            [value["intro"] or "", value["title"]]
            + [f"{f['number']:g} {f['label']} {f['year'] or ''}" for f in value["figures"]]
        )
        assert all(number in told for number in re.findall(r"\d+", sentence)), sentence
        section = next(
            s
            for s in as_read(soup(client.get(page.url))).select("section.figures")
            if s.h2.get_text() == value["title"]
        )
        in_short = section.select_one(".in-short--figures")
        # It opens the block, and says whose words these are.
        assert section.find(["p", "div"]) is in_short
        read = " ".join(in_short.get_text(" ").split()).replace(" ,", ",")
        assert sentence in read
        assert "door de redactie" in read
