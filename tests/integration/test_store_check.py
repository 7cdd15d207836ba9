"""``civreg check``: one line per finding, exit 1 when anything is wrong (issue 13)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from civreg.models.engine import raw_connect
from civreg.security.keyfile import KeyFile, keyfile_path
from civreg.services.check import check_store, login_check
from tests.conftest import PASSWORDS
from tests.integration.durability_support import birth_declarations, civreg, flip_byte


def _key(store: Path) -> bytes:
    return KeyFile.load(keyfile_path(store)).unlock("admin", PASSWORDS["admin"])


def _sql(store: Path, *statements: str) -> None:
    conn = raw_connect(store, _key(store))
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        for st in statements:
            conn.execute(st)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _register(store: Path, tmp_path: Path, n: int) -> None:
    decl = birth_declarations(tmp_path / "d.json", n)
    r = civreg(
        "declare", "--store", str(store), "--user", "registrar", str(decl), "--register",
        user_password=PASSWORDS["registrar"],
    )  # fmt: skip
    assert r.returncode == 0, r.stderr


def _check(store: Path, *extra: str, lang: str = "en"):
    return civreg(
        "check", "--store", str(store), "--user", "admin", *extra,
        user_password=PASSWORDS["admin"], lang=lang,
    )  # fmt: skip


def test_healthy_store_passes(store_path: Path, tmp_path: Path) -> None:
    _register(store_path, tmp_path, 3)
    r = _check(store_path)
    assert r.returncode == 0, r.stdout
    lines = r.stdout.splitlines()
    for what in ("file structure", "encrypted pages", "links between records", "numbering",
                 "audit log"):  # fmt: skip
        assert any(ln.startswith("OK: " + what) for ln in lines), (what, r.stdout)
    assert "OK: key file: in step with the store" in lines, r.stdout
    assert "NOT CHECKED" not in r.stdout
    assert "3 act(s), no gap" in r.stdout
    r = _check(store_path, lang="fr")
    assert r.returncode == 0 and "OK : structure du fichier : intacte" in r.stdout


def test_numbering_gap_is_found(store_path: Path, tmp_path: Path) -> None:
    _register(store_path, tmp_path, 3)
    # An act lost from the register: its number was allocated but no act holds it.
    _sql(store_path, "UPDATE registers SET next_number = next_number + 2")
    r = _check(store_path)
    assert r.returncode == 1
    gap = [ln for ln in r.stdout.splitlines() if ln.startswith("FAIL: numbering")]
    assert len(gap) == 1 and "2 number(s) missing between 1 and 5 (4, 5)" in gap[0], r.stdout


def test_numbered_draft_does_not_fill_a_gap(store_path: Path, tmp_path: Path) -> None:
    """The check counts numbers in the index only; an act put back to draft with its number
    (a damaged store) still leaves its number missing from the register."""
    _register(store_path, tmp_path, 3)
    _sql(
        store_path,
        "DROP TRIGGER acts_frozen_update",  # as someone editing the file would
        "UPDATE acts SET status = 'draft' WHERE number = 2",
    )
    r = _check(store_path)
    assert r.returncode == 1
    gap = [ln for ln in r.stdout.splitlines() if ln.startswith("FAIL: numbering")]
    assert len(gap) == 1 and "1 number(s) missing between 1 and 3 (2)" in gap[0], r.stdout


def test_fast_check_in_slices_says_the_same(login, store_path: Path, tmp_path: Path) -> None:
    from civreg.services.check import login_check_sliced

    _register(store_path, tmp_path, 2)
    _sql(store_path, "UPDATE registers SET next_number = next_number + 1")
    ctx = login("clerk")
    steps = login_check_sliced(ctx)
    slices = 0
    while True:
        try:
            next(steps)
            slices += 1
        except StopIteration as stop:
            report = stop.value
            break
    assert slices > 3  # between checks and between registers
    assert [f.message("en") for f in report.findings] == [
        f.message("en") for f in login_check(ctx).findings
    ]
    assert not report.ok


def test_tampered_audit_is_found(store_path: Path, tmp_path: Path) -> None:
    _register(store_path, tmp_path, 1)
    _sql(store_path, "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2")
    r = _check(store_path)
    assert r.returncode == 1
    assert any(
        ln.startswith("FAIL: audit log: tampered at entry #2") for ln in r.stdout.splitlines()
    )


def test_broken_link_is_found(store_path: Path, tmp_path: Path) -> None:
    _register(store_path, tmp_path, 1)
    _sql(store_path, "INSERT INTO mentions (uuid, act_id, kind, date, text, authority, reference,"
         " related_ref, source, recorded_by_name, recorded_at) VALUES ('x', 99999, 'other',"
         " '2025-01-01', '', '', '', '', 'local', '', '2025-01-01 00:00:00')")  # fmt: skip
    r = _check(store_path)
    assert r.returncode == 1
    assert "FAIL: links between records: 1 row(s) of table mentions" in r.stdout


def test_flipped_byte_in_a_page_never_read_is_found(store_path: Path, tmp_path: Path) -> None:
    """The page's HMAC catches what no command would read (issue: 3 of 8 flips unnoticed)."""
    _register(store_path, tmp_path, 2)
    # A page of the people named on acts: no login, no listing reads it (the last page of
    # the file may be the key slots', which every open reads and then reports as damaged).
    conn = raw_connect(store_path, _key(store_path))
    try:
        (page,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'act_persons'"
        ).fetchone()
    finally:
        conn.close()
    flip_byte(store_path, page)
    r = _check(store_path)
    assert r.returncode == 1, r.stdout
    lines = r.stdout.splitlines()
    assert any(ln.startswith("FAIL: encrypted pages: 1 page(s)") for ln in lines)
    tags = ("OK: ", "FAIL: ", "WARNING: ", "NOT CHECKED: ", "Check finished: ")
    assert all(ln.startswith(tags) for ln in lines), r.stdout  # one line per finding


