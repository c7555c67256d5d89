"""How often the editors check each kind of page: a site setting with one interval per page
type (Instellingen → Controle van pagina's). A page may set its own (BasePage.review_interval);
a page type without one is checked every DEFAULT_MONTHS."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from core.models.pages import REVIEW_MONTHS
from reviews.page_types import page_type_choices

DEFAULT_MONTHS = 12


class PageTypeSelect(forms.Select):
    """The page types, read when the form is shown (the models are all known by then)."""

    def get_context(self, name, value, attrs):
        self.choices = [("", "---------"), *page_type_choices()]
        return super().get_context(name, value, attrs)


class ReviewSettingsForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        seen = set()
        for form in self.formsets["intervals"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            page_type = form.cleaned_data.get("page_type")
            if page_type in seen:
                form.add_error("page_type", "Voor dit soort pagina staat hierboven al een termijn.")
            seen.add(page_type)
        return cleaned


@register_setting(icon="date")
class ReviewSettings(ClusterableModel, BaseSiteSetting):
    """How often each kind of page is checked on this site."""

    base_form_class = ReviewSettingsForm
    panels = [
        HelpPanel(
            "<p>Hoe vaak kijkt de redactie of een pagina nog klopt? Kies per soort pagina een "
            f"termijn. Een soort pagina zonder termijn wordt elke {DEFAULT_MONTHS} maanden "
            "gecontroleerd. Een pagina kan een eigen termijn hebben (tabblad Instellingen van "
            "die pagina).</p>"
        ),
        InlinePanel("intervals", heading="Termijnen per soort pagina", label="termijn"),
    ]

    class Meta:
        verbose_name = "Controle van pagina's"

    def months_by_type(self):
        """{page type label: months} of this site's intervals."""
        return {interval.page_type: interval.months for interval in self.intervals.all()}


class ReviewInterval(Orderable):
    """One kind of page and how often it is checked."""

    site_settings = ParentalKey(ReviewSettings, related_name="intervals", on_delete=models.CASCADE)
    page_type = models.CharField("Soort pagina", max_length=100)
    months = models.PositiveSmallIntegerField("Controleren", choices=REVIEW_MONTHS, default=12)

    panels = [FieldPanel("page_type", widget=PageTypeSelect), FieldPanel("months")]

    class Meta(Orderable.Meta):
        verbose_name = "termijn"
        verbose_name_plural = "termijnen"

    def clean(self):
        if self.page_type not in dict(page_type_choices()):
            raise ValidationError({"page_type": "Kies een soort pagina uit de lijst."})
