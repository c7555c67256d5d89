"""Articles: index, tags, feeds, reading time, view count, and the seeded comments."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from articles.models import ArticleIndexPage, ArticlePage
from articles.reads import ArticleReads
from articles.tags import merge_tags
from caching.version import bump_content_version
from comments.models import Comment
from tests.support.budgets import PAGE_QUERIES
from tests.support.content import OPMARS, OPMARS_URL, PARADOX, PARADOX_URL
from tests.support.factories import ArticlePageFactory, CommentFactory
from tests.support.pages import soup

pytestmark = pytest.mark.django_db


class TestSeededArticles:
    def test_boevink_article_with_author_bio_views_and_seven_comments(self, client):
        page = soup(client.get(PARADOX_URL))
        text = page.get_text(" ")
        assert "Door Wilma Boevink" in text
        # Counted on the site the text comes from, and labelled so; it does not grow here.
        assert "10078 keer bekeken op de oorspronkelijke site" in text
        assert "Director User Research Center bij Trimbos-instituut" in text
        assert page.find("h2", id="reacties-titel").get_text() == "Reacties (7)"
        comments = page.select(".comment-list > li")
        assert len(comments) == 7
        assert "Maar niemand wil luisteren." in comments[0].get_text()
        assert "Waarom wordt die baan" in comments[6].get_text()

    def test_comments_keep_their_line_breaks(self, client):
        first = soup(client.get(PARADOX_URL)).select(".comment-list > li")[0]
        body = first.select_one(".comment__body")
        assert len(body.find_all("br")) >= 3

    def test_movisie_article_has_its_figures_and_lists(self, client):
        page = soup(client.get(OPMARS_URL))
        text = page.get_text(" ")
        assert "Ongeveer 50% van de sociale (wijk)teams" in text
        assert "armoede en schulden" in text
        table_text = page.select_one(".figures table").get_text(" ")
        for figure in ("55%", "13%", "78%", "29%", "24%"):
            assert figure in table_text
        assert "Vinden van financiering voor de inzet" in text

    def test_reading_time_is_shown(self, client):
        article = ArticlePage.objects.get(slug=PARADOX)
        assert article.reading_minutes >= 4
        assert f"{article.reading_minutes} min. lezen" in client.get(PARADOX_URL).content.decode()

    def test_related_roles_link_to_the_role_pages(self, client):
        page = soup(client.get(PARADOX_URL))
        assert page.find("a", href="/werk/ervaringswerker/") is not None


class TestIndex:
    def test_newest_first_with_author_date_intro_and_comment_count(self, client):
        page = soup(client.get("/artikelen/"))
        items = page.select(".result-list > li")
        assert [li.h2.get_text(strip=True) for li in items] == [
            "Inzet ervaringsdeskundigen sociaal werk in opmars",
            "Ervaringsdeskundige, hoed u voor de professionaliseringsparadox",
        ]
        second = items[1].get_text(" ")
        assert "Wilma Boevink" in second and "7 reacties" in second
        # The sources give no dates: none is shown.
        assert not page.select(".result-list time")
        assert "0 reacties" in items[0].get_text(" ")

    def test_pending_comments_are_not_counted(self, client):
        article = ArticlePage.objects.get(slug=PARADOX)
        CommentFactory(article=article, status=Comment.Status.PENDING)
        CommentFactory(article=article, status=Comment.Status.SPAM)
        assert "7 reacties" in client.get("/artikelen/").content.decode()

    def test_each_tag_has_a_clean_address(self, client):
        page = soup(client.get("/artikelen/tag/ggz/"))
        assert page.h1.get_text() == "Artikelen over ggz"
        assert [li.h2.get_text(strip=True) for li in page.select(".result-list > li")] == [
            "Ervaringsdeskundige, hoed u voor de professionaliseringsparadox"
        ]
        crumbs = page.select("nav.breadcrumb a")
        assert [(a.get_text(), a.get("aria-current")) for a in crumbs] == [
            ("Home", None),
            ("Artikelen", None),
            ("Over ggz", "page"),
        ]
        assert client.get("/artikelen/tag/bestaat-niet/").status_code == 404

    def test_paginated_by_ten(self, client):
        ArticlePageFactory.create_batch(12)
        bump_content_version()
        first = soup(client.get("/artikelen/"))
        assert len(first.select(".result-list > li")) == 10
        second = soup(client.get("/artikelen/?page=2"))
        assert len(second.select(".result-list > li")) == 4
        # A page that does not exist is a 404, whatever was typed.
        for odd in ("3", "0", "-1", "abc", "02", "99999999999999999999"):
            assert client.get(f"/artikelen/?page={odd}").status_code == 404, odd

    def test_feeds_are_linked_from_the_head(self, client):
        head = soup(client.get("/artikelen/")).head
        assert head.find("link", type="application/rss+xml")["href"] == "/artikelen/feed/rss/"
        assert head.find("link", type="application/atom+xml")["href"] == "/artikelen/feed/atom/"


class TestFeeds:
    def test_rss_is_valid_rss_2_and_lists_the_articles(self, client):
        response = client.get("/artikelen/feed/rss/")
        assert response["Content-Type"].startswith("application/rss+xml")
        root = ET.fromstring(response.content)
        assert root.tag == "rss" and root.attrib["version"] == "2.0"
        channel = root.find("channel")
        for required in ("title", "link", "description"):
            assert channel.find(required).text
        items = channel.findall("item")
        assert [i.find("title").text for i in items] == [
            "Inzet ervaringsdeskundigen sociaal werk in opmars",
            "Ervaringsdeskundige, hoed u voor de professionaliseringsparadox",
        ]
        for item in items:
            assert item.find("link").text.startswith("http://testserver/artikelen/")
            assert item.find("pubDate").text
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "rss20"

    def test_atom_is_valid_atom(self, client):
        response = client.get("/artikelen/feed/atom/")
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10"
        assert len(parsed.entries) == 2
        root = ET.fromstring(response.content)
        ns = {"a": "http://www.w3.org/2005/Atom"}
        for required in ("a:id", "a:title", "a:updated"):
            assert root.find(required, ns) is not None
        for entry in root.findall("a:entry", ns):
            assert entry.find("a:id", ns).text and entry.find("a:updated", ns).text

    def test_feeds_hold_no_comments_and_no_email_addresses(self, client):
        article = ArticlePage.objects.get(slug=PARADOX)
        CommentFactory(article=article, email="geheim@example.org", body="Goedgekeurd geheim")
        for url in ("/artikelen/feed/rss/", "/artikelen/feed/atom/"):
            xml = client.get(url).content.decode()
            assert "geheim@example.org" not in xml
            assert "Goedgekeurd geheim" not in xml


class TestViewCount:
    def test_loading_the_counter_image_counts_one_read(self, client):
        article = ArticlePage.objects.get(slug=OPMARS)
        page = soup(client.get(article.url))
        counter = page.find("img", class_="read-counter")
        assert counter["alt"] == ""
        response = client.get(counter["src"], HTTP_USER_AGENT="Mozilla/5.0 Firefox/140")
        assert response["Content-Type"] == "image/gif"
        assert "no-store" in response["Cache-Control"]
        assert ArticleReads.objects.get(article=article).count == 1

    @pytest.mark.parametrize(
        "agent", ["Googlebot/2.1", "Mozilla/5.0 (compatible; bingbot/2.0)", "HeadlessChrome", ""]
    )
    def test_bots_are_not_counted(self, client, agent):
        article = ArticlePage.objects.get(slug=OPMARS)
        client.get(article.url + "gelezen/", HTTP_USER_AGENT=agent)
        assert not ArticleReads.objects.filter(article=article).exists()

    def test_the_admin_preview_does_not_count(self, client, admin_user):
        article = ArticlePage.objects.get(slug=OPMARS)
        client.force_login(admin_user)
        response = client.get(f"/beheer/pages/{article.pk}/view_draft/")
        assert response.status_code == 200
        assert "read-counter" not in response.content.decode()
        assert not ArticleReads.objects.filter(article=article).exists()

    def test_editors_see_how_often_each_article_was_read(self, client, editor, moderator):
        paradox = ArticlePage.objects.get(slug=PARADOX)
        opmars = ArticlePage.objects.get(slug=OPMARS)
        ArticleReads.objects.create(article=opmars, count=3)
        ArticleReads.objects.create(article=paradox, count=42)
        client.force_login(editor)
        rows = soup(client.get("/beheer/artikelen/?ordering=-read_count")).select("tbody tr")
        assert rows[0].find("a").get_text(strip=True).startswith("Ervaringsdeskundige, hoed u")
        assert rows[0].find_all("td")[-1].get_text(strip=True) == "42"
        assert rows[1].find_all("td")[-1].get_text(strip=True) == "3"
        client.force_login(moderator)
        assert client.get("/beheer/artikelen/").status_code in (302, 403)


class TestQueryBudgets:
    def test_article_page_same_queries_with_0_and_500_comments(self, count_queries):
        article = ArticlePage.objects.get(slug=OPMARS)
        with_0 = count_queries(article.url)
        Comment.objects.bulk_create(
            [
                Comment(
                    article=article,
                    name=f"Lezer {n}",
                    email=f"l{n}@example.org",
                    body=f"Reactie {n}",
                    status=Comment.Status.APPROVED,
                )
                for n in range(500)
            ]
        )
        bump_content_version()
        with_500 = count_queries(article.url)
        assert with_0 == with_500 == PAGE_QUERIES
        assert count_queries(article.url + "?reacties=5") == with_500

    def test_long_discussions_are_split_in_pages_of_25(self, client):
        article = ArticlePage.objects.get(slug=OPMARS)
        Comment.objects.bulk_create(
            [
                Comment(
                    article=article,
                    name=f"Lezer {n}",
                    email=f"l{n}@example.org",
                    body=f"Reactie {n}",
                    status=Comment.Status.APPROVED,
                    created_at=timezone.now() + datetime.timedelta(seconds=n),
                )
                for n in range(250)
            ]
        )
        bump_content_version()
        first = soup(client.get(article.url))
        assert first.find("h2", id="reacties-titel").get_text() == "Reacties (250)"
        assert len(first.select("ol.comment-list > li")) == 25
        last = soup(client.get(article.url + "?reacties=10"))
        items = last.select("ol.comment-list > li")
        assert len(items) == 25
        assert last.select_one("ol.comment-list")["start"] == "226"
        assert "Reactie 249" in items[-1].get_text()
        assert last.find("a", rel="prev")["href"] == "?reacties=9#reacties"
        assert last.find("a", rel="next") is None
        for odd in ("11", "0", "abc", "99999999999999999999", "1&reacties=2"):
            assert client.get(f"{article.url}?reacties={odd}").status_code == 404, odd

    def test_index_and_feeds_same_queries_with_10_and_100_articles(self, count_queries):
        urls = [
            "/artikelen/",
            "/artikelen/tag/ggz/",
            "/artikelen/feed/rss/",
            "/artikelen/feed/atom/",
        ]
        ArticlePageFactory.create_batch(8)
        bump_content_version()
        with_10 = {url: count_queries(url) for url in urls}
        ArticlePageFactory.create_batch(90)
        bump_content_version()
        with_100 = {url: count_queries(url) for url in urls}
        assert with_10 == with_100 == dict.fromkeys(urls, PAGE_QUERIES)


def test_index_page_offers_only_articles_as_children():
    assert ArticleIndexPage.allowed_subpage_models() == [ArticlePage]


class TestTagsThatMoveOrHide:
    """Issue 20: a tag of only private articles shows nowhere; a renamed or merged tag's old
    address leads to the tag it became."""

    def test_a_tag_on_private_articles_only_has_no_chip_and_no_page(self, client):
        from wagtail.models import PageViewRestriction

        article = ArticlePageFactory(title="Alleen voor leden")
        article.tags.add("geheim onderwerp")
        article.save_revision().publish()
        PageViewRestriction.objects.create(page=article, restriction_type="login")
        bump_content_version()
        index = client.get("/artikelen/").content.decode()
        assert "geheim onderwerp" not in index
        assert client.get("/artikelen/tag/geheim-onderwerp/").status_code == 404

    def test_a_renamed_tag_address_redirects_to_the_new_one(self, client):
        from taggit.models import Tag

        tag = Tag.objects.get(slug="ggz")
        tag.slug = "geestelijke-gezondheidszorg"
        tag.save()
        response = client.get("/artikelen/tag/ggz/")
        assert response.status_code == 301
        assert response["Location"].endswith("/artikelen/tag/geestelijke-gezondheidszorg/")
        assert client.get(response["Location"]).status_code == 200
        # And back: the first address is a tag page again, no loop.
        tag.slug = "ggz"
        tag.save()
        assert client.get("/artikelen/tag/ggz/").status_code == 200
        moved = client.get("/artikelen/tag/geestelijke-gezondheidszorg/")
        assert moved.status_code == 301 and moved["Location"].endswith("/artikelen/tag/ggz/")

    def test_a_merged_tags_address_redirects_to_the_tag_kept(self, client):
        from taggit.models import Tag

        kept = Tag.objects.get(slug="ggz")
        other = Tag.objects.get(slug="professionalisering")
        merge_tags(kept, [other])
        response = client.get("/artikelen/tag/professionalisering/")
        assert response.status_code == 301
        assert response["Location"].endswith("/artikelen/tag/ggz/")
