"""Template tags for the parts every page shares: menu and footer links."""

from django import template
from wagtail.models import Page, Site

from ervaring.caching.data import cached_for_content
from ervaring.hyphenation import hyphenate
from ervaring.models import SiteSettings
from ervaring.preview_notes import preview_notes as notes_for_preview

register = template.Library()


def _chrome_for(site):
    """Menu and footer of a site, as plain data (so it can be cached)."""
    sections = [
        {
            "title": page.title,
            "url": page.relative_url(site),
            "path": page.url_path,
            "in_menu": page.show_in_menus,
        }
        for page in site.root_page.get_children()
        .live()
        .public()
        .only("title", "url_path", "path", "depth", "slug", "show_in_menus")
    ]
    site_settings = SiteSettings.for_site(site)
    footer_ids = [
        pk for pk in (site_settings.privacy_page_id, site_settings.accessibility_page_id) if pk
    ]
    footer_pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=footer_ids)
        .live()
        .public()
        .only("title", "url_path", "path", "depth", "slug")
    }
    footer = [
        {"title": footer_pages[pk].title, "url": footer_pages[pk].relative_url(site)}
        for pk in footer_ids
        if pk in footer_pages
    ]
    return {
        "home_url": site.root_page.relative_url(site) if site.root_page_id else "/",
        "tagline": site_settings.tagline,
        "menu": [section for section in sections if section["in_menu"]],
        "footer": footer,
        "contact_email": site_settings.contact_email,
        "moderator_looks": site_settings.moderator_looks(),
    }


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Menu, footer links and tagline of the current site, cached until content changes."""
    return chrome_for_site(Site.find_for_request(context.get("request")))


def chrome_for_site(site):
    """Menu, footer links, tagline and the moderators' promise of `site` (None: the defaults),
    kept until content changes."""
    if site is None:
        return {
            "home_url": "/",
            "tagline": "",
            "menu": [],
            "footer": [],
            "contact_email": "",
            "moderator_looks": "Een moderator kijkt er eerst naar.",
        }
    return cached_for_content(f"chrome:{site.pk}", lambda: _chrome_for(site))


@register.filter
def is_section_of(menu_item, page):
    """True when `page` is the menu item's page or lies below it."""
    url_path = getattr(page, "url_path", None)
    return bool(url_path) and url_path.startswith(menu_item["path"])


@register.simple_tag
def absolute_url(request, url):
    """`url` as a full address (for og:image): media on another host stays as it is."""
    return request.build_absolute_uri(url)


@register.filter
def soft_hyphens(text):
    """Soft hyphens in long Dutch words (ervaring/hyphenation.py): invisible unless the word
    has to break; screen readers and find-in-page ignore them."""
    return hyphenate(text)


@register.simple_tag(takes_context=True)
def messages_for(context, place):
    """The messages to show in `place`: "comments" (tagged "reactie": a comment was received,
    shown by the comments where the reader lands) or "page" (all others, at the top)."""
    found = context.get("messages") or []
    in_comments = [message for message in found if "reactie" in message.tags.split()]
    return in_comments if place == "comments" else [m for m in found if m not in in_comments]


@register.simple_tag(takes_context=True)
def preview_notes(context):
    """What apps tell the editor in a preview (ervaring/preview_notes.py); empty on every
    public page."""
    return notes_for_preview(context.get("request"), context.get("page"))
