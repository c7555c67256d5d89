"""Security headers that Django has no setting for."""

from django.conf import settings
from django.utils.csp import CSP, build_policy

ADMIN_PREFIX = "/beheer/"
# A plain string: WSGI servers accept nothing else as a header name.
CSP_HEADER = str(CSP.HEADER_ENFORCE)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy to every response, gives the Wagtail admin its own
    Content-Security-Policy (the admin needs inline scripts and styles, public pages do not), and
    lets the admin show previews in a frame.

    A header set here is left alone by Django's ContentSecurityPolicyMiddleware, which runs
    after this one on the way out and sets the strict public policy on everything else."""

    def __init__(self, get_response):
        self.get_response = get_response
        # A preview is the public page, with its strict policy, shown inside the admin's side
        # panel: only the admin itself (same origin) may frame it.
        self.preview_csp = build_policy({**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]})
        self.admin_csp = build_policy(settings.ADMIN_CSP)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview through the middleware with a request for the page's
            # own address (request.is_preview marks it).
            response[CSP_HEADER] = self.preview_csp
            response["X-Frame-Options"] = "SAMEORIGIN"
        elif request.path.startswith(ADMIN_PREFIX):
            response.setdefault(CSP_HEADER, self.admin_csp)
        return response
