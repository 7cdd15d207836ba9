"""An export killed around the moment its file appears leaves no stray batch (issue 13,
item 1): the file gets its final name only after the commit, and what a crash left is
finished from the bytes kept in the store, or removed, at the next start."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from civreg.models.sync import OutgoingBatch
from civreg.services.store_access import login
from tests.integration.transmission_support import (
    PW,
    TODAY,
    birth,
    new_commune,
    received_day,
    register,
)

ROOT = Path(__file__).resolve().parents[2]

# The victim: a real export in its own process, killed by SIGKILL at one exact point of its
# file handling (os.replace of a name ending in .civreg-batch or of its temporary file).
VICTIM = r"""
import os, signal, sys
from pathlib import Path
when, store, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
real = os.replace
def replace(src, dst, *a, **k):
    name = os.fspath(dst)
    batch = name.endswith(".civreg-batch")
    if batch and when == "before_rename":
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst, *a, **k)
    if batch and when == "after_rename":
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from civreg.services.store_access import login
from civreg.services.transmission import export_batch
ctx = login(store, "registrar", sys.argv[4])
export_batch(ctx, out)
print("returned")
"""


def _export_killed(store: Path, out: Path, when: str) -> subprocess.CompletedProcess[str]:
    env = {  # the test's own user data folder (the stores' marks), never the real one
        k: v for k, v in os.environ.items() if not k.startswith("CIVREG_") or k == "CIVREG_DATA_DIR"
    }
    return subprocess.run(
        [sys.executable, "-c", VICTIM, when, str(store), str(out), PW],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip


def _known(store: Path) -> dict[str, int]:
    ctx = login(store, "registrar", PW)  # the next start: finishes or removes what was left
    try:
        with ctx.store.read() as s:
            return {b.sha256: b.sequence for b in s.scalars(select(OutgoingBatch))}
    finally:
        ctx.close()


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("when", ["before_rename", "after_rename"])
def test_killed_export_leaves_no_stray_batch(tmp_path: Path, when: str) -> None:
    commune = new_commune(tmp_path, "11")
    register(commune, birth("KABORE", "Ali", 1))
    commune.close()
    store = Path(commune.path)
    out = tmp_path / "usb"
    out.mkdir()
    r = _export_killed(store, out / "first.civreg-batch", when)
    assert r.returncode == -signal.SIGKILL, r.stderr
    known = _known(store)
    files = _files(out)
    # Every file in the folder is a batch the store knows, under its final name; no
    # temporary file (a plain batch holds names in clear) is left behind.
    assert all(not n.endswith(".tmp") and not n.startswith(".") for n in files), files
    assert set(files.values()) <= set(known), (files, known)
    # And a batch the store recorded is not lost: its file is there (rewritten if needed).
    assert set(known) <= set(files.values())
    # The next export takes the next number: the district never sees two contents for one.
    ctx = login(store, "registrar", PW)
    try:
        from civreg.services.transmission import export_batch

        register_ctx = ctx
        from civreg.services.drafts import create_draft
        from civreg.services.registration import register_act

        data = birth("ZONGO", "Awa", 2)
        draft = create_draft(register_ctx, data, today=received_day(data))
        register_act(register_ctx, draft.id, today=TODAY)
        result = export_batch(ctx, out / "second.civreg-batch")
    finally:
        ctx.close()
    assert result.sequence == len(known) + 1
    sequences = sorted(_known(store).values())
    assert sequences == list(range(1, len(sequences) + 1))
