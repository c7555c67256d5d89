"""The articles' tags ("Onderwerpen") in the admin: find, rename, merge and delete them.

Tags are taggit's `Tag`, registered as a snippet the way Wagtail's documentation describes. A
rename keeps the slug, so a tag's page keeps its address unless the editor changes it; then the
old address redirects to the new one. Merging moves every article of the merged tags to the tag
kept, then deletes the others (their addresses redirect to the kept tag); articles that had
both keep one."""

import uuid

from django import forms
from django.db import transaction
from django.db.models import Count
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from articles.models import ArticleTag
from articles.tag_redirects import redirect_tag
from caching.version import bump_content_version
from core.admin_menu import INDELING_MENU_HOOK


def merge_tags(into, others, user=None):
    """Move the articles of `others` to `into`, delete `others`. Returns how many articles
    changed tag. One transaction: nothing half is merged."""
    others = [tag for tag in others if tag.pk != into.pk]
    moved = 0
    with transaction.atomic():
        already = ArticleTag.objects.filter(tag=into).values("content_object_id")
        for other in others:
            moved += (
                ArticleTag.objects.filter(tag=other)
                .exclude(content_object_id__in=already)
                .update(tag=into)
            )
            # What is left are articles that already had `into`: they keep that one.
            log(
                instance=into,
                action="wagtail.edit",
                user=user,
                uuid=uuid.uuid4(),
                data={"merged": other.name},
            )
            redirect_tag(other.slug, into.slug)
            other.delete()
    bump_content_version()
    return moved


class TagIndexView(IndexView):
    """Each tag with how many articles carry it, most used sortable."""

    page_title = "Onderwerpen"

    def get_base_queryset(self):
        return (
            super().get_base_queryset().annotate(article_count=Count("articles_articletag_items"))
        )


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = "Onderwerpen"
    menu_hook = INDELING_MENU_HOOK
    menu_order = 70
    index_view_class = TagIndexView
    list_display = [
        "name",
        "slug",
        Column("article_count", label="Artikelen", sort_key="article_count"),
    ]
    search_fields = ["name"]
    ordering = ["name"]
    panels = [
        FieldPanel("name", heading="Naam"),
        FieldPanel(
            "slug",
            heading="Adres (slug)",
            help_text="Het laatste deel van het adres van de onderwerppagina. Wie dit "
            "verandert, breekt links die al bestaan.",
        ),
    ]


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        label="Samenvoegen tot",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies het onderwerp dat blijft.",
            "invalid_choice": "Kies een van de gekozen onderwerpen.",
        },
    )

    def __init__(self, *args, tags=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tags = list(tags or [])
        chosen = Tag.objects.filter(pk__in=[tag.pk for tag in self.tags]).order_by("name")
        self.fields["into"].queryset = chosen

    def clean(self):
        if len(self.tags) < 2:
            raise forms.ValidationError(
                "Kies in de lijst minstens twee onderwerpen om samen te voegen."
            )
        return super().clean()


class MergeTagsBulkAction(SnippetBulkAction):
    """Select two or more tags, choose the one that stays, and the rest become that one."""

    display_name = "Samenvoegen"
    action_type = "merge"
    aria_label = "De gekozen onderwerpen samenvoegen tot één"
    template_name = "articles/admin/confirm_merge_tags.html"
    action_priority = 20
    form_class = MergeForm
    models = [Tag]

    def check_perm(self, obj):
        return self.request.user.has_perms(["taggit.change_tag", "taggit.delete_tag"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["tags"] = self.get_actionable_objects()[0]
        return kwargs

    def get_execution_context(self):
        return {"into": self.cleaned_form.cleaned_data["into"], "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, into=None, user=None, **kwargs):
        merge_tags(into, objects, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        into = self.cleaned_form.cleaned_data["into"]
        return f"{num_parent_objects} onderwerpen samengevoegd tot ‘{into.name}’."
