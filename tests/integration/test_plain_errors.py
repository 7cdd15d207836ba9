"""Every failure of the disk or the store a user can meet gets a plain message (French and
English), exit status 1, never a traceback, and changes nothing (issue 13, item 5)."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from civreg.i18n import t
from civreg.models.engine import raw_connect
from civreg.security.keyfile import KeyFile, keyfile_path
from tests.conftest import PASSWORDS
from tests.integration.durability_support import (
    birth_declarations,
    civreg,
    flip_byte,
    full_disk_available,
    on_full_disk,
    plain_failure,
)


def _data_key(store: Path) -> bytes:
    return KeyFile.load(keyfile_path(store)).unlock("admin", PASSWORDS["admin"])


def _root_page(store: Path, name: str) -> int:
    conn = raw_connect(store, _data_key(store))
    try:
        return conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()[0]
    finally:
        conn.close()


def _act_count(store: Path) -> int:
    conn = raw_connect(store, _data_key(store))
    try:
        return conn.execute("SELECT count(*) FROM acts WHERE status = 'registered'").fetchone()[0]
    finally:
        conn.close()


# ---- a damaged page -----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_damaged_page_read_by_a_command(store_path: Path, lang: str) -> None:
    # `civreg info` counts acts through this index: its (only) page is read by the command.
    flip_byte(store_path, _root_page(store_path, "ix_acts_status_kind"))
    r = civreg(
        "info", "--store", str(store_path), "--user", "admin",
        user_password=PASSWORDS["admin"], lang=lang,
    )  # fmt: skip
    assert plain_failure(r) == t("store.damaged", lang)


def test_damaged_pages_at_open_are_not_called_a_foreign_file(store_path: Path) -> None:
    pages = store_path.stat().st_size // 4096
    for page in range(2, pages + 1):
        flip_byte(store_path, page)
    r = civreg(
        "info", "--store", str(store_path), "--user", "admin", user_password=PASSWORDS["admin"]
    )
    assert plain_failure(r) == t("store.damaged", "en")


# ---- a full disk --------------------------------------------------------------------------
needs_tmpfs = pytest.mark.skipif(
    full_disk_available() is not None, reason=str(full_disk_available())
)


def _full_disk_case(
    store_path: Path, tmp_path: Path, lang: str, command: list[str], free_kib: int
) -> Path:
    before = _act_count(store_path)
    ((rc, out, err),) = on_full_disk(
        store_path, tmp_path / "after", [[f"--lang={lang}", *command]], free_kib=free_kib
    )
    assert rc == 1, (out, err)
    assert "Traceback" not in err and "sqlite" not in err.lower()
    assert err.strip() == t("store.disk_full", lang)
    # Nothing changed: the same acts, an intact audit chain.
    after = tmp_path / "after" / store_path.name
    assert _act_count(after) == before
    r = civreg("audit", "verify", "--store", str(after), user_password=PASSWORDS["admin"])
    assert r.returncode == 0, r.stderr
    return after


@needs_tmpfs
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_full_disk_during_registration(store_path: Path, tmp_path: Path, lang: str) -> None:
    decl = birth_declarations(tmp_path / "one.json")
    command = [
        f"CIVREG_PASSWORD={PASSWORDS['registrar']}",
        "declare", "--store", "{store}", "--user", "registrar", str(decl), "--register",
    ]  # fmt: skip
    # The shared-memory index (32 KiB) fits, the registration's transaction does not.
    _full_disk_case(store_path, tmp_path, lang, command, free_kib=36)


PASSWD = [
    f"CIVREG_PASSWORD={PASSWORDS['admin']}",
    "CIVREG_NEW_PASSWORD=Another-Baobab-Fleuve-1",
    "users", "passwd", "--store", "{store}", "--user", "admin", "clerk",
]  # fmt: skip


@needs_tmpfs
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_full_disk_during_password_change(store_path: Path, tmp_path: Path, lang: str) -> None:
    # No room for the new key file: refused, the old password still opens the store.
    after = _full_disk_case(store_path, tmp_path, lang, PASSWD, free_kib=32)
    KeyFile.load(keyfile_path(after)).unlock("clerk", PASSWORDS["clerk"])


@needs_tmpfs
def test_full_disk_at_the_commit_of_a_password_change(store_path: Path, tmp_path: Path) -> None:
    # Room for the key file (one 4 KiB block) but not for the commit.
    after = _full_disk_case(store_path, tmp_path, "en", PASSWD, free_kib=36)
    KeyFile.load(keyfile_path(after)).unlock("clerk", PASSWORDS["clerk"])


@needs_tmpfs
def test_completely_full_disk_is_not_called_a_foreign_file(
    store_path: Path, tmp_path: Path
) -> None:
    (rc, out, err), = on_full_disk(
        store_path,
        tmp_path / "after",
        [[f"CIVREG_PASSWORD={PASSWORDS['admin']}", "info", "--store", "{store}", "--user",
          "admin"]],
        free_kib=0,
    )  # fmt: skip
    assert rc == 1, out
    assert "Traceback" not in err
    assert err.strip() == t("store.disk_full", "en")
    assert err.strip() != t("store.not_a_store", "en")


# ---- a write lock held longer than the timeout ----------------------------------------------
def test_write_lock_held_beyond_the_timeout(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from civreg import cli
    from civreg.models import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 1000)
    monkeypatch.setenv("CIVREG_PASSWORD", PASSWORDS["registrar"])
    decl = birth_declarations(tmp_path / "one.json")
    before = _act_count(store_path)
    holder = raw_connect(store_path, _data_key(store_path))
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        rc = cli.main(
            ["--lang", "en", "declare", "--store", str(store_path), "--user", "registrar",
             str(decl), "--register"]
        )  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert rc == 1
    assert err.strip() == t("store.busy", "en", seconds=1)
    assert "Traceback" not in err
    assert _act_count(store_path) == before


def test_busy_message_gives_the_real_timeout() -> None:
    from civreg.errors import plain_error

    exc = sqlite3.OperationalError("database is locked")
    assert plain_error(exc, busy_seconds=30).message("fr") == t("store.busy", "fr", seconds=30)


def test_lock_released_in_time_is_waited_for(store_path: Path, tmp_path: Path) -> None:
    """The other side of the timeout: a short lock is simply waited for."""
    decl = birth_declarations(tmp_path / "one.json")
    holder = raw_connect(store_path, _data_key(store_path))
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(1.0, lambda: holder.execute("ROLLBACK"))
    timer.start()
    try:
        r = civreg(
            "declare", "--store", str(store_path), "--user", "registrar", str(decl),
            "--register", user_password=PASSWORDS["registrar"],
        )  # fmt: skip
    finally:
        timer.join()
        holder.close()
    assert r.returncode == 0, r.stderr


# ---- a tampered or damaged key file --------------------------------------------------------
def _tamper(store: Path, change) -> None:
    kpath = keyfile_path(store)
    doc = json.loads(kpath.read_text())
    change(doc)
    kpath.write_text(json.dumps(doc))


def _admin_slot(store: Path, doc: dict) -> dict:
    sid = KeyFile.load(keyfile_path(store)).slot_id("admin")
    return next(s for s in doc["slots"] if s["id"] == sid)


@pytest.mark.parametrize(
    "what",
    ["time_cost_zero", "memory_cost_huge", "memory_cost_too_big", "parallelism_text", "json"],
)
def test_tampered_key_file_is_a_plain_message(store_path: Path, what: str) -> None:
    kpath = keyfile_path(store_path)
    if what == "json":
        kpath.write_bytes(kpath.read_bytes()[:-40])
    else:
        field, value = {
            "time_cost_zero": ("time_cost", 0),
            "memory_cost_huge": ("memory_cost", 2**40),
            "memory_cost_too_big": ("memory_cost", 64 * 1024 * 1024),  # 64 GiB: would hang
            "parallelism_text": ("parallelism", "4"),
        }[what]

        def change(doc: dict) -> None:
            _admin_slot(store_path, doc)["kdf"][field] = value
            doc.pop("checksum")  # a deliberate edit: the checksum no longer helps

        _tamper(store_path, change)
    for lang in ("en", "fr"):
        r = civreg(
            "info", "--store", str(store_path), "--user", "admin",
            user_password=PASSWORDS["admin"], lang=lang, timeout=60,
        )  # fmt: skip
        msg = plain_failure(r)
        assert msg.startswith(t("store.keyfile_corrupt", lang, detail="X").split("(")[0]), msg


def test_damaged_key_file_is_not_called_a_wrong_password(store_path: Path) -> None:
    """One flipped character in a slot: the checksum tells damage from a wrong password."""

    def change(doc: dict) -> None:
        slot = _admin_slot(store_path, doc)
        w = slot["wrapped"]
        slot["wrapped"] = ("B" if w[0] != "B" else "C") + w[1:]

    _tamper(store_path, change)
    r = civreg(
        "info", "--store", str(store_path), "--user", "admin", user_password=PASSWORDS["admin"]
    )
    msg = plain_failure(r)
    assert msg != t("store.wrong_password", "en")
    assert msg.startswith(t("store.keyfile_corrupt", "en", detail="X").split("(")[0])


def test_key_file_written_before_checksums_still_opens(store_path: Path) -> None:
    _tamper(store_path, lambda doc: doc.pop("checksum"))
    r = civreg(
        "info", "--store", str(store_path), "--user", "admin", user_password=PASSWORDS["admin"]
    )
    assert r.returncode == 0, r.stderr
