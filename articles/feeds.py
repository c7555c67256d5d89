"""RSS 2.0 and Atom feeds of the articles (Django's syndication framework). Only titles,
introductions, authors and tags: never comments or anyone's e-mail address."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_SIZE = 20


class RssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "nl"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"ervaring: {self.index_page.title}"

    def link(self):
        return self.request.build_absolute_uri(self.index_page.url)

    def description(self):
        return self.index_page.intro or "Artikelen over werken als ervaringsdeskundige."

    def items(self):
        return self.index_page.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        """The author's own introduction, which the item's author credits; where there is
        none, the summary, marked when it is the editors' (issue 38: the editors' teaser went
        out under Movisie's or Wilma Boevink's name)."""
        if item.intro:
            return item.intro
        return item.marked_summary

    def item_link(self, item):
        return self.request.build_absolute_uri(item.url)

    def item_pubdate(self, item):
        """The text's date; without one (the source gives none), when it came online here."""
        if item.date is None:
            return item.first_published_at
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        names = [link.author.name for link in item.author_links.all()]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class AtomFeed(RssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
