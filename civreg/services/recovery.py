"""What a crash may have left half-done, finished or undone when a store is opened next."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from civreg.services.context import Ctx

log = logging.getLogger(__name__)


def before_open(path: Path) -> None:
    """Before a store file is opened: finish a restore's swap a crash interrupted, remove
    the temporary files of a restore killed before its swap and of a pre-upgrade copy."""
    from civreg.services.backup import remove_snapshot_leftovers
    from civreg.services.restore import finish_interrupted_restore, remove_restore_leftovers

    finish_interrupted_restore(path)
    remove_restore_leftovers(path)
    remove_snapshot_leftovers(path)
    remove_keyfile_leftovers(path)


def remove_keyfile_leftovers(path: Path) -> None:
    """The temporary copies of the key file a process killed while rewriting it left beside
    the store (every rewrite holds the key file's lock: taking it, none is in progress)."""
    from civreg.security.filelock import exclusive_lock
    from civreg.security.keyfile import keyfile_path, lock_path

    kpath = keyfile_path(path)
    pattern = f".{kpath.name}.*.tmp"
    if not kpath.exists() or not any(path.parent.glob(pattern)):
        return
    with exclusive_lock(lock_path(kpath)):
        for left in path.parent.glob(pattern):
            with contextlib.suppress(OSError):
                left.unlink()


def after_login(ctx: Ctx) -> None:
    """Once logged in: finish or remove a batch export or a backup a crash interrupted."""
    from civreg.exchange.pending_files import recover as recover_exports
    from civreg.services.backup import recover_backups

    try:
        recover_exports(ctx.store)
        recover_backups(ctx)
    except Exception as exc:  # never block a login: the next one tries again
        log.warning("could not finish an interrupted export or backup: %s", type(exc).__name__)
