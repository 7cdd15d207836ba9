"""What must hold after each kill (see ``harness``). Raises AssertionError with what broke;
returns whether the next start had something to finish or remove."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from civreg.security.keyfile import KeyFile, keyfile_path
from tests.crash_harness.setup import PW


def _stray(folder: Path) -> list[str]:
    """Temporary or hidden files, the key file's own temporary copies included: a crash's
    leftovers nobody finished or removed."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or ".tmp" in p.name)


def _is_keyfile_tmp(name: str) -> bool:
    return name.startswith(".") and ".keys." in name and name.endswith(".tmp")


def keyfile_temporaries(work: Path) -> int:
    """Temporary copies of the key file left beside the store after the last check (the
    next open removes those a kill left: expected 0)."""
    return sum(1 for p in work.iterdir() if _is_keyfile_tmp(p.name))


def _check(ctx) -> None:
    from civreg.services.check import check_store

    report = check_store(ctx, full=True)
    problems = [f.line("en") for f in report.problems]
    assert report.ok, f"civreg check: {problems}"


def verify(op: str, work: Path, lines: list[list[str]], state: dict) -> bool:
    from civreg.services.store_access import login

    store = work / "store.db"
    watched = [work / "out", work / "targets", work, work / "receipts"]
    before = sum(len(_stray(f)) for f in watched)
    if op == "restore":
        return _verify_restore(work, lines) or before > 0
    user = {"import": "officer"}.get(op, "admin")
    ctx = login(store, user, PW)  # the next start: finishes or removes what the crash left
    try:
        after = {str(f): _stray(f) for f in watched if _stray(f)}
        assert not after, f"leftovers after the next start: {after}"
        admin = ctx if user == "admin" else login(store, "admin", PW)
        try:
            _check(admin)
            globals()[f"_verify_{op}"](admin, work, lines, state)
        finally:
            if admin is not ctx:
                admin.close()
    finally:
        ctx.close()
    return before > 0


def _verify_register(ctx, work: Path, lines, state) -> None:
    from civreg.models.acts import Act

    reported = {ln[1] for ln in lines if ln[0] == "act"}
    with ctx.store.read() as s:
        found = set(
            s.scalars(select(Act.uuid).where(Act.uuid.in_(reported), Act.status == "registered"))
        )
    assert found == reported, f"registered acts missing: {sorted(reported - found)}"


def _verify_mention(ctx, work: Path, lines, state) -> None:
    from civreg.models.acts import Mention

    reported = {" ".join(ln[1:]) for ln in lines if ln[0] == "mention"}
    with ctx.store.read() as s:
        found = set(s.scalars(select(Mention.text).where(Mention.text.in_(reported))))
    assert found == reported, f"mentions missing: {sorted(reported - found)}"


def _verify_export(ctx, work: Path, lines, state) -> None:
    import hashlib

    from civreg.models.sync import OutgoingBatch

    with ctx.store.read() as s:
        known = {b.sha256: b.sequence for b in s.scalars(select(OutgoingBatch))}
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (work / "out").iterdir()}
    stray = {n for n, h in files.items() if h not in known}
    assert not stray, f"batch files the store does not know: {sorted(stray)}"
    missing = set(known) - set(files.values())
    assert not missing, f"batches the store recorded without their file: {len(missing)}"
    reported = {ln[2] for ln in lines if ln[0] == "batch"}
    assert reported <= set(files.values()), "a reported batch has no file"
    seqs = sorted(known.values())
    assert seqs == list(range(1, len(seqs) + 1)), f"batch numbers with a gap: {seqs}"


def _verify_import(ctx, work: Path, lines, state) -> None:
    from civreg.models.sync import ReceivedBatch
    from civreg.services.store_access import login
    from civreg.services.transmission import import_batches

    reported = {int(ln[1]) for ln in lines if ln[0] == "imported"}
    with ctx.store.read() as s:
        got = set(s.scalars(select(ReceivedBatch.sequence)))
    assert reported <= got, f"imported batches missing: {sorted(reported - got)}"
    for p in (work / "receipts").iterdir():
        body = json.loads(p.read_bytes())  # complete, parseable receipts only
        assert body, p.name
    # What the kill interrupted imports in full afterwards (nothing half-imported blocks it).
    officer = login(work / "store.db", "officer", PW)
    try:
        for p in sorted((work / "incoming").iterdir()):
            import_batches(officer, [p], receipt_dir=work / "receipts")
        with officer.store.read() as s:
            assert len(set(s.scalars(select(ReceivedBatch.sequence)))) == len(
                list((work / "incoming").iterdir())
            )
    finally:
        officer.close()
    _check(ctx)


