"""Which published name forms the class-prefix rule joins (``class_prefixes.same_core``).

    .venv/bin/python bench/class_prefix_pairs.py [--before REV]

Every one-word family form of the held-out sets (``bench/data/spellings_heldout*.json``)
and of ``../shared/data/names.json`` is compared with every other. A pair inside one group
is a join the rule should make; a pair across groups is either one name split over two
groups (LEGA/REGA and BALEGA/WAREGA) or a false join, for a person to read. With
``--before REV`` only the pairs that the module at git revision REV did not join are listed.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from civreg.domain import class_prefixes  # noqa: E402
from civreg.domain.names import phonetic  # noqa: E402

NAMES = ROOT.parent / "shared" / "data" / "names.json"


def forms() -> list[tuple[str, str, str]]:
    """(group, form, phonetic key) of every one-word family form."""
    out = []
    for path in sorted((ROOT / "bench" / "data").glob("spellings_heldout*.json")):
        for i, group in enumerate(json.loads(path.read_text(encoding="utf-8"))["family"]):
            out += [(f"{path.stem}#{i}", f, phonetic(f)) for f in group["forms"]]
    if NAMES.exists():
        names = json.loads(NAMES.read_text(encoding="utf-8"))
        for country in ("BF", "CD"):
            out += [(f"names.json:{f}", f, phonetic(f)) for f in names[country]["family"]]
    return [x for x in out if " " not in x[2]]


def module_at(rev: str) -> ModuleType:
    text = subprocess.run(
        ["git", "show", f"{rev}:civreg/domain/class_prefixes.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "class_prefixes_before.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("class_prefixes_before", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", help="list only the pairs this git revision did not join")
    args = ap.parse_args(argv)
    before = module_at(args.before) if args.before else None
    inside = across = 0
    for (ga, a, ka), (gb, b, kb) in itertools.combinations(forms(), 2):
        if not class_prefixes.same_core(ka, kb):
            continue
        if before is not None and before.same_core(ka, kb):
            continue
        if ga == gb:
            inside += 1
        else:
            across += 1
            print(f"across  {a:20s} {b:20s} ({ga} / {gb})")
    print(f"pairs joined inside a group: {inside}; across groups: {across}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
