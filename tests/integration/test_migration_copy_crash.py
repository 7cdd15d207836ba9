"""The copy a store gets before its schema is upgraded appears whole or not at all: a kill
in the middle of it leaves no truncated ``.bak`` that looks like a backup (issue 13, crash
harness "migrate")."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from civreg.models import migrate
from civreg.models.engine import raw_connect
from civreg.security.keyfile import KeyFile, keyfile_path
from tests.conftest import PASSWORDS

ROOT = Path(__file__).resolve().parents[2]


def _older_padded_store(store: Path) -> bytes:
    """The store one revision back, padded to ~40 MB so that copying it takes a while."""
    from alembic import command

    from civreg.models.engine import sqlcipher_engine

    key = KeyFile.load(keyfile_path(store)).unlock("admin", PASSWORDS["admin"])
    engine = sqlcipher_engine(store, key)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, migrate.REVISIONS[-2])
        conn.exec_driver_sql(
            "INSERT INTO settings (key, value) VALUES ('padding', ?)", ("x" * (40 << 20),)
        )
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return key


@pytest.mark.skipif(len(migrate.REVISIONS) < 2, reason="only one schema revision exists")
def test_kill_during_the_pre_upgrade_copy(store_path: Path) -> None:
    key = _older_padded_store(store_path)
    env = {  # the test's own user data folder (the stores' marks), never the real one
        k: v for k, v in os.environ.items() if not k.startswith("CIVREG_") or k == "CIVREG_DATA_DIR"
    }
    code = (
        "import sys\nfrom civreg.services.store_access import login\n"
        "login(sys.argv[1], 'admin', sys.argv[2]).close()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(store_path), PASSWORDS["admin"]], cwd=ROOT, env=env
    )
    folder = store_path.parent
    killed = False
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        copies = [p for p in folder.iterdir() if ".bak-" in p.name and p.stat().st_size > 0]
        if copies:
            os.kill(proc.pid, signal.SIGKILL)  # in the middle of the copy
            killed = True
            break
        time.sleep(0.001)
    proc.wait(timeout=60)
    assert killed, "the copy finished before it could be interrupted"
    # Whatever is left under a final name is a complete copy of the store.
    for bak in folder.glob("store.db.bak-*"):
        conn = raw_connect(bak, key)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert (
                conn.execute("SELECT length(value) FROM settings WHERE key='padding'").fetchone()[0]
                == 40 << 20
            )
        finally:
            conn.close()
    # The next start upgrades the store and removes the interrupted copy's temporary file.
    from civreg.services.store_access import login

    ctx = login(store_path, "admin", PASSWORDS["admin"])
    try:
        assert migrate.current_revision(ctx.store.engine) == migrate.head_revision()
    finally:
        ctx.close()
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
