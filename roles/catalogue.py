"""The role catalogue: every live role with its facets, the ladder and the taxonomy, as plain
values read from the database in a fixed number of queries.

Every page that lists roles (the index and its filters, the keuzehulp, the ladder, a role's
"Volgende stap", employer type pages, the home page) reads this one structure, so no page asks
the database per role, and the number of queries does not grow with the number of roles.

This module knows no model: `build_catalogue` is given the role page, the role index and the
ladder page models, and reaches everything else through their relations (the next steps, the
employer types). roles/models.py builds it and keeps it per content version
(`roles.models.get_catalogue`); the modules that read it (filters, keuzehulp, compare) are given
it."""

from dataclasses import dataclass, field

FLAG_VALUE = "ja"
# How many roles a role page offers to compare with (Catalogue.roles_like): a choice a visitor
# can take in at a glance, the same size however many roles the site has.
COMPARE_CHOICES = 20


@dataclass(frozen=True)
class FacetSpec:
    """One way to filter roles, said once: the query parameter in the address, the legend
    above its options, the RoleEntry attribute (for taxonomy facets also the key in
    `Catalogue.terms`), and the RolePage field it is read from: a many-to-many to the ladder
    steps or to a taxonomy, or a yes/no field whose one option is `flag_label`."""

    param: str
    legend: str
    attr: str
    field: str
    flag_label: str = ""
    # Said below the legend: whose reading the values are, where that is not the source's.
    hint: str = ""

    @property
    def is_flag(self):
        return bool(self.flag_label)

    @property
    def is_steps(self):
        return self.attr == "steps"

    @property
    def is_terms(self):
        return not (self.is_flag or self.is_steps)

    def values(self, entry):
        """A role's values of this facet, as the filter form sends them."""
        value = getattr(entry, self.attr)
        if self.is_flag:
            return frozenset({FLAG_VALUE}) if value else frozenset()
        return frozenset(str(item) for item in value)

    def values_of_page(self, page):
        """What a role page (also an unsaved draft, in a preview) has for this facet, as the
        RoleEntry attribute holds it: step numbers, term slugs in term order, or yes/no."""
        value = getattr(page, self.field)
        if self.is_flag:
            return bool(value)
        if self.is_steps:
            return tuple(sorted(step.number for step in value.all()))
        return tuple(term.slug for term in sorted(value.all(), key=term_order))


def term_order(term):
    return (term.sort_order or 0, term.slug)


# The facets a visitor can filter roles on, in the order the form shows them. Everything that
# filters, counts or links to a filter, and everything that reads a role's facets, loops over
# this list (the catalogue, roles/filters.py, the keuzehulp, the ladder, a role page).
FACETS = (
    FacetSpec("stap", "Stap op de ladder", "steps", "ladder_steps"),
    FacetSpec(
        "soort",
        "Type rol",
        "types",
        "role_types",
        hint="De vijf typen zijn van Movisie. Bij welk type een rol hoort, is meestal de "
        "indeling van de redactie.",
    ),
    FacetSpec("werkveld", "Werkveld", "areas", "work_areas", hint="De indeling van de redactie."),
    FacetSpec(
        "vorm",
        "Vorm van werk",
        "forms",
        "employment_forms",
        hint="Meestal de indeling van de redactie: de bronnen zeggen het bij weinig rollen.",
    ),
    FacetSpec("weinig-uren", "Uren", "few_hours", "suits_few_hours", "Kan ook met weinig uren"),
)
FACETS_BY_ATTR = {facet.attr: facet for facet in FACETS}
TERM_FACETS = tuple(facet for facet in FACETS if facet.is_terms)


@dataclass(frozen=True)
class TermEntry:
    slug: str
    name: str
    description: str
    code: str | None = None


@dataclass(frozen=True)
class StepEntry:
    number: int
    name: str
    meaning: str
    brings: str
    examples: tuple = ()
    in_short: str = ""


@dataclass(frozen=True)
class LinkEntry:
    """A page that roles link to (an employer type), as plain data."""

    id: int
    title: str
    url: str


