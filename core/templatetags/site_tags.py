"""Template tags for the parts every page shares: menu and footer links."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.hyphenation import hyphenate
from core.navigation import chrome_for_site
from core.preview_notes import preview_notes as notes_for_preview
from core.privacy import in_private_section
from core.structured_data import webpage

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Menu, footer links and tagline of the current site, cached until content changes."""
    return chrome_for_site(Site.find_for_request(context.get("request")))


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
    """Soft hyphens in long Dutch words (core/hyphenation.py): invisible unless the word
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
    """What apps tell the editor in a preview (core/preview_notes.py); empty on every
    public page."""
    return notes_for_preview(context.get("request"), context.get("page"))


@register.filter
def is_public_page(page):
    """Whether a page lies in no private section (known per content version, no query)."""
    return bool(getattr(page, "path", "")) and not in_private_section(page.path)


@register.simple_tag(takes_context=True)
def webpage_json_ld(context, page):
    """schema.org WebPage for a public site page (with lastReviewed once an editor checked
    it). Nothing for a page in a private section: its password form shows no title either."""
    if not getattr(page, "pk", None) or not hasattr(page, "last_reviewed"):
        return ""
    if not is_public_page(page):
        return ""
    return webpage(page, context.get("request"))


PHONE_NUMBER = re.compile(r"\b(0\d{2,3}[- ]?\d{3,4}(?:[- ]\d{2,4})?|11[23])\b(?!\.\w)")


@register.filter
def phone_links(text):
    """Plain text with each Dutch phone number ("0800-0113", "088 0767 000", "112") as a link
    a phone can call; everything else escaped."""
    return mark_safe(  # noqa: S308 - escaped first, only our own links added
        PHONE_NUMBER.sub(
            lambda m: (
                f'<a href="tel:{m.group(1).replace(" ", "").replace("-", "")}">{m.group(1)}</a>'
            ),
            str(escape(text)),
        )
    )
