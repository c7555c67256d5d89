"""Who sees what in the admin: the parts meant for people who edit pages (listings of pages,
readability) stay out of a moderator's way."""

from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy


def may_edit_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


class PageEditorsMenuItem(MenuItem):
    """Shown only to people who may edit pages: a moderator has no use for a listing of pages
    they cannot open."""

    def is_shown(self, request):
        return may_edit_pages(request.user)
