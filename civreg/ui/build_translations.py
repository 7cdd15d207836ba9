"""Build the binary Qt catalogues (.qm) from the Linguist sources (.ts).

    python -m civreg.ui.build_translations          # lrelease civreg/resources/translations/*.ts
    python -m civreg.ui.build_translations --update # first refresh the .ts from the sources

The .qm files are build products (git-ignored); the .ts files are the reviewed sources.
``--update`` keeps a translation when its text moves to another class (another Linguist
context), fills the English catalogue with the source texts, and lists the French messages
still to translate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def known_translations(ts: Path) -> dict[str, str]:
    """Source text → its finished translation, whatever the context."""
    if not ts.exists():
        return {}
    out: dict[str, str] = {}
    for m in ET.parse(ts).iter("message"):
        source, tr = m.find("source"), m.find("translation")
        if source is None or tr is None or tr.get("type") or not (tr.text or "").strip():
            continue
        out.setdefault(source.text or "", tr.text or "")
    return out


def fill_unfinished(ts: Path, known: dict[str, str], *, same_as_source: bool) -> list[str]:
    """Fill unfinished messages from ``known`` (or with their source text); returns the
    sources still without a translation."""
    tree = ET.parse(ts)
    left: list[str] = []
    for m in tree.iter("message"):
        source, tr = m.find("source"), m.find("translation")
        if source is None or tr is None or tr.get("type") != "unfinished":
            continue
        text = known.get(source.text or "") or (source.text if same_as_source else None)
        if text:
            tr.text = text
            del tr.attrib["type"]
        else:
            left.append(source.text or "")
    ET.indent(tree, space="    ")
    lines = ET.tostring(tree.getroot(), encoding="unicode").splitlines()
    body = "\n".join(line[4:] if line.startswith("    ") else line for line in lines)
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return left


def update_sources() -> dict[str, list[str]]:
    """Refresh the .ts catalogues from ``civreg/ui`` (keeps existing translations, also of
    texts that moved); returns, per language, the messages still to translate."""
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    todo = {}
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"civreg_{lang}.ts"
        known = known_translations(ts)
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                str(ts),
            ],
            check=True,
            capture_output=True,
        )
        todo[lang] = fill_unfinished(ts, known, same_as_source=lang == "en")
    return todo


def build() -> list[Path]:
    out = []
    for ts in sorted(TRANSLATIONS.glob("civreg_*.ts")):
        qm = ts.with_suffix(".qm")
        # Built beside it, then renamed over it: a running client (or test) maps the .qm it
        # loaded, and rewriting that file in place under it is a crash.
        part = qm.with_name(f".{qm.name}.{os.getpid()}.part")
        try:
            subprocess.run(
                [_tool("pyside6-lrelease"), str(ts), "-qm", str(part)],
                check=True,
                capture_output=True,
            )
            os.replace(part, qm)
        finally:
            part.unlink(missing_ok=True)
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m civreg.ui.build_translations")
    p.add_argument("--update", action="store_true", help="run lupdate first")
    args = p.parse_args(argv)
    if args.update:
        for lang, left in update_sources().items():
            for text in left:
                print(f"to translate ({lang}): {text}", file=sys.stderr)
    for qm in build():
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
