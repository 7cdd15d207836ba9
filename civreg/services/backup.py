"""Back up an encrypted store into one file (``backup_file``), and remind when it is due.

The copy is taken with SQLite's online backup API by a connection that holds one read
transaction for the whole copy: the backup is the store exactly as it was at that instant,
committed pages still in the ``-wal`` file included (a file copy of a live WAL database
misses them), while other windows and commands keep registering. The manifest's counts are
read inside the same transaction.

Nothing lost, nothing stray: the store records the backup before the file gets its final
name. ``backup.pending:<token>`` (a setting) is written first; then the copy is staged beside
the store, checked, and written as ``.<name>.tmp`` in the target folder; one transaction
records it (audit entry, ``backup.last``, pending marked committed); only then is the file
renamed. After a crash, :func:`recover_backups` (run at the next login and before each
backup) finishes the rename of a recorded backup, and removes every temporary file of one
that was not recorded.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import delete, select

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.models.engine import raw_connect
from civreg.models.office import Setting
from civreg.models.store import Store
from civreg.security.atomic import fsync_folder
from civreg.security.keyfile import KeyFile, keyfile_path
from civreg.services.backup_file import SUFFIX, Manifest, file_sha256, write_backup
from civreg.services.context import Ctx
from civreg.services.file_lock import LockHeld, exclusive
from civreg.services.settings import get_setting, put_setting

LAST = "backup.last"
REMINDER_DAYS = "backup.reminder_days"
DEFAULT_REMINDER_DAYS = 7
PENDING = "backup.pending:"
PAGES_PER_STEP = 1024

register(
    {
        "backup.postgres": {
            "fr": "Un registre PostgreSQL se sauvegarde sur le serveur, avec pg_dump "
            "(voir docs/district.md).",
            "en": "A PostgreSQL store is backed up on the server, with pg_dump "
            "(see docs/district.md).",
        },
        "backup.no_folder": {
            "fr": "Dossier de sauvegarde introuvable : {name}.",
            "en": "Backup folder not found: {name}.",
        },
        "backup.running": {
            "fr": "Une sauvegarde de ce registre est déjà en cours.",
            "en": "A backup of this store is already running.",
        },
        "backup.cancelled": {"fr": "Sauvegarde annulée.", "en": "Backup cancelled."},
        "backup.bad_reminder": {
            "fr": "Le rappel de sauvegarde doit être compris entre 0 (jamais) et 365 jours.",
            "en": "The backup reminder must be between 0 (never) and 365 days.",
        },
    }
)


class BackupCancelled(CivregError):
    key = "backup.cancelled"


@dataclass(frozen=True)
class BackupResult:
    path: str
    sha256: str
    size: int
    manifest: Manifest
    damaged_pages: tuple[str, ...] = ()  # the store's own pages that failed their HMAC


@dataclass(frozen=True)
class BackupStatus:
    last_at: datetime | None
    last_file: str
    last_folder: str
    reminder_days: int  # 0: no reminder
    age_days: int | None
    due: bool
    last: dict[str, Any] = field(default_factory=dict)


Report = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def _program_version() -> str:
    try:
        return version("civreg")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


def _lock_path(store_path: Path) -> Path:
    return store_path.with_name(f"{store_path.name}.backup-lock")


@contextlib.contextmanager
def _backup_lock(store_path: Path):
    try:
        with exclusive(_lock_path(store_path)):
            yield
    except LockHeld:
        raise CivregError("backup.running") from None


def create_backup(
    ctx: Ctx,
    out_dir: Path,
    *,
    report: Report | None = None,
    cancelled: IsCancelled | None = None,
    now: datetime | None = None,
) -> BackupResult:
    """Back up the open store into ``out_dir``; the file appears there only when complete
    and recorded in the store."""
    store = ctx.store
    if store.path is None or store.data_key is None:  # said to anyone: where it is done
        raise CivregError("backup.postgres")
    ctx.require("store.backup")
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise CivregError("backup.no_folder", name=str(out_dir))
    with _backup_lock(store.path):
        _recover(ctx.store)
        return _backup(ctx, out_dir.resolve(), report, cancelled, now or datetime.now(UTC))


def _backup(
    ctx: Ctx, out_dir: Path, report: Report | None, cancelled: IsCancelled | None, now: datetime
) -> BackupResult:
    store = ctx.store
    assert store.path is not None and store.data_key is not None
    local = now.astimezone()
    final = out_dir / f"civreg-{ctx.office.office_id}-{local:%Y%m%d-%H%M%S}{SUFFIX}"
    n = 1
    while final.exists() or final.with_name(f".{final.name}.tmp").exists():
        n += 1
        final = out_dir / f"civreg-{ctx.office.office_id}-{local:%Y%m%d-%H%M%S}-{n}{SUFFIX}"
    tmp = final.with_name(f".{final.name}.tmp")
    token = secrets.token_hex(6)
    staging = store.path.with_name(f".{store.path.name}.backup-{token}.tmp")
    pending: dict[str, Any] = {"folder": str(out_dir), "tmp": tmp.name, "final": final.name}
    pending |= {"staging": staging.name, "committed": False}
    with store.write() as s:
        put_setting(s, PENDING + token, pending)
    committed = False
    try:

        def tick(done: int, total: int) -> None:
            if cancelled is not None and cancelled():
                raise BackupCancelled()
            if report is not None:
                report(done, total)

        facts, keys = _snapshot(store, staging, lambda d, t: tick(d, t * 2 + 1))
        damaged = _damaged_pages(staging, store.data_key)
        manifest = Manifest(
            created_at=now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            program_version=_program_version(),
            store_id=KeyFile.load(keyfile_path(store.path)).store_id,
            **facts,
        )
        copied = [0]
        total = staging.stat().st_size

        def written(n: int) -> None:
            copied[0] += n
            tick(total + copied[0], total * 2 + 1)

        manifest, sha = write_backup(
            tmp, db_file=staging, keys=keys, manifest=manifest, data_key=store.data_key,
            progress=written,
        )  # fmt: skip
        _remove_db_files(staging)  # while the pending record still names it
        size = tmp.stat().st_size
        record = {
            "at": manifest.created_at,
            "file": final.name,
            "folder": str(out_dir),
            "sha256": sha,
            "size": size,
            "audit_seq": manifest.audit_seq,
            "registered_acts": manifest.registered_acts,
            "by": ctx.user.username,
        }
        with store.write() as s:
            ctx.audit(
                s,
                "store.backup",
                detail=f"{final.name} sha256={sha} audit_seq={manifest.audit_seq}"
                + (f" damaged_pages={len(damaged)}" if damaged else ""),
            )
            put_setting(s, LAST, record)
            put_setting(s, PENDING + token, pending | {"committed": True, "sha256": sha})
        committed = True
        os.replace(tmp, final)
        fsync_folder(out_dir)
        with contextlib.suppress(Exception), store.write() as s:
            s.execute(delete(Setting).where(Setting.key == PENDING + token))
        if report is not None:
            report(1, 1)
        return BackupResult(str(final), sha, size, manifest, tuple(damaged))
    except BaseException:
        if not committed:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            with contextlib.suppress(Exception), store.write() as s:
                s.execute(delete(Setting).where(Setting.key == PENDING + token))
        raise
    finally:
        _remove_db_files(staging)


def _remove_db_files(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def _snapshot(
    store: Store, staging: Path, report: Report | None = None
) -> tuple[dict[str, Any], bytes]:
    """Copy the store into ``staging`` inside one read transaction; return the manifest's
    facts read in that same transaction and the key file's bytes.

    The key file is read *before* the snapshot is fixed: a key file changes only after its
    database has committed (:mod:`civreg.security.keyslots`), so the copy's key file can be
    behind its database (completed at the first open, as after a crash) but never ahead of
    it (a change the database does not know)."""
    assert store.path is not None and store.data_key is not None
    keys = keyfile_path(store.path).read_bytes()
    src = raw_connect(store.path, store.data_key)
    try:
        src.isolation_level = None
        src.execute("BEGIN")
        facts = store_facts(src)  # starts the read transaction: the snapshot is fixed here
        dst = sqlcipher.connect(str(staging))
        try:
            dst.execute(f"PRAGMA key = \"x'{store.data_key.hex()}'\"")
            src.backup(
                dst,
                pages=PAGES_PER_STEP,
                progress=None
                if report is None
                else lambda _status, remaining, total: report(total - remaining, total),
            )
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    with open(staging, "rb") as fh:
        os.fsync(fh.fileno())
    return facts, keys


def snapshot_file(store: Store, dest: Path) -> None:
    """A consistent copy of the store's database at ``dest`` (the copy kept before a schema
    upgrade): written under a temporary name, renamed when complete, so a crash never leaves
    a truncated copy that looks like a backup (:func:`remove_snapshot_leftovers`)."""
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        _snapshot(store, tmp)
        os.replace(tmp, dest)
        fsync_folder(dest.parent)
    finally:
        _remove_db_files(tmp)


def remove_snapshot_leftovers(store_path: Path) -> None:
    """Before a store is opened: the temporary files of a pre-upgrade copy a crash cut."""
    if store_path.parent.is_dir():
        for p in store_path.parent.glob(f".{store_path.name}.bak-*.tmp*"):
            with contextlib.suppress(OSError):
                p.unlink()


def store_facts(conn: Any) -> dict[str, Any]:
    """What a manifest says about a store: read with a raw connection (no personal data)."""

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def one(sql: str) -> Any:
        row = conn.execute(sql).fetchone()
        return row[0] if row else None

    def count(table: str) -> int:  # tables an older schema revision may not have yet
        return int(one(f"SELECT count(*) FROM {table}")) if table in tables else 0

    acts: dict[str, dict[str, int]] = {}
    for kind, status, n in conn.execute(
        "SELECT kind, status, count(*) FROM acts GROUP BY kind, status"
    ):
        acts.setdefault(kind, {})[status] = n
    head = conn.execute(
        "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    registers = [
        {"centre": c, "kind": k, "year": y, "next_number": n}
        for c, k, y, n in conn.execute(
            "SELECT centre, kind, year, next_number FROM registers ORDER BY centre, kind, year"
        )
    ]
    return {
        "office_id": one("SELECT office_id FROM office") or "",
        "schema_revision": one("SELECT version_num FROM alembic_version") or "",
        "audit_seq": head[0] if head else 0,
        "audit_head": head[1] if head else "",
        "acts": acts,
        "counts": {
            "mentions": count("mentions"),
            "copies_issued": count("issued_copies"),
            "users": count("users"),
            "audit_entries": count("audit_log"),
            "batches_sent": count("outgoing_batches"),
        },
        "registers": registers,
    }


def _damaged_pages(path: Path, key: bytes) -> list[str]:
    """``PRAGMA cipher_integrity_check`` of the copy: every page's HMAC, read once."""
    conn = raw_connect(path, key)
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    finally:
        conn.close()


