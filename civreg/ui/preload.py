"""The main window's modules, loaded on the GUI thread one per turn of the event loop while
the password is typed: loaded in one go they held the login window for a second (keystrokes
queued, the cursor frozen). Qt's modules must be imported on the GUI thread (see
``app.HEAVY_MODULES``); between two steps the window answers.
"""

from __future__ import annotations

import ast
import functools
import importlib
from pathlib import Path

MAIN_WINDOW = "civreg.ui.main_window"


@functools.cache
def ui_preload_steps() -> tuple[str, ...]:
    """The ``civreg`` modules the main window imports at its top, in its order, then the main
    window itself (read from its source: a page added to it is preloaded without a list to
    keep)."""
    source = Path(__file__).with_name("main_window.py")
    if not source.is_file():
        return (MAIN_WINDOW,)  # no source to read (bytecode only): in one step
    tree = ast.parse(source.read_text(encoding="utf-8"))
    steps: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("civreg"):
            names = [node.module]
            # from civreg.ui import settings: the module settings (found on disk, not
            # imported: finding a name of a module would import that module here)
            subs = [a.name for a in node.names if _submodule(node.module, a.name)]
            names += [f"{node.module}.{name}" for name in subs]
            steps += [n for n in names if n not in steps]
    return (*steps, MAIN_WINDOW)


def _submodule(package: str, name: str) -> bool:
    """Whether ``package.name`` is a module of the package's folder."""
    folder = Path(__file__).resolve().parents[1].joinpath(*package.split(".")[1:])
    return (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()


def preload_ui(name: str) -> None:
    """Import one step of ``ui_preload_steps``."""
    importlib.import_module(name)