@dataclass(frozen=True)
class RoleEntry:
    id: int
    title: str
    url: str
    summary: str
    slug: str = ""
    other_names: tuple = ()
    steps: tuple = ()
    types: tuple = ()
    areas: tuple = ()
    forms: tuple = ()
    few_hours: bool = False
    placed_by_source: bool = False
    # Of the steps a source places, those the editors added (Lobbyist: the source names step 3,
    # the editors add step 4).
    steps_by_editors: tuple = ()
    summary_by_editors: bool = False
    # Whether the source itself names this work under its role type(s), and says whether it is
    # paid, volunteer or zzp work; otherwise both are the editors' reading (issue 38).
    types_from_source: bool = False
    forms_from_source: bool = False
    next_ids: tuple = ()
    employer_type_ids: tuple = ()

    @property
    def editors_steps(self):
        """The steps that are the editors' reading: all of them when the source does not place
        this work, otherwise the ones the editors added."""
        if not self.placed_by_source:
            return self.steps
        return tuple(n for n in self.steps if n in self.steps_by_editors)

    @property
    def source_steps(self):
        return tuple(n for n in self.steps if n not in self.editors_steps)

    @property
    def top_step(self):
        return max(self.steps, default=0)

    @property
    def bottom_step(self):
        return min(self.steps, default=0)


