"""Factories for pages, snippets and comments (factory_boy + wagtail-factories)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from articles.models import ArticleIndexPage, ArticlePage, Author
from comments.models import Comment
from organisations.models import EmployerTypePage, Organisation
from roles.models import LadderStep, RoleIndexPage, RolePage, RoleType, WorkArea


def section(model):
    """The live section page of a type that the seeded content made (e.g. "Werk")."""
    return model.objects.live().first()


class RolePageFactory(wagtail_factories.PageFactory):
    """A live role page. `steps`, `types` and `areas` take ladder numbers and slugs."""

    class Meta:
        model = RolePage

    title = factory.Sequence(lambda n: f"Testrol {n:04d}")
    slug = factory.Sequence(lambda n: f"testrol-{n:04d}")
    summary = "Een rol om mee te testen."
    parent = factory.LazyFunction(lambda: section(RoleIndexPage))
    steps = ()
    types = ()
    areas = ()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.pop("parent")
        # Not fields of the page: they become its relations below. (Declared as `exclude`,
        # factory_boy would drop them before they got here.)
        steps, types, areas = (kwargs.pop(name, ()) for name in ("steps", "types", "areas"))
        role = model_class(**kwargs)
        # Set the relations before the one save that add_child does.
        role.ladder_steps.set(LadderStep.objects.filter(number__in=steps))
        role.role_types.set(RoleType.objects.filter(slug__in=types))
        role.work_areas.set(WorkArea.objects.filter(slug__in=areas))
        parent.add_child(instance=role)
        return role


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testorganisatie {n:04d}")
    description = "Een organisatie om mee te testen."
    kind = factory.LazyFunction(lambda: EmployerTypePage.objects.live().first())


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Auteur {n}")
    bio = "Schrijft graag."


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Testartikel {n:04d}")
    slug = factory.Sequence(lambda n: f"testartikel-{n:04d}")
    intro = "Een artikel om mee te testen."
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 300))
    body = [("paragraph", "<p>Een alinea tekst.</p>")]

    @factory.lazy_attribute
    def parent(self):
        return section(ArticleIndexPage)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    name = factory.Sequence(lambda n: f"Lezer {n}")
    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    body = factory.Sequence(lambda n: f"Dit is reactie nummer {n}.")
    status = Comment.Status.APPROVED
    created_at = factory.LazyFunction(timezone.now)
