"""One spelling per host, and the security headers Django has no setting for."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.utils.csp import CSP, build_policy

PORTS = range(1, 65536)
# A plain string: WSGI servers accept nothing else as a header name.
CSP_HEADER = str(CSP.HEADER_ENFORCE)


class CanonicalHostMiddleware:
    """One way to write each host, before anything reads it: `Host: LOCALHOST:0080` becomes
    `localhost` (lower case, no leading zeros, no default port), so the page cache, Wagtail's
    site lookup and the canonical link all see the same address and an attacker cannot make a
    cache entry per spelling. A port outside 1–65535 is refused (400). Whether the host itself
    is allowed stays Django's business (ALLOWED_HOSTS)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("HTTP_HOST")
        if raw:
            domain, port = split_domain_port(raw.lower())
            if domain and port:
                number = int(port)
                if number not in PORTS:
                    raise DisallowedHost(f"Host met een poort die niet bestaat: {raw[:100]!r}")
                default = 443 if request.is_secure() else 80
                request.META["HTTP_HOST"] = domain if number == default else f"{domain}:{number}"
            elif domain:
                request.META["HTTP_HOST"] = domain
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy to every response, gives the Wagtail admin its own
    Content-Security-Policy (the admin needs inline scripts and styles, public pages do not; no
    admin page may be framed), and lets the admin show previews in a frame of its own.

    A header set here is left alone by Django's ContentSecurityPolicyMiddleware, which runs
    after this one on the way out and sets the strict public policy on everything else."""

    def __init__(self, get_response):
        self.get_response = get_response
        # A preview is the public page, with its strict policy, shown inside the admin's side
        # panel: only the admin itself (same origin) may frame it.
        self.preview_csp = build_policy({**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]})
        # Every other admin page is never framed, not even by the admin.
        self.admin_csp = build_policy(settings.ADMIN_CSP)
        self.admin_preview_csp = build_policy({**settings.ADMIN_CSP, "frame-ancestors": [CSP.SELF]})

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview through the middleware with a request for the page's
            # own address (request.is_preview marks it).
            response[CSP_HEADER] = self.preview_csp
            response["X-Frame-Options"] = "SAMEORIGIN"
        elif request.path.startswith(settings.ADMIN_URL_PREFIX):
            if self.is_preview_view(request):
                # The preview panel's own answers (a message when the form has errors) show
                # in the same frame.
                response.setdefault(CSP_HEADER, self.admin_preview_csp)
                response["X-Frame-Options"] = "SAMEORIGIN"
            else:
                response.setdefault(CSP_HEADER, self.admin_csp)
        return response

    @staticmethod
    def is_preview_view(request):
        """Wagtail's preview views (pages and snippets: preview_on_add, preview_on_edit,
        workflow_preview): the only admin views shown in a frame, the admin's own."""
        match = getattr(request, "resolver_match", None)
        return bool(match and match.url_name and "preview" in match.url_name)
