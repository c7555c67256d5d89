"""Reading a response the way a visitor reads the page."""

from bs4 import BeautifulSoup
from django.test import Client

SOFT_HYPHEN = "\u00ad"


def soup(response):
    """The response's HTML, parsed. Soft hyphens (invisible unless a long word breaks) are left
    out, so text compares as a reader sees it."""
    return BeautifulSoup(response.content.decode().replace(SOFT_HYPHEN, ""), "html.parser")


def visit(url, **headers):
    """A fresh anonymous visitor (no cookies) asks for `url`."""
    return Client().get(url, **headers)
