"""Security headers that Django has no setting for, and a limit on what public forms take."""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation, TooManyFieldsSent
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


class PublicFormLimitMiddleware:
    """The site's public forms (a comment, a login, a page's password) have a handful of fields.
    A POST outside the admin with more than PUBLIC_FORM_MAX_FIELDS, or with files, is refused
    (400) before Django reads it; the admin keeps Django's larger limit
    (DATA_UPLOAD_MAX_NUMBER_FIELDS) for long pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path.startswith(ADMIN_PREFIX):
            # request.body is itself limited by DATA_UPLOAD_MAX_MEMORY_SIZE.
            body = request.body
            if request.content_type == "multipart/form-data":
                if b'filename="' in body:
                    raise SuspiciousOperation("Publieke formulieren nemen geen bestanden aan.")
                fields = body.count(b"Content-Disposition: form-data")
            else:
                fields = body.count(b"&") + 1 if body else 0
            if fields > settings.PUBLIC_FORM_MAX_FIELDS:
                raise TooManyFieldsSent("Te veel velden voor een publiek formulier.")
        return self.get_response(request)
