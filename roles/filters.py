"""Filtering the roles by every facet at once, with counts per option.

Within one facet the options are alternatives (step 2 *or* 3); between facets they all apply
(step 2 *and* volunteer work). The count beside an option says how many roles you would see if
you ticked it too, so a visitor never walks into an empty list by surprise."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator

from core.query_params import page_number
from roles.catalogue import FACETS

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
    is_flag: bool = False
    hint: str = ""

    @property
    def selected_options(self):
        return [option for option in self.options if option.selected]


# Every query parameter the role list reads (the page cache keys on these only).
QUERY_PARAMS = [facet.param for facet in FACETS] + ["page"]


class RoleFilter:
    """The filter form's state, its results and the counts per option: plain data, kept per
    content version and query (RoleIndexPage.shown_from_elsewhere).

    One pass over the catalogue decides, per role, which facets it satisfies; the results are
    the roles that satisfy all, and the count for an option of facet F is taken over the roles
    that satisfy every facet except F."""

    def __init__(self, params, catalogue):
        self.choices = {facet.param: catalogue.facet_choices(facet) for facet in FACETS}
        self.selected = {
            facet.param: self._valid_values(params.getlist(facet.param), facet.param)
            for facet in FACETS
        }
        attrs = {facet.param: facet.attr for facet in FACETS}
        wanted = {name: set(values) for name, values in self.selected.items() if values}
        facet_sets = catalogue.facet_sets
        rows = []
        for role in catalogue.roles:
            sets = facet_sets[role.id]
            failed = {name for name, values in wanted.items() if not sets[attrs[name]] & values}
            rows.append((role, sets, failed))
        self.results = [role for role, _, failed in rows if not failed]
        # With nothing left: per ticked facet, how many roles there would be without it.
        self.without_counts = {}
        if not self.results:
            for name in wanted:
                self.without_counts[name] = sum(1 for _, _, failed in rows if failed <= {name})
        self.facets = []
        for facet in FACETS:
            name, legend, attr = facet.param, facet.legend, facet.attr
            counts = {}
            for _, sets, failed in rows:
                if not failed or failed == {name}:
                    for value in sets[attr]:
                        counts[value] = counts.get(value, 0) + 1
            self.facets.append(
                Facet(
                    name=name,
                    legend=legend,
                    options=[
                        Option(value, label, counts.get(value, 0), value in self.selected[name])
                        for value, label in self.choices[name]
                    ],
                    is_flag=facet.is_flag,
                    hint=facet.hint,
                )
            )
        self.page = page_number(params, Paginator(self.results, PAGE_SIZE))

    def _valid_values(self, values, name):
        """Known values only, each once, in the order of the options."""
        allowed = [value for value, _ in self.choices[name]]
        wanted = set(values)
        return [value for value in allowed if value in wanted]

    @property
    def is_active(self):
        return any(self.selected.values())

    def query_string(self, without=None, without_facet=None):
        """This filter as a query string; `without` is a (name, value) pair to leave out,
        `without_facet` a facet's parameter whose every value is left out."""
        items = []
        for facet in FACETS:
            if facet.param == without_facet:
                continue
            for value in self.selected[facet.param]:
                if (facet.param, value) != without:
                    items.append((facet.param, value))
        return urlencode(items)

    def _facet_label(self, facet):
        labels = [option.label for option in facet.selected_options]
        if facet.is_flag:
            return labels[0]
        return f"{facet.legend}: {' of '.join(labels)}"

    def ways_on(self):
        """When no role fits every choice: what stands in the way, and per ticked facet the
        address without it and how many roles that shows, most roles first. Only facets whose
        removal helps are offered; `together` names every ticked facet."""
        if self.results or not self.is_active:
            return {"together": [], "options": []}
        options = [
            {
                "label": self._facet_label(facet),
                "count": self.without_counts[facet.name],
                "query": self.query_string(without_facet=facet.name),
            }
            for facet in self.facets
            if self.without_counts.get(facet.name)
        ]
        options.sort(key=lambda option: -option["count"])
        together = [self._facet_label(facet) for facet in self.facets if facet.selected_options]
        return {"together": together, "options": options}

    def active_filters(self):
        """What is ticked, each with the address that removes just that choice. A yes/no facet
        reads as its option alone ("Kan ook met weinig uren")."""
        active = []
        for facet in self.facets:
            for option in facet.selected_options:
                label = option.label if facet.is_flag else f"{facet.legend}: {option.label}"
                active.append(
                    {
                        "label": label,
                        "query": self.query_string(without=(facet.name, option.value)),
                    }
                )
        return active

    @property
    def page_query_prefix(self):
        query = self.query_string()
        return f"{query}&" if query else ""
