"""Volume for `make bench`: 1,000 roles, 2,000 articles and 20,000 approved comments (500 of them
on one article), on top of the seeded content. Run with the bench's environment:
    python manage.py shell -c "import bench.generate as g; g.run()"
"""

import random
import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import ArticleIndexPage, ArticlePage
from caching.version import bump_content_version
from comments.models import Comment
from roles.models import EmploymentForm, LadderStep, RoleIndexPage, RolePage, RoleType, WorkArea

ROLES = 1000
ARTICLES = 2000
COMMENTS = 20000
BUSY_ARTICLE_COMMENTS = 500
BUSY_SLUG = "bench-artikel-met-500-reacties"

WORDS = [
    "ervaring",
    "herstel",
    "ondersteuning",
    "cliënt",
    "beleid",
    "vrijwilliger",
    "werk",
    "samen",
    "kennis",
    "groep",
    "deskundigheid",
    "zorg",
    "welzijn",
    "gemeente",
    "training",
    "verhaal",
    "hoop",
    "perspectief",
    "netwerk",
]


def sentence(rng, words=14):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def run():
    started = time.monotonic()
    rng = random.Random(2026)
    steps = list(LadderStep.objects.all())
    types = list(RoleType.objects.all())
    areas = list(WorkArea.objects.all())
    forms = list(EmploymentForm.objects.all())
    role_index = RoleIndexPage.objects.get()
    article_index = ArticleIndexPage.objects.get()

    with transaction.atomic():
        for number in range(ROLES):
            role = RolePage(
                title=f"Benchrol {number:04d}",
                slug=f"benchrol-{number:04d}",
                summary=sentence(rng),
                tasks="\n".join(sentence(rng, 6) for _ in range(3)),
                pathway=sentence(rng, 30),
                suits_few_hours=rng.random() < 0.3,
                body=[("paragraph", f"<p>{sentence(rng, 60)}</p>")],
            )
            role.ladder_steps.set(rng.sample(steps, rng.randint(1, 2)))
            role.role_types.set(rng.sample(types, rng.randint(1, 2)))
            role.work_areas.set(rng.sample(areas, rng.randint(1, 2)))
            role.employment_forms.set(rng.sample(forms, rng.randint(1, 2)))
            role_index.add_child(instance=role)
    print(f"{ROLES} rollen in {time.monotonic() - started:.0f} s")

    with transaction.atomic():
        articles = []
        for number in range(ARTICLES):
            slug = BUSY_SLUG if number == 0 else f"benchartikel-{number:04d}"
            article = ArticlePage(
                title="Bench: artikel met 500 reacties"
                if number == 0
                else f"Benchartikel {number}",
                slug=slug,
                intro=sentence(rng, 30),
                date=timezone.localdate() - timedelta(days=number),
                body=[("paragraph", f"<p>{sentence(rng, 200)}</p>")] * 3,
            )
            article_index.add_child(instance=article)
            articles.append(article)
    print(f"{ARTICLES} artikelen in {time.monotonic() - started:.0f} s")

    now = timezone.now()
    busy, others = articles[0], articles[1:]
    comments = [
        Comment(
            article=busy,
            name=f"Lezer {n}",
            email=f"lezer{n}@example.org",
            body=sentence(rng, 40),
            status=Comment.Status.APPROVED,
            created_at=now - timedelta(minutes=n),
        )
        for n in range(BUSY_ARTICLE_COMMENTS)
    ]
    comments += [
        Comment(
            article=rng.choice(others),
            name=f"Lezer {n}",
            email=f"l{n}@example.org",
            body=sentence(rng, 30),
            status=Comment.Status.APPROVED,
            created_at=now - timedelta(minutes=n),
        )
        for n in range(COMMENTS - BUSY_ARTICLE_COMMENTS)
    ]
    Comment.objects.bulk_create(comments, batch_size=2000)
    bump_content_version()
    print(f"{COMMENTS} reacties; klaar in {time.monotonic() - started:.0f} s")
