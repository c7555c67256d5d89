"""The floor plan holds (docs/architecture.md, "The floor plan"): the project package holds
only settings, URLs and the entry points; foundation apps import no feature app; no module
imports another in a circle; no migration imports project code; and imports of project modules
inside functions are kept to the apps' ready()."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOUNDATION = {"core", "caching", "limits", "operations", "outbox"}
FEATURES = {
    "roles", "organisations", "articles", "comments", "readability", "feedback", "glossary",
}  # fmt: skip
OURS = {"ervaring", *FOUNDATION, *FEATURES}


def python_files(*top):
    for folder in top:
        yield from sorted((ROOT / folder).rglob("*.py"))


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(node):
    """The modules an import statement names (for `from a import b`: a, and a.b)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        return [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return []


def is_ours(name):
    return name.split(".")[0] in OURS


def module_imports():
    """{module: the project modules it imports at module level}, migrations left out."""
    paths = {
        module_name(path): path for path in python_files(*OURS) if "migrations" not in path.parts
    }
    graph = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text())
        graph[name] = {
            target
            for node in tree.body
            for target in imported(node)
            if target in paths and target != name
        }
    return graph


def cycles(graph):
    """Every set of modules that import each other in a circle (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_project_package_holds_only_settings_urls_and_entry_points():
    found = {path.relative_to(ROOT / "ervaring").parts[0] for path in python_files("ervaring")}
    assert found == {"__init__.py", "settings", "urls.py", "wsgi.py", "asgi.py"}


def test_no_module_imports_another_in_a_circle():
    assert cycles(module_imports()) == []


def test_foundation_apps_import_no_feature_app():
    graph = module_imports()
    crossing = sorted(
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if module.split(".")[0] in FOUNDATION and target.split(".")[0] in FEATURES
    )
    assert crossing == []


def test_readability_text_analysis_reads_no_database():
    for path in python_files("readability/text"):
        tree = ast.parse(path.read_text())
        names = [target for node in ast.walk(tree) for target in imported(node)]
        assert not [n for n in names if n.startswith("django.db") or "models" in n], path
        assert not [n for n in names if is_ours(n) and not n.startswith("readability.text")]


def test_no_migration_imports_project_code():
    offenders = []
    for path in python_files(*OURS):
        if "migrations" not in path.parts:
            continue
        tree = ast.parse(path.read_text())
        offenders += [
            (path.name, name) for node in ast.walk(tree) for name in imported(node) if is_ours(name)
        ]
    assert offenders == []


def test_project_imports_inside_functions_only_in_ready():
    inside = []
    for path in python_files(*OURS):
        for function in ast.walk(ast.parse(path.read_text())):
            if not isinstance(function, ast.FunctionDef) or function.name == "ready":
                continue
            inside += [
                (module_name(path), function.name, name)
                for node in ast.walk(function)
                for name in imported(node)
                if is_ours(name)
            ]
    assert inside == []
