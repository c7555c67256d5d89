"""The models of the project package, one job per module: the page foundation (`pages`), the
home page (`home`), the site settings (`site_settings`), the content loader's ledger (`ledger`),
the rate limits' counters (`ratelimit`) and the search's words that mean the same
(`search_words`). Imported here, where Django and the rest of the code look for them."""

from ervaring.models.home import HomeFeaturedRole, HomePage
from ervaring.models.ledger import LoadedContent
from ervaring.models.pages import (
    BasePage,
    ContentPage,
    findable_in_admin,
    page_tabs,
    source_field,
)
from ervaring.models.ratelimit import RateCount
from ervaring.models.search_words import SearchSynonym
from ervaring.models.site_settings import SiteSettings

__all__ = [
    "BasePage",
    "ContentPage",
    "HomeFeaturedRole",
    "HomePage",
    "LoadedContent",
    "RateCount",
    "SearchSynonym",
    "SiteSettings",
    "findable_in_admin",
    "page_tabs",
    "source_field",
]
