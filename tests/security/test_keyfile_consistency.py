"""The key file and the database stay in step (issue 13, items 2 and 3).

Before the fix every session wrote back the whole key file it had loaded at login (a
``users disable`` and a ``users passwd`` at the same time lost one of the two, 6 trials of 6),
and the key file was written before the database committed (a kill in between left a new
password working with no audit entry, or a disabled user still able to log in)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from civreg.errors import AccountDisabled, WrongPassword
from civreg.security import keyslots
from civreg.security.keyfile import FAST_KDF, keyfile_path
from civreg.services.store_access import login
from civreg.services.users import change_password, disable_user
from tests.conftest import PASSWORDS

NEW = "Baobab-Savane-Nuit-83"
ROOT = Path(__file__).resolve().parents[2]


def _consistency(ctx) -> list:
    with ctx.store.read() as s:
        return keyslots.check_consistency(s, ctx.store.keyfile_path)


def _run(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


CHANGE = """
    import sys
    from civreg.security.keyfile import FAST_KDF
    from civreg.services.store_access import login
    from civreg.services import users
    store, who, what = sys.argv[1], sys.argv[2], sys.argv[3]
    ctx = login(store, "admin", sys.argv[4])
    if what == "disable":
        users.disable_user(ctx, who)
    else:
        users.change_password(ctx, who, what, kdf=FAST_KDF)
    ctx.close()
"""


@pytest.mark.parametrize("trial", range(3))
def test_two_processes_changing_two_accounts_both_land(store_path: Path, trial: int) -> None:
    a = _run(CHANGE, str(store_path), "clerk", "disable", PASSWORDS["admin"])
    b = _run(CHANGE, str(store_path), "registrar", NEW, PASSWORDS["admin"])
    for p in (a, b):
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with pytest.raises(AccountDisabled):
        login(store_path, "clerk", PASSWORDS["clerk"])
    reg = login(store_path, "registrar", NEW)
    try:
        assert _consistency(reg) == []
    finally:
        reg.close()


def test_a_long_open_window_does_not_undo_a_later_change(store_path: Path) -> None:
    """An administrator's session opened early must not write back the key file it loaded."""
    early = login(store_path, "admin", PASSWORDS["admin"])
    other = login(store_path, "admin", PASSWORDS["admin"])
    disable_user(other, "clerk")
    other.close()
    change_password(early, "registrar", NEW, kdf=FAST_KDF)  # after, from the old window
    early.close()
    with pytest.raises(AccountDisabled):
        login(store_path, "clerk", PASSWORDS["clerk"])
    login(store_path, "registrar", NEW).close()


KILLED = """
    import os, sys
    from civreg.security.keyfile import FAST_KDF
    from civreg.services import store_guard
    from civreg.services.store_access import login
    from civreg.services import users
    store, pw, new = sys.argv[1], sys.argv[2], sys.argv[3]
    def killed(session):  # the process dies right after the commit, before the key file
        os._exit(9)
    store_guard._publish_slots = killed
    ctx = login(store, "admin", pw)
    ctx.store.after_commit[0] = killed
    users.change_password(ctx, "clerk", new, kdf=FAST_KDF)
"""


def test_killed_between_commit_and_key_file_is_completed_at_next_open(store_path: Path) -> None:
    before = keyfile_path(store_path).read_bytes()
    p = _run(KILLED, str(store_path), PASSWORDS["admin"], NEW)
    p.communicate(timeout=120)
    assert p.returncode == 9
    assert keyfile_path(store_path).read_bytes() == before, "the key file waits for the commit"
    # The next open (anyone's) completes the key file from the database.
    admin = login(store_path, "admin", PASSWORDS["admin"])
    try:
        assert [f.code for f in admin.store.notices] == ["keyfile_behind"]
        assert _consistency(admin) == []
        from civreg.services.audit_log import verify_chain

        assert verify_chain(admin).ok
    finally:
        admin.close()
    with pytest.raises(WrongPassword):
        login(store_path, "clerk", PASSWORDS["clerk"])
    login(store_path, "clerk", NEW).close()


def test_check_consistency_reports_a_database_put_back_alone(
    store_path: Path, tmp_path: Path
) -> None:
    import shutil

    old = tmp_path / "old.db"
    shutil.copy2(store_path, old)
    admin = login(store_path, "admin", PASSWORDS["admin"])
    disable_user(admin, "clerk")
    admin.close()
    shutil.copy2(old, store_path)  # the database alone goes back; the key file does not
    Path(f"{store_path}-wal").unlink(missing_ok=True)
    admin = login(store_path, "admin", PASSWORDS["admin"])
    try:
        codes = {f.code for f in _consistency(admin)}
        assert "keyfile_ahead" in codes
        assert any(f.code == "keyfile_ahead" for f in admin.store.notices)
    finally:
        admin.close()


def test_check_consistency_reports_an_altered_slot(store_path: Path) -> None:
    kpath = keyfile_path(store_path)
    doc = json.loads(kpath.read_text())
    admin = login(store_path, "admin", PASSWORDS["admin"])
    sid = admin.store.keyfile.slot_id("clerk")
    for slot in doc["slots"]:
        if slot["id"] == sid:
            slot["grants"]["signing"] = slot["grants"]["data"]  # a clerk "grants" themselves
    doc.pop("checksum")  # a deliberate edit, not damage
    kpath.write_text(json.dumps(doc))
    try:
        assert [f.code for f in _consistency(admin)] == ["slot_differs"]
    finally:
        admin.close()


def test_a_disabled_account_hears_disabled_only_with_its_password(store_path: Path) -> None:
    admin = login(store_path, "admin", PASSWORDS["admin"])
    disable_user(admin, "clerk")
    admin.close()
    with pytest.raises(WrongPassword):
        login(store_path, "clerk", "Not-The-Password-123")
    with pytest.raises(AccountDisabled):
        login(store_path, "clerk", PASSWORDS["clerk"])
