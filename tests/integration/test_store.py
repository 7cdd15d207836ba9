"""The encrypted store: nothing readable on disk, per-user unlock, clear refusals that change
nothing, schema checks."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.errors import (
    AccountDisabled,
    KeyFileError,
    NotAStore,
    SchemaTooNew,
    WrongPassword,
)
from civreg.models.engine import SQLITE_HEADER
from civreg.security.keyfile import keyfile_path
from civreg.services.store_access import login as do_login
from civreg.services.store_access import login_with_recovery

NAMES = [
    "Koudougou",
    "Administrateur",
    "Officier Test",
    "Agent Test",
    "registrar",
    "clerk",
    "Mairie",
    "ZONGO",
    "Rasmata",
    "Wendkouni",
]


def _digest(paths: list[Path]) -> dict[str, str]:
    out = {}
    for p in sorted(paths):
        out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _all_files(path: Path) -> list[Path]:
    """The store's files; the login-attempt file (and its lock) records failures by design."""
    return [
        p
        for p in path.parent.iterdir()
        if p.is_file() and not p.name.endswith((".logins", ".lock"))
    ]


def test_files_hold_no_names_and_are_not_sqlite(store_path: Path, login) -> None:
    ctx = login("clerk")
    from civreg.services.drafts import create_draft

    create_draft(
        ctx,
        ActInput(
            kind=ActKind.BIRTH,
            event_date="2025-03-12",
            persons=(
                Person(role="child", family_name="ZONGO", given_names="Wendkouni", sex=1),
                Person(role="mother", family_name="ZONGO", given_names="Rasmata", sex=2),
            ),
        ),
    )
    wal = Path(f"{store_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the draft should sit in the WAL"
    for p in (store_path, wal, keyfile_path(store_path)):
        data = p.read_bytes()
        for name in NAMES:
            for form in (name, name.lower(), name.upper()):
                assert form.encode("utf-8") not in data, f"{form!r} readable in {p.name}"
                assert form.encode("utf-16-le") not in data
    assert store_path.read_bytes()[:16] != SQLITE_HEADER
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store_path).execute("SELECT * FROM sqlite_master").fetchall()


@pytest.mark.parametrize("user", ["admin", "clerk", "registrar", "district"])
def test_every_user_unlocks_with_own_password(store_path: Path, login, user: str) -> None:
    ctx = login(user)
    assert ctx.user.username == user
    with ctx.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM users")).scalar() == 4


def test_wrong_password_changes_nothing(store_path: Path) -> None:
    before = _digest(_all_files(store_path))
    with pytest.raises(WrongPassword) as exc:
        do_login(store_path, "clerk", "Tamarin-Nere-Pluie-29")
    assert exc.value.message("fr") == "Nom d'utilisateur ou mot de passe incorrect."
    assert exc.value.message("en") == "Wrong username or password."
    with pytest.raises(WrongPassword):
        do_login(store_path, "nobody", "Karite-Manguier-17")
    assert _digest(_all_files(store_path)) == before


def test_recovery_key_unlocks(store_path: Path) -> None:
    key = (store_path.parent / "recovery.txt").read_text()
    ctx = login_with_recovery(store_path, key, "admin")
    try:
        assert "admin" in ctx.user.roles
    finally:
        ctx.close()
    bad = "A" * len(key)
    with pytest.raises(WrongPassword):
        login_with_recovery(store_path, bad, "admin")


def test_disabled_user_cannot_unlock(store_path: Path, login) -> None:
    from civreg.services.users import disable_user

    admin = login("admin")
    disable_user(admin, "clerk")
    with pytest.raises(AccountDisabled) as exc:
        do_login(store_path, "clerk", "Karite-Manguier-17")
    assert "désactivé" in exc.value.message("fr")
    # the slot holds no key material any more: the old password cannot unwrap anything
    slots = json.loads(keyfile_path(store_path).read_text())["slots"]
    assert sum(1 for s in slots if s["kind"] == "disabled") == 1
    assert all("wrapped" not in s for s in slots if s["kind"] == "disabled")


def test_corrupt_key_file_is_refused_clearly(store_path: Path) -> None:
    kp = keyfile_path(store_path)
    kp.write_bytes(kp.read_bytes()[:100])
    before = _digest(_all_files(store_path))
    with pytest.raises(KeyFileError) as exc:
        do_login(store_path, "clerk", "Karite-Manguier-17")
    assert "fichier de clés" in exc.value.message("fr")
    assert _digest(_all_files(store_path)) == before


def test_not_a_store(tmp_path: Path, store_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    keyfile_path(other).write_bytes(keyfile_path(store_path).read_bytes())
    with pytest.raises(NotAStore):
        do_login(other, "clerk", "Karite-Manguier-17")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x01" * 8192)
    keyfile_path(junk).write_bytes(keyfile_path(store_path).read_bytes())
    with pytest.raises(NotAStore):
        do_login(junk, "clerk", "Karite-Manguier-17")


def test_newer_store_is_refused(store_path: Path, login) -> None:
    ctx = login("admin")
    with ctx.store.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    ctx.store.checkpoint()
    ctx.close()
    before = _digest(_all_files(store_path))
    with pytest.raises(SchemaTooNew) as exc:
        do_login(store_path, "clerk", "Karite-Manguier-17")
    assert "plus récente" in exc.value.message("fr")
    assert _digest(_all_files(store_path)) == before
