"""The models of the page foundation, one job per module: the page base class and text pages
(`pages`), the home page (`home`), the site settings (`site_settings`) and the search's words
that mean the same (`search_words`). Imported here, where Django and the rest of the code look
for them."""

from core.models.home import HomeFeaturedRole, HomePage
from core.models.pages import (
    BasePage,
    ContentPage,
    findable_in_admin,
    page_tabs,
    source_field,
)
from core.models.search_words import SearchSynonym
from core.models.site_settings import SiteSettings

__all__ = [
    "BasePage",
    "ContentPage",
    "HomeFeaturedRole",
    "HomePage",
    "SearchSynonym",
    "SiteSettings",
    "findable_in_admin",
    "page_tabs",
    "source_field",
]
