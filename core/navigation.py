"""The parts of every page that come from the site rather than the page: the menu, the footer
links, the tagline and the moderators' promise, kept per content version. Read by the template
tag `site_chrome` and by pages that render parts without a request (ArticlePage's comment
form)."""

from wagtail.models import Page

from caching.data import cached_for_content
from core.models import SiteSettings


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
            "privacy_url": "",
            "help_now": [],
            "situations_url": "",
            "moderator_looks": "Een moderator kijkt er eerst naar.",
        }
    return cached_for_content(f"chrome:{site.pk}", lambda: chrome_from_database(site))


def chrome_from_database(site):
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
        pk
        for pk in (
            site_settings.privacy_page_id,
            site_settings.accessibility_page_id,
            site_settings.glossary_page_id,
        )
        if pk
    ]
    situations_id = site_settings.situations_page_id
    footer_pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[*footer_ids, situations_id])
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
        "privacy_url": footer_pages[site_settings.privacy_page_id].relative_url(site)
        if site_settings.privacy_page_id in footer_pages
        else "",
        "help_now": [
            " ".join(part.split()) for part in site_settings.help_now.split("\n\n") if part.strip()
        ],
        "situations_url": footer_pages[situations_id].relative_url(site)
        if situations_id in footer_pages
        else "",
        "moderator_looks": site_settings.moderator_looks(),
    }
