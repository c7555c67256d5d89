"""Security headers that Django has no setting for."""

from django.conf import settings

ADMIN_PREFIX = "/beheer/"


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy to every response and gives the Wagtail admin its own
    Content-Security-Policy: the admin needs inline scripts and styles, public pages do not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(ADMIN_PREFIX):
            # Read by django.middleware.csp.ContentSecurityPolicyMiddleware on the way out.
            response._csp_config = settings.ADMIN_CSP
        return response
