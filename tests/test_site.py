"""The site-wide pages and parts: home, content pages, navigation, search, SEO files, errors."""

import gzip
import re

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search.backends import get_search_backend

from articles.models import ArticleIndexPage
from caching.version import bump_content_version
from core.hyphenation import SOFT_HYPHEN
from core.models import ContentPage, HomePage
from core.privacy import public
from core.search import stem, word_forms
from core.templatetags.site_tags import soft_hyphens
from roles.models import RoleIndexPage, RolePage
from tests.support.budgets import PAGE_QUERIES, SEARCH_QUERIES
from tests.support.content import PARADOX_URL
from tests.support.factories import ArticlePageFactory, RolePageFactory
from tests.support.files import image_file
from tests.support.pages import soup

pytestmark = pytest.mark.django_db

NOISE = ["flag 001", "flag 002", "Lorem ipsum", "Click here to change this text", "Famaceuten"]


def test_home_page_is_dutch_with_one_heading_and_a_skip_link(client):
    response = client.get("/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "nl"
    assert len(page.find_all("h1")) == 1
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#inhoud"
    assert page.find("main", id="inhoud") is not None


def test_browser_tabs_name_the_page_then_the_site_once(client):
    assert soup(client.get("/")).title.get_text() == "ervaring: werken met je ervaring"
    role = soup(client.get("/werk/clientondersteuner/"))
    assert role.title.get_text() == "Cliëntondersteuner | ervaring"


def test_main_menu_leads_to_every_section_in_one_click(client):
    page = soup(client.get("/"))
    menu = page.find("nav", attrs={"aria-label": "Hoofdmenu"})
    links = {a.get_text(strip=True): a["href"] for a in menu.find_all("a")}
    assert links["Werk"] == "/werk/"
    assert links["De ervaringsladder"] == "/ervaringsladder/"
    assert links["Werkgevers"] == "/werkgevers/"
    assert links["Artikelen"] == "/artikelen/"
    assert links["Hoe word ik ervaringsdeskundige?"] == "/hoe-word-ik-ervaringsdeskundige/"
    for href in links.values():
        assert client.get(href).status_code == 200


def test_footer_links_to_privacy_and_accessibility(client):
    footer = soup(client.get("/")).find("footer")
    hrefs = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    assert hrefs["Privacy"] == "/privacy/"
    assert hrefs["Toegankelijkheidsverklaring"] == "/toegankelijkheid/"
    privacy = client.get("/privacy/").content.decode()
    assert "IP-adres niet" in privacy
    assert "30 dagen" in privacy


def test_current_section_is_marked_in_the_menu(client):
    menu = soup(client.get("/werk/clientondersteuner/")).find(
        "nav", attrs={"aria-label": "Hoofdmenu"}
    )
    current = menu.find("a", attrs={"aria-current": True})
    assert current.get_text(strip=True) == "Werk"


def test_breadcrumb_shows_the_way_back(client):
    crumbs = soup(client.get("/werk/clientondersteuner/")).find(
        "nav", attrs={"aria-label": "Kruimelpad"}
    )
    assert [a.get_text(strip=True) for a in crumbs.find_all("a")] == [
        "Home",
        "Werk",
        "Cliëntondersteuner",
    ]


def test_content_page_shows_its_text_and_source(client):
    response = client.get("/hoe-word-ik-ervaringsdeskundige/")
    text = soup(response).get_text(" ")
    assert "De drie kerntaken van de ervaringsdeskundige zijn" in text
    assert "Tips voor werkgevers" in text and "Tips voor ervaringsdeskundigen" in text
    assert "Bron: Jim van Os, PsychoseNet.nl" in text


def test_seeded_content_pages_are_reachable_from_the_home_page(client):
    home = soup(client.get("/"))
    hrefs = {a["href"] for a in home.find_all("a", href=True)}
    assert "/hoe-word-ik-ervaringsdeskundige/" in hrefs
    # The other content pages are one click further: privacy and toegankelijkheid in the footer,
    # the zorgsector and the naming pages through search and the sitemap.
    sitemap = client.get("/sitemap.xml").content.decode()
    for page in ContentPage.objects.live():
        assert page.full_url in sitemap


def test_title_description_and_open_graph_come_from_page_fields(client):
    page = ContentPage.objects.get(slug="hoe-word-ik-ervaringsdeskundige")
    head = soup(client.get(page.url)).head
    assert head.title.get_text().startswith("Hoe word ik ervaringsdeskundige?")
    assert head.find("meta", attrs={"name": "description"})["content"] == page.summary
    assert head.find("meta", property="og:title")["content"] == page.title
    assert head.find("meta", property="og:url")["content"] == "http://testserver" + page.url
    assert head.find("link", rel="canonical")["href"] == "http://testserver" + page.url
    assert head.find("link", rel="icon")["href"].endswith("favicon.svg")


def test_no_page_shows_the_noise_of_the_source_texts(client):
    for page in Page.objects.live().specific().exclude(depth=1):
        html = client.get(page.url).content.decode()
        for noise in NOISE:
            assert noise not in html, (page.url, noise)


def test_sitemap_and_robots(client):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "/werk/clientondersteuner/" in sitemap.content.decode()
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /beheer/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_the_sitemap_answers_for_the_site_that_is_asked(client):
    articles = Page.objects.get(url_path="/home/artikelen/")
    Site.objects.create(hostname="artikelen.example", port=80, root_page=articles)
    other = client.get("/sitemap.xml", HTTP_HOST="artikelen.example").content.decode()
    assert "http://artikelen.example/hoed-u-voor-de-professionaliseringsparadox/" in other
    assert "/werk/clientondersteuner/" not in other
    main = client.get("/sitemap.xml").content.decode()
    assert "artikelen.example" not in main
    assert "http://localhost/werk/clientondersteuner/" in main


def test_favicon_address_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_unknown_page_gets_a_dutch_404_with_a_search_box(client):
    page = soup(client.get("/bestaat-niet/"), status=404)
    assert page.h1.get_text() == "Deze pagina bestaat niet"
    assert page.find("form", attrs={"role": "search"}) is not None


class TestSearch:
    def test_finds_a_role_by_name_and_shows_its_type_and_summary(self, client):
        response = client.get(reverse("search"), {"q": "cliëntondersteuner"})
        page = soup(response)
        results = page.select(".search-result")
        titles = [r.select_one(".search-result__title").get_text(strip=True) for r in results]
        assert "Cliëntondersteuner" in titles
        first = results[titles.index("Cliëntondersteuner")]
        assert first.select_one(".search-result__type").get_text(strip=True) == "Rol"
        assert "bekendste beroep" in first.get_text()

    def test_finds_articles_and_content_pages(self, client):
        text = soup(client.get(reverse("search"), {"q": "professionaliseringsparadox"})).get_text()
        assert "Ervaringsdeskundige, hoed u voor de professionaliseringsparadox" in text
        text = soup(client.get(reverse("search"), {"q": "kerntaken"})).get_text()
        assert "Hoe word ik ervaringsdeskundige?" in text

    def test_empty_query_gets_a_friendly_suggestion(self, client):
        response = client.get(reverse("search"))
        assert response.status_code == 200
        assert "Typ een of meer woorden" in response.content.decode()

    def test_query_of_symbols_only_is_answered_kindly(self, client):
        response = client.get(reverse("search"), {"q": "%$#@!*"})
        assert response.status_code == 200
        assert "geen letters of cijfers" in response.content.decode()

    def test_nothing_found_says_so_with_tips(self, client):
        response = client.get(reverse("search"), {"q": "xylofoonreparatie"})
        assert "Niets gevonden voor ‘xylofoonreparatie’" in response.content.decode()

    @pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "01", "9" * 30])
    def test_a_page_of_results_that_does_not_exist_is_not_found(self, client, page):
        response = client.get(reverse("search"), {"q": "ervaringsdeskundige", "page": page})
        assert response.status_code == 404

    def test_results_are_paginated(self, client):
        first = soup(client.get(reverse("search"), {"q": "ervaringsdeskundigen"}))
        assert len(first.select(".search-result")) == 10
        assert first.find("a", rel="next") is not None
        second = soup(client.get(reverse("search"), {"q": "ervaringsdeskundigen", "page": 2}))
        assert second.select(".search-result")
        assert re.search(r"Pagina 2 van \d+", second.get_text())


