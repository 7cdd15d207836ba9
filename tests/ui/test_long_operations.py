"""Long operations run on the worker behind a progress dialog; Cancel leaves nothing behind."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QPushButton

from civreg.ui.long_ops import backup_store, run_with_progress
from civreg.ui.operations import Operations


def test_backup_completes_with_encrypted_copy(login, tmp_path, qtbot) -> None:
    ctx = login("admin")
    ops = Operations()
    try:
        done: list = []
        out = tmp_path / "backups"
        out.mkdir()
        run_with_progress(
            None,
            ops,
            "backup",
            lambda report, cancelled: backup_store(ctx, out, report, cancelled),
            on_done=done.append,
        )
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
        folder = done[0]
        assert sorted(p.name for p in folder.iterdir()) == ["store.db", "store.db.keys"]
        assert not (folder / "store.db").read_bytes().startswith(b"SQLite format 3")
        assert [p.name for p in out.iterdir()] == [folder.name]
    finally:
        ops.stop()


def test_cancel_leaves_nothing_half_done(login, tmp_path, qtbot, no_modal_errors) -> None:
    ctx = login("admin")
    ops = Operations()
    try:
        out = tmp_path / "backups"
        out.mkdir()
        seen: list[int] = []

        def job(report, cancelled):
            def slow_report(d: int, t: int) -> None:
                report(d, t)
                seen.append(d)
                deadline = time.monotonic() + 5
                while not cancelled() and time.monotonic() < deadline:
                    time.sleep(0.01)  # wait for the user's Cancel after the first chunk

            return backup_store(ctx, out, slow_report, cancelled)

        job_handle, dlg = run_with_progress(None, ops, "backup", job)
        qtbot.waitUntil(lambda: bool(seen))
        dlg.findChild(QPushButton).click()  # the Cancel button of the progress dialog
        qtbot.waitUntil(lambda: job_handle.finished.is_set() and not ops.busy, timeout=5000)
        assert job_handle.cancelled
        assert list(out.iterdir()) == []  # no partial backup folder, no temp folder
        assert no_modal_errors == []  # a cancel is not an error
    finally:
        ops.stop()
