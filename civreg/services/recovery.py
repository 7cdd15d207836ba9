"""What a crash may have left half-done, finished or undone when a store is opened next."""

from __future__ import annotations

import logging
from pathlib import Path

from civreg.services.context import Ctx

log = logging.getLogger(__name__)


def before_open(path: Path) -> None:
    """Before a store file is opened: finish a restore's swap a crash interrupted, remove
    the temporary files of a restore killed before its swap."""
    from civreg.services.restore import finish_interrupted_restore, remove_restore_leftovers

    finish_interrupted_restore(path)
    remove_restore_leftovers(path)


def after_login(ctx: Ctx) -> None:
    """Once logged in: finish or remove a backup a crash interrupted."""
    from civreg.services.backup import recover_backups

    try:
        recover_backups(ctx)
    except Exception as exc:  # never block a login: the next one (or backup) tries again
        log.warning("could not finish an interrupted backup: %s", type(exc).__name__)
