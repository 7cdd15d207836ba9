"""The Qt binding itself must not wear the client down: PySide6 6.12.0's ``Signal.emit()``
dropped one reference to ``True`` per call, so a client session aborted ("bool_dealloc")
after a few thousand operations (every database job, progress step and refresh emits)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int, int)
    delivered = Signal(object)


def test_emit_keeps_the_reference_counts_of_true_and_false(qapp) -> None:
    e = _Emitter()
    e.changed.connect(lambda _a, _b: None)
    e.delivered.connect(lambda _x: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        e.changed.emit(1, 2)
        e.delivered.emit(None)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
