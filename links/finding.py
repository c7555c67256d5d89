"""Every link a published page shows, with where an editor changes it: the links in its rich
text (in StreamFields and rich text fields, to pages, documents and web addresses) and, on an
employer type page, its organisations' websites."""

from dataclasses import dataclass
from html.parser import HTMLParser

from django.apps import apps
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import get_page_models

from core.editor_anchors import field_anchor
from core.models.pages import BasePage

PAGE, DOCUMENT, ADDRESS = "pagina", "document", "adres"


@dataclass
class Link:
    """A link as an editor wrote it: `kind` says whether `target` is a page id, a document id or
    a web address."""

    page_id: int
    page_url: str
    where: str
    edit_url: str
    kind: str
    target: str
    text: str


class _Anchors(HTMLParser):
    """The <a> elements of stored rich text: (attributes, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = (dict(attrs), [])

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            attrs, text = self._open
            self.found.append((attrs, " ".join("".join(text).split())))
            self._open = None


def rich_text_links(html):
    """(kind, target, text) of each link in stored rich text (Wagtail's database format)."""
    parser = _Anchors()
    parser.feed(html or "")
    for attrs, text in parser.found:
        if attrs.get("linktype") == "page" and attrs.get("id"):
            yield PAGE, attrs["id"], text
        elif attrs.get("linktype") == "document" and attrs.get("id"):
            yield DOCUMENT, attrs["id"], text
        elif attrs.get("href"):
            yield ADDRESS, attrs["href"].strip(), text


def block_links(block, raw, label):
    """(kind, target, text, label) of each link inside a block's stored value."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for number, item in enumerate(raw or [], start=1):
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from block_links(
                    child, item.get("value"), f"{label}, blok {number} ({child.label})"
                )
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_links(child, (raw or {}).get(name), label)
    elif isinstance(block, blocks.ListBlock):
        for item in raw or []:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            yield from block_links(block.child_block, value, label)
    elif isinstance(block, blocks.RichTextBlock):
        for kind, target, text in rich_text_links(raw):
            yield kind, target, text, label
    elif isinstance(block, blocks.PageChooserBlock) and raw:
        yield PAGE, str(raw), "", label
    elif isinstance(block, blocks.URLBlock) and raw:
        yield ADDRESS, raw.strip(), "", label


def page_links(page):
    """Every link on `page` (a specific page) in its own fields."""
    model = type(page)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for field in model._meta.get_fields():
        label = str(getattr(field, "verbose_name", field.name)).capitalize()
        anchor = (
            field_anchor(model, field.name)
            if isinstance(field, (RichTextField, StreamField))
            else ""
        )
        edit_url = f"{edit}#{anchor}" if anchor else edit
        found = []
        if isinstance(field, StreamField):
            value = getattr(page, field.name)
            found = block_links(field.stream_block, list(value.raw_data), label)
        elif isinstance(field, RichTextField):
            found = ((*link, label) for link in rich_text_links(getattr(page, field.name)))
        for kind, target, text, where in found:
            yield Link(page.pk, page.url or "", where, edit_url, kind, target, text)


def organisation_links(pages_by_id):
    """The websites of organisations shown on live employer type pages in `pages_by_id`."""
    organisation = apps.get_model("organisations", "Organisation")
    for org in organisation.objects.exclude(website="").filter(kind__in=list(pages_by_id)):
        page = pages_by_id[org.kind_id]
        yield Link(
            page.pk,
            page.url or "",
            f"Organisatie ‘{org.name}’: website",
            reverse("wagtailsnippets_organisations_organisation:edit", args=[org.pk]),
            ADDRESS,
            org.website.strip(),
            f"Website van {org.name}",
        )


def all_links():
    """Every link on every live page. One query per page type, and one for the
    organisations."""
    found, live = [], {}
    for model in get_page_models():
        if not issubclass(model, BasePage):
            continue
        for page in model.objects.live():
            live[page.pk] = page
            found.extend(page_links(page))
    employer_pages = {
        pk: page
        for pk, page in live.items()
        if page._meta.label_lower == "organisations.employertypepage"
    }
    found.extend(organisation_links(employer_pages))
    return found