@dataclass
class Catalogue:
    roles: list
    steps: list
    terms: dict
    employer_types: dict
    index_url: str = ""
    keuzehulp_url: str = ""
    compare_url: str = ""
    saved_url: str = ""
    ladder_url: str = ""
    roles_by_id: dict = field(init=False)
    roles_by_slug: dict = field(init=False)
    steps_by_number: dict = field(init=False)
    facet_sets: dict = field(init=False)

    def __post_init__(self):
        self.roles_by_id = {role.id: role for role in self.roles}
        self.roles_by_slug = {role.slug: role for role in self.roles}
        # Per role, its values per facet, as strings (the way the filter form sends them).
        self.facet_sets = {
            role.id: {facet.attr: facet.values(role) for facet in FACETS} for role in self.roles
        }
        self.steps_by_number = {step.number: step for step in self.steps}
        self.terms_by_slug = {
            kind: {term.slug: term for term in terms} for kind, terms in self.terms.items()
        }

    def terms_for(self, kind, slugs):
        by_slug = self.terms_by_slug[kind]
        return [by_slug[slug] for slug in slugs if slug in by_slug]

    def terms_of(self, entry):
        """{attr: [TermEntry]} of a role's taxonomy facets ("types", "areas", "forms")."""
        return {
            facet.attr: self.terms_for(facet.attr, getattr(entry, facet.attr))
            for facet in TERM_FACETS
        }

    def codes_of(self, entry, kind):
        """The fixed codes (Term.code) of a role's terms of one kind, e.g. {"hulpverlener"}."""
        return {term.code for term in self.terms_for(kind, getattr(entry, kind)) if term.code}

    def known_codes(self, kind):
        return {term.code for term in self.terms[kind] if term.code}

    def facet_choices(self, facet):
        """[(value in the address, label)] of one facet's options, in ladder or term order."""
        if facet.is_flag:
            return [(FLAG_VALUE, facet.flag_label)]
        if facet.is_steps:
            return [(str(step.number), f"{step.number}. {step.name}") for step in self.steps]
        return [(term.slug, term.name) for term in self.terms[facet.attr]]

    def filter_url(self, attr, value):
        """The role list filtered on one option, e.g. filter_url("steps", 2) -> /werk/?stap=2."""
        if not self.index_url:
            return ""
        return f"{self.index_url}?{FACETS_BY_ATTR[attr].param}={value}#resultaten"

    def next_step(self, entry, limit=6):
        """Where this role can grow on the ladder (docs/content.md, "Volgende stap"), or None.

        Candidates are roles that reach higher than this role's highest step (a role that spans
        steps counts: step 2–3 reaches 3), placed at the lowest of their steps above it: the
        roles the editors chose as next roles, and the roles in the same work area. The nearest
        step any of them reaches is the next step: the editors' choices there, or, when they
        chose none there, the same-area roles there. Further up is "later": the editors'
        choices, or without any, the same-area roles. {"distance", "step", "roles", "later"}."""
        top = entry.top_step
        if not top or top >= max(self.steps_by_number, default=0):
            return None
        areas = set(entry.areas)
        higher = [role for role in self.roles if role.id != entry.id and role.top_step > top]
        chosen = sorted(
            (role for role in higher if role.id in entry.next_ids),
            key=lambda role: entry.next_ids.index(role.id),
        )
        nearby = [role for role in higher if role.id not in entry.next_ids]
        nearby = [role for role in nearby if areas & set(role.areas)]
        if not chosen and not nearby:
            return None

        def reach(role):
            return min(step for step in role.steps if step > top)

        nearest = min(reach(role) for role in [*chosen, *nearby])
        soon = [role for role in chosen if reach(role) == nearest] or [
            role for role in nearby if reach(role) == nearest
        ]
        later = sorted((role for role in (chosen or nearby) if reach(role) > nearest), key=reach)
        return {
            "distance": nearest - top,
            "step": self.steps_by_number.get(nearest),
            "roles": soon[:limit],
            "later": later[:limit],
        }

    def roles_like(self, entry, limit=COMPARE_CHOICES):
        """The roles a role page offers to compare with: those nearest to it — a work area in
        common first, then the fewest steps apart on the ladder — at most `limit`, in the
        catalogue's order (by title).
        Every other role can be chosen on the compare page itself."""
        areas = set(entry.areas)

        def steps_apart(role):
            if not entry.steps or not role.steps:
                return len(self.steps)
            return min(abs(mine - theirs) for mine in entry.steps for theirs in role.steps)

        others = [role for role in self.roles if role.id != entry.id]
        nearest = sorted(
            others, key=lambda role: (not areas & set(role.areas), steps_apart(role), role.title)
        )[:limit]
        chosen = {role.id for role in nearest}
        return [role for role in others if role.id in chosen]  # the catalogue's order

    def employer_types_for(self, entry):
        return [
            self.employer_types[pk] for pk in entry.employer_type_ids if pk in self.employer_types
        ]

    def roles_for_employer_type(self, employer_type_id):
        if employer_type_id not in self.employer_types:
            return []
        return [role for role in self.roles if employer_type_id in role.employer_type_ids]

    def role_counts_by_employer_type(self):
        counts = {}
        for role in self.roles:
            for pk in role.employer_type_ids:
                if pk in self.employer_types:
                    counts[pk] = counts.get(pk, 0) + 1
        return counts

    def ladder(self):
        """[(step, [roles on that step])] in ladder order."""
        return [
            (step, [role for role in self.roles if step.number in role.steps])
            for step in self.steps
        ]

    def entry_for_page(self, page):
        """Facts of a role page that is not (yet) in the catalogue, e.g. in the admin's preview."""
        return RoleEntry(
            id=page.pk or 0,
            title=page.title,
            url="",
            summary=page.summary,
            slug=page.slug,
            other_names=tuple(page.other_names_list),
            **{facet.attr: facet.values_of_page(page) for facet in FACETS},
            placed_by_source=page.placed_by_source,
            steps_by_editors=tuple(sorted(step.number for step in page.steps_by_editors.all())),
            summary_by_editors=page.summary_by_editors,
            types_from_source=page.types_from_source,
            forms_from_source=page.forms_from_source,
            next_ids=tuple(link.role_id for link in page.next_role_links.all()),
            employer_type_ids=tuple(
                link.employer_type_id for link in page.employer_type_links.all()
            ),
        )


def _links(relation, ids):
    """{role page id: [related ids]} of a many-to-many field of RolePage, in one query."""
    through = relation.remote_field.through
    left, right = relation.m2m_column_name(), relation.m2m_reverse_name()
    pairs = {}
    for a, b in through.objects.filter(**{f"{left}__in": ids}).values_list(left, right):
        pairs.setdefault(a, []).append(b)
    return pairs


