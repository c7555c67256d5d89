"""Who is asking: the visitor's address as the site should count it, for the comment limit and
the login lockout alike.

Behind `PROXY_COUNT` reverse proxies the address is the one the nearest of them saw, read from
`X-Forwarded-For` counted from the right (a visitor can put anything on the left of that
header, never on the right). An IPv6 address counts as its /64 network: one household or phone
gets a whole /64 and can pick a new address in it at will."""

import ipaddress

from django.conf import settings


def client_address(request):
    """The visitor's IP address as text (REMOTE_ADDR, or the proxies' view of it)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "0.0.0.0"  # noqa: S104 - not an address at all: counted together


def client_network(request):
    """What the limits count: the IPv4 address, or the /64 network of an IPv6 address."""
    address = ipaddress.ip_address(client_address(request))
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


# django-axes keeps the username of a failed login in a column of 255 characters.
AXES_USERNAME_LENGTH = 255


def login_username(request, credentials=None):
    """The username django-axes counts a failed login under: what was typed, cut to what its
    table holds. A longer one is never an account (Django's are at most 150), but must not make
    the login page fail on PostgreSQL (which refuses a value too long for its column)."""
    if credentials:
        typed = credentials.get("username")
    else:
        typed = request.POST.get("username") if request is not None else None
    return typed[:AXES_USERNAME_LENGTH] if isinstance(typed, str) else typed