def search_titles(client, query, page=None):
    params = {"q": query, **({"page": page} if page else {})}
    page = soup(client.get(reverse("search"), params))
    return [r.get_text(strip=True) for r in page.select(".search-result__title")]


class TestSearchFindsTheRightThingFirst:
    """Issue 13.5: titles first; Dutch singular and plural alike on every database."""

    def test_a_title_match_comes_before_pages_that_mention_the_word(self, client):
        # An article that names the role many times but not in its title.
        index = ArticleIndexPage.objects.get()
        article = index.articles().first().specific
        article.intro = "Cliëntondersteuner. " * 20
        article.save_revision().publish()
        titles = search_titles(client, "cliëntondersteuner")
        assert titles[0] == "Cliëntondersteuner"
        assert article.title in titles

    def test_every_title_match_comes_first(self, client):
        titles = search_titles(client, "ervaringsdeskundige")
        # First the role whose other name is exactly the word (issue 33), then every title
        # that holds it.
        named = RolePage.objects.get(slug="ervaringswerker")
        assert "ervaringsdeskundige" in named.other_names_list
        assert titles[0] == named.title
        with_word = [t for t in titles if "ervaringsdeskundig" in t.lower()]
        assert with_word and titles[1 : len(with_word) + 1] == with_word

    @pytest.mark.parametrize(
        "one,other",
        [
            ("ervaringsdeskundige", "ervaringsdeskundigen"),
            ("rol", "rollen"),
            ("werkgever", "werkgevers"),
            ("taak", "taken"),
        ],
    )
    def test_singular_and_plural_give_the_same_results(self, client, one, other):
        first = soup(client.get(reverse("search"), {"q": one})).find(class_="search-count")
        second = soup(client.get(reverse("search"), {"q": other})).find(class_="search-count")
        count = re.search(r"\d+", first.get_text())
        assert count and count.group() == re.search(r"\d+", second.get_text()).group()
        assert search_titles(client, one) == search_titles(client, other)

    def test_a_word_without_diacritics_still_finds_the_role(self, client):
        assert "Cliëntondersteuner" in search_titles(client, "clientondersteuner")

    def test_word_forms_share_the_stem_postgresql_uses(self):
        forms = word_forms("ervaringsdeskundigen")
        assert "ervaringsdeskundige" in forms and forms == word_forms("ervaringsdeskundige")
        assert {stem(form) for form in forms} == {stem("ervaringsdeskundige")}
        assert "stappen" in word_forms("stap") and "taken" in word_forms("taak")

    def test_editors_find_a_page_by_a_word_in_its_body(self, client, editor):
        client.force_login(editor)
        # "kerntaken" is in the body of one content page, in no title.
        response = client.get("/beheer/pages/search/", {"q": "kerntaken"})
        assert "Hoe word ik ervaringsdeskundige?" in soup(response).get_text()