def build_catalogue(role_page, index_page, ladder_page):
    """Read the catalogue from the database (about a dozen queries, whatever the size), from
    the model of the role pages and of the two sections that list them."""
    relations = {
        facet.attr: role_page._meta.get_field(facet.field) for facet in FACETS if not facet.is_flag
    }

    step_objects = list(relations["steps"].related_model.objects.all())
    steps = [
        StepEntry(
            number=step.number,
            name=step.name,
            meaning=step.meaning,
            brings=step.brings,
            examples=tuple(
                {"title": block.value["title"], "text": block.value["text"]}
                for block in step.examples
            ),
            in_short=step.in_short,
        )
        for step in step_objects
    ]
    # Per facet, what a related id stands for in a RoleEntry, and how those values sort.
    value_of = {"steps": {step.pk: (step.number, step.number) for step in step_objects}}
    terms = {}
    for facet in TERM_FACETS:
        objects = list(relations[facet.attr].related_model.objects.all())
        terms[facet.attr] = [
            TermEntry(term.slug, term.name, term.description, term.code) for term in objects
        ]
        value_of[facet.attr] = {term.pk: (term_order(term), term.slug) for term in objects}

    pages = list(
        role_page.objects.live()
        .public()
        .defer_streamfields()
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "summary",
            "other_names",
            "placed_by_source",
            "summary_by_editors",
            "types_from_source",
            "forms_from_source",
            *(facet.field for facet in FACETS if facet.is_flag),
        )
        .order_by("title")
    )
    ids = [page.pk for page in pages]
    links = {attr: _links(relation, ids) for attr, relation in relations.items()}
    step_number = {step.pk: step.number for step in step_objects}
    editors_steps = _links(role_page._meta.get_field("steps_by_editors"), ids)
    next_model = role_page._meta.get_field("next_role_links").related_model
    next_links = {}
    for page_id, role_id in (
        next_model.objects.filter(page_id__in=ids)
        .order_by("page_id", "sort_order")
        .values_list("page_id", "role_id")
    ):
        next_links.setdefault(page_id, []).append(role_id)
    employer_model = role_page._meta.get_field("employer_type_links").related_model
    employer_links = {}
    for page_id, type_id in (
        employer_model.objects.filter(page_id__in=ids, employer_type__live=True)
        .order_by("page_id", "sort_order")
        .values_list("page_id", "employer_type_id")
    ):
        employer_links.setdefault(page_id, []).append(type_id)

    # Every live, public employer type (a preview may link one that no live role links yet),
    # reached through the page relation that ties a role to where it is done.
    employer_type_page = employer_model._meta.get_field("employer_type").related_model
    employer_types = {
        page.pk: LinkEntry(page.pk, page.title, page.get_url())
        for page in employer_type_page.objects.live()
        .public()
        .only("id", "title", "url_path", "path", "depth")
        .order_by("path")
    }

    def facet_values(facet, page):
        if facet.is_flag:
            return bool(getattr(page, facet.field))
        known = value_of[facet.attr]
        linked = sorted(known[pk] for pk in links[facet.attr].get(page.pk, []) if pk in known)
        return tuple(value for _, value in linked)

    roles = [
        RoleEntry(
            id=page.pk,
            title=page.title,
            url=page.get_url(),
            summary=page.summary,
            slug=page.slug,
            other_names=tuple(page.other_names_list),
            **{facet.attr: facet_values(facet, page) for facet in FACETS},
            placed_by_source=page.placed_by_source,
            steps_by_editors=tuple(
                sorted(step_number[pk] for pk in editors_steps.get(page.pk, []))
            ),
            summary_by_editors=page.summary_by_editors,
            types_from_source=page.types_from_source,
            forms_from_source=page.forms_from_source,
            next_ids=tuple(next_links.get(page.pk, [])),
            employer_type_ids=tuple(employer_links.get(page.pk, [])),
        )
        for page in pages
    ]

    def section(model):
        return model.objects.live().public().only("id", "url_path", "path", "depth").first()

    index, ladder = section(index_page), section(ladder_page)
    return Catalogue(
        roles=roles,
        steps=steps,
        terms=terms,
        employer_types=employer_types,
        index_url=index.get_url() if index else "",
        keuzehulp_url=index.keuzehulp_url if index else "",
        compare_url=index.compare_url if index else "",
        saved_url=index.saved_url if index else "",
        ladder_url=ladder.get_url() if ladder else "",
    )
