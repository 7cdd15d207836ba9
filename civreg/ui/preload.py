"""The main window's modules, loaded on the GUI thread one per turn of the event loop while
the password is typed: loaded in one go they held the login window for a second (keystrokes
queued, the cursor frozen). Qt's modules must be imported on the GUI thread (see
``app.HEAVY_MODULES``); between two steps the window answers.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
from pathlib import Path

MAIN_WINDOW = "civreg.ui.main_window"


@functools.cache
def ui_preload_steps() -> tuple[str, ...]:
    """The ``civreg`` modules the main window imports at its top, in its order, then the main
    window itself (read from its source: a page added to it is preloaded without a list to
    keep)."""
    spec = importlib.util.find_spec(MAIN_WINDOW)
    if spec is None or not (spec.origin or "").endswith(".py"):
        return (MAIN_WINDOW,)  # no source to read (bytecode only): in one step
    tree = ast.parse(Path(str(spec.origin)).read_text(encoding="utf-8"))
    steps: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("civreg"):
            names = [node.module]
            if node.module == "civreg.ui":  # from civreg.ui import settings
                names = [f"civreg.ui.{a.name}" for a in node.names]
            steps += [n for n in names if n not in steps]
    return (*steps, MAIN_WINDOW)


def preload_ui(name: str) -> None:
    """Import one step of ``ui_preload_steps``."""
    importlib.import_module(name)
