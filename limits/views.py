"""Wagtail's own views for what can be guessed or abused, with a limit in front
(limits/ratelimit.py; docs/security.md, "What each limit protects").

- A private page's password (`/_util/authenticate_with_password/…`): per client network and
  page, PAGE_PASSWORD_LIMIT wrong tries in PAGE_PASSWORD_WINDOW. A right password gives its
  place back. Over the limit the same form comes back with a Dutch message and the wait, and
  status 429; other visitors, and this visitor on other pages, are not hindered.
- The admin's password reset (`/beheer/password_reset/`): per client network
  PASSWORD_RESET_LIMIT requests an hour (a 429 page says how long to wait), and per account
  PASSWORD_RESET_ACCOUNT_LIMIT mails an hour. Over the account limit the visitor sees the
  usual "if the address is known, a mail is on its way": the answer never tells whether an
  account exists.

Wagtail's views do the work; these only decide whether to call them."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import views as wagtail_views
from wagtail.admin.views import account
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from limits import ratelimit
from limits.clients import client_network

TOO_MANY = 429


def too_many(response, verdict):
    response.status_code = TOO_MANY
    response["Retry-After"] = str(verdict.retry_after)
    return response


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for a private page, with a limit on wrong tries."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    limits = settings.ERVARING
    key = ratelimit.subject_key(
        "page-password", f"{client_network(request)} {page_view_restriction_id}"
    )
    verdict = ratelimit.claim_key(
        key, limits["PAGE_PASSWORD_LIMIT"], limits["PAGE_PASSWORD_WINDOW"]
    )
    if verdict:
        response = wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        )
        if response.status_code == 302:  # the right password: the try costs nothing
            ratelimit.release(key, verdict)
        return response
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = PasswordViewRestrictionForm(
        instance=restriction, initial={"return_url": request.POST.get("return_url", "")}
    )
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.context_data["wait"] = ratelimit.wait_in_words(verdict.retry_after)
    return too_many(response, verdict)


password_reset_form = account.PasswordResetView.as_view()


def password_reset(request):
    """Wagtail's "wachtwoord vergeten" form, with limits per client and per account."""
    if request.method != "POST":
        return password_reset_form(request)
    limits = settings.ERVARING
    verdict = ratelimit.claim("password-reset", request, limits["PASSWORD_RESET_LIMIT"])
    if not verdict:
        html = render_to_string(
            "429.html", {"wait": ratelimit.wait_in_words(verdict.retry_after)}, request
        )
        return too_many(HttpResponse(html), verdict)
    email = request.POST.get("email", "").strip().lower()
    if email and not ratelimit.claim_key(
        ratelimit.subject_key("password-reset-account", email),
        limits["PASSWORD_RESET_ACCOUNT_LIMIT"],
    ):
        # Enough mails to this address for now; the answer is the same as when one is sent.
        return HttpResponseRedirect(reverse("wagtailadmin_password_reset_done"))
    return password_reset_form(request)
