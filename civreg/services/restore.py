"""Restore a backup into a store: verified, checked, then swapped in as one recoverable step.

1. The backup's parts are checked against its manifest (damage), the key file is unlocked with
   the user's password *from the backup* (the backup's own users and passwords apply), and the
   manifest's MAC is checked with the data key (authenticity). The user must be an active
   administrator in the backup.
2. The database is extracted beside the target under a temporary name and checked there:
   every page's HMAC, the file structure (refused if damaged), then the manifest's counts.
   An older schema is upgraded there; the restore is recorded in its audit log.
3. Over an existing store (only when asked), a backup older than that store is refused unless
   the user accepts the loss (it would reissue act numbers already given out); the replaced
   store is kept aside as ``NAME.replaced-<stamp>`` (with its key file), openable as is.
4. The swap follows a journal (``NAME.restore-journal``): a list of renames, each done when
   its source is still there. A crash in the middle is finished at the next open
   (:func:`finish_interrupted_restore`), so the store is always the old one or the new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from civreg.domain.roles import ADMIN
from civreg.errors import CivregError, SchemaTooNew
from civreg.i18n import register
from civreg.models import migrate
from civreg.models.engine import raw_connect, sqlcipher_engine
from civreg.models.office import Setting
from civreg.models.store import Store
from civreg.models.users import User
from civreg.security import audit
from civreg.security.atomic import atomic_write_bytes, fsync_folder
from civreg.security.keyfile import KeyFile, keyfile_path, normalise_username
from civreg.services.backup import PENDING, store_facts
from civreg.services.backup_file import DB_PART, BackupReader, Manifest
from civreg.services.check import CheckReport, run_checks

register(
    {
        "restore.no_file": {
            "fr": "Fichier de sauvegarde introuvable : {name}.",
            "en": "Backup file not found: {name}.",
        },
        "restore.target_exists": {
            "fr": "Un registre existe déjà à cet emplacement ({path}). Pour le remplacer par "
            "la sauvegarde, demandez-le explicitement (--replace) : il sera gardé de côté.",
            "en": "A store already exists at this location ({path}). To replace it with the "
            "backup, ask for it explicitly (--replace): it will be kept aside.",
        },
        "restore.not_admin": {
            "fr": "Seul un administrateur actif de la sauvegarde peut la restaurer.",
            "en": "Only an active administrator of the backup can restore it.",
        },
        "restore.damaged": {
            "fr": "La base contenue dans la sauvegarde {name} est endommagée ({first}). "
            "Rien n'a été restauré ; utilisez une autre sauvegarde.",
            "en": "The database inside the backup {name} is damaged ({first}). Nothing was "
            "restored; use another backup.",
        },
        "restore.older": {
            "fr": "Cette sauvegarde ({created}) est plus ancienne que le registre qu'elle "
            "remplacerait : {entries} entrée(s) du journal d'audit, dont {acts} acte(s) "
            "enregistré(s), seraient perdues et leurs numéros redonnés. Si c'est voulu, "
            "relancez en l'acceptant (--accept-older).",
            "en": "This backup ({created}) is older than the store it would replace: "
            "{entries} audit entr(ies), including {acts} registered act(s), would be lost "
            "and their numbers given again. If that is intended, run again accepting it "
            "(--accept-older).",
        },
        "restore.cancelled": {"fr": "Restauration annulée.", "en": "Restore cancelled."},
        "restore.in_use": {
            "fr": "Le registre {path} est ouvert (une fenêtre de civreg ou une commande en "
            "cours) : fermez-le avant de le remplacer.",
            "en": "The store {path} is open (a civreg window or a running command): close it "
            "before replacing it.",
        },
    }
)

JOURNAL_SUFFIX = ".restore-journal"
Report = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class RestoreCancelled(CivregError):
    key = "restore.cancelled"


@dataclass(frozen=True)
class RestoreResult:
    path: str
    manifest: Manifest
    replaced_kept_as: str | None  # the replaced store, kept aside
    older: bool  # older than the store it replaced (accepted)
    lost_entries: int
    lost_acts: int
    upgraded_from: str | None  # schema revision before the upgrade, if any
    check: CheckReport


def restore_backup(
    backup: Path,
    target: Path,
    *,
    username: str,
    password: str,
    replace: bool = False,
    accept_older: bool = False,
    report: Report | None = None,
    cancelled: IsCancelled | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise CivregError("restore.no_file", name=backup.name)
    finish_interrupted_restore(target)
    exists = target.exists() or keyfile_path(target).exists()
    if exists and not replace:
        raise CivregError("restore.target_exists", path=target.name)
    if exists and store_in_use(target):
        raise CivregError("restore.in_use", path=target.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_restore_leftovers(target)
    username = normalise_username(username)
    token = secrets.token_hex(6)
    staged = target.with_name(f".{target.name}.restore-{token}.tmp")
    staged_keys = keyfile_path(staged)
    try:
        with BackupReader(backup) as reader:
            manifest = reader.manifest
            total = manifest.parts[DB_PART].size * 2 + 1
            done = [0]

            def tick(n: int) -> None:
                if cancelled is not None and cancelled():
                    raise RestoreCancelled()
                done[0] += n
                if report is not None:
                    report(min(done[0], total - 1), total)

            atomic_write_bytes(staged_keys, reader.key_file_bytes())
            kf = KeyFile.load(staged_keys)
            data_key = kf.unlock(username, password)
            reader.check_mac(data_key)
            reader.extract(DB_PART, staged, tick)
        lost = _compare_with_replaced(target, username, password, manifest) if exists else None
        if lost is not None and not accept_older:
            raise CivregError(
                "restore.older",
                created=manifest.created_at.replace("T", " ").rstrip("Z"),
                entries=lost[0],
                acts=lost[1],
            )
        upgraded_from, check = _prepare(
            staged, kf, data_key, username, manifest, backup.name, lost, tick
        )
        kept = _swap(target, staged, now)
        if report is not None:
            report(total, total)
        return RestoreResult(
            path=str(target),
            manifest=manifest,
            replaced_kept_as=kept,
            older=lost is not None,
            lost_entries=lost[0] if lost else 0,
            lost_acts=lost[1] if lost else 0,
            upgraded_from=upgraded_from,
            check=check,
        )
    except BaseException:
        if not Path(f"{target}{JOURNAL_SUFFIX}").exists():
            _remove_db_files(staged)
            with contextlib.suppress(OSError):
                staged_keys.unlink(missing_ok=True)
        raise


def store_in_use(path: Path) -> bool:
    """Whether another process has the store open: every SQLite connection in WAL mode holds
    a shared lock on one byte of the ``-shm`` file (the "DMS" byte, offset 128) while open."""
    shm = Path(f"{path}-shm")
    if os.name == "nt" or not shm.exists():  # pragma: no cover - Windows refuses the rename
        return False
    import fcntl

    fd = os.open(shm, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _compare_with_replaced(
    target: Path, username: str, password: str, manifest: Manifest
) -> tuple[int, int] | None:
    """(audit entries, registered acts) the replaced store holds beyond the backup, or None
    when it is not newer (or cannot be read with this user's password: nothing to compare)."""
    try:
        kf = KeyFile.load(keyfile_path(target))
        key = kf.unlock(username, password)
        conn = raw_connect(target, key)
    except Exception:
        return None
    try:
        facts = store_facts(conn)
    except Exception:
        return None
    finally:
        conn.close()
    if facts["office_id"] != manifest.office_id or facts["audit_seq"] <= manifest.audit_seq:
        return None
    registered = sum(by.get("registered", 0) for by in facts["acts"].values())
    return facts["audit_seq"] - manifest.audit_seq, max(0, registered - manifest.registered_acts)


def _prepare(
    staged: Path,
    kf: KeyFile,
    data_key: bytes,
    username: str,
    manifest: Manifest,
    backup_name: str,
    lost: tuple[int, int] | None,
    tick: Callable[[int], None],
) -> tuple[str | None, CheckReport]:
    """Check the extracted database, upgrade it, record the restore in its audit log."""
    store = Store(sqlcipher_engine(staged, data_key), str(staged), staged, kf, data_key)
    try:
        check = run_checks(store, full=True, only=("integrity", "pages"))
        for f in check.findings:
            if f.check in ("integrity", "pages") and f.status == "fail":
                raise CivregError("restore.damaged", name=backup_name, first=f.message())
        tick(manifest.parts[DB_PART].size)
        conn = raw_connect(staged, data_key)
        try:
            facts = store_facts(conn)
        finally:
            conn.close()
        if (facts["audit_seq"], facts["audit_head"], facts["acts"]) != (
            manifest.audit_seq,
            manifest.audit_head,
            manifest.acts,
        ):
            raise CivregError("backup.not_authentic", name=backup_name)
        with store.read() as s:
            user = s.scalar(select(User).where(User.username == username))
            if user is None or user.disabled or ADMIN not in user.role_names:
                raise CivregError("restore.not_admin")
            user_id = user.id
        revision = migrate.current_revision(store.engine)
        if revision not in migrate.known_revisions():
            raise SchemaTooNew(revision=revision)
        upgraded_from = None
        if revision != migrate.head_revision():
            migrate.upgrade(store.engine)
            upgraded_from = revision
        records = run_checks(store, full=True, only=("foreign_keys", "numbering", "audit"))
        check = CheckReport(check.findings + records.findings, full=True)
        detail = f"from {backup_name} made {manifest.created_at} audit_seq={manifest.audit_seq}"
        if lost is not None:
            detail += f" older_than_replaced entries={lost[0]} acts={lost[1]}"
        with store.write() as s:
            # The source store's backup in progress when this one was taken is not ours.
            s.execute(delete(Setting).where(Setting.key.like(PENDING + "%")))
            audit.append(
                s,
                user_id=user_id,
                username=username,
                operation="store.restore",
                detail=detail,
            )
        store.checkpoint()
        return upgraded_from, check
    finally:
        store.close()


# ---- the swap and its journal -------------------------------------------------------------
def _journal(target: Path) -> Path:
    return Path(f"{target}{JOURNAL_SUFFIX}")


def _swap(target: Path, staged: Path, now: datetime | None) -> str | None:
    stamp = (now or datetime.now(UTC)).astimezone().strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.replaced-{stamp}")
    n = 1
    while aside.exists() or keyfile_path(aside).exists():
        n += 1
        aside = target.with_name(f"{target.name}.replaced-{stamp}-{n}")
    moves: list[tuple[str, str]] = []
    kept = None
    for suffix in ("-wal", "-shm", "-journal", "", ".keys"):
        src = Path(f"{target}{suffix}")
        if src.exists():
            moves.append((src.name, f"{aside.name}{suffix}"))
            kept = str(aside)
    for suffix in ("-wal", ""):
        if Path(f"{staged}{suffix}").exists():
            moves.append((f"{staged.name}{suffix}", f"{target.name}{suffix}"))
    moves.insert(len(moves) - 1, (keyfile_path(staged).name, keyfile_path(target).name))
    atomic_write_bytes(_journal(target), json.dumps({"moves": moves}).encode())
    _roll_forward(target)
    return kept


def _roll_forward(target: Path) -> None:
    journal = _journal(target)
    moves = json.loads(journal.read_text(encoding="utf-8"))["moves"]
    folder = target.parent
    for src, dst in moves:
        s, d = folder / src, folder / dst
        if s.exists() and not d.exists():
            os.replace(s, d)
    fsync_folder(folder)
    journal.unlink()
    fsync_folder(folder)


def finish_interrupted_restore(target: Path) -> bool:
    """Finish the swap of a restore a crash interrupted (called before opening a store)."""
    target = Path(target)
    if not _journal(target).exists():
        return False
    try:
        _roll_forward(target)
    except (ValueError, KeyError, TypeError):  # an unreadable journal: leave it to a human
        return False
    return True


def remove_restore_leftovers(target: Path) -> None:
    """Remove the temporary files of a restore killed before its swap began: the staged
    store and its companions, and the temporary copies of the staged store's key file
    (``security.atomic``: ``.`` + the key file's name + ``.XXXX.tmp``), which a kill while
    that key file was written leaves (found by the crash harness)."""
    if _journal(target).exists() or not target.parent.is_dir():
        return
    for pattern in (f".{target.name}.restore-*.tmp*", f"..{target.name}.restore-*.tmp*"):
        for p in target.parent.glob(pattern):
            with contextlib.suppress(OSError):
                p.unlink()


def _remove_db_files(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def manifest_summary(m: Manifest) -> dict[str, Any]:
    return {
        "created_at": m.created_at,
        "office_id": m.office_id,
        "schema_revision": m.schema_revision,
        "audit_seq": m.audit_seq,
        "registered_acts": m.registered_acts,
    }
