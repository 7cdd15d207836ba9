"""Build the binary Qt catalogues (.qm) from the Linguist sources (.ts).

    python -m civreg.ui.build_translations          # lrelease every resources/translations/*.ts
    python -m civreg.ui.build_translations --update # first refresh the .ts from the sources

The .qm files are build products (git-ignored); the .ts files are the reviewed sources.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from civreg.ui.translations import LANGUAGES, TRANSLATIONS

UI_DIR = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it ships with PySide6)")
    return found


def update_sources() -> None:
    """Refresh the .ts catalogues from ``civreg/ui`` (keeps existing translations)."""
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"civreg_{lang}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
            check=True,
            capture_output=True,
        )


def build() -> list[Path]:
    out = []
    for ts in sorted(TRANSLATIONS.glob("civreg_*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m civreg.ui.build_translations")
    p.add_argument("--update", action="store_true", help="run lupdate first")
    args = p.parse_args(argv)
    if args.update:
        update_sources()
    for qm in build():
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
