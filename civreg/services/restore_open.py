"""A restore as the user runs it: the backup restored and checked
(:func:`civreg.services.restore.restore_backup`), then the restored store opened as its users
will open it — its key file brought up to its database, the store compared with its
high-water mark on this computer (docs/backup.md, "Restore")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.services.check_extra import keyfile_findings, rollback_findings
from civreg.services.check_findings import FAIL, CheckReport, Finding, Msg
from civreg.services.restore import RestoreResult, restore_backup

register(
    {
        "restore.cannot_open": {
            "fr": "registre restauré : il n'a pas pu être ouvert ({detail})",
            "en": "restored store: it could not be opened ({detail})",
        },
    }
)


def restore_and_open(
    backup: Path, target: Path, *, username: str, password: str, **options: Any
) -> RestoreResult:
    """:func:`restore_backup` (same options), then the findings of the first open added to
    its check: a backup restored on the computer whose store went on working after it was
    made is behind that store's mark (said, not failed: an administrator acknowledges)."""
    result = restore_backup(backup, target, username=username, password=password, **options)
    opened = opened_findings(Path(target), username, password)
    return replace(result, check=CheckReport((*result.check.findings, *opened), True))


def opened_findings(target: Path, username: str, password: str) -> list[Finding]:
    from civreg.services.store_access import login

    try:
        ctx = login(target, username, password)
    except CivregError as exc:
        detail = Msg(exc.key, dict(exc.params))
        return [Finding("open", FAIL, "restore.cannot_open", {"detail": detail})]
    try:
        return keyfile_findings(ctx.store) + rollback_findings(ctx.store)
    finally:
        ctx.close()