def test_only_one_home_page_can_exist():
    assert HomePage.objects.count() == 1
    assert not HomePage.can_create_at(Page.objects.get(depth=1))


PAGE_TYPES = [
    "/",
    "/hoe-word-ik-ervaringsdeskundige/",
    "/zoeken/?q=ervaringsdeskundige",
    "/werk/",
    "/werk/?stap=2&vorm=vrijwillig",
    "/werk/keuzehulp/?niveau=2&wil=helpen&uren=weinig",
    "/ervaringsladder/",
    "/werk/ervaringswerker/",
    "/werkgevers/",
    "/werkgevers/overheid/",
    "/artikelen/",
    "/artikelen/tag/ggz/",
    PARADOX_URL,
]


class TestLeanPages:
    @pytest.mark.parametrize("url", PAGE_TYPES)
    def test_html_css_and_js_together_stay_under_50_kb_compressed(self, client, url):
        response = client.get(url)
        page = soup(response)
        stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
        scripts = [script["src"] for script in page.find_all("script", src=True)]
        assert len(stylesheets) == 1 and len(scripts) <= 1
        total = len(gzip.compress(response.content))
        for asset in stylesheets + scripts:
            asset_response = client.get(asset)
            body = (
                b"".join(asset_response.streaming_content)
                if asset_response.streaming
                else asset_response.content
            )
            total += len(gzip.compress(body))
        assert total <= 50 * 1024, (url, total)

    @pytest.mark.parametrize("url", PAGE_TYPES)
    def test_no_requests_to_other_sites(self, client, url):
        page = soup(client.get(url))
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "srcset"),
        ):
            for element in page.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not value.startswith(("http:", "https:", "//")), (url, value)

    def test_images_are_responsive_modern_and_lazy(self, client, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        image = Image.objects.create(title="Foto", file=image_file(size=(1600, 900)))
        page = ContentPage.objects.get(slug="privacy")
        page.body = [
            *[(b.block_type, b.value) for b in page.body],
            ("image", {"image": image, "alt_text": "Twee mensen praten", "caption": ""}),
        ]
        page.save_revision().publish()
        picture = soup(client.get(page.url)).find("picture")
        types = [source["type"] for source in picture.find_all("source")]
        assert types == ["image/avif", "image/webp"]
        assert "400w" in picture.source["srcset"] and "1200w" in picture.source["srcset"]
        img = picture.img
        assert img["alt"] == "Twee mensen praten"
        assert img["loading"] == "lazy" and img.get("width") and img.get("height")


def test_home_search_and_content_pages_keep_their_queries_with_ten_times_the_content(
    count_queries,
):

    urls = [
        "/",
        "/zoeken/?q=ervaringsdeskundige",
        "/hoe-word-ik-ervaringsdeskundige/",
        "/zoeken/?q=ervaringsdeskundigen&page=2",
    ]
    before = {url: count_queries(url) for url in urls}
    # Wagtail's own sitemap view: one query per page type, not per page.
    sitemap_before = count_queries("/sitemap.xml")
    RolePageFactory.create_batch(
        300, steps=[2], types=["hulpverlener"], summary="Een ervaringsdeskundige in een testrol."
    )
    ArticlePageFactory.create_batch(20, intro="Over ervaringsdeskundige in een test.")
    bump_content_version()
    after = {url: count_queries(url) for url in urls}
    assert count_queries("/sitemap.xml") == sitemap_before
    assert before == after
    assert after == {
        url: SEARCH_QUERIES if url.startswith("/zoeken/") else PAGE_QUERIES for url in urls
    }


def test_search_understands_dutch_word_forms_on_postgresql(client):
    # The source says "kerntaken"; a visitor may type the singular.
    text = soup(client.get(reverse("search"), {"q": "kerntaken"})).get_text()
    assert "Hoe word ik ervaringsdeskundige?" in text
    if connection.vendor == "postgresql":
        assert get_search_backend().config == "dutch"
        stemmed = soup(client.get(reverse("search"), {"q": "kerntaak"})).get_text()
        assert "Hoe word ik ervaringsdeskundige?" in stemmed


def test_long_words_in_titles_break_where_a_dutch_reader_expects(client):
    """On a phone, "professionaliseringsparadox" does not fit on one line: it breaks where a
    Dutch hyphenation dictionary says, at the compound's joint rather than a syllable next to
    it, never leaving fewer than four letters on a line; the text itself is unchanged."""

    html = client.get(PARADOX_URL).content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", html).group(1)
    assert heading.replace(SOFT_HYPHEN, "") == (
        "Ervaringsdeskundige, hoed u voor de professionaliseringsparadox"
    )
    assert "rings\u00adparadox" in heading  # the joint of professionaliserings|paradox
    assert soft_hyphens("ervaringsdeskundigheid") == "erva\u00adrings\u00addeskundig\u00adheid"
    assert soft_hyphens("cliëntondersteuner") == "cliënt\u00adonder\u00adsteuner"
    assert soft_hyphens("<b>cliëntenraad</b>") == "<b>cliënten\u00adraad</b>"
    assert soft_hyphens("Zorg en werk") == "Zorg en werk"
    for word in heading.split():
        parts = word.strip(",").split(SOFT_HYPHEN)
        if len(parts) > 1:
            assert len(parts[0]) >= 4 and len(parts[-1]) >= 4, word
    ladder = client.get("/ervaringsladder/").content.decode()
    assert "erva\u00adrings\u00addeskundig\u00adheid</h2>" in ladder


class TestSearchWithoutResults:
    """A search that finds nothing offers a way on instead of a dead end (issue 24)."""

    def test_nothing_found_offers_the_filters_the_keuzehulp_the_ladder_and_situations(self, client):
        page = soup(client.get("/zoeken/", {"q": "xyzzyquux"}))
        assert "Niets gevonden" in page.select_one(".search-count").get_text()
        links = [(a.get_text(), a["href"]) for a in page.select(".search-help a")]
        assert links == [
            ("Bekijk alle soorten werk", "/werk/"),
            ("Doe de keuzehulp", "/werk/keuzehulp/"),
            ("Bekijk de ervaringsladder", "/ervaringsladder/"),
            ("Jouw situatie", "/jouw-situatie/"),
        ]

    def test_results_show_no_help_list(self, client):
        page = soup(client.get("/zoeken/", {"q": "coach"}))
        assert page.select(".search-result") and not page.select(".search-help")

    def test_a_private_role_index_is_not_offered(self, client):
        index = RoleIndexPage.objects.get()
        PageViewRestriction.objects.create(page=index, restriction_type="login")
        page = soup(client.get("/zoeken/", {"q": "xyzzyquux"}))
        hrefs = [a["href"] for a in page.select(".search-help a")]
        assert "/werk/" not in hrefs and "/werk/keuzehulp/" not in hrefs


class TestOverviewOfAllPages:
    """Issue 20: the footer's overview is a page for people; sitemap.xml stays for machines."""

    def test_footer_links_to_a_readable_overview_of_every_public_page(self, client):
        footer = soup(client.get("/")).find("footer")
        link = footer.find("a", string="Alle pagina's")
        assert link is not None and link["href"] == "/alle-paginas/"
        page = soup(client.get("/alle-paginas/"))
        assert page.h1.get_text() == "Alle pagina's"
        listed = {a["href"] for a in page.select("ul.overview a")}
        expected = {p.url for p in public(Page.objects.live().filter(depth__gt=1))}
        assert listed == expected
        # Roles sit under "Werk", as in the menu.
        werk = page.select_one("ul.overview a[href='/werk/']").find_parent("li")
        assert werk.find("a", href="/werk/lobbyist/") is not None

    def test_a_private_page_is_not_in_the_overview(self, client):
        role = Page.objects.get(slug="lobbyist")
        PageViewRestriction.objects.create(page=role, restriction_type="login")
        bump_content_version()
        assert 'href="/werk/lobbyist/"' not in client.get("/alle-paginas/").content.decode()
