"""When what readers can see of comments changes, the pages showing them are made fresh."""

from ervaring.caching.version import bump_content_version


def comments_changed_on_site(article_ids):
    """Approved comments of these articles changed: make every cached page fresh (the articles,
    their listings and counts)."""
    bump_content_version()
