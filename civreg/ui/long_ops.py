"""Long operations in a cancellable progress dialog, leaving nothing half-done.

The job runs on the database worker with ``report(done, total)`` and ``cancelled()``; it must
write to a temporary name and rename at the end, so Cancel (or a crash) leaves no partial file.
Wired today: the backup of the encrypted store, and printing every act registered today (the
certificates service records nothing when cancelled).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.security.keyfile import keyfile_path
from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.ui.operations import Cancelled, Job, Operations

register(
    {
        "backup.on_server": {
            "fr": "Un registre PostgreSQL se sauvegarde sur le serveur, avec pg_dump "
            "(voir docs/district.md).",
            "en": "A PostgreSQL store is backed up on the server, with pg_dump "
            "(see docs/district.md).",
        }
    }
)

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


def backup_store(ctx: Ctx, target_dir: Path, report: Report, cancelled: IsCancelled) -> Path:
    """Copy the encrypted store and its key file into ``target_dir/civreg-backup-<stamp>/``.
    The copy stays encrypted; the folder appears only when complete."""
    store = ctx.store
    if store.path is None:
        raise CivregError("backup.on_server")
    store.checkpoint()
    sources = [store.path, keyfile_path(store.path)]
    total = sum(p.stat().st_size for p in sources)
    final = target_dir / f"civreg-backup-{datetime.now():%Y%m%d-%H%M%S}"
    tmp = Path(tempfile.mkdtemp(prefix=".civreg-backup-", dir=target_dir))
    done = 0
    try:
        for src in sources:
            with src.open("rb") as fin, (tmp / src.name).open("wb") as fout:
                while chunk := fin.read(CHUNK):
                    if cancelled():
                        raise Cancelled()
                    fout.write(chunk)
                    done += len(chunk)
                    report(done, total)
                fout.flush()
                os.fsync(fout.fileno())
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final
