"""Long operations in a cancellable progress dialog, leaving nothing half-done.

The job runs on the database worker with ``report(done, total)`` and ``cancelled()``; it must
write to a temporary name and rename at the end, so Cancel (or a crash) leaves no partial file.
Wired today: the backup of the encrypted store (``services.backup``), the store check, and
printing every act registered today (the certificates service records nothing when
cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from civreg.services.changes import Changes
from civreg.ui.operations import Cancelled, Job, Operations

Report = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
CHUNK = 1 << 20


class _Progress(QObject):
    changed = Signal(int, int)


def run_with_progress(
    parent: QWidget | None,
    ops: Operations,
    title: str,
    job: Callable[[Report, IsCancelled], Any],
    on_done: Callable[[Any], None] | None = None,
    changes: Callable[[Any], Changes] | None = None,
) -> tuple[Job, QProgressDialog]:
    """``changes``: what the job changed in the store (see :meth:`Operations.mutate`)."""
    cancel = QCoreApplication.translate("LongOperation", "Cancel")
    dlg = QProgressDialog(title, cancel, 0, 100, parent)
    dlg.setObjectName("progress")
    dlg.setMinimumDuration(300)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    progress = _Progress(dlg)

    def show_progress(done: int, total: int) -> None:
        dlg.setMaximum(max(total, 1))
        dlg.setValue(done)

    progress.changed.connect(show_progress)
    holder: dict[str, Job] = {}

    def work() -> Any:
        return job(lambda d, t: progress.changed.emit(d, t), lambda: holder["job"].cancelled)

    def finish(result: Any) -> None:
        dlg.close()
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dlg.close()
        if not isinstance(exc, Cancelled) and not holder["job"].cancelled:
            from civreg.ui.errors import show_error

            show_error(parent, exc)

    if changes is None:
        holder["job"] = ops.run(work, on_done=finish, on_error=failed, owner=dlg)
    else:
        holder["job"] = ops.mutate(
            work, on_done=finish, on_error=failed, owner=dlg, changes=changes
        )
    dlg.canceled.connect(holder["job"].cancel)
    return holder["job"], dlg
