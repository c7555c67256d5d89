"""Reading query parameters the way every view and page does: a value an address was never
given by this site (text for a number, a repeated or odd value) is a 404, never a 500. Imported
by the views and by the page models (roles/filters.py, comments)."""

from django.core.paginator import InvalidPage
from django.http import Http404


def number_param(params, name):
    """The whole number in query parameter `name`, or None when there is none. Anything else —
    text, a sign, leading zeros, a repeated or overly long value — is a 404: such an address
    was never a link on this site."""
    values = params.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise Http404("Deze parameter mag maar één keer voorkomen.")
    raw = values[0]
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9 or raw != str(int(raw)):
        raise Http404("Dit is geen geldig paginanummer.")
    return int(raw)


def page_number(params, paginator, name="page"):
    """The page of a paginator asked for in `params` (a QueryDict): the first without a number,
    a 404 for a number that is not one of its pages."""
    number = number_param(params, name)
    try:
        return paginator.page(1 if number is None else number)
    except InvalidPage as error:
        raise Http404("Deze pagina bestaat niet.") from error
