"""The page types the editors check: every page type built on BasePage."""

from django.utils.text import capfirst
from wagtail.models import get_page_models

from core.models.pages import BasePage


def reviewed_page_models():
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def page_type_choices():
    """[(label, name)] of the page types, by name: ("roles.rolepage", "Rol")."""
    choices = [
        (model._meta.label_lower, capfirst(model._meta.verbose_name))
        for model in reviewed_page_models()
    ]
    return sorted(choices, key=lambda choice: choice[1])
