"""Choosing between roles: compare two or three side by side, and a shortlist that lives in the
address (`?rol=…&rol=…`): no account, no cookie, nothing stored on our server.

Both read the same parameter and the same catalogue, which the role list gives them
(roles/catalogue.py: live, public roles only, so a private or unknown role is never shown, only
counted in a Dutch message). Every fact in a comparison comes from the role's own data; where a
role has none, the cell says so."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from roles.keuzehulp import pay_in_words

ROLE_PARAM = "rol"
MAX_COMPARED = 3
MAX_SAVED = 20
# More values than this in one address are not even looked at (a list of 20 has room to spare).
MAX_READ = 50
# An empty field says what it is: the editors have not filled it in. Never a claim about what
# the sources say (issue 38: roles the sources describe were shown as "not described").
NOT_DESCRIBED = "De redactie heeft dit nog niet ingevuld."


@dataclass
class Selection:
    """The roles an address names, in its order, each once, and what was left out."""

    roles: list
    unknown: int = 0
    over_limit: int = 0
    limit: int = MAX_SAVED

    @property
    def messages(self):
        said = []
        if self.unknown == 1:
            said.append("Eén rol in het adres bestaat niet (meer) op deze site. Die laten we weg.")
        elif self.unknown:
            said.append(
                f"{self.unknown} rollen in het adres bestaan niet (meer) op deze site. Die "
                "laten we weg."
            )
        if self.over_limit:
            said.append(
                f"Je kunt hoogstens {self.limit} rollen tegelijk "
                f"{'vergelijken' if self.limit == MAX_COMPARED else 'bewaren'}. We tonen de "
                f"eerste {self.limit}."
            )
        return said

    @property
    def slugs(self):
        return [role.slug for role in self.roles]


def select(values, limit, catalogue):
    """The known public roles among `values` (slugs from the address), at most `limit`."""
    chosen, unknown, over = [], 0, 0
    for value in values[:MAX_READ]:
        role = catalogue.roles_by_slug.get(value.strip())
        if role is None:
            unknown += 1
        elif role not in chosen:
            if len(chosen) < limit:
                chosen.append(role)
            else:
                over += 1
    over += max(0, len(values) - MAX_READ)
    return Selection(chosen, unknown, over, limit)


def address(base, slugs):
    """`base` with the roles `slugs` in its query (an empty list: `base` alone)."""
    return f"{base}?{urlencode([(ROLE_PARAM, slug) for slug in slugs])}" if slugs else base


@dataclass
class Row:
    """One fact of the comparison: its name and one cell per role (each a list of lines, or
    of links {title, url})."""

    name: str
    cells: list
    links: bool = False
    differs: bool = field(init=False)

    def __post_init__(self):
        self.differs = len({repr(cell) for cell in self.cells}) > 1


def ladder_cell(role, catalogue):
    if not role.steps:
        return ["Nog geen plek op de ladder."]
    steps = [catalogue.steps_by_number[n] for n in role.steps if n in catalogue.steps_by_number]
    lines = [f"Stap {step.number}: {step.name}" for step in steps]
    lines.append(placement(role))
    return lines


def placement(role):
    """Who places this work on the ladder, in one sentence (the role page, the comparison)."""
    if not role.editors_steps:
        return "Zo plaatst de bron dit werk."
    if not role.source_steps:
        return "Inschatting van de redactie: de bron plaatst dit werk niet zelf."
    return (
        f"De bron plaatst dit werk op {steps_words(role.source_steps)}; "
        f"{steps_words(role.editors_steps)} is een inschatting van de redactie."
    )


def steps_words(numbers):
    """(3,) -> "stap 3"; (3, 4) -> "stap 3 en 4"."""
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"stap {words[0]}"
    return f"stap {', '.join(words[:-1])} en {words[-1]}"


def names(terms, by_editors=False):
    """The terms' names in one line; `by_editors` when the source does not say them for this
    role: then marked as the editors' reading (issue 38: never credited to a source that does
    not say it)."""
    if not terms:
        return [NOT_DESCRIBED]
    line = ", ".join(term.name for term in terms)
    return [f"{line} (inschatting van de redactie)" if by_editors else line]


def next_cell(role, catalogue):
    step = catalogue.next_step(role, limit=4)
    if step is None:
        if role.top_step >= 4:
            return [{"title": "Dit werk staat op de hoogste stap.", "url": ""}]
        return [{"title": NOT_DESCRIBED, "url": ""}]
    return [{"title": next_role.title, "url": next_role.url} for next_role in step["roles"]]


def comparison(selection, catalogue, texts_of):
    """The rows of the comparison, in a fixed order, for the roles of `selection`;
    `texts_of(ids)` gives the role pages' own texts (tasks, how to get there), the only facts
    outside the catalogue: {id: page}, in one query."""
    roles = selection.roles
    texts = texts_of([role.id for role in roles])
    terms = [catalogue.terms_of(role) for role in roles]

    def tasks(role):
        page = texts.get(role.id)
        return (page.task_list if page else []) or [NOT_DESCRIBED]

    def pathway(role):
        page = texts.get(role.id)
        return (page.pathway_paragraphs if page else []) or [NOT_DESCRIBED]

    def places(role):
        found = catalogue.employer_types_for(role)
        return [{"title": e.title, "url": e.url} for e in found] or [
            {"title": NOT_DESCRIBED, "url": ""}
        ]

    return [
        Row("Stap op de ladder", [ladder_cell(role, catalogue) for role in roles]),
        Row(
            "Type rol",
            [
                names(t["types"], not role.types_from_source)
                for role, t in zip(roles, terms, strict=True)
            ],
        ),
        Row("Werkveld", [names(t["areas"]) for t in terms]),
        Row(
            "Betaald, vrijwillig of zzp",
            [
                names(t["forms"], not role.forms_from_source)
                for role, t in zip(roles, terms, strict=True)
            ],
        ),
        Row(
            "Weinig uren",
            [
                ["Ja: de bron noemt dit werk bij kortdurend werk."]
                if role.few_hours
                else ["De bron noemt dit werk niet bij kortdurend werk."]
                for role in roles
            ],
        ),
        Row("Wat doe je?", [tasks(role) for role in roles]),
        Row("Hoe word je dit?", [pathway(role) for role in roles]),
        Row("Waar doe je dit werk?", [places(role) for role in roles], links=True),
        Row("Volgende stap", [next_cell(role, catalogue) for role in roles], links=True),
    ]


def compared(values, catalogue, texts_of):
    """What the comparison page shows for the address's `rol` values."""
    selection = select(values, MAX_COMPARED, catalogue)
    rows = comparison(selection, catalogue, texts_of) if len(selection.roles) >= 2 else []
    return {
        "selection": selection,
        "rows": rows,
        "differing": [row.name for row in rows if row.differs],
    }


