"""Reading a response the way a visitor reads the page. Both helpers check the status first
(200 unless the test says otherwise; None for any), so a check that something is *not* on a
page can never pass on an error page or a missing one."""

from bs4 import BeautifulSoup
from django.test import Client

SOFT_HYPHEN = "\u00ad"


def expect_status(response, status):
    """Fail unless `response` has `status` (None: any status)."""
    if status is not None:
        where = getattr(response, "wsgi_request", None)
        path = where.get_full_path() if where is not None else "?"
        assert response.status_code == status, (
            f"{path}: status {response.status_code}, verwacht {status}"
        )
    return response


def soup(response, status=200):
    """The response's HTML, parsed (html_soup)."""
    expect_status(response, status)
    return html_soup(response.content.decode())


def html_soup(html):
    """HTML text, parsed. Soft hyphens (invisible unless a long word breaks) are left out, so
    text compares as a reader sees it."""
    return BeautifulSoup(html.replace(SOFT_HYPHEN, ""), "html.parser")


def visit(url, status=200, **headers):
    """A fresh anonymous visitor (no cookies) asks for `url`."""
    return expect_status(Client().get(url, **headers), status)


def as_read(page):
    """`page` (a soup) as a reader reads it with every glossary explanation closed: the hidden
    explanations and the list for paper taken out (glossary/marking.py)."""
    for hidden in page.select(".term__explanation, .terms-used"):
        hidden.decompose()
    return page