# ---- after a crash ------------------------------------------------------------------------
def recover_backups(ctx: Ctx) -> None:
    """Finish (rename) a recorded backup whose rename a crash prevented; remove the temporary
    files of one that was not recorded. Skipped while another backup runs."""
    store = ctx.store
    if store.path is None or not (_pendings(store) or _stagings(store.path)):
        return
    try:
        with exclusive(_lock_path(store.path)):
            _recover(store)
    except LockHeld:
        return


def _stagings(store_path: Path) -> list[Path]:
    return list(store_path.parent.glob(f".{store_path.name}.backup-*.tmp*"))


def _pendings(store: Store) -> dict[str, Any]:
    with store.read() as s:
        rows = s.execute(select(Setting.key).where(Setting.key.like(PENDING + "%"))).all()
        return {key: get_setting(s, key) for (key,) in rows}


def _recover(store: Store) -> None:
    assert store.path is not None
    for key, p in _pendings(store).items():
        _remove_db_files(store.path.with_name(p["staging"]))
        folder = Path(p["folder"])
        if not folder.is_dir():
            continue  # the USB stick is not here: try again next time
        tmp, final = folder / p["tmp"], folder / p["final"]
        complete = p.get("committed") and tmp.exists() and not final.exists()
        if complete and file_sha256(tmp) == p.get("sha256"):
            os.replace(tmp, final)
            fsync_folder(folder)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        with store.write() as s:
            s.execute(delete(Setting).where(Setting.key == key))
    for staging in _stagings(store.path):  # under the lock: no backup is running
        with contextlib.suppress(OSError):
            staging.unlink()


# ---- reminder -----------------------------------------------------------------------------
def backup_status(ctx: Ctx, now: datetime | None = None) -> BackupStatus:
    ctx.require("act.view")
    with ctx.store.read() as s:
        last = get_setting(s, LAST) or {}
        days = int(get_setting(s, REMINDER_DAYS, DEFAULT_REMINDER_DAYS))
    now = now or datetime.now(UTC)
    at = datetime.strptime(last["at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC) if last else None
    age = (now - at).days if at else None
    due = days > 0 and (age is None or age >= days)
    return BackupStatus(
        at, last.get("file", ""), last.get("folder", ""), days, age, due, dict(last)
    )


def set_reminder_days(ctx: Ctx, days: int) -> None:
    ctx.require("office.settings")
    if not 0 <= int(days) <= 365:
        raise CivregError("backup.bad_reminder")
    with ctx.store.write() as s:
        before = get_setting(s, REMINDER_DAYS, DEFAULT_REMINDER_DAYS)
        put_setting(s, REMINDER_DAYS, int(days))
        ctx.audit(
            s,
            "office.backup_reminder",
            detail=f"{before} -> {int(days)} days",
        )