def test_fast_check_at_login(login, store_path: Path, tmp_path: Path) -> None:
    _register(store_path, tmp_path, 2)
    ctx = login("clerk")  # every user gets the fast check, no role needed
    report = login_check(ctx)
    assert report.ok and not report.full, [f.message("en") for f in report.findings]
    assert {f.check for f in report.findings} >= {"numbering", "audit", "keyfile"}
    _sql(store_path, "UPDATE registers SET next_number = next_number + 1")
    assert not login_check(ctx).ok


def test_check_needs_a_role(login) -> None:
    import pytest

    from civreg.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        check_store(login("clerk"))


def test_key_file_altered_outside_civreg_is_a_failure(store_path: Path) -> None:
    """Key file against the database (issue 13 item 3): a slot edited by hand."""
    kpath = keyfile_path(store_path)
    doc = json.loads(kpath.read_text())
    sid = KeyFile.load(kpath).slot_id("clerk")
    for slot in doc["slots"]:
        if slot["id"] == sid:
            slot["grants"]["signing"] = slot["grants"]["data"]  # a clerk "grants" themselves
    doc.pop("checksum")  # a deliberate edit, not damage
    kpath.write_text(json.dumps(doc))
    r = _check(store_path)
    assert r.returncode == 1, r.stdout
    assert "FAIL: key file: A key file entry differs from the store's" in r.stdout, r.stdout
    r = _check(store_path, lang="fr")
    assert "ÉCHEC : fichier de clés : Une entrée du fichier de clés diffère" in r.stdout, r.stdout


def test_database_put_back_alone_is_a_failure(store_path: Path, tmp_path: Path) -> None:
    """The database copied back without its key file: the key file is ahead."""
    old = tmp_path / "old.db"
    shutil.copy2(store_path, old)
    r = civreg(
        "users", "disable", "--store", str(store_path), "--user", "admin", "clerk",
        user_password=PASSWORDS["admin"],
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    shutil.copy2(old, store_path)
    Path(f"{store_path}-wal").unlink(missing_ok=True)
    r = _check(store_path)
    assert r.returncode == 1, r.stdout
    assert "FAIL: key file: The key file holds access changes the store does not know" in r.stdout


def test_key_file_temporaries_of_a_killed_write_are_removed_at_the_next_open(
    store_path: Path, login
) -> None:
    """A process killed while it rewrote the key file leaves its temporary copy (wrapped keys,
    no data in clear) beside the store: the next open removes it, under the key file's lock."""
    kpath = keyfile_path(store_path)
    left = kpath.with_name(f".{kpath.name}.x1y2z3.tmp")
    left.write_bytes(kpath.read_bytes()[:100])  # cut short, as a kill leaves it
    other = store_path.with_name(f".{store_path.name}.unrelated.tmp")
    other.write_bytes(b"not ours")
    login("clerk")
    assert not left.exists()
    assert other.exists()  # only the key file's own temporaries


def test_check_still_runs_when_the_pages_every_open_reads_are_damaged(store_path: Path) -> None:
    """Opening is refused ("the store is damaged: run the store check"): the check must then
    still run what it can (the file's structure, every page's code) and say which pages."""
    conn = raw_connect(store_path, _key(store_path))
    try:
        (page,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'key_slots'"
        ).fetchone()
    finally:
        conn.close()
    flip_byte(store_path, page)
    r = civreg(
        "info", "--store", str(store_path), "--user", "admin", user_password=PASSWORDS["admin"]
    )
    assert r.returncode == 1 and "store check" in r.stderr  # the open is refused
    r = _check(store_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stdout.splitlines()
    assert any(ln.startswith("FAIL: encrypted pages: 1 page(s)") for ln in lines), r.stdout
    assert any(ln.startswith("FAIL: the store could not be opened") for ln in lines), r.stdout
    r = civreg(
        "check", "--store", str(store_path), "--user", "admin", user_password="Wrong-Password-12"
    )
    assert r.returncode == 1 and "FAIL" not in r.stdout  # the password still guards it
