"""Editors and the articles' authors and tags in the admin (issue 13.4): the author chooser
searches and adds, tags can be renamed, merged and deleted, and the site follows."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from taggit.models import Tag
from wagtail.images.models import Image

from articles.models import ArticleIndexPage, ArticlePage, Author
from caching.version import bump_content_version
from tests.support.budgets import PAGE_QUERIES
from tests.support.files import image_file
from tests.support.pages import html_soup, soup

pytestmark = pytest.mark.django_db
CHOOSER = "wagtailsnippetchoosers_articles_author"


def tag_names(article):
    return sorted(ArticlePage.objects.get(pk=article.pk).tags.names())


class TestAuthorChooser:
    def test_searching_by_name_finds_the_author(self, client, editor):
        client.force_login(editor)
        response = client.get(reverse(f"{CHOOSER}:choose_results"), {"q": "Boevink"})
        rows = [a.get_text(strip=True) for a in soup(response).select("table a")]
        assert "Wilma Boevink" in rows
        assert all("Boevink" in row for row in rows)

    def test_an_editor_adds_an_author_without_leaving_the_article(self, client, editor):
        client.force_login(editor)
        modal = client.get(reverse(f"{CHOOSER}:choose")).json()["html"]
        assert "Nieuwe auteur" in modal and "Auteur toevoegen" in modal
        response = client.post(
            reverse(f"{CHOOSER}:create"), {"name": "Sanne de Vries", "bio": "Herstelcoach."}
        )
        data = response.json()
        author = Author.objects.get(name="Sanne de Vries")
        assert data["step"] == "chosen" and str(data["result"]["id"]) == str(author.pk)
        assert author.bio == "Herstelcoach."

    def test_a_name_that_exists_is_refused_in_dutch_and_kept(self, client, editor):
        client.force_login(editor)
        response = client.post(reverse(f"{CHOOSER}:create"), {"name": "Wilma Boevink"})
        data = response.json()
        assert data["step"] != "chosen"
        form = html_soup(data["htmlFragment"])
        assert "bestaat al" in form.get_text()
        assert form.find("input", attrs={"name": "name"})["value"] == "Wilma Boevink"
        assert Author.objects.filter(name="Wilma Boevink").count() == 1


@pytest.fixture
def two_tags():
    """Two articles, one tagged ‘ggz’, one tagged ‘herstel’ and ‘ggz’."""
    first, second = ArticlePage.objects.live().order_by("pk")[:2]
    first.tags.set(["ggz"])
    first.save_revision().publish()
    second.tags.set(["herstel", "ggz"])
    second.save_revision().publish()
    return first, second


class TestTags:
    def test_editors_rename_a_tag_and_the_site_shows_the_new_name(self, client, editor, two_tags):
        first, _ = two_tags
        tag = Tag.objects.get(name="ggz")
        page = soup(Client().get(first.url))  # cached now
        client.force_login(editor)
        edit = reverse("wagtailsnippets_taggit_tag:edit", args=[tag.pk])
        response = client.post(edit, {"name": "geestelijke gezondheidszorg", "slug": tag.slug})
        assert response.status_code == 302
        page = soup(Client().get(first.url))
        assert "geestelijke gezondheidszorg" in page.get_text()
        index = ArticleIndexPage.objects.first()
        assert Client().get(index.tag_url(tag.slug)).status_code == 200

    def test_merging_keeps_one_tag_and_every_article(self, client, editor, two_tags):
        first, second = two_tags
        ggz, herstel = Tag.objects.get(name="ggz"), Tag.objects.get(name="herstel")
        client.force_login(editor)
        listing = reverse("wagtailsnippets_taggit_tag:list")
        url = f"/beheer/bulk/taggit/tag/merge/?id={ggz.pk}&id={herstel.pk}&next={listing}"
        form = soup(client.get(url))
        assert {i["value"] for i in form.select("input[name=into]")} == {
            str(ggz.pk),
            str(herstel.pk),
        }
        response = client.post(url, {"into": herstel.pk}, follow=True)
        assert "2 onderwerpen samengevoegd tot ‘herstel’." in soup(response).get_text()
        assert not Tag.objects.filter(pk=ggz.pk).exists()
        assert tag_names(first) == ["herstel"] and tag_names(second) == ["herstel"]
        assert "herstel" in soup(Client().get(first.url)).get_text()

    def test_merging_one_tag_is_refused_with_a_reason(self, client, editor, two_tags):
        ggz = Tag.objects.get(name="ggz")
        client.force_login(editor)
        url = f"/beheer/bulk/taggit/tag/merge/?id={ggz.pk}"
        response = client.post(url, {"into": ggz.pk})
        assert response.status_code == 200
        assert "minstens twee onderwerpen" in soup(response).get_text()
        assert Tag.objects.filter(pk=ggz.pk).exists()

    def test_deleting_a_tag_takes_it_off_the_articles(self, client, editor, two_tags):
        first, _ = two_tags
        ggz = Tag.objects.get(name="ggz")
        client.force_login(editor)
        listing = reverse("wagtailsnippets_taggit_tag:list")
        client.post(f"/beheer/bulk/taggit/tag/delete/?id={ggz.pk}&next={listing}")
        assert tag_names(first) == []
        index = ArticleIndexPage.objects.first()
        assert Client().get(index.tag_url("ggz")).status_code == 404

    def test_the_tag_list_says_how_many_articles_carry_each(self, client, editor, two_tags):
        client.force_login(editor)
        rows = soup(client.get(reverse("wagtailsnippets_taggit_tag:list"))).select("tbody tr")
        counts = {
            row.select("td")[-2].get_text(strip=True): row.select("td")[-1].get_text(strip=True)
            for row in rows
        }
        # by slug: the name cell also holds the row's action menu
        assert counts["ggz"] == "2" and counts["herstel"] == "1"

    def test_moderators_cannot_touch_tags(self, client, moderator, two_tags):
        client.force_login(moderator)
        response = client.get(reverse("wagtailsnippets_taggit_tag:list"))
        assert response.status_code in (302, 403)


@pytest.fixture
def pictured(settings, tmp_path):
    """The newest article with a listing image and its alt text."""

    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Gesprek", file=image_file(size=(1600, 900)))
    index = ArticleIndexPage.objects.first()
    article = index.articles().first().specific
    article.listing_image = image
    article.listing_image_alt = "Twee mensen in gesprek aan een keukentafel"
    article.save_revision().publish()
    return article


class TestListingImage:
    def test_the_overview_and_the_home_page_show_it_with_its_alt_text(self, pictured):
        index = ArticleIndexPage.objects.first()
        for url in (index.url, "/"):
            page = soup(Client().get(url))
            link = page.find("a", string=pictured.title) or page.find("a", href=pictured.url)
            item = link.find_parent("li")
            img = item.find("picture").img
            assert img["alt"] == pictured.listing_image_alt, url
            assert img["loading"] == "lazy" and img.get("width") and img.get("height")

    def test_a_shared_link_shows_it(self, pictured):
        page = soup(Client().get(pictured.url))
        image = page.find("meta", property="og:image")["content"]
        assert image.startswith("http://testserver/") and image.endswith(".jpg")
        assert page.find("meta", property="og:image:alt")["content"] == pictured.listing_image_alt
        assert page.find("meta", property="og:image:width")["content"] == "1200"

    def test_an_image_without_alt_text_is_refused_in_dutch(self, pictured):
        pictured.listing_image_alt = "  "
        with pytest.raises(ValidationError) as refused:
            pictured.full_clean()
        assert refused.value.message_dict["listing_image_alt"] == [
            "Vul een alt-tekst in: wat staat er op de afbeelding?"
        ]

    def test_an_image_replaced_in_the_admin_shows_on_every_page_at_once(
        self, pictured, client, editor, settings
    ):
        """The pages with the image are cached; an editor replaces its file in the admin; each
        page shows the new picture, and every picture it points to can be loaded."""

        image = pictured.listing_image
        pages = [ArticleIndexPage.objects.first().url, "/", pictured.url]

        def pictures(url):
            page = soup(Client().get(url))
            sources = [img["src"] for img in page.select("picture img")]
            sources += [tag["content"] for tag in page.select('meta[property="og:image"]')]
            return sorted(source for source in sources if "/images/" in source)

        before = {}
        for url in pages:
            before[url] = pictures(url)
            assert before[url], url
            assert Client().get(url)["X-Cache"] == "hit"

        client.force_login(editor)
        response = client.post(
            f"/beheer/images/{image.pk}/",
            {"title": image.title, "file": image_file("nieuw.png", size=(1200, 800))},
        )
        assert response.status_code == 302

        for url in pages:
            after = pictures(url)
            assert after and after != before[url], url
            for source in after:  # no picture Wagtail has deleted (a broken image)
                name = source.removeprefix("http://testserver").removeprefix(settings.MEDIA_URL)
                assert default_storage.exists(name), source

    def test_the_overview_asks_no_more_queries_with_more_images(self, pictured, count_queries):
        index = ArticleIndexPage.objects.first()
        before = count_queries(index.url)
        for article in index.articles()[1:4]:
            article = article.specific
            article.listing_image = pictured.listing_image
            article.listing_image_alt = "Nog een foto"
            article.save_revision().publish()
        bump_content_version()
        assert count_queries(index.url) == before == PAGE_QUERIES


class TestExcerpt:
    def test_overviews_show_the_summary_or_else_the_intro(self):
        index = ArticleIndexPage.objects.first()
        with_summary, without = (a.specific for a in index.articles()[:2])
        with_summary.summary = "Een korte samenvatting van de redactie."
        with_summary.save_revision().publish()
        without.summary = ""
        without.save_revision().publish()
        text = " ".join(soup(Client().get(index.url)).get_text().split())
        assert "Een korte samenvatting van de redactie." in text
        assert " ".join(without.intro.split()[:10]) in text
        # The feeds give the author's own introduction under the author's name, not the
        # editors' summary (issue 38).
        feed = Client().get(index.url + "feed/rss/").content.decode()
        assert "Een korte samenvatting van de redactie." not in feed
        assert " ".join(with_summary.intro.split()[:6]) in " ".join(feed.split())