def shortlist_facts(role, catalogue, page):
    """What a coach needs of a role on the shortlist, on screen and on paper (issue 32): pay,
    hours, what you do, the next step; each from the role's own data, marked where it is the
    editors' reading, and saying so where the editors have not filled it in."""
    step = catalogue.next_step(role, limit=4)
    if step is None:
        next_roles = "Dit werk staat op de hoogste stap." if role.top_step >= 4 else NOT_DESCRIBED
    else:
        next_roles = ", ".join(next_role.title for next_role in step["roles"])
    return [
        ("Betaald of vrijwillig", pay_in_words(catalogue.codes_of(role, "forms"), role)),
        (
            "Weinig uren",
            "Ja: de bron noemt dit werk bij kortdurend werk."
            if role.few_hours
            else "De bron noemt dit werk niet bij kortdurend werk.",
        ),
        ("Wat doe je?", "; ".join((page.task_list if page else [])[:4]) or NOT_DESCRIBED),
        ("Volgende stap", next_roles),
    ]


def saved(values, catalogue, texts_of):
    """What the shortlist page shows for the address's `rol` values: the roles, each with the
    address of the list without it and its facts, and the roles that could be added;
    `texts_of(ids)` gives the role pages' own texts (as for the comparison)."""
    base = catalogue.saved_url
    selection = select(values, MAX_SAVED, catalogue)
    slugs = selection.slugs
    texts = texts_of([role.id for role in selection.roles]) if selection.roles else {}
    return {
        "selection": selection,
        "address": address(base, slugs),
        "entries": [
            {
                "role": role,
                "without": address(base, [s for s in slugs if s != role.slug]),
                "facts": shortlist_facts(role, catalogue, texts.get(role.id)),
            }
            for role in selection.roles
        ],
        "others": [role for role in catalogue.roles if role not in selection.roles],
    }
