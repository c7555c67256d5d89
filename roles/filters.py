"""Filtering the roles by every facet at once, with counts per option.

Within one facet the options are alternatives (step 2 *or* 3); between facets they all apply
(step 2 *and* volunteer work). The count beside an option says how many roles you would see if
you ticked it too, so a visitor never walks into an empty list by surprise."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator

from ervaring.views import page_number
from roles.catalogue import get_catalogue

PAGE_SIZE = 40


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str  # the GET parameter
    legend: str
    options: list

    @property
    def selected_options(self):
        return [option for option in self.options if option.selected]


FACETS = [
    # GET name, legend, catalogue attribute
    ("stap", "Stap op de ladder", "steps"),
    ("soort", "Type rol", "types"),
    ("werkveld", "Werkveld", "areas"),
    ("vorm", "Vorm van werk", "forms"),
]
FEW_HOURS = "weinig-uren"


class RoleFilter:
    """The filter form's state, its results and the counts per option."""

    def __init__(self, params):
        self.catalogue = get_catalogue()
        self.params = params
        self.choices = self._choices()
        self.selected = {
            name: self._valid_values(params.getlist(name), name) for name, _, _ in FACETS
        }
        self.few_hours = params.get(FEW_HOURS) == "ja"
        self.results = [role for role in self.catalogue.roles if self._matches(role)]
        self.facets = [self._facet(name, legend, attr) for name, legend, attr in FACETS]
        self.page = page_number(params, Paginator(self.results, PAGE_SIZE))

    def _choices(self):
        catalogue = self.catalogue
        return {
            "stap": [(str(step.number), f"{step.number}. {step.name}") for step in catalogue.steps],
            "soort": [(term.slug, term.name) for term in catalogue.terms["types"]],
            "werkveld": [(term.slug, term.name) for term in catalogue.terms["areas"]],
            "vorm": [(term.slug, term.name) for term in catalogue.terms["forms"]],
        }

    def _valid_values(self, values, name):
        """Known values only, each once, in the order of the options."""
        allowed = [value for value, _ in self.choices[name]]
        wanted = set(values)
        return [value for value in allowed if value in wanted]

    @staticmethod
    def _role_values(role, attr):
        values = getattr(role, attr)
        return {str(value) for value in values}

    def _matches(self, role, skip=None):
        for name, _, attr in FACETS:
            if name == skip or not self.selected[name]:
                continue
            if not self._role_values(role, attr) & set(self.selected[name]):
                return False
        return not (skip != FEW_HOURS and self.few_hours and not role.few_hours)

    def _facet(self, name, legend, attr):
        pool = [role for role in self.catalogue.roles if self._matches(role, skip=name)]
        counts = {}
        for role in pool:
            for value in self._role_values(role, attr):
                counts[value] = counts.get(value, 0) + 1
        return Facet(
            name=name,
            legend=legend,
            options=[
                Option(value, label, counts.get(value, 0), value in self.selected[name])
                for value, label in self.choices[name]
            ],
        )

    @property
    def few_hours_count(self):
        return sum(1 for role in self.catalogue.roles if self._matches(role, skip=FEW_HOURS)
                   and role.few_hours)

    @property
    def is_active(self):
        return self.few_hours or any(self.selected.values())

    def query_string(self, without=None):
        """This filter as a query string; `without` is a (name, value) pair to leave out."""
        items = []
        for name, _, _ in FACETS:
            for value in self.selected[name]:
                if (name, value) != without:
                    items.append((name, value))
        if self.few_hours and without != (FEW_HOURS, "ja"):
            items.append((FEW_HOURS, "ja"))
        return urlencode(items)

    def active_filters(self):
        """What is ticked, each with the address that removes just that choice."""
        active = []
        for facet in self.facets:
            for option in facet.selected_options:
                label = option.label
                active.append(
                    {"label": f"{facet.legend}: {label}",
                     "query": self.query_string(without=(facet.name, option.value))}
                )
        if self.few_hours:
            active.append(
                {"label": "Kan ook met weinig uren",
                 "query": self.query_string(without=(FEW_HOURS, "ja"))}
            )
        return active

    @property
    def page_query_prefix(self):
        query = self.query_string()
        return f"{query}&" if query else ""