def _verify_passwd(ctx, work: Path, lines, state) -> None:
    from civreg.errors import WrongPassword
    from civreg.security.keyfile import FAST_KDF  # noqa: F401 - the driver's parameters

    told = [ln[1] for ln in lines if ln[0] == "passwd"]
    candidates = ([told[-1]] if told else [state["passwords"][-1]]) + [_next(lines, state)]
    kf = KeyFile.load(keyfile_path(work / "store.db"))
    for pw in candidates:
        try:
            kf.unlock("clerk", pw)
        except WrongPassword:
            continue
        state["passwords"].append(pw)
        return
    raise AssertionError(f"the clerk can log in with none of {candidates}")


def _next(lines, state) -> str:
    """The password the driver was setting when it was killed."""
    told = [ln[1] for ln in lines if ln[0] == "passwd"]
    if told:
        tag, n = told[-1].rsplit("-", 1)
        return f"{tag}-{int(n) + 1}"
    return state.get("next_first", "") or ""


def _verify_backup(ctx, work: Path, lines, state) -> None:
    from civreg.models.audit import AuditEntry
    from civreg.services.backup_file import BackupReader

    with ctx.store.read() as s:
        recorded = {
            d.split(" ", 1)[0]
            for d in s.scalars(
                select(AuditEntry.detail).where(AuditEntry.operation == "store.backup")
            )
        }
    files = {p.name: p for p in (work / "out").iterdir()}
    unknown = set(files) - recorded
    assert not unknown, f"backup files the store does not know: {sorted(unknown)}"
    for path in files.values():
        with BackupReader(path) as r:
            r.verify_parts()
    reported = {Path(ln[1]).name for ln in lines if ln[0] == "backup"}
    assert reported <= set(files), "a reported backup has no file"
    beside = [p.name for p in work.iterdir() if ".backup-" in p.name and p.name.endswith(".tmp")]
    assert not beside, f"staging copies left beside the store: {beside}"


def _verify_restore(work: Path, lines) -> bool:
    from civreg.services.backup_file import BackupReader
    from civreg.services.store_access import login

    (backup,) = (work / "backups").iterdir()
    with BackupReader(backup) as r:
        expected = r.manifest.registered_acts
    reported = {Path(ln[1]).name for ln in lines if ln[0] == "restored"}
    targets = work / "targets"
    left = _stray(targets)
    for i in range(3):
        target = targets / f"t{i}.db"
        journal = Path(f"{target}.restore-journal").exists()
        if not target.exists() and not journal:
            assert target.name not in reported, f"{target.name} reported restored, not there"
            continue
        ctx = login(target, "admin", PW)  # finishes an interrupted swap first
        try:
            _check(ctx)
            with ctx.store.read() as s:
                from civreg.models.acts import Act

                n = len(s.scalars(select(Act.id).where(Act.status == "registered")).all())
            assert n == expected, f"{target.name}: {n} acts, the backup has {expected}"
        finally:
            ctx.close()
    from civreg.services.restore import remove_restore_leftovers

    for i in range(3):
        remove_restore_leftovers(targets / f"t{i}.db")  # a restore to it would, first thing
    assert not _stray(targets), f"leftovers: {_stray(targets)}"
    return bool(left)


def _verify_migrate(ctx, work: Path, lines, state) -> None:
    from civreg.models import migrate
    from civreg.models.acts import Act
    from civreg.models.engine import raw_connect

    assert migrate.current_revision(ctx.store.engine) == migrate.head_revision()
    with ctx.store.read() as s:
        n = len(s.scalars(select(Act.id).where(Act.status == "registered")).all())
    assert n == 300, f"{n} acts after the upgrade"
    key = KeyFile.load(keyfile_path(work / "store.db")).unlock("admin", PW)
    for bak in work.glob("store.db.bak-*"):
        if bak.name.endswith(("-wal", "-shm")):
            continue
        conn = raw_connect(bak, key)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", bak.name
            count = conn.execute("SELECT count(*) FROM acts").fetchone()[0]
            assert count == 300, f"{bak.name}: an incomplete copy ({count} acts)"
        finally:
            conn.close()
