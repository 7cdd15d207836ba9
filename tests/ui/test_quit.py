"""Quitting after a long session never crashes (issue 11 item 15).

The "Fatal Python error: none_dealloc" came from PySide6 6.12.0: each call of a Python slot
from Qt and each ``emit()`` from Python dropped one reference to ``None`` / ``True`` that it
did not own (PYSIDE-3474). On Python 3.11, where ``None`` and ``True`` are ordinary objects,
a long enough session drains their count and the interpreter aborts, usually at exit while
collecting garbage. pyproject.toml keeps 6.12.0 out on Python < 3.12; the first test fails
at once on a binding with that defect, the second runs a long session and quits 20 times.
"""

from __future__ import annotations

import os
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton

ROOT = Path(__file__).resolve().parents[2]


class _Emitter(QObject):
    fired = Signal()


def test_slots_and_emits_leave_none_and_true_alone(qtbot) -> None:
    button, emitter, timer = QPushButton(), _Emitter(), QTimer()
    button.clicked.connect(lambda: None)
    emitter.fired.connect(lambda: None)
    ticks: list[int] = []
    timer.timeout.connect(lambda: ticks.append(1))
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        button.click()  # Qt calls a Python slot
        emitter.fired.emit()  # Python emits, Qt calls a Python slot
    timer.start(0)
    qtbot.waitUntil(lambda: len(ticks) >= 200)
    timer.stop()
    after = sys.getrefcount(None), sys.getrefcount(True)
    # A few references come and go with the test's own objects; the defect loses thousands.
    assert after[0] - before[0] > -100, f"None lost {before[0] - after[0]} references"
    assert after[1] - before[1] > -100, f"True lost {before[1] - after[1]} references"


def _session(store_path: Path, folder: Path) -> subprocess.Popen[str]:
    folder.mkdir()
    for src in store_path.parent.iterdir():
        (folder / src.name).write_bytes(src.read_bytes())
    return subprocess.Popen(
        [
            sys.executable,
            "-X",
            "faulthandler",
            "-m",
            "tests.ui.long_session",
            str(folder / store_path.name),
            str(folder / "settings.ini"),
            "2",  # rounds of: declare, register, visit every page, search, lock and unlock
        ],
        cwd=ROOT,
        # Each run is a copy of the same store: its own user data folder, or the high-water
        # mark a previous run left would rightly find this copy behind (rollback).
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "CIVREG_DATA_DIR": str(folder / "ud")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_long_session_then_quit_20_times(store_path: Path, tmp_path: Path) -> None:
    """Twenty processes, two at a time: each runs a long session, quits from the menu and
    must end with status 0, without "Fatal Python error"."""
    runs = iter(range(20))
    while True:
        batch = [(n, _session(store_path, tmp_path / f"run{n}")) for n in islice(runs, 2)]
        if not batch:
            break
        for n, proc in batch:
            out, err = proc.communicate(timeout=300)
            assert "Fatal Python error" not in err, (n, err[-3000:])
            assert proc.returncode == 0 and "QUIT 0" in out, (n, proc.returncode, err[-3000:])
