"""What a crash may have left half-done, finished or undone when a store is opened next."""

from __future__ import annotations

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


def after_login(ctx: Ctx) -> None:
    """Once logged in: finish or remove a batch export or a backup a crash interrupted."""
    from civreg.exchange.pending_files import recover as recover_exports
    from civreg.services.backup import recover_backups

    try:
        recover_exports(ctx.store)
        recover_backups(ctx)
    except Exception as exc:  # never block a login: the next one tries again
        log.warning("could not finish an interrupted export or backup: %s", type(exc).__name__)
