"""The recovery key printed at ``init`` resets a forgotten password (``civreg users reset
--recovery-key``), lifts a lockout, and leaves the administrator able to sign."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from civreg.errors import WrongPassword
from civreg.security import throttle
from civreg.services.store_access import login
from tests.conftest import PASSWORDS

NEW = "Baobab-Pluie-Soleil-64"


def civreg(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "civreg", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, CIVREG_LANG="en", **env),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_reset_with_the_recovery_key(store_path: Path) -> None:
    key = (store_path.parent / "recovery.txt").read_text()
    # The administrator forgot the password and locked the account trying.
    gate = throttle.for_sqlite(store_path)
    sid = login(store_path, "clerk", PASSWORDS["clerk"]).store.keyfile.slot_id("admin")
    for _ in range(10):
        gate.failure(sid)
    assert sid in gate.locked()

    r = civreg(
        "users", "reset", "--store", str(store_path), "--recovery-key",
        CIVREG_RECOVERY_KEY=key, CIVREG_NEW_PASSWORD=NEW,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert (
        r.stdout.strip().splitlines()[-1]
        == "New password recorded for admin; any lockout is lifted."
    )
    assert sid not in gate.locked()
    admin = login(store_path, "admin", NEW)
    try:
        assert admin.store.unlocked.can_sign  # the reset account still signs
        from civreg.services.audit_log import act_history, verify_chain  # noqa: F401

        report = verify_chain(admin)
        assert report.ok
        from sqlalchemy import select

        from civreg.models.audit import AuditEntry

        with admin.store.read() as s:
            ops = list(s.scalars(select(AuditEntry.operation).order_by(AuditEntry.seq)))
        assert ops[-1] == "user.reset"
    finally:
        admin.close()
    with pytest.raises(WrongPassword):
        login(store_path, "admin", PASSWORDS["admin"])


def test_a_wrong_recovery_key_changes_nothing(store_path: Path) -> None:
    before = (store_path.parent / "store.db.keys").read_bytes()
    r = civreg(
        "users", "reset", "--store", str(store_path), "--recovery-key",
        CIVREG_RECOVERY_KEY="AAAA-" * 12 + "AAAA", CIVREG_NEW_PASSWORD=NEW,
    )  # fmt: skip
    assert r.returncode == 1 and r.stderr.strip() == "Wrong recovery key."
    assert (store_path.parent / "store.db.keys").read_bytes() == before
    login(store_path, "admin", PASSWORDS["admin"]).close()


def test_reset_applies_the_password_policy(store_path: Path) -> None:
    key = (store_path.parent / "recovery.txt").read_text()
    r = civreg(
        "users", "reset", "--store", str(store_path), "--recovery-key",
        CIVREG_RECOVERY_KEY=key, CIVREG_NEW_PASSWORD="admin2026",
    )  # fmt: skip
    assert r.returncode == 1 and "at least 10 characters" in r.stderr
    login(store_path, "admin", PASSWORDS["admin"]).close()


def test_init_explains_how_to_keep_the_recovery_key(tmp_path: Path) -> None:
    r = civreg(
        "init", "--store", str(tmp_path / "s.db"), "--country", "BF", "--commune", "11",
        "--centre", "01", "--office-name", "Mairie", "--admin", "chef",
        CIVREG_PASSWORD="Savane-Karite-Nuit-44",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "RECOVERY KEY" in r.stdout
    assert "civreg users reset --recovery-key" in r.stdout
    assert "sealed envelope" in r.stdout
