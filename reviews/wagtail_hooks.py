"""Page checks in the admin: Rapporten → Controle, a page's own check (from its header and the
page listing), the dashboard panel, and "Gecontroleerd" in a page's history."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin import widgets

from core.admin_access import may_edit_pages
from core.attention import ATTENTION_HOOK, Attention
from reviews import admin_views
from reviews.marking import REVIEWED
from reviews.schedule import OVERDUE, pages


@hooks.register("register_admin_urls")
def review_urls():
    return admin_views.urls()


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return admin_views.menu_item()


@hooks.register("construct_homepage_panels")
def reviews_on_the_dashboard(request, panels):
    if may_edit_pages(request.user):
        panels.append(admin_views.DuePanel(request))


def review_button(page, user, priority):
    checked = hasattr(page.specific_class or object, "review_interval") and page.live
    if checked and page.permissions_for_user(user).can_edit():
        yield widgets.Button(
            "Controle", reverse("reviews_page", args=[page.pk]), icon_name="date", priority=priority
        )


@hooks.register("register_page_header_buttons")
def review_header_button(page, user, view_name, next_url=None):
    yield from review_button(page, user, priority=66)


@hooks.register("register_page_listing_more_buttons")
def review_listing_button(page, user, next_url=None):
    yield from review_button(page, user, priority=55)


@hooks.register("register_log_actions")
def review_history_action(actions):
    actions.register_action(REVIEWED, "Gecontroleerd", "Pagina gecontroleerd: klopt nog")


@hooks.register(ATTENTION_HOOK)
def overdue_reviews(request):
    overdue = sum(1 for row in pages(user=request.user) if row.status == OVERDUE)
    url = reverse("reviews_report") + f"?status={OVERDUE}"
    return Attention("pagina's te laat voor controle", overdue, url, order=10)
