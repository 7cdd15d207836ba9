"""Long operations run on the worker behind a progress dialog; Cancel leaves nothing behind."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from civreg.services.backup import backup_status, create_backup
from civreg.ui.long_ops import run_with_progress
from civreg.ui.operations import Operations


def test_backup_completes_with_encrypted_copy(login, tmp_path, qtbot) -> None:
    ctx = login("admin")
    ops = Operations()
    try:
        done: list = []
        progress: list[tuple[int, int]] = []
        out = tmp_path / "backups"
        out.mkdir()

        def job(report, cancelled):
            return create_backup(
                ctx,
                out,
                report=lambda d, t: (report(d, t), progress.append((d, t))),
                cancelled=cancelled,
            )

        run_with_progress(None, ops, "backup", job, on_done=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10000)
        result = done[0]
        assert [p.name for p in out.iterdir()] == [Path(result.path).name]
        assert not Path(result.path).read_bytes().startswith(b"SQLite format 3")
        assert progress and progress[-1][0] == progress[-1][1]
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

            return create_backup(ctx, out, report=slow_report, cancelled=cancelled)

        job_handle, dlg = run_with_progress(None, ops, "backup", job)
        qtbot.waitUntil(lambda: bool(seen))
        dlg.findChild(QPushButton).click()  # the Cancel button of the progress dialog
        qtbot.waitUntil(lambda: job_handle.finished.is_set() and not ops.busy, timeout=5000)
        assert job_handle.cancelled
        assert list(out.iterdir()) == []  # no partial backup, no temporary file
        staging = [p for p in ctx.store.path.parent.iterdir() if ".backup-" in p.name]
        assert [p.name for p in staging if p.name.endswith(".tmp")] == []
        assert no_modal_errors == []  # a cancel is not an error
        assert backup_status(ctx).last_at is None  # and nothing was recorded
    finally:
        ops.stop()
