"""Which parts of the site are private (Wagtail's page privacy: a password, logged-in users, or
some groups), known per content version so a public page needs no query to know it is public.

Saving or deleting a privacy setting, moving a page and creating a live page (a copy or an
alias) raise the content version (caching/invalidation.py)."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from caching.data import cached_for_content


def private_section_paths():
    """The tree paths of every page with a privacy setting, and of every alias of such a page
    (an alias follows its source's privacy). Everything below one of them is private too."""
    restricted = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
    paths = set(restricted.values())
    sources = set(restricted)
    while sources:
        aliases = dict(
            Page.objects.filter(alias_of__in=sources)
            .exclude(path__in=paths)
            .values_list("pk", "path")
        )
        paths.update(aliases.values())
        sources = set(aliases)
    return frozenset(paths)


def private_sections():
    """private_section_paths(), kept until content changes."""
    return cached_for_content("private-sections", private_section_paths)


def in_private_section(path):
    """Whether the page at tree path `path` is, or lies below, a page with privacy settings."""
    paths = private_sections()
    if not paths:
        return False
    steplen = Page.steplen
    return any(path[:end] in paths for end in range(steplen, len(path) + 1, steplen))


def public(queryset):
    """`queryset.public()` (Wagtail) without its query: pages in a private section left out,
    with the private sections known per content version."""
    paths = private_sections()
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)
