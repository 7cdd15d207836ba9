"""Architecture rules that a reviewer would otherwise have to remember (see ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "civreg"

# The floors of the house, from the ground up. A module may import its own floor and the
# floors below it, never one above: data and calls flow one way, ui -> services -> exchange
# -> (sync, certificates) -> (models, security) -> domain. Function-level imports count too:
# hiding an upward import inside a function hides the loop, it does not remove it.
FLOORS: dict[str, int] = {
    "i18n": 0,
    "errors": 0,
    "resources": 0,  # data shipped in the package, found through importlib.resources
    "oplog": 0,  # the operations log: one line per use case
    "locations": 0,  # where a store lives: a path or a PostgreSQL URL
    "domain": 1,
    "models": 2,
    "security": 3,  # the audit chain reads and writes its models
    "migrations": 3,  # Alembic scripts: they see the models, nothing imports them
    "certificates": 4,
    "sync": 4,
    "exchange": 5,
    "services": 6,
    "demo": 7,  # builds a demo store through the services
    "outbox": 7,  # the commune's sender: HTTP client over the outbox services
    "intake": 8,  # the district's HTTP service (Starlette) over the intake services
    "ui": 8,
    "commands": 8,
    "cli": 9,
    "__main__": 10,
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "civreg":  # from civreg import sync
                names.update(f"civreg.{a.name}" for a in node.names)
    return names


def _room(module_or_path: str) -> str:
    """The top-level part of civreg a module belongs to: 'sync', 'errors', 'cli'…"""
    return module_or_path.split(".")[0].removesuffix(".py")


def test_every_part_of_the_package_has_a_floor() -> None:
    parts = {_room(p.name) for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir()}
    parts -= {"__init__", "__pycache__"}
    assert parts <= set(FLOORS), f"give these a floor in FLOORS: {sorted(parts - set(FLOORS))}"


def test_no_module_imports_a_higher_floor() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        here = _room(rel.parts[0])
        if here == "__init__":
            continue
        for name in _imports(path):
            if not name.startswith("civreg."):
                continue
            there = _room(name.removeprefix("civreg."))
            if FLOORS.get(there, -1) > FLOORS[here]:
                offenders.append(f"{rel} ({here}, floor {FLOORS[here]}) imports {name}")
    assert offenders == [], "imports that run back up:\n" + "\n".join(sorted(offenders))


def test_the_floor_test_sees_function_level_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from civreg.services.mentions import apply\n")
    assert "civreg.services.mentions" in _imports(module)


def test_sync_and_certificates_do_not_touch_the_database() -> None:
    """The batch format and the certificate renderer are pure: bytes in, bytes out."""
    offenders = []
    for part in ("sync", "certificates"):
        for path in (PACKAGE / part).rglob("*.py"):
            for n in _imports(path):
                if n.split(".")[0] == "sqlalchemy" or n.startswith("civreg.models"):
                    offenders.append(f"{part}/{path.name}: {n}")
    assert offenders == [], offenders


def test_exchange_never_sees_a_use_case_context() -> None:
    """exchange/ returns what it wrote; the role check, audit entries and cross-use-case
    steps (notices, duplicate check, key activation) belong to services/transmission.py."""
    offenders = []
    for path in (PACKAGE / "exchange").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.arg) and node.arg == "ctx":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == [], offenders


def test_pyside6_only_in_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        if any(n == "PySide6" or n.startswith("PySide6.") for n in _imports(path)):
            offenders.append(str(rel))
    assert offenders == [], f"PySide6 imported outside civreg/ui/: {offenders}"


def test_domain_is_pure() -> None:
    forbidden = ("PySide6", "sqlalchemy", "reportlab", "alembic")
    offenders = []
    for path in (PACKAGE / "domain").rglob("*.py"):
        for n in _imports(path):
            if n.split(".")[0] in forbidden:
                offenders.append(f"{path.name}: {n}")
    assert offenders == [], offenders


def test_ui_goes_through_services() -> None:
    """Widgets never see a Session or an ORM object: civreg/ui imports neither SQLAlchemy nor
    the models."""
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        for n in _imports(path):
            if n.split(".")[0] == "sqlalchemy" or n.startswith("civreg.models"):
                offenders.append(f"{path.name}: {n}")
    assert offenders == [], offenders


def _module_graph(typing_imports: bool = False) -> dict[str, set[str]]:
    """civreg module -> the civreg modules it imports when it runs (function-level imports
    included; imports under ``if TYPE_CHECKING:`` left out unless ``typing_imports``: only the
    type checker runs them, but a reader still follows them)."""
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        out: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only and not typing_imports:
                continue
            if isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom) and node.module:
                for a in node.names:
                    full = f"{node.module}.{a.name}"
                    if full in modules:
                        out.add(full)
                    elif node.module in modules:
                        out.add(node.module)
        out.discard(name)
        graph[name] = out
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_modules_import_each_other() -> None:
    """No circle of imports at run time, even inside one floor: a circle hidden in a function
    is still a circle (a type-only import for an annotation is not one)."""
    assert _circles(_module_graph()) == []


def test_no_circle_even_through_annotations() -> None:
    """A module that names another only in an annotation still depends on it to be read:
    the main window's commands name a base of the window, not the window that builds them."""
    assert _circles(_module_graph(typing_imports=True)) == []


def test_the_circle_test_finds_a_circle() -> None:
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_web_stack_only_in_intake() -> None:
    """Starlette and uvicorn (the optional ``intake`` extra) stay inside civreg/intake/: the
    desktop client and the command line never need them."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "intake":
            continue
        for n in _imports(path):
            if n.split(".")[0] in ("starlette", "uvicorn", "fastapi"):
                offenders.append(f"{rel}: {n}")
    assert offenders == [], offenders
