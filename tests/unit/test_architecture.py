"""Architecture rules that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "civreg"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


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
