"""Files that leave with a transaction (batches, import receipts): the file gets its final
name only after the commit, and a crash at any point leaves nothing the store does not know.

1. :func:`announce` records, in its own committed transaction, that a file is about to be
   written (``pending_files.pending:<token>``: folder, temporary and final names). A receipt skips
   this: its record holds its bytes and commits with the import; :func:`deliver` writes
   the file after the commit (so a refused import writes nothing at all).
2. Inside the export's transaction, :func:`write_temporary` writes the bytes under the
   temporary name (``.<name>.<random>.tmp``, fsynced; failing here rolls the export back) and
   :func:`mark_committed` records which batch they are, in that same transaction.
3. After the commit, :func:`publish` renames the file and forgets the pending record.

After a crash, :func:`recover` (run at the next login): a pending file whose batch was
committed is finished — renamed, or written again from the batch's bytes kept in the store
if the temporary file is missing or incomplete; one whose transaction never committed is
removed (a plain batch holds names in clear). A folder that is not there (a USB stick taken
out) is retried at the next login.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from civreg.errors import CivregError, TransmissionError, plain_error
from civreg.exchange.files import write_file
from civreg.i18n import register
from civreg.models.office import Setting
from civreg.models.store import Store
from civreg.models.sync import OutgoingBatch
from civreg.security.atomic import atomic_write_bytes, fsync_folder

PENDING = "pending_files.pending:"

register(
    {
        "sync.file_deferred": {
            "fr": "C'est enregistré, mais le fichier {name} n'a pas pu être écrit dans {folder} "
            "({detail}). civreg l'écrira au prochain démarrage si ce dossier est disponible.",
            "en": "It is recorded, but the file {name} could not be written to {folder} "
            "({detail}). civreg will write it at the next start if that folder is available.",
        }
    }
)


@dataclass(frozen=True)
class Pending:
    key: str
    folder: Path
    final: Path
    tmp: Path


def _record(p: Pending, **extra: object) -> str:
    return json.dumps(
        {"folder": str(p.folder), "final": p.final.name, "tmp": p.tmp.name, **extra},
        sort_keys=True,
    )


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def pending_for(out_path: Path) -> Pending:
    """Names for a file to come (nothing written yet); its folder must exist."""
    out_path = Path(out_path)
    folder = out_path.parent.resolve()
    if not folder.is_dir():
        raise TransmissionError("sync.cannot_write_file", name=out_path.name, detail="no folder")
    return Pending(
        PENDING + secrets.token_hex(6),
        folder,
        folder / out_path.name,
        folder / f".{out_path.name}.{secrets.token_hex(4)}.tmp",
    )


def announce(store: Store, out_path: Path) -> Pending:
    """Record (committed) that a file is about to be written, before its transaction."""
    p = pending_for(out_path)
    with store.write() as s:
        _put(s, p.key, _record(p, committed=False))
    return p


def deliver(store: Store, p: Pending, data: bytes, *, recorded: bool = True) -> None:
    """After the commit of a record that holds its bytes (:func:`mark_committed` with
    ``data``): write, rename, forget. If the disk refuses, the record stays and the next
    start writes the file. ``recorded=False``: no record (nothing to keep), just write."""
    if not recorded:
        write_file(p.final, data)
        return
    try:
        write_temporary(p, data)
        publish(store, p)
    except CivregError as exc:
        with contextlib.suppress(OSError):
            p.tmp.unlink(missing_ok=True)
        raise TransmissionError(
            "sync.file_deferred", name=p.final.name, folder=str(p.folder), detail=exc.message()
        ) from None


def write_temporary(p: Pending, data: bytes) -> None:
    try:
        fd = os.open(p.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            p.tmp.unlink(missing_ok=True)
        plain = plain_error(exc)
        if plain is not None:
            raise plain from None
        raise TransmissionError(
            "sync.cannot_write_file", name=p.final.name, detail=exc.strerror or type(exc).__name__
        ) from None


def mark_committed(
    s: Session,
    p: Pending,
    *,
    sequence: int | None = None,
    sha256: str | None = None,
    data: bytes | None = None,
) -> None:
    """In the writer's own transaction: these bytes are batch ``sequence`` (kept in the
    store), or ``data`` itself (a receipt: small, kept in the record until published)."""
    if data is not None:
        sha = hashlib.sha256(data).hexdigest()
        _put(s, p.key, _record(p, committed=True, sha256=sha, data=base64.b64encode(data).decode()))
    else:
        _put(s, p.key, _record(p, committed=True, sequence=sequence, sha256=sha256))


def publish(store: Store, p: Pending) -> None:
    os.replace(p.tmp, p.final)
    fsync_folder(p.folder)
    _forget(store, p.key)


def abandon(store: Store, p: Pending) -> None:
    """The export failed before its commit: remove the temporary file and the record."""
    with contextlib.suppress(OSError):
        p.tmp.unlink(missing_ok=True)
    with contextlib.suppress(Exception):
        _forget(store, p.key)


def _forget(store: Store, key: str) -> None:
    with store.write() as s:
        s.execute(delete(Setting).where(Setting.key == key))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _committed_bytes(store: Store, rec: dict) -> bytes | None:
    if "data" in rec:
        return base64.b64decode(rec["data"])
    with store.read() as s:
        batch = s.scalar(select(OutgoingBatch).where(OutgoingBatch.sequence == rec["sequence"]))
        return bytes(batch.data) if batch is not None else None


def recover(store: Store) -> list[Path]:
    """Finish or remove the files a crash left (see the module's docstring); returns the
    batch files finished."""
    with store.read() as s:
        rows = s.execute(select(Setting.key, Setting.value).where(Setting.key.like(PENDING + "%")))
        pendings = {key: json.loads(value) for key, value in rows}
    finished = []
    for key, rec in pendings.items():
        folder = Path(rec["folder"])
        if not folder.is_dir():
            continue
        tmp, final = folder / rec["tmp"], folder / rec["final"]
        if rec.get("committed"):
            data = _committed_bytes(store, rec)
            if data is not None and hashlib.sha256(data).hexdigest() == rec["sha256"]:
                done = final.exists() and _sha(final) == rec["sha256"]
                if not done:
                    if tmp.exists() and _sha(tmp) == rec["sha256"]:
                        os.replace(tmp, final)
                    else:
                        atomic_write_bytes(final, data)
                    fsync_folder(folder)
                    finished.append(final)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        _forget(store, key)
    return finished
